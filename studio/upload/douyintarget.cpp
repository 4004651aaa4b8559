// Sources followed (read 2026; the platform moved these endpoints from /video/upload/, /video/part/*,
// /video/create/ with access_token in the query to /api/douyin/v1/video/* with an access-token header in
// 2023):
//   developer.open-douyin.com/docs/resource/zh-CN/dop/develop/openapi/
//     video-management/douyin/create-video/upload-video             POST /api/douyin/v1/video/upload_video/
//     video-management/douyin/create-video/video-part-upload-init   POST .../init_video_part_upload/
//     video-management/douyin/create-video/video-part-upload        POST .../upload_video_part/
//     video-management/douyin/create/slice-accomplish-upload        POST .../complete_video_part_upload/
//     video-management/douyin/create-video/video-create             POST .../create_video/
//     video-management/douyin/search-video/account-video-list       GET  .../video_list/
//     account-permission/refresh-access-token                       POST /oauth/refresh_token/
//     and the error-code tables of those pages (28001003/5/6/8/14/16/18, 2100004/5, 10008/2190008, 10010)
//   open.douyin.com/platform/resource/docs/openapi/video-management/douyin/create/upload/ (clip limits: mp4
//   or
//     webm, 15 minutes, 128 MB in one request, parts over 50 MB, 4 GB in all, parts >= 5 MB, 20 MB advised;
//     reply and error shapes)
//   Independent SDKs calling the same endpoints: fudiwei/DotNetCore.SKIT.FlurlHttpClient.ByteDance
//     (Extensions/DouyinOpenClientExecuteApiDouyinVideoExtensions.cs, commit 445be72
//     "随官方更新视频相关接口地址"), strangebank/douyin-open-php (upload_id valid 2 hours, form field
//     "video").
// Not documented anywhere we found: the code for an expired upload id. A parameter error on a part or on
// "complete" can only be about the upload id, so it starts the upload over once.
#include "douyintarget.h"

