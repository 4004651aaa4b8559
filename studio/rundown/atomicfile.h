// Replaces a file so that a crash (or a kill, or a power cut) at any moment leaves either the old content or
// the new, never half of it: the bytes go to a temporary file in the same folder, are fsync'd, renamed over
// the target, and the folder is fsync'd so the rename itself survives. Used for the markers sidecar, the
// rundown's crash-safe state and the files `rundown import` writes.
#pragma once

#include "usererror.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace xz::rundown {

class AtomicFile {
public:
    static std::optional<UserError> write(const QString& path, const QByteArray& bytes);
};

} // namespace xz::rundown
