// Douyin open-platform style part upload: init (an upload id valid for a limited time), numbered parts
// (20 MB recommended, 5 MB minimum except the last), complete (gives a video id), then create_video with the
// title and hashtags. Errors arrive as data.error_code in a JSON body; the codes we act on:
//   2190008  access token expired  -> refresh through the TokenSource once, then give up
//   2190015  upload id expired      -> start over cleanly with a new upload id
// A crash between create_video and recording it is caught on restart by asking video_data for the video id.
#pragma once

#include "transport.h"
#include "uploadconfig.h"
#include "uploadtarget.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace xz::upload {

class TokenSource;

class DouyinTarget : public UploadTarget {
public:
    static constexpr int kTokenExpired = 2190008;
    static constexpr int kUploadExpired = 2190015;

    DouyinTarget(Transport& transport, const Redactor& redactor, TokenSource& tokens, DouyinAccount account,
                 qint64 maxRetryAfterMs);
    ~DouyinTarget() override;

    void start(const TargetJob& job, Callbacks callbacks) override;
    void abort() override;

private:
    using Step = void (DouyinTarget::*)();
    using Handler = void (DouyinTarget::*)(const QJsonObject& data);

    void call(const QString& path, const QUrlQuery& query, QByteArray jsonBody, Step retry, Handler handler,
              std::optional<FileRange> part = std::nullopt);
    void onReply(const HttpResponse& r, const QString& usedToken, Step retry, Handler handler);
    void init();
    void onInit(const QJsonObject& data);
    void sendPart();
    void onPart(const QJsonObject& data);
    void complete();
    void onComplete(const QJsonObject& data);
    void createVideo();
    void onCreated(const QJsonObject& data);
    void queryCreated();
    void onQueried(const QJsonObject& data);
    void startOver(const QString& why);
    void checkpoint(qint64 offset);
    int partCount() const;
    void succeed(const QString& itemId);
    void fail(UploadError error);
    UploadError malformed(const QString& what) const;

    Transport& transport_;
    const Redactor& redactor_;
    TokenSource& tokens_;
    DouyinAccount account_;
    qint64 maxRetryAfterMs_;
    TargetJob job_;
    Callbacks callbacks_;
    QJsonObject session_;
    Transport::Id inflight_ = 0;
    bool active_ = false;
    bool refreshed_ = false;
    bool startedOver_ = false;
    qint64 partStart_ = 0;
};

} // namespace xz::upload
