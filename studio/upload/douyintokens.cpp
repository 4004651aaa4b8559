#include "douyintokens.h"

#include "credentialscope.h"
#include "httpfailure.h"
#include "uploadconfig.h"
#include "uploadlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace xz::upload {
namespace {

// /oauth/refresh_token/ documents this code for a refresh_token past its 30 days: only a new authorisation
// helps.
constexpr int kRefreshTokenExpired = 10010;

} // namespace

DouyinTokens::DouyinTokens(Transport& transport, UploadConfig& config, QString account)
    : transport_(transport), config_(config), account_(std::move(account)) {}

DouyinTokens::~DouyinTokens() {
    if (inflight_)
        transport_.cancel(inflight_);
}

QString DouyinTokens::accessToken() const {
    return config_.douyin.value(account_).accessToken;
}

void DouyinTokens::refresh(const QString& rejectedToken, Done done) {
    // Another job already refreshed it while this one's request was on the way.
    if (accessToken() != rejectedToken)
        return done(std::nullopt);
    waiting_.push_back(std::move(done));
    if (inflight_)
        return;
    const DouyinAccount account = config_.douyin.value(account_);
    if (account.refreshToken.isEmpty()) {
        return finish(
            UploadError::fatal(QStringLiteral("抖音访问令牌已过期，且未配置 refresh_token"),
                               QStringLiteral("the Douyin access token expired and no refresh_token is "
                                              "configured")));
    }
    const QUrl url(account.apiBase + QStringLiteral("/oauth/refresh_token/"));
    if (auto refused =
            CredentialScope(QUrl(account.apiBase), account.allowInsecureHttp).checkCanSendSecret(url))
        return finish(*refused);
    qCInfo(lcUpload) << "refreshing the access token of Douyin account" << account_;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_key"), account.clientKey);
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), account.refreshToken);
    HttpRequest r;
    r.method = "POST";
    r.url = url.toString();
    r.setHeader("Content-Type", "application/x-www-form-urlencoded");
    r.body = form.toString(QUrl::FullyEncoded).toUtf8();
    inflight_ = transport_.send(std::move(r), [this](const HttpResponse& reply) {
        inflight_ = 0;
        onRefreshed(reply);
    });
}

void DouyinTokens::onRefreshed(const HttpResponse& r) {
    const UploadError refusedBase =
        UploadError::fatal(QStringLiteral("抖音访问令牌已过期，刷新失败"),
                           QStringLiteral("the Douyin access token expired and refreshing it failed"));
    if (auto error = HttpFailure::classify(r, config_.redactor(), 0)) {
        UploadError e = *error;
        if (e.kind == UploadError::Kind::TokenExpired)
            e.kind = UploadError::Kind::Fatal;
        if (!e.canRetry()) {
            e.detail = e.message() + QStringLiteral(": ") + e.detail;
            e.zh = refusedBase.zh;
            e.en = refusedBase.en;
        }
        return finish(e);
    }
    const QJsonObject data = QJsonDocument::fromJson(r.body).object().value(QLatin1String("data")).toObject();
    const QString token = data.value(QLatin1String("access_token")).toString();
    const QJsonValue code = data.value(QLatin1String("error_code"));
    const int errorCode = code.isString() ? code.toString().toInt() : code.toInt(0);
    if (errorCode == kRefreshTokenExpired) {
        return finish(UploadError::fatal(
            QStringLiteral("抖音授权已过期（refresh_token 超过 30 天），请重新授权并把新的令牌写进 %1")
                .arg(config_.path()),
            QStringLiteral("the Douyin authorisation expired (the refresh_token is older than 30 days); "
                           "authorise again and put the new tokens in %1")
                .arg(config_.path()),
            config_.redactor().redact(HttpFailure::serverMessage(r))));
    }
    if (token.isEmpty() || errorCode != 0) {
        UploadError e = refusedBase;
        e.detail = config_.redactor().redact(HttpFailure::serverMessage(r));
        return finish(e);
    }
    config_.updateDouyinTokens(account_, token, data.value(QLatin1String("refresh_token")).toString());
    if (auto saved = config_.save(); !saved)
        qCWarning(lcUpload) << "the refreshed token could not be saved:" << saved.error().describe();
    finish(std::nullopt);
}

void DouyinTokens::finish(std::optional<UploadError> error) {
    std::vector<Done> waiting = std::move(waiting_);
    waiting_.clear();
    for (Done& done : waiting)
        done(error);
}

} // namespace xz::upload
