// Replaces a file so that a crash (or a kill, or a power cut) at any moment leaves either the old content or
// the new, never half of it: the bytes go to a temporary file in the same folder, are fsync'd, renamed over
// the target, and the folder is fsync'd so the rename itself survives. Every file the studio keeps goes
// through here: the markers sidecar, the rundown's crash-safe state, settings, the files commands write.
#pragma once

#include "usererror.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace xz {

class AtomicFile {
public:
    // Shared: readable by the editor and other tools like any document (0644). Private: only its owner may
    // read it (0600), for files holding stream keys, tokens or passwords.
    enum class Access { Shared = 1, Private };
    static std::optional<UserError> write(const QString& path, const QByteArray& bytes,
                                          Access access = Access::Shared);
};

} // namespace xz
