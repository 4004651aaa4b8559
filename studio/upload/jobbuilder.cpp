#include "jobbuilder.h"

#include "digest.h"
#include "douyinclip.h"
#include "targetfactory.h"
#include "uniquefd.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace xz::upload {

Result<FileStamp> JobBuilder::stamp(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return UploadError::fatal(QStringLiteral("找不到文件：%1").arg(path),
                                      QStringLiteral("file not found: %1").arg(path));
        return UploadError::fatal(QStringLiteral("无法读取文件：%1").arg(path),
                                  QStringLiteral("cannot read file: %1").arg(path),
                                  QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (!S_ISREG(info.st_mode))
        return UploadError::fatal(QStringLiteral("不是普通文件：%1").arg(path),
                                  QStringLiteral("not a regular file: %1").arg(path));
    return FileStamp{qint64(info.st_size),
                     qint64(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1'000'000,
                     quint64(info.st_ino)};
}

std::optional<UploadError> JobBuilder::checkReadable(const QString& path) {
    UniqueFd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (fd.valid())
        return std::nullopt;
    return UploadError::fatal(QStringLiteral("无法读取文件：%1").arg(path),
                              QStringLiteral("cannot read file: %1").arg(path),
                              QString::fromLocal8Bit(std::strerror(errno)));
}

Result<UploadJob> JobBuilder::fromFile(const QString& path, const QString& target, const QString& title,
                                       const QStringList& hashtags, const UploadConfig& config) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const auto fileStamp = stamp(absolute);
    if (!fileStamp)
        return fileStamp.error();
    if (auto unreadable = checkReadable(absolute))
        return *unreadable;
    const auto normal = TargetFactory::normalise(target, config);
    if (!normal)
        return normal.error();
    // Refused here, before it is queued: the platform would refuse it only after the whole upload.
    if (normal->startsWith(QLatin1String("douyin://"))) {
        if (auto refused = DouyinClip::check(absolute, fileStamp->size))
            return *refused;
    }
    const auto hash = Digest::ofFile(Digest::Algorithm::Sha256, absolute);
    if (!hash)
        return hash.error();
    UploadJob job;
    job.path = absolute;
    job.size = fileStamp->size;
    job.mtimeMs = fileStamp->mtimeMs;
    job.sha256Hex = hash->toHex();
    job.target = *normal;
    job.title = title;
    for (const QString& tag : hashtags) {
        const QString clean = tag.trimmed().remove(QRegularExpression(QStringLiteral("^#+")));
        if (!clean.isEmpty())
            job.hashtags << clean;
    }
    return job;
}

} // namespace xz::upload
