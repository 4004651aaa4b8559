#include "httpfailure.h"

#include "redact.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

#include <curl/curl.h>

namespace xz::upload {
namespace {

QString findMessage(const QJsonObject& object) {
    for (const char* key : {"message", "description", "error_description", "error", "msg"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
    }
    const QJsonValue data = object.value(QLatin1String("data"));
    return data.isObject() ? findMessage(data.toObject()) : QString();
}

UploadError transportError(const HttpResponse& r) {
    const QString detail = QStringLiteral("curl %1: %2").arg(r.curlCode).arg(r.errorText);
    switch (CURLcode(r.curlCode)) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return UploadError::fatal(QStringLiteral("服务器证书校验失败"),
                                  QStringLiteral("the server's TLS certificate could not be verified"),
                                  detail);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return UploadError::fatal(QStringLiteral("上传地址无效"),
                                  QStringLiteral("the upload address is invalid"), detail);
    case CURLE_READ_ERROR:
    case CURLE_ABORTED_BY_CALLBACK:
        return UploadError::fatal(
            QStringLiteral("读取文件失败（文件可能在排队后被修改）"),
            QStringLiteral("reading the file failed (it may have changed after queueing)"), detail);
    case CURLE_OPERATION_TIMEDOUT:
        return UploadError::retryable(QStringLiteral("网络超时或传输停滞"),
                                      QStringLiteral("the network timed out or the transfer stalled"),
                                      detail);
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        return UploadError::retryable(QStringLiteral("无法连接服务器"),
                                      QStringLiteral("cannot connect to the server"), detail);
    default:
        // Resets, broken pipes, empty replies and the rest of the network's moods: worth another try.
        return UploadError::retryable(QStringLiteral("网络连接中断"),
                                      QStringLiteral("the connection was interrupted"), detail);
    }
}

} // namespace

QString HttpFailure::serverMessage(const HttpResponse& response) {
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    if (doc.isObject()) {
        const QString message = findMessage(doc.object());
        if (!message.isEmpty())
            return message.left(300);
    }
    return response.bodyExcerpt();
}

std::optional<qint64> HttpFailure::parseRetryAfter(const QByteArray& value, qint64 maxMs,
                                                   const QDateTime& now) {
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool digitsOnly = true;
    for (char c : text)
        digitsOnly = digitsOnly && c >= '0' && c <= '9';
    if (digitsOnly) {
        // More than nine digits is decades: clamp instead of overflowing.
        if (text.size() > 9)
            return maxMs;
        return std::min(maxMs, text.toLongLong() * 1000);
    }
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::utc());
    return std::clamp<qint64>(now.msecsTo(utc), 0, maxMs);
}

std::optional<UploadError> HttpFailure::classify(const HttpResponse& r, const Redactor& redactor,
                                                 qint64 maxRetryAfterMs) {
    std::optional<UploadError> error;
    if (r.transportFailed()) {
        error = transportError(r);
    } else if (r.status >= 200 && r.status < 300) {
        return std::nullopt;
    } else {
        const QString said = serverMessage(r);
        const QString detail = QStringLiteral("HTTP %1%2")
                                   .arg(r.status)
                                   .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said);
        switch (r.status) {
        case 401:
            error = UploadError::fatal(QStringLiteral("身份验证失败"),
                                       QStringLiteral("authentication failed"), detail);
            error->kind = UploadError::Kind::TokenExpired;
            break;
        case 403:
            error = UploadError::fatal(QStringLiteral("服务器拒绝访问"),
                                       QStringLiteral("the server refused access"), detail);
            break;
        case 404:
            error =
                UploadError::fatal(QStringLiteral("服务器上找不到上传地址"),
                                   QStringLiteral("the upload address does not exist on the server"), detail);
            break;
        case 413:
            error = UploadError::fatal(QStringLiteral("文件太大，服务器拒收%1")
                                           .arg(said.isEmpty() ? QString() : QStringLiteral("：") + said),
                                       QStringLiteral("the file is too large for the server%1")
                                           .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said),
                                       detail);
            break;
        case 408:
        case 425:
        case 429:
            error = UploadError::retryable(QStringLiteral("服务器繁忙，稍后重试"),
                                           QStringLiteral("the server is busy; will retry"), detail);
            break;
        default:
            if (r.status >= 500) {
                error = UploadError::retryable(QStringLiteral("服务器出错（%1），稍后重试").arg(r.status),
                                               QStringLiteral("server error (%1); will retry").arg(r.status),
                                               detail);
            } else if (r.status >= 300 && r.status < 400) {
                error = UploadError::fatal(QStringLiteral("服务器意外地重定向"),
                                           QStringLiteral("the server answered with an unexpected redirect"),
                                           detail);
            } else {
                error = UploadError::fatal(
                    QStringLiteral("服务器拒绝了上传（%1）").arg(r.status),
                    QStringLiteral("the server rejected the upload (%1)").arg(r.status), detail);
            }
        }
        if (error->canRetry())
            error->retryAfterMs = parseRetryAfter(r.header("retry-after"), maxRetryAfterMs);
    }
    error->zh = redactor.redact(error->zh);
    error->en = redactor.redact(error->en);
    error->detail = redactor.redact(error->detail);
    return error;
}

} // namespace xz::upload
