#include "secretpolicy.h"

#include <QHostAddress>

namespace xz::upload {

bool SecretPolicy::isLoopbackHost(const QString& host) {
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<UploadError> SecretPolicy::checkCanCarrySecret(const QUrl& url, bool allowInsecureHttp) {
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

} // namespace xz::upload