#include "douyintokens.h"
#include "httpfailure.h"
#include "uploadlog.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace xz::upload {
namespace {

const QString kVideoApi = QStringLiteral("/api/douyin/v1/video/");

// Codes the platform documents (see the top of this file), and the two daily limits that the SDKs name.
enum PlatformCode : int {
    kParameterError = 2100005,
    kSystemBusy = 2100004,
    kInternalError = 28001005,
    kNetworkError = 28001006,
    kTokenInvalid = 28001003,
    kTokenExpired = 28001008,
    kTokenExpiredLegacy = 2190008,
    kTokenExpiredOAuth = 10008,
    kNoAbilities = 28001014,
    kAppBanned = 28001016,
    kNoAbility = 28001018,
    kAbilityBanned = 28001019,
    kDailyPublishLimit = 2114007,
    kQuotaUsedUp = 28003017,
};

bool isTokenProblem(int code) {
    return code == kTokenInvalid || code == kTokenExpired || code == kTokenExpiredLegacy ||
           code == kTokenExpiredOAuth;
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString key(const char* name) {
    return QString::fromLatin1(name);
}

// The documentation's own samples give codes both as numbers and as strings ("0").
int codeOf(const QJsonValue& value) {
    if (value.isString())
        return value.toString().trimmed().toInt();
    return value.toInt(0);
}

QString contentTypeFor(const QString& path) {
    return QFileInfo(path).suffix().compare(QStringLiteral("webm"), Qt::CaseInsensitive) == 0
               ? QStringLiteral("video/webm")
               : QStringLiteral("video/mp4");
}

} // namespace

UploadError DouyinTarget::platformError(int code, const QString& description) {
    const QString detail = QStringLiteral("error_code %1%2")
                               .arg(code)
                               .arg(description.isEmpty() ? QString() : QStringLiteral(": ") + description);
    switch (code) {
    case kSystemBusy:
    case kInternalError:
    case kNetworkError:
        return UploadError::retryable(QStringLiteral("抖音服务器繁忙，稍后重试"),
                                      QStringLiteral("Douyin is busy; will retry"), detail);
    case kNoAbilities:
    case kAppBanned:
    case kNoAbility:
    case kAbilityBanned:
        return UploadError::fatal(
            QStringLiteral("抖音开放平台应用没有“代替用户发布内容到抖音”的能力（或已被停用），"
                           "请在开放平台控制台申请或恢复"),
            QStringLiteral("the Douyin open-platform app lacks the ability to publish for the user (or it "
                           "was suspended); apply for it in the open-platform console"),
            detail);
    case kDailyPublishLimit:
    case kQuotaUsedUp:
        return UploadError::fatal(QStringLiteral("今天的抖音发布次数已用完，请明天在上传列表中重试"),
                                  QStringLiteral("today's Douyin publishing limit is used up; retry it "
                                                 "from the upload list tomorrow"),
                                  detail);
    default: {
        const QString said = description.isEmpty() ? QStringLiteral("error_code %1").arg(code) : description;
        return UploadError::fatal(QStringLiteral("抖音拒绝了上传：%1").arg(said),
                                  QStringLiteral("Douyin rejected the upload: %1").arg(said), detail);
    }
    }
}

DouyinTarget::DouyinTarget(Transport& transport, const Redactor& redactor, TokenSource& tokens,
                           DouyinAccount account, qint64 maxRetryAfterMs)
    : transport_(transport), redactor_(redactor), tokens_(tokens), account_(std::move(account)),
      scope_(QUrl(account_.apiBase), account_.allowInsecureHttp), maxRetryAfterMs_(maxRetryAfterMs) {}

DouyinTarget::~DouyinTarget() {
    abort();
}

void DouyinTarget::abort() {
    active_ = false;
    if (inflight_)
        transport_.cancel(std::exchange(inflight_, 0));
}

void DouyinTarget::start(const TargetJob& job, Callbacks callbacks) {
    job_ = job;
    callbacks_ = std::move(callbacks);
    session_ = job.session;
    active_ = true;

    if (!session_.value(key("video_id")).toString().isEmpty()) {
        // "creating": a create_video request may have reached the platform before a crash.
        if (session_.value(key("stage")).toString() == QLatin1String("creating"))
            return findPublished();
        return createVideo();
    }
    if (job_.size <= account_.partBytes)
        return uploadWhole();
    const qint64 started = qint64(session_.value(key("started_ms")).toDouble());
    const bool resumable = !session_.value(key("upload_id")).toString().isEmpty() &&
                           started + kUploadIdLifetimeMs - kResumeMarginMs > nowMs() &&
                           qint64(session_.value(key("part_bytes")).toDouble()) == account_.partBytes;
    if (resumable)
        return sendPart();
    init();
}

void DouyinTarget::send(Call call, Step retry, Handler handler) {
    // Every value is percent-encoded by us: upload ids carry '+', '/' and '=', which a query would mangle.
    QByteArray query = "open_id=" + QUrl::toPercentEncoding(account_.openId);
    for (const auto& [name, value] : call.query)
        query += '&' + name.toUtf8() + '=' + QUrl::toPercentEncoding(value);
    HttpRequest r;
    r.method = call.method;
    r.url = account_.apiBase + call.path + QLatin1Char('?') + QString::fromLatin1(query);
    const QString token = tokens_.accessToken();
    if (auto refused = scope_.attach(r, "access-token", token.toUtf8()))
        return fail(*refused);
    if (call.video) {
        r.file = call.video;
        r.form =
            MultipartForm{{}, "video", QFileInfo(job_.path).fileName(), contentTypeFor(job_.path).toUtf8()};
        sendingFrom_ = call.video->offset;
    } else if (call.method == "POST") {
        r.setHeader("Content-Type", "application/json");
        r.body = call.json.isEmpty() ? QByteArray("{}") : call.json;
    }
    const bool isVideo = call.video.has_value();
    inflight_ = transport_.send(
        std::move(r),
        [this, token, call, retry, handler](const HttpResponse& reply) {
            inflight_ = 0;
            if (active_)
                onReply(reply, token, call, retry, handler);
        },
        [this, isVideo](qint64 sent) {
            if (isVideo && callbacks_.progress)
                callbacks_.progress(std::min(job_.size, sendingFrom_ + sent));
        });
}

void DouyinTarget::onReply(const HttpResponse& r, const QString& usedToken, const Call& call, Step retry,
                           Handler handler) {
    if (!r.transportFailed() && r.status == 401)
        return renewToken(usedToken, retry, QStringLiteral("HTTP 401"));
    if (auto error = HttpFailure::classify(r, redactor_, maxRetryAfterMs_))
        return fail(*error);
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (!doc.isObject())
        return fail(malformed(QStringLiteral("the reply is not JSON: %1").arg(r.bodyExcerpt(80))));
    if (!doc.object().value(key("data")).isObject())
        return fail(malformed(QStringLiteral("the reply has no \"data\" object")));
    const QJsonObject data = doc.object().value(key("data")).toObject();
    const QJsonObject extra = doc.object().value(key("extra")).toObject();
    int code = codeOf(data.value(key("error_code")));
    if (code == 0)
        code = codeOf(extra.value(key("error_code")));
    if (code == 0)
        return (this->*handler)(data);

    const QString description =
        redactor_.redact(data.value(key("description")).toString(extra.value(key("description")).toString()));
    const QString detail = QStringLiteral("error_code %1: %2").arg(code).arg(description);
    if (isTokenProblem(code))
        return renewToken(usedToken, retry, detail);
    const bool aboutUploadId = call.path.endsWith(QLatin1String("upload_video_part/")) ||
                               call.path.endsWith(QLatin1String("complete_video_part_upload/"));
    if (code == kParameterError && aboutUploadId)
        return startOver(QStringLiteral("the platform refused the upload id (%1)").arg(detail));
    fail(platformError(code, description));
}

void DouyinTarget::renewToken(const QString& usedToken, Step retry, const QString& detail) {
    if (refreshed_) {
        return fail(UploadError::fatal(QStringLiteral("抖音访问令牌刷新后仍被拒绝，请重新授权"),
                                       QStringLiteral("the Douyin access token was rejected even after a "
                                                      "refresh; please authorise again"),
                                       detail));
    }
    refreshed_ = true;
    tokens_.refresh(usedToken, [this, retry](std::optional<UploadError> error) {
        if (!active_)
            return;
        if (error)
            return fail(*error);
        (this->*retry)();
    });
}

void DouyinTarget::uploadWhole() {
    session_ = QJsonObject{{key("stage"), QStringLiteral("uploading")}};
    checkpoint(0);
    Call call;
    call.path = kVideoApi + QStringLiteral("upload_video/");
    call.video = FileRange{job_.path, 0, job_.size};
    send(call, &DouyinTarget::uploadWhole, &DouyinTarget::onUploaded);
}

void DouyinTarget::onUploaded(const QJsonObject& data) {
    const QString videoId = data.value(key("video")).toObject().value(key("video_id")).toString();
    if (videoId.isEmpty())
        return fail(malformed(QStringLiteral("upload reply without data.video.video_id")));
    session_ = QJsonObject{{key("video_id"), videoId}, {key("stage"), QStringLiteral("uploaded")}};
    checkpoint(job_.size);
    createVideo();
}

void DouyinTarget::init() {
    Call call;
    call.path = kVideoApi + QStringLiteral("init_video_part_upload/");
    send(call, &DouyinTarget::init, &DouyinTarget::onInit);
}

void DouyinTarget::onInit(const QJsonObject& data) {
    const QString uploadId = data.value(key("upload_id")).toString();
    if (uploadId.isEmpty())
        return fail(malformed(QStringLiteral("init reply without data.upload_id")));
    session_ = QJsonObject{{key("upload_id"), uploadId},
                           {key("started_ms"), double(nowMs())},
                           {key("part_bytes"), double(account_.partBytes)},
                           {key("parts_done"), 0},
                           {key("stage"), QStringLiteral("parts")}};
    checkpoint(0);
    sendPart();
}

int DouyinTarget::partCount() const {
    return int((job_.size + account_.partBytes - 1) / account_.partBytes);
}

void DouyinTarget::sendPart() {
    const int done = session_.value(key("parts_done")).toInt();
    if (done >= partCount())
        return complete();
    const qint64 start = qint64(done) * account_.partBytes;
    Call call;
    call.path = kVideoApi + QStringLiteral("upload_video_part/");
    call.query = {{QStringLiteral("upload_id"), session_.value(key("upload_id")).toString()},
                  {QStringLiteral("part_number"), QString::number(done + 1)}};
    call.video = FileRange{job_.path, start, std::min(account_.partBytes, job_.size - start)};
    send(call, &DouyinTarget::sendPart, &DouyinTarget::onPart);
}

void DouyinTarget::onPart(const QJsonObject&) {
    const int done = session_.value(key("parts_done")).toInt() + 1;
    session_.insert(key("parts_done"), done);
    // Recorded before the next part leaves: after a crash, accepted parts are not sent again.
    checkpoint(std::min(job_.size, qint64(done) * account_.partBytes));
    sendPart();
}

void DouyinTarget::complete() {
    Call call;
    call.path = kVideoApi + QStringLiteral("complete_video_part_upload/");
    call.query = {{QStringLiteral("upload_id"), session_.value(key("upload_id")).toString()}};
    send(call, &DouyinTarget::complete, &DouyinTarget::onComplete);
}

void DouyinTarget::onComplete(const QJsonObject& data) {
    const QString videoId = data.value(key("video")).toObject().value(key("video_id")).toString();
    if (videoId.isEmpty())
        return fail(malformed(QStringLiteral("complete reply without data.video.video_id")));
    session_ = QJsonObject{{key("video_id"), videoId}, {key("stage"), QStringLiteral("uploaded")}};
    checkpoint(job_.size);
    createVideo();
}

QString DouyinTarget::publishText() const {
    QStringList words;
    if (!job_.title.isEmpty())
        words << job_.title;
    for (const QString& tag : job_.hashtags)
        words << (tag.startsWith(QLatin1Char('#')) ? tag : QLatin1Char('#') + tag);
    return words.join(QLatin1Char(' '));
}

void DouyinTarget::createVideo() {
    // Recorded before the request leaves: after a crash before the reply, restart looks for the video first.
    session_.insert(key("stage"), QStringLiteral("creating"));
    session_.insert(key("create_sent_s"), double(nowMs() / 1000));
    checkpoint(job_.size);
    const QJsonObject body{{key("video_id"), session_.value(key("video_id"))}, {key("text"), publishText()}};
    Call call;
    call.path = kVideoApi + QStringLiteral("create_video/");
    call.json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    send(call, &DouyinTarget::createVideo, &DouyinTarget::onCreated);
}

void DouyinTarget::onCreated(const QJsonObject& data) {
    const QString itemId = data.value(key("item_id")).toString();
    if (itemId.isEmpty())
        return fail(malformed(QStringLiteral("create_video reply without data.item_id")));
    succeed(itemId);
}

void DouyinTarget::findPublished() {
    Call call;
    call.method = "GET";
    call.path = kVideoApi + QStringLiteral("video_list/");
    call.query = {{QStringLiteral("cursor"), QStringLiteral("0")},
                  {QStringLiteral("count"), QStringLiteral("10")}};
    send(call, &DouyinTarget::findPublished, &DouyinTarget::onList);
}

void DouyinTarget::onList(const QJsonObject& data) {
    const QString videoId = session_.value(key("video_id")).toString();
    const qint64 sentS = qint64(session_.value(key("create_sent_s")).toDouble());
    const QString text = publishText();
    for (const QJsonValue& entry : data.value(key("list")).toArray()) {
        const QJsonObject item = entry.toObject();
        const QString itemId = item.value(key("item_id")).toString();
        // The list may leave video_id out; then the same text, published after our request left, is ours.
        const bool same = item.contains(key("video_id"))
                              ? item.value(key("video_id")).toString() == videoId
                              : item.value(key("title")).toString() == text &&
                                    qint64(item.value(key("create_time")).toDouble()) >= sentS - 60;
        if (same && !itemId.isEmpty()) {
            qCInfo(lcUpload) << "job" << job_.id
                             << "was already published before a restart; not publishing it again";
            return succeed(itemId);
        }
    }
    createVideo();
}

void DouyinTarget::startOver(const QString& why) {
    if (startedOver_)
        return fail(UploadError::retryable(QStringLiteral("抖音上传会话再次失效"),
                                           QStringLiteral("the Douyin upload session was lost again"), why));
    qCInfo(lcUpload) << "job" << job_.id << "starting the Douyin upload over:" << why;
    startedOver_ = true;
    session_ = {};
    checkpoint(0);
    init();
}

void DouyinTarget::checkpoint(qint64 offset) {
    if (callbacks_.checkpoint)
        callbacks_.checkpoint(session_, offset);
    if (callbacks_.progress)
        callbacks_.progress(offset);
}

void DouyinTarget::succeed(const QString& itemId) {
    active_ = false;
    session_.insert(key("stage"), QStringLiteral("created"));
    session_.insert(key("item_id"), itemId);
    checkpoint(job_.size);
    TargetOutcome outcome;
    outcome.ok = true;
    outcome.remoteId = itemId;
    if (auto cb = callbacks_.finished)
        cb(outcome);
}

void DouyinTarget::fail(UploadError error) {
    active_ = false;
    TargetOutcome outcome;
    outcome.error = std::move(error);
    if (auto cb = callbacks_.finished)
        cb(outcome);
}

UploadError DouyinTarget::malformed(const QString& what) const {
    return UploadError::fatal(QStringLiteral("服务器响应格式错误"),
                              QStringLiteral("malformed server response"), redactor_.redact(what));
}

} // namespace xz::upload
