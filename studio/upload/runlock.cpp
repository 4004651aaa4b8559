#include "runlock.h"

#include "paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>

namespace xz::upload {

QString RunLock::defaultPath() {
    return xz::paths::dataDir() + QStringLiteral("/upload-run.lock");
}

Result<std::unique_ptr<RunLock>> RunLock::acquire(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    UniqueFd fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
    if (!fd.valid())
        return UploadError::fatal(QStringLiteral("无法创建锁文件：%1").arg(path),
                                  QStringLiteral("cannot create the lock file: %1").arg(path),
                                  QString::fromLocal8Bit(std::strerror(errno)));
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0)
        return UploadError::fatal(QStringLiteral("另一个上传进程正在运行"),
                                  QStringLiteral("another uploader is already running"), path);
    return std::unique_ptr<RunLock>(new RunLock(std::move(fd)));
}

} // namespace xz::upload
