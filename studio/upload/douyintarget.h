// Douyin's open-platform video upload and publish, as documented for the "代替用户发布内容到抖音" ability
// (scope video.create.bind): a clip that fits in one part goes up in one multipart request (upload_video),
// a bigger one as numbered parts of at least 5 MB except the last (init, upload_video_part..., complete),
// each giving a video_id that create_video publishes with the title and hashtags. The platform answers
// HTTP 200 with data.error_code; platformError() maps the codes to the queue's retry policy. Resume state:
// the upload id (valid two hours) and the parts the platform accepted, so a restart sends no accepted part
// again; a crash while publishing is settled by looking for the video in the account's list first.
// The sources this follows are listed at the top of douyintarget.cpp.
#pragma once

#include "credentialscope.h"
#include "transport.h"
#include "uploadconfig.h"
#include "uploadtarget.h"

#include <QJsonObject>

namespace xz::upload {

class TokenSource;

class DouyinTarget : public UploadTarget {
public:
    // An upload id lives two hours; one that has less than this left is not resumed, a new one is asked for.
    static constexpr qint64 kUploadIdLifetimeMs = 2 * 3600 * 1000;
    static constexpr qint64 kResumeMarginMs = 15 * 60 * 1000;

    DouyinTarget(Transport& transport, const Redactor& redactor, TokenSource& tokens, DouyinAccount account,
                 qint64 maxRetryAfterMs);
    ~DouyinTarget() override;

    void start(const TargetJob& job, Callbacks callbacks) override;
    void abort() override;

    // The queue's view of a data.error_code from the platform (0: success), with its description.
    static UploadError platformError(int code, const QString& description);

private:
    using Step = void (DouyinTarget::*)();
    using Handler = void (DouyinTarget::*)(const QJsonObject& data);
    struct Call {
        QByteArray method = "POST";
        QString path;
        QList<QPair<QString, QString>> query; // besides open_id
        QByteArray json;                      // a JSON body, or...
        std::optional<FileRange> video;       // ...the clip (or one part of it) as the form field "video"
    };

    void send(Call call, Step retry, Handler handler);
    void onReply(const HttpResponse& r, const QString& usedToken, const Call& call, Step retry,
                 Handler handler);
    // Refreshes the access token once per attempt and repeats the step; the second refusal is final.
    void renewToken(const QString& usedToken, Step retry, const QString& detail);
    void uploadWhole();
    void onUploaded(const QJsonObject& data);
    void init();
    void onInit(const QJsonObject& data);
    void sendPart();
    void onPart(const QJsonObject& data);
    void complete();
    void onComplete(const QJsonObject& data);
    void createVideo();
    void onCreated(const QJsonObject& data);
    void findPublished();
    void onList(const QJsonObject& data);
    void startOver(const QString& why);
    void checkpoint(qint64 offset);
    QString publishText() const;
    int partCount() const;
    void succeed(const QString& itemId);
    void fail(UploadError error);
    UploadError malformed(const QString& what) const;

    Transport& transport_;
    const Redactor& redactor_;
    TokenSource& tokens_;
    DouyinAccount account_;
    CredentialScope scope_;
    qint64 maxRetryAfterMs_;
    TargetJob job_;
    Callbacks callbacks_;
    QJsonObject session_;
    Transport::Id inflight_ = 0;
    bool active_ = false;
    bool refreshed_ = false;
    bool startedOver_ = false;
    qint64 sendingFrom_ = 0;
};

} // namespace xz::upload
