// A clip the editor is making: a recording plus in/out points, title, hashtags, cover frame and how it will
// be exported. Only the description lives here; the recording itself is never touched by the library.
#pragma once

#include <QString>
#include <QStringList>

namespace xz::clips {

struct Clip {
    qint64 id = 0;
    QString recording; // absolute path
    double inSec = 0;
    double outSec = 0;
    QString title;
    QStringList hashtags;
    double coverSec = -1; // recording time of the cover frame; < 0: the in-point
    QString preset = QStringLiteral("douyin-vertical");
    QString fill = QStringLiteral("crop"); // "crop" or "blur"
    double cropX = 0.5;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    double durationSec() const { return outSec - inSec; }
};

} // namespace xz::clips
