#include "httpputtarget.h"

#include "httpfailure.h"
#include "uploadlog.h"

#include "redact.h"

#include <QFileInfo>
#include <QUrl>

namespace xz::upload {

HttpPutTarget::HttpPutTarget(Transport& transport, const Redactor& redactor, HttpPutOptions options)
    : transport_(transport), redactor_(redactor), options_(std::move(options)),
      scope_(QUrl(options_.url), options_.allowInsecureHttp) {}

HttpPutTarget::~HttpPutTarget() {
    abort();
}

void HttpPutTarget::abort() {
    active_ = false;
    if (inflight_)
        transport_.cancel(std::exchange(inflight_, 0));
}

void HttpPutTarget::send(HttpRequest request, void (HttpPutTarget::*handler)(const HttpResponse&),
                         Transport::Progress progress) {
    request.url = destination_;
    if (!options_.authorization.isEmpty()) {
        if (auto refused = scope_.attach(request, "Authorization", options_.authorization.toUtf8()))
            return finish(TargetOutcome{false, {}, *refused});
    }
    inflight_ = transport_.send(
        std::move(request),
        [this, handler](const HttpResponse& r) {
            inflight_ = 0;
            if (active_)
                (this->*handler)(r);
        },
        std::move(progress));
}

void HttpPutTarget::start(const TargetJob& job, Callbacks callbacks) {
    job_ = job;
    callbacks_ = std::move(callbacks);
    active_ = true;
    destination_ = options_.url;
    if (!options_.multipartPost && destination_.endsWith(QLatin1Char('/')))
        destination_ += QString::fromUtf8(QUrl::toPercentEncoding(QFileInfo(job_.path).fileName()));
    if (!options_.multipartPost && job_.session.value(QLatin1String("started")).toBool()) {
        HttpRequest head;
        head.method = "HEAD";
        send(std::move(head), &HttpPutTarget::onHead);
        return;
    }
    upload();
}

void HttpPutTarget::onHead(const HttpResponse& r) {
    // Only a complete file of the right length counts; anything else is uploaded again from the start.
    if (!r.transportFailed() && r.status >= 200 && r.status < 300 &&
        r.header("content-length").toLongLong() == job_.size) {
        qCInfo(lcUpload) << "job" << job_.id << "was already on the server before a restart";
        return finish(TargetOutcome{true, destination_, {}});
    }
    upload();
}

void HttpPutTarget::upload() {
    HttpRequest r;
    r.method = options_.multipartPost ? "POST" : "PUT";
    r.file = FileRange{job_.path, 0, job_.size};
    if (options_.multipartPost) {
        MultipartForm form;
        form.fields.append({"title", job_.title.toUtf8()});
        form.fields.append({"hashtags", job_.hashtags.join(QLatin1Char(' ')).toUtf8()});
        form.fields.append({"sha256", job_.sha256Hex});
        form.fileName = QFileInfo(job_.path).fileName();
        r.form = form;
    } else {
        r.setHeader("Content-Type", "application/octet-stream");
    }
    if (callbacks_.checkpoint)
        callbacks_.checkpoint(QJsonObject{{QStringLiteral("started"), true}}, 0);
    send(std::move(r), &HttpPutTarget::onUploaded, [this](qint64 sent) {
        if (callbacks_.progress)
            callbacks_.progress(std::min(sent, job_.size));
    });
}

void HttpPutTarget::onUploaded(const HttpResponse& r) {
    if (auto error = HttpFailure::classify(r, redactor_, options_.maxRetryAfterMs)) {
        if (error->kind == UploadError::Kind::TokenExpired)
            error->kind = UploadError::Kind::Fatal;
        return finish(TargetOutcome{false, {}, *error});
    }
    const QString location = QString::fromUtf8(r.header("location"));
    finish(TargetOutcome{true, location.isEmpty() ? destination_ : location, {}});
}

void HttpPutTarget::finish(TargetOutcome outcome) {
    active_ = false;
    if (outcome.ok && callbacks_.checkpoint)
        callbacks_.checkpoint(QJsonObject{{QStringLiteral("started"), true}}, job_.size);
    if (auto cb = callbacks_.finished)
        cb(outcome);
}

} // namespace xz::upload
