// Content hashes: SHA-256 identifies a file (duplicates, "file changed since queued"), SHA-1 feeds the tus
// checksum extension. OpenSSL's implementation uses the CPU's SHA instructions, so a 2 GB clip hashes in ~1
// s.
#pragma once

#include "uploaderror.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>

struct evp_md_ctx_st;

namespace xz::upload {

class Digest {
public:
    enum class Algorithm { Sha256 = 1, Sha1 };

    explicit Digest(Algorithm algorithm);
    ~Digest();
    Digest(const Digest&) = delete;
    Digest& operator=(const Digest&) = delete;

    void add(const char* data, qint64 size);
    QByteArray result(); // raw bytes; the digest cannot be extended afterwards

    // Hashes length bytes of path from offset (length < 0: to the end). Stops early when cancel becomes true.
    static Result<QByteArray> ofFile(Algorithm algorithm, const QString& path, qint64 offset = 0,
                                     qint64 length = -1, const std::atomic_bool* cancel = nullptr);

private:
    struct Free {
        void operator()(evp_md_ctx_st* ctx) const;
    };
    std::unique_ptr<evp_md_ctx_st, Free> ctx_;
};

} // namespace xz::upload
