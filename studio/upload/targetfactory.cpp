#include "targetfactory.h"

#include "douyintarget.h"
#include "douyintokens.h"
#include "foldertarget.h"
#include "httpputtarget.h"
#include "tustarget.h"

#include <QFileInfo>
#include <QUrl>

namespace xz::upload {
namespace {

UploadError unsupported(const QString& target) {
    return UploadError::fatal(
        QStringLiteral("不支持的上传目标：%1（可用 tus+https://、douyin://账号、https://、file:///文件夹）")
            .arg(target),
        QStringLiteral(
            "unsupported upload target: %1 (use tus+https://, douyin://ACCOUNT, https://, file:///dir)")
            .arg(target));
}

} // namespace

TargetFactory::TargetFactory(Transport& transport, UploadConfig& config)
    : transport_(transport), config_(config) {}
TargetFactory::~TargetFactory() = default;

Result<QString> TargetFactory::normalise(const QString& target, const UploadConfig& config) {
    const QUrl url(target.trimmed(), QUrl::StrictMode);
    const QString shown = Redactor::redactUrl(target);
    if (!url.isValid() || url.scheme().isEmpty())
        return unsupported(shown);
    if (!url.userInfo().isEmpty())
        return UploadError::fatal(
            QStringLiteral("请勿把用户名密码写在地址里，请写进配置文件 %1").arg(config.path()),
            QStringLiteral("do not put credentials in the URL; put them in %1").arg(config.path()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("douyin")) {
        const QString account = url.host().isEmpty() ? url.path() : url.host();
        if (!config.douyin.contains(account))
            return UploadError::fatal(
                QStringLiteral("未配置的抖音账号：%1（请在 %2 中配置）").arg(account, config.path()),
                QStringLiteral("Douyin account %1 is not configured (add it to %2)")
                    .arg(account, config.path()));
        return QStringLiteral("douyin://") + account;
    }
    if (scheme == QLatin1String("file")) {
        const QString dir = url.toLocalFile();
        if (!QFileInfo(dir).isDir())
            return UploadError::fatal(QStringLiteral("目标文件夹不存在：%1").arg(dir),
                                      QStringLiteral("the destination folder does not exist: %1").arg(dir));
        return QUrl::fromLocalFile(QFileInfo(dir).absoluteFilePath()).toString();
    }
    static const QStringList web = {QStringLiteral("http"),      QStringLiteral("https"),
                                    QStringLiteral("tus+http"),  QStringLiteral("tus+https"),
                                    QStringLiteral("post+http"), QStringLiteral("post+https")};
    if (!web.contains(scheme) || url.host().isEmpty())
        return unsupported(shown);
    QUrl normal = url;
    normal.setScheme(scheme);
    return normal.toString(QUrl::FullyEncoded);
}

Result<std::shared_ptr<UploadTarget>> TargetFactory::create(const QString& target) {
    const auto normal = normalise(target, config_);
    if (!normal)
        return normal.error();
    const QUrl url(*normal);
    const QString scheme = url.scheme();
    const Redactor& redactor = config_.redactor();
    const qint64 maxRetryAfter = config_.limits.maxRetryAfterMs;

    if (scheme == QLatin1String("douyin")) {
        const QString account = url.host().isEmpty() ? url.path() : url.host();
        std::unique_ptr<DouyinTokens>& tokens = tokens_[account];
        if (!tokens)
            tokens = std::make_unique<DouyinTokens>(transport_, config_, account);
        return std::shared_ptr<UploadTarget>(std::make_shared<DouyinTarget>(
            transport_, redactor, *tokens, config_.douyin.value(account), maxRetryAfter));
    }
    if (scheme == QLatin1String("file")) {
        return std::shared_ptr<UploadTarget>(std::make_shared<FolderTarget>(
            FolderOptions{url.toLocalFile(), config_.transfer.maxBytesPerSecond}));
    }
    QUrl web = url;
    const bool tus = scheme.startsWith(QLatin1String("tus+"));
    const bool post = scheme.startsWith(QLatin1String("post+"));
    if (tus || post)
        web.setScheme(scheme.section(QLatin1Char('+'), 1));
    const QString webUrl = web.toString(QUrl::FullyEncoded);
    const QString authorization = config_.authorizationFor(webUrl).isEmpty()
                                      ? config_.authorizationFor(*normal)
                                      : config_.authorizationFor(webUrl);
    if (tus) {
        return std::shared_ptr<UploadTarget>(
            std::make_shared<TusTarget>(transport_, redactor,
                                        TusOptions{webUrl, config_.limits.tusChunkBytes, authorization,
                                                   config_.allowInsecureHttp, maxRetryAfter}));
    }
    return std::shared_ptr<UploadTarget>(std::make_shared<HttpPutTarget>(
        transport_, redactor,
        HttpPutOptions{webUrl, post, authorization, config_.allowInsecureHttp, maxRetryAfter}));
}

} // namespace xz::upload
