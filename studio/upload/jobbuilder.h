// Turns "this file, to that target" into a queue entry: checks the file can be read, normalises the target
// and fingerprints the content (size, mtime, SHA-256) so duplicates and later changes can be recognised.
#pragma once

#include "uploadconfig.h"
#include "uploaderror.h"
#include "uploadjob.h"

#include <atomic>

namespace xz::upload {

struct FileStamp {
    qint64 size = 0;
    qint64 mtimeMs = 0;
    quint64 inode = 0;
    bool operator==(const FileStamp&) const = default;
};

class JobBuilder {
public:
    static Result<UploadJob> fromFile(const QString& path, const QString& target, const QString& title,
                                      const QStringList& hashtags, const UploadConfig& config);
    // Size, mtime and inode, or the user-facing reason the file cannot be used.
    static Result<FileStamp> stamp(const QString& path);
    // Can the file be opened for reading right now?
    static std::optional<UploadError> checkReadable(const QString& path);
};

} // namespace xz::upload
