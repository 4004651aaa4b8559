// tus 1.0 resumable uploads (tus.io/protocols/resumable-upload): creation, HEAD to learn the server's offset,
// PATCH in chunks, and the checksum extension (sha1) when the server offers it. Works against any tus server.
#pragma once

#include "credentialscope.h"
#include "transport.h"
#include "uploadtarget.h"

namespace xz {
class Redactor;
}

namespace xz::upload {

struct TusOptions {
    QString endpoint; // the creation URL, http(s)://host/files/
    qint64 chunkBytes = 64ll << 20;
    QString authorization; // optional Authorization header value (a secret)
    bool allowInsecureHttp = false;
    qint64 maxRetryAfterMs = 900'000;
};

class TusTarget : public UploadTarget {
public:
    TusTarget(Transport& transport, const Redactor& redactor, TusOptions options);
    ~TusTarget() override;

    void start(const TargetJob& job, Callbacks callbacks) override;
    void abort() override;

private:
    HttpRequest request(const QByteArray& method, const QString& url) const;
    void send(HttpRequest request, void (TusTarget::*handler)(const HttpResponse&));
    void discover();
    void onOptions(const HttpResponse& r);
    void create();
    void onCreated(const HttpResponse& r);
    void head();
    void onHead(const HttpResponse& r);
    void sendChunk();
    void onPatched(const HttpResponse& r);
    void startOver(const QString& why);
    void confirm(qint64 offset);
    void succeed();
    void fail(UploadError error);
    void failFrom(const HttpResponse& r);
    UploadError malformed(const QString& what) const;

    Transport& transport_;
    const Redactor& redactor_;
    TusOptions options_;
    CredentialScope scope_;
    TargetJob job_;
    Callbacks callbacks_;
    Transport::Id inflight_ = 0;
    bool active_ = false;
    bool checksum_ = false;
    bool startedOver_ = false;
    int headsThisAttempt_ = 0;
    QString uploadUrl_;
    qint64 offset_ = 0;
    qint64 chunkStart_ = 0;
    qint64 chunkLength_ = 0;
};

} // namespace xz::upload
