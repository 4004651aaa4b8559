#include "douyintarget.h"

#include "douyintokens.h"
#include "httpfailure.h"
#include "secretpolicy.h"
#include "uploadlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace xz::upload {
namespace {

const QString kApi = QStringLiteral("/api/douyin/v1/video/");
// An upload id that expires within this margin is not worth resuming: parts would be rejected half-way.
constexpr qint64 kExpiryMarginMs = 60'000;

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString key(const char* name) {
    return QString::fromLatin1(name);
}

} // namespace

DouyinTarget::DouyinTarget(Transport& transport, const Redactor& redactor, TokenSource& tokens,
                           DouyinAccount account, qint64 maxRetryAfterMs)
    : transport_(transport), redactor_(redactor), tokens_(tokens), account_(std::move(account)),
      maxRetryAfterMs_(maxRetryAfterMs) {}

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
    if (auto refused = SecretPolicy::checkCanCarrySecret(QUrl(account_.apiBase), account_.allowInsecureHttp))
        return fail(*refused);

    const QString stage = session_.value(key("stage")).toString();
    if (!session_.value(key("video_id")).toString().isEmpty()) {
        // "creating" means a create_video request may have reached the platform before a crash.
        if (stage == QLatin1String("creating"))
            return queryCreated();
        return createVideo();
    }
    const bool resumable = !session_.value(key("upload_id")).toString().isEmpty() &&
                           qint64(session_.value(key("expires_ms")).toDouble()) > nowMs() + kExpiryMarginMs &&
                           qint64(session_.value(key("part_bytes")).toDouble()) == account_.partBytes;
    if (resumable)
        return sendPart();
    init();
}

void DouyinTarget::call(const QString& path, const QUrlQuery& extraQuery, QByteArray jsonBody, Step retry,
                        Handler handler, std::optional<FileRange> part) {
    QUrl url(account_.apiBase + path);
    QUrlQuery query(extraQuery);
    query.addQueryItem(QStringLiteral("open_id"), account_.openId);
    url.setQuery(query);
    HttpRequest r;
    r.method = "POST";
    r.url = url.toString(QUrl::FullyEncoded);
    const QString token = tokens_.accessToken();
    r.setHeader("access-token", token.toUtf8());
    if (part) {
        r.setHeader("Content-Type", "application/octet-stream");
        r.file = part;
        partStart_ = part->offset;
    } else {
        r.setHeader("Content-Type", "application/json");
        r.body = jsonBody.isEmpty() ? QByteArray("{}") : jsonBody;
    }
    const bool isPart = part.has_value();
    inflight_ = transport_.send(
        std::move(r),
        [this, token, retry, handler](const HttpResponse& reply) {
            inflight_ = 0;
            if (active_)
                onReply(reply, token, retry, handler);
        },
        [this, isPart](qint64 sent) {
            if (isPart && callbacks_.progress)
                callbacks_.progress(partStart_ + sent);
        });
}

void DouyinTarget::onReply(const HttpResponse& r, const QString& usedToken, Step retry, Handler handler) {
    if (r.transportFailed()) {
        if (auto error = HttpFailure::classify(r, redactor_, maxRetryAfterMs_))
            return fail(*error);
    }
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    const QJsonObject data = doc.object().value(key("data")).toObject();
    const int errorCode = data.value(key("error_code")).toInt(0);

    if (r.status == 401 || errorCode == kTokenExpired) {
        if (refreshed_) {
            return fail(UploadError::fatal(
                QStringLiteral("抖音访问令牌刷新后仍被拒绝，请重新授权"),
                QStringLiteral("the Douyin access token was rejected even after a refresh; "
                               "please authorise again"),
                redactor_.redact(HttpFailure::serverMessage(r))));
        }
        refreshed_ = true;
        return tokens_.refresh(usedToken, [this, retry](std::optional<UploadError> error) {
            if (!active_)
                return;
            if (error)
                return fail(*error);
            (this->*retry)();
        });
    }
    if (errorCode == kUploadExpired)
        return startOver(QStringLiteral("the upload id expired (error_code %1)").arg(errorCode));
    if (auto error = HttpFailure::classify(r, redactor_, maxRetryAfterMs_))
        return fail(*error);
    if (!doc.isObject())
        return fail(malformed(QStringLiteral("the reply is not JSON: %1").arg(r.bodyExcerpt(80))));
    if (!doc.object().value(key("data")).isObject())
        return fail(malformed(QStringLiteral("the reply has no \"data\" object")));
    if (errorCode != 0) {
        const QString said = redactor_.redact(data.value(key("description")).toString());
        return fail(UploadError::fatal(QStringLiteral("抖音拒绝了上传：%1").arg(said),
                                       QStringLiteral("Douyin rejected the upload: %1").arg(said),
                                       QStringLiteral("error_code %1").arg(errorCode)));
    }
    (this->*handler)(data);
}

