// Writes a Rundown as a rundown file people can read and edit: members in a fixed, sensible order, one per
// line, durations as "M:SS". What `rundown import` produces; RundownLoader reads it back unchanged.
#pragma once

#include "rundown.h"

#include <QByteArray>
#include <QString>

namespace xz::rundown {

class RundownWriter {
public:
    static QByteArray toJson(const Rundown& rundown);
    // 90000 -> "1:30", 3900000 -> "1:05:00"; fractions of a second as "1:30.5".
    static QString formatDuration(qint64 ms);
};

} // namespace xz::rundown
