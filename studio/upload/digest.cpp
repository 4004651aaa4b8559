#include "digest.h"

#include "uniquefd.h"

#include <openssl/evp.h>

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <unistd.h>
#include <vector>

namespace xz::upload {

void Digest::Free::operator()(evp_md_ctx_st* ctx) const {
    EVP_MD_CTX_free(ctx);
}

Digest::Digest(Algorithm algorithm) : ctx_(EVP_MD_CTX_new()) {
    EVP_DigestInit_ex(ctx_.get(), algorithm == Algorithm::Sha1 ? EVP_sha1() : EVP_sha256(), nullptr);
}

Digest::~Digest() = default;

void Digest::add(const char* data, qint64 size) {
    EVP_DigestUpdate(ctx_.get(), data, size_t(size));
}

QByteArray Digest::result() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx_.get(), out, &size);
    return QByteArray(reinterpret_cast<const char*>(out), int(size));
}

Result<QByteArray> Digest::ofFile(Algorithm algorithm, const QString& path, qint64 offset, qint64 length,
                                  const std::atomic_bool* cancel) {
    UniqueFd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) {
        const int err = errno;
        if (err == ENOENT)
            return UploadError::fatal(QStringLiteral("找不到文件：%1").arg(path),
                                      QStringLiteral("file not found: %1").arg(path));
        return UploadError::fatal(QStringLiteral("无法读取文件：%1").arg(path),
                                  QStringLiteral("cannot read file: %1").arg(path),
                                  QString::fromLocal8Bit(std::strerror(err)));
    }
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    Digest digest(algorithm);
    std::vector<char> buffer(1 << 20);
    qint64 position = offset;
    qint64 remaining = length < 0 ? std::numeric_limits<qint64>::max() : length;
    while (remaining > 0) {
        if (cancel && cancel->load()) {
            UploadError cancelled = UploadError::fatal(QStringLiteral("已取消"), QStringLiteral("cancelled"));
            cancelled.kind = UploadError::Kind::Cancelled;
            return cancelled;
        }
        const ssize_t got =
            ::pread(fd.get(), buffer.data(), size_t(std::min<qint64>(remaining, buffer.size())), position);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return UploadError::fatal(QStringLiteral("无法读取文件：%1").arg(path),
                                      QStringLiteral("cannot read file: %1").arg(path),
                                      QString::fromLocal8Bit(std::strerror(errno)));
        }
        if (got == 0)
            break;
        digest.add(buffer.data(), got);
        position += got;
        remaining -= got;
    }
    return digest.result();
}

} // namespace xz::upload