void DouyinTarget::init() {
    call(kApi + QStringLiteral("init_video_part_upload/"), {}, {}, &DouyinTarget::init,
         &DouyinTarget::onInit);
}

void DouyinTarget::onInit(const QJsonObject& data) {
    const QString uploadId = data.value(key("upload_id")).toString();
    if (uploadId.isEmpty())
        return fail(malformed(QStringLiteral("init reply without data.upload_id")));
    // Without an announced lifetime, assume the platform's documented minimum of one hour.
    const double expiresIn = data.value(key("expires_in")).toDouble(3600);
    session_ = QJsonObject{{key("upload_id"), uploadId},
                           {key("expires_ms"), double(nowMs() + qint64(expiresIn * 1000))},
                           {key("part_bytes"), double(account_.partBytes)},
                           {key("parts_done"), 0},
                           {key("stage"), QStringLiteral("parts")}};
    checkpoint(0);
    sendPart();
}

int DouyinTarget::partCount() const {
    return int(std::max<qint64>(1, (job_.size + account_.partBytes - 1) / account_.partBytes));
}

void DouyinTarget::sendPart() {
    const int done = session_.value(key("parts_done")).toInt();
    if (done >= partCount())
        return complete();
    const qint64 start = qint64(done) * account_.partBytes;
    const qint64 length = std::min(account_.partBytes, job_.size - start);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("upload_id"), session_.value(key("upload_id")).toString());
    query.addQueryItem(QStringLiteral("part_number"), QString::number(done + 1));
    call(kApi + QStringLiteral("upload_video_part/"), query, {}, &DouyinTarget::sendPart,
         &DouyinTarget::onPart, FileRange{job_.path, start, length});
}

void DouyinTarget::onPart(const QJsonObject&) {
    const int done = session_.value(key("parts_done")).toInt() + 1;
    session_.insert(key("parts_done"), done);
    checkpoint(std::min(job_.size, qint64(done) * account_.partBytes));
    sendPart();
}

void DouyinTarget::complete() {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("upload_id"), session_.value(key("upload_id")).toString());
    call(kApi + QStringLiteral("complete_video_part_upload/"), query, {}, &DouyinTarget::complete,
         &DouyinTarget::onComplete);
}

void DouyinTarget::onComplete(const QJsonObject& data) {
    const QString videoId = data.value(key("video")).toObject().value(key("video_id")).toString();
    if (videoId.isEmpty())
        return fail(malformed(QStringLiteral("complete reply without data.video.video_id")));
    session_.insert(key("video_id"), videoId);
    session_.insert(key("stage"), QStringLiteral("completed"));
    checkpoint(job_.size);
    createVideo();
}

void DouyinTarget::createVideo() {
    // Recorded before the request leaves: if we crash before the reply, restart asks the platform first.
    session_.insert(key("stage"), QStringLiteral("creating"));
    checkpoint(job_.size);
    QStringList words;
    if (!job_.title.isEmpty())
        words << job_.title;
    for (const QString& tag : job_.hashtags)
        words << (tag.startsWith(QLatin1Char('#')) ? tag : QLatin1Char('#') + tag);
    const QJsonObject body{{key("video_id"), session_.value(key("video_id"))},
                           {key("text"), words.join(QLatin1Char(' '))}};
    call(kApi + QStringLiteral("create_video/"), {}, QJsonDocument(body).toJson(QJsonDocument::Compact),
         &DouyinTarget::createVideo, &DouyinTarget::onCreated);
}

void DouyinTarget::onCreated(const QJsonObject& data) {
    const QString itemId = data.value(key("item_id")).toString();
    if (itemId.isEmpty())
        return fail(malformed(QStringLiteral("create_video reply without data.item_id")));
    succeed(itemId);
}

void DouyinTarget::queryCreated() {
    const QJsonObject body{{key("video_ids"), QJsonArray{session_.value(key("video_id"))}}};
    call(kApi + QStringLiteral("video_data/"), {}, QJsonDocument(body).toJson(QJsonDocument::Compact),
         &DouyinTarget::queryCreated, &DouyinTarget::onQueried);
}

void DouyinTarget::onQueried(const QJsonObject& data) {
    const QString videoId = session_.value(key("video_id")).toString();
    for (const QJsonValue& entry : data.value(key("list")).toArray()) {
        const QJsonObject item = entry.toObject();
        if (item.value(key("video_id")).toString() == videoId &&
            !item.value(key("item_id")).toString().isEmpty()) {
            qCInfo(lcUpload) << "job" << job_.id
                             << "was already published before a restart; not creating it again";
            return succeed(item.value(key("item_id")).toString());
        }
    }
    createVideo();
}

void DouyinTarget::startOver(const QString& why) {
    if (startedOver_)
        return fail(UploadError::retryable(QStringLiteral("上传会话再次过期"),
                                           QStringLiteral("the upload session expired again"), why));
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
