// Plain HTTP(S) uploads: one PUT of the whole file (http(s)://host/dir/ appends the file name), or one
// multipart/form-data POST (post+http(s)://...). No resume inside a file, but a PUT that finished on the
// server before a crash is recognised on restart by a HEAD that shows the same length.
#pragma once

#include "credentialscope.h"
#include "transport.h"
#include "uploadtarget.h"

namespace xz {
class Redactor;
}

namespace xz::upload {

struct HttpPutOptions {
    QString url; // destination; a trailing '/' means "this folder, the file's own name"
    bool multipartPost = false;
    QString authorization;
    bool allowInsecureHttp = false;
    qint64 maxRetryAfterMs = 900'000;
};

class HttpPutTarget : public UploadTarget {
public:
    HttpPutTarget(Transport& transport, const Redactor& redactor, HttpPutOptions options);
    ~HttpPutTarget() override;

    void start(const TargetJob& job, Callbacks callbacks) override;
    void abort() override;

private:
    // Sends to the destination with the configured Authorization (through the scope, which may refuse).
    void send(HttpRequest request, void (HttpPutTarget::*handler)(const HttpResponse&),
              Transport::Progress progress = {});
    void onHead(const HttpResponse& r);
    void upload();
    void onUploaded(const HttpResponse& r);
    void finish(TargetOutcome outcome);

    Transport& transport_;
    const Redactor& redactor_;
    HttpPutOptions options_;
    CredentialScope scope_;
    TargetJob job_;
    Callbacks callbacks_;
    QString destination_;
    Transport::Id inflight_ = 0;
    bool active_ = false;
};

} // namespace xz::upload
