#include "credentialscope.h"

#include "redact.h"

#include <QHostAddress>

namespace xz::upload {
namespace {

int defaultPort(const QUrl& url) {
    return url.scheme() == QLatin1String("https") ? 443 : 80;
}

int portOf(const QUrl& url) {
    return url.port(defaultPort(url));
}

QString originOf(const QUrl& url) {
    return QStringLiteral("%1://%2:%3").arg(url.scheme(), url.host()).arg(portOf(url));
}

} // namespace

CredentialScope::CredentialScope(const QUrl& endpoint, bool allowInsecureHttp)
    : endpoint_(endpoint), allowInsecureHttp_(allowInsecureHttp) {}

bool CredentialScope::isLoopbackHost(const QString& host) {
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<UploadError> CredentialScope::checkCanCarrySecret(const QUrl& url, bool allowInsecureHttp) {
    if (url.scheme() == QLatin1String("https") || allowInsecureHttp || isLoopbackHost(url.host()))
        return std::nullopt;
    return UploadError::fatal(
        QStringLiteral(
            "拒绝通过未加密的 HTTP 向 %1 发送密钥（如确需如此，请在配置中设置 allow_insecure_http）")
            .arg(url.host()),
        QStringLiteral("refusing to send credentials over plain HTTP to %1 (set allow_insecure_http in the "
                       "configuration to allow it)")
            .arg(url.host()));
}

std::optional<UploadError> CredentialScope::checkSameOrigin(const QUrl& url) const {
    // QUrl lower-cases the scheme and the host, so equal origins compare equal as strings.
    if (!url.isValid() || url.host().isEmpty() || originOf(url) != originOf(endpoint_)) {
        const QString shown = Redactor::redactUrl(url.toString());
        return UploadError::fatal(
            QStringLiteral("服务器要求把上传发往另一个地址 %1，与设置的 %2 不一致（协议、主机或端口不同）；"
                           "为保护文件和密钥，未发送任何数据")
                .arg(shown, originOf(endpoint_)),
            QStringLiteral("the server asked to send the upload to %1, which is not %2 (another scheme, host "
                           "or port); nothing was sent, to keep the file and the credentials safe")
                .arg(shown, originOf(endpoint_)));
    }
    return std::nullopt;
}

std::optional<UploadError> CredentialScope::checkCanSendSecret(const QUrl& url) const {
    if (auto refused = checkSameOrigin(url))
        return refused;
    return checkCanCarrySecret(url, allowInsecureHttp_);
}

Result<QString> CredentialScope::resolveServerUrl(const QString& requestUrl, const QByteArray& named) const {
    const QUrl reference(QString::fromUtf8(named.trimmed()), QUrl::StrictMode);
    if (named.trimmed().isEmpty() || !reference.isValid())
        return UploadError::fatal(QStringLiteral("服务器响应格式错误"),
                                  QStringLiteral("malformed server response"),
                                  QStringLiteral("the server named an unusable URL: %1")
                                      .arg(Redactor::redactUrl(QString::fromUtf8(named.left(200)))));
    QUrl resolved = QUrl(requestUrl).resolved(reference);
    if (auto refused = checkSameOrigin(resolved))
        return *refused;
    if (resolved.port() == defaultPort(resolved))
        resolved.setPort(-1); // the scheme's default, said or not: one form, so stored URLs compare equal
    return resolved.toString(QUrl::FullyEncoded);
}

std::optional<UploadError> CredentialScope::attach(HttpRequest& request, const QByteArray& header,
                                                   const QByteArray& secret) const {
    if (auto refused = checkCanSendSecret(QUrl(request.url)))
        return refused;
    request.setHeader(header, secret);
    return std::nullopt;
}

} // namespace xz::upload
