#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xz {
namespace {

// Owns one POSIX file descriptor.
class UniqueFd {
public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

UserError failure(const QString& path, const QString& step) {
    return {QStringLiteral("无法写入文件 %1").arg(path), QStringLiteral("cannot write the file %1").arg(path),
            step + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno))};
}

} // namespace

std::optional<UserError> AtomicFile::write(const QString& path, const QByteArray& bytes, Access access) {
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return UserError{QStringLiteral("无法创建文件夹 %1").arg(folder),
                         QStringLiteral("cannot create the folder %1").arg(folder), QString()};
    QByteArray temporary =
        QFile::encodeName(folder + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-XXXXXX"));
    UniqueFd fd(::mkstemp(temporary.data()));
    if (fd.get() < 0)
        return failure(path, QStringLiteral("mkstemp"));
    const auto discard = [&] { ::unlink(temporary.constData()); };
    // mkstemp creates 0600; a shared file is read by the editor and other tools like any document.
    if (access == Access::Shared)
        ::fchmod(fd.get(), 0644);
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const UserError error = failure(path, QStringLiteral("write"));
            discard();
            return error;
        }
        written += n;
    }
    if (::fsync(fd.get()) != 0) {
        const UserError error = failure(path, QStringLiteral("fsync"));
        discard();
        return error;
    }
    fd.reset();
    if (::rename(temporary.constData(), QFile::encodeName(info.absoluteFilePath()).constData()) != 0) {
        const UserError error = failure(path, QStringLiteral("rename"));
        discard();
        return error;
    }
    UniqueFd dir(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY));
    if (dir.get() >= 0)
        ::fsync(dir.get());
    return std::nullopt;
}

} // namespace xz
