#include "tustarget.h"

#include "digest.h"
#include "httpfailure.h"
#include "uploadlog.h"

#include "redact.h"

#include <QFileInfo>
#include <QUrl>

namespace xz::upload {
namespace {

constexpr const char* kTusVersion = "1.0.0";
// HEADs allowed within one attempt: enough to recover from a conflict, not enough to loop on a broken server.
constexpr int kMaxHeadsPerAttempt = 3;

std::optional<qint64> parseOffset(const QByteArray& value) {
    const QByteArray t = value.trimmed();
    if (t.isEmpty() || t.size() > 18)
        return std::nullopt;
    for (char c : t) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return t.toLongLong();
}

} // namespace

TusTarget::TusTarget(Transport& transport, const Redactor& redactor, TusOptions options)
    : transport_(transport), redactor_(redactor), options_(std::move(options)),
      scope_(QUrl(options_.endpoint), options_.allowInsecureHttp) {}

TusTarget::~TusTarget() {
    abort();
}

void TusTarget::abort() {
    active_ = false;
    if (inflight_)
        transport_.cancel(std::exchange(inflight_, 0));
}

HttpRequest TusTarget::request(const QByteArray& method, const QString& url) const {
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.setHeader("Tus-Resumable", kTusVersion);
    return r;
}

void TusTarget::send(HttpRequest request, void (TusTarget::*handler)(const HttpResponse&)) {
    // Every request of the upload passes here, so none can carry the token or the clip off the endpoint.
    if (auto refused = options_.authorization.isEmpty()
                           ? scope_.checkSameOrigin(QUrl(request.url))
                           : scope_.attach(request, "Authorization", options_.authorization.toUtf8()))
        return fail(*refused);
    const bool isPatch = request.method == "PATCH";
    inflight_ = transport_.send(
        std::move(request),
        [this, handler](const HttpResponse& r) {
            inflight_ = 0;
            if (active_)
                (this->*handler)(r);
        },
        [this, isPatch](qint64 sent) {
            if (isPatch && callbacks_.progress)
                callbacks_.progress(chunkStart_ + sent);
        });
}

void TusTarget::start(const TargetJob& job, Callbacks callbacks) {
    job_ = job;
    callbacks_ = std::move(callbacks);
    active_ = true;
    uploadUrl_ = job.session.value(QLatin1String("url")).toString();
    offset_ = 0;
    discover();
}

void TusTarget::discover() {
    send(request("OPTIONS", options_.endpoint), &TusTarget::onOptions);
}

void TusTarget::onOptions(const HttpResponse& r) {
    if (r.transportFailed())
        return failFrom(r);
    // A server without OPTIONS still speaks core tus; we just do without extensions.
    if (r.status >= 200 && r.status < 300) {
        const QByteArray extensions = r.header("tus-extension").toLower();
        const QByteArray algorithms = r.header("tus-checksum-algorithm").toLower();
        checksum_ = extensions.contains("checksum") && algorithms.split(',').contains("sha1");
        if (!extensions.isEmpty() && !extensions.contains("creation") && uploadUrl_.isEmpty())
            return fail(
                UploadError::fatal(QStringLiteral("该 tus 服务器不支持创建上传"),
                                   QStringLiteral("this tus server does not support creating uploads"),
                                   QStringLiteral("Tus-Extension: %1").arg(QString::fromLatin1(extensions))));
    }
    if (uploadUrl_.isEmpty())
        create();
    else
        head();
}

void TusTarget::create() {
    HttpRequest r = request("POST", options_.endpoint);
    r.setHeader("Upload-Length", QByteArray::number(job_.size));
    QByteArrayList metadata;
    auto meta = [&metadata](const char* key, const QString& value) {
        if (!value.isEmpty())
            metadata << QByteArray(key) + ' ' + value.toUtf8().toBase64();
    };
    meta("filename", QFileInfo(job_.path).fileName());
    meta("title", job_.title);
    meta("hashtags", job_.hashtags.join(QLatin1Char(' ')));
    meta("sha256", QString::fromLatin1(job_.sha256Hex));
    r.setHeader("Upload-Metadata", metadata.join(','));
    send(std::move(r), &TusTarget::onCreated);
}

void TusTarget::onCreated(const HttpResponse& r) {
    if (r.transportFailed() || r.status < 200 || r.status >= 300)
        return failFrom(r);
    const QByteArray location = r.header("location");
    if (location.isEmpty())
        return fail(malformed(QStringLiteral("creation reply without a Location header")));
    // Relative references resolve against the creation request's URL (RFC 3986); the result must stay on
    // the endpoint's scheme, host and port.
    const Result<QString> resolved = scope_.resolveServerUrl(options_.endpoint, location);
    if (!resolved)
        return fail(resolved.error());
    uploadUrl_ = *resolved;
    // Persist the upload URL before sending a byte: after a crash we resume this upload, not a new one.
    confirm(0);
    sendChunk();
}

void TusTarget::head() {
    ++headsThisAttempt_;
    send(request("HEAD", uploadUrl_), &TusTarget::onHead);
}

void TusTarget::onHead(const HttpResponse& r) {
    if (r.transportFailed())
        return failFrom(r);
    if (r.status == 404 || r.status == 410)
        return startOver(QStringLiteral("the server no longer knows the upload (HTTP %1)").arg(r.status));
    if (r.status < 200 || r.status >= 300)
        return failFrom(r);
    const std::optional<qint64> offset = parseOffset(r.header("upload-offset"));
    if (!offset)
        return fail(malformed(QStringLiteral("HEAD reply without a valid Upload-Offset")));
    if (const QByteArray length = r.header("upload-length");
        !length.isEmpty() && parseOffset(length) != job_.size)
        return startOver(QStringLiteral("the server's upload has a different length"));
    if (*offset > job_.size)
        return fail(
            UploadError::fatal(QStringLiteral("服务器报告的上传进度不可能（%1 字节，文件只有 %2 字节）")
                                   .arg(*offset)
                                   .arg(job_.size),
                               QStringLiteral("the server reported an impossible offset (%1 of %2 bytes)")
                                   .arg(*offset)
                                   .arg(job_.size)));
    // The server's offset is the truth, even when it is behind what we had recorded.
    confirm(*offset);
    if (offset_ == job_.size)
        return succeed();
    sendChunk();
}

void TusTarget::sendChunk() {
    chunkStart_ = offset_;
    chunkLength_ = std::min(options_.chunkBytes, job_.size - offset_);
    HttpRequest r = request("PATCH", uploadUrl_);
    r.setHeader("Upload-Offset", QByteArray::number(chunkStart_));
    r.setHeader("Content-Type", "application/offset+octet-stream");
    if (checksum_) {
        const auto sha1 = Digest::ofFile(Digest::Algorithm::Sha1, job_.path, chunkStart_, chunkLength_);
        if (!sha1)
            return fail(sha1.error());
        r.setHeader("Upload-Checksum", "sha1 " + sha1->toBase64());
    }
    r.file = FileRange{job_.path, chunkStart_, chunkLength_};
    send(std::move(r), &TusTarget::onPatched);
}

void TusTarget::onPatched(const HttpResponse& r) {
    if (r.transportFailed())
        return failFrom(r); // the next attempt asks the server how much of this chunk arrived
    if (r.status == 409 || (r.status >= 200 && r.status < 300)) {
        const std::optional<qint64> offset = parseOffset(r.header("upload-offset"));
        const bool plausible = offset && *offset > chunkStart_ && *offset <= chunkStart_ + chunkLength_;
        if (r.status != 409 && plausible) {
            confirm(*offset);
            if (offset_ == job_.size)
                return succeed();
            return sendChunk();
        }
        // A conflict or an offset that cannot be right: ask the server where it really is.
        qCWarning(lcUpload) << "job" << job_.id << "PATCH reply HTTP" << r.status << "offset"
                            << r.header("upload-offset") << "- asking the server with HEAD";
        if (headsThisAttempt_ < kMaxHeadsPerAttempt)
            return head();
        return fail(UploadError::retryable(QStringLiteral("服务器返回了错误的上传进度"),
                                           QStringLiteral("the server returned a wrong upload offset"),
                                           QStringLiteral("HTTP %1, Upload-Offset: %2")
                                               .arg(r.status)
                                               .arg(QString::fromLatin1(r.header("upload-offset")))));
    }
    if (r.status == 404 || r.status == 410)
        return startOver(QStringLiteral("the server dropped the upload (HTTP %1)").arg(r.status));
    if (r.status == 460) {
        return fail(UploadError::retryable(QStringLiteral("数据校验失败，将重新发送"),
                                           QStringLiteral("checksum mismatch; the chunk will be sent again"),
                                           QStringLiteral("HTTP 460")));
    }
    failFrom(r);
}

void TusTarget::startOver(const QString& why) {
    if (startedOver_)
        return fail(UploadError::retryable(QStringLiteral("服务器丢失了上传会话"),
                                           QStringLiteral("the server lost the upload session"), why));
    qCInfo(lcUpload) << "job" << job_.id << "starting the tus upload over:" << why;
    startedOver_ = true;
    uploadUrl_.clear();
    offset_ = 0;
    create();
}

void TusTarget::confirm(qint64 offset) {
    offset_ = offset;
    if (callbacks_.checkpoint)
        callbacks_.checkpoint(QJsonObject{{QStringLiteral("url"), uploadUrl_}}, offset_);
    if (callbacks_.progress)
        callbacks_.progress(offset_);
}

void TusTarget::succeed() {
    active_ = false;
    TargetOutcome outcome;
    outcome.ok = true;
    outcome.remoteId = uploadUrl_;
    if (auto cb = callbacks_.finished)
        cb(outcome);
}

void TusTarget::fail(UploadError error) {
    active_ = false;
    TargetOutcome outcome;
    outcome.error = std::move(error);
    if (auto cb = callbacks_.finished)
        cb(outcome);
}

void TusTarget::failFrom(const HttpResponse& r) {
    std::optional<UploadError> error = HttpFailure::classify(r, redactor_, options_.maxRetryAfterMs);
    if (!error)
        error = malformed(QStringLiteral("unexpected HTTP %1").arg(r.status));
    fail(*error);
}

UploadError TusTarget::malformed(const QString& what) const {
    return UploadError::fatal(QStringLiteral("服务器响应格式错误"),
                              QStringLiteral("malformed server response"), redactor_.redact(what));
}

} // namespace xz::upload
