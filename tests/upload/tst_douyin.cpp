// The douyin:// target against a strict loopback fake of Douyin's open platform (the documented
// /api/douyin/v1/video/* API, multipart bodies parsed by Python's email package): whole and part uploads,
// clip limits checked before queueing, expired tokens and upload ids, platform error codes, malformed
// replies, resets, rate limits and a crash between publishing and recording it.
#include "testsupport.h"

#include "jobbuilder.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <curl/curl.h>

#include <sys/stat.h>

using namespace xz::upload;
using namespace xz::upload::test;

namespace {

QStringList gLog;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& message) {
    gLog << message;
}

constexpr qint64 kMB = 1 << 20;

} // namespace

class DouyinUploadTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakePlatforms> server_;
    std::unique_ptr<TestHome> home_;
    const QString target_ = QStringLiteral("douyin://station");

    void writeAccount(const QJsonObject& overrides = {}) {
        QJsonObject account{{QStringLiteral("api"), server_->base()},
                            {QStringLiteral("open_id"), QStringLiteral("open-1")},
                            {QStringLiteral("client_key"), QStringLiteral("test-client")},
                            {QStringLiteral("access_token"), QStringLiteral("tok-SECRET-1")},
                            {QStringLiteral("refresh_token"), QStringLiteral("refresh-SECRET-1")},
                            {QStringLiteral("part_bytes"), 5 * kMB}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            if (it.value().isNull())
                account.remove(it.key());
            else
                account.insert(it.key(), it.value());
        }
        home_->writeConfig({{QStringLiteral("douyin"), QJsonObject{{QStringLiteral("station"), account}}}});
    }
    QString makeClip(qint64 size, quint64 seed = 7) {
        const QString path = home_->file(QStringLiteral("sitcom-take3.mp4"));
        writeMp4(path, size, seed);
        return path;
    }
    QJsonObject state() { return server_->state(); }
    QJsonObject onlyUpload() {
        const QJsonObject uploads = state().value(QStringLiteral("douyin_uploads")).toObject();
        return uploads.size() == 1 ? uploads.begin().value().toObject() : QJsonObject{};
    }
    QJsonObject onlyVideo() {
        const QJsonObject videos = state().value(QStringLiteral("videos")).toObject();
        return videos.size() == 1 ? videos.begin().value().toObject() : QJsonObject{};
    }
    int apiRequests() {
        int n = 0;
        for (const QJsonValue& r : state().value(QStringLiteral("requests")).toArray())
            n += !r.toArray().at(1).toString().startsWith(QStringLiteral("/_ctl/"));
        return n;
    }
    void verifyPublishedOnce(const QString& file, const QString& text) {
        const QJsonObject video = onlyVideo();
        QCOMPARE(video.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(file));
        const QJsonArray items = state().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("text")).toString(), text);
        QCOMPARE(state().value(QStringLiteral("create_calls")).toInt(), 1);
        QVERIFY2(state().value(QStringLiteral("rejected")).toArray().isEmpty(),
                 qPrintable(QJsonDocument(state().value(QStringLiteral("rejected")).toArray()).toJson()));
    }
    // One raw request to the fake platform, as a client that drifted from the API would send it.
    QJsonObject rawPost(const QString& pathAndQuery, const QByteArray& contentType, const QByteArray& body,
                        const QByteArray& fileField = {}) {
        struct EasyFree {
            void operator()(CURL* e) const { curl_easy_cleanup(e); }
        };
        struct MimeFree {
            void operator()(curl_mime* m) const { curl_mime_free(m); }
        };
        std::unique_ptr<CURL, EasyFree> easy(curl_easy_init());
        std::unique_ptr<curl_mime, MimeFree> mime;
        QByteArray reply;
        const QByteArray url = (server_->base() + pathAndQuery).toUtf8();
        curl_slist* headers = curl_slist_append(nullptr, "access-token: tok-SECRET-1");
        if (!contentType.isEmpty())
            headers = curl_slist_append(headers, "Content-Type: " + contentType);
        curl_easy_setopt(easy.get(), CURLOPT_URL, url.constData());
        curl_easy_setopt(easy.get(), CURLOPT_NOPROXY, "*");
        curl_easy_setopt(easy.get(), CURLOPT_HTTPHEADER, headers);
        if (fileField.isEmpty()) {
            curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDS, body.constData());
            curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDSIZE, long(body.size()));
        } else {
            mime.reset(curl_mime_init(easy.get()));
            curl_mimepart* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, fileField.constData());
            curl_mime_filename(part, "clip.mp4");
            curl_mime_data(part, body.constData(), size_t(body.size()));
            curl_easy_setopt(easy.get(), CURLOPT_MIMEPOST, mime.get());
        }
        curl_easy_setopt(
            easy.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t n, void* out) {
                static_cast<QByteArray*>(out)->append(data, qsizetype(size * n));
                return size * n;
            });
        curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &reply);
        curl_easy_perform(easy.get());
        curl_slist_free_all(headers);
        return QJsonDocument::fromJson(reply).object().value(QStringLiteral("data")).toObject();
    }

private slots:
    void initTestCase() {
        server_ = std::make_unique<FakePlatforms>();
        QVERIFY(server_->started());
    }
    void init() {
        server_->reset();
        server_->configure({{QStringLiteral("access_token"), QStringLiteral("tok-SECRET-1")},
                            {QStringLiteral("refresh_token"), QStringLiteral("refresh-SECRET-1")}});
        home_ = std::make_unique<TestHome>();
        writeAccount();
    }
    void cleanup() { home_.reset(); }

    void uploadsA12MbClipInThree5MbPartsAndPublishesItOnce() {
        const QString file = makeClip(12'000'000);
        QueueHarness h;
        const qint64 id = h.add(file, target_, QStringLiteral("三个6 情景剧"),
                                {QStringLiteral("社区"), QStringLiteral("#淄博")});
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Done);
        QCOMPARE(job.attempts, 1);
        const QJsonObject parts = onlyUpload().value(QStringLiteral("parts")).toObject();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.value(QStringLiteral("1")).toInteger(), 5 * kMB);
        QCOMPARE(parts.value(QStringLiteral("3")).toInteger(), 12'000'000 - 10 * kMB);
        QCOMPARE(onlyVideo().value(QStringLiteral("mode")).toString(), QStringLiteral("parts"));
        verifyPublishedOnce(file, QStringLiteral("三个6 情景剧 #社区 #淄博"));
        QCOMPARE(job.remoteId, state()
                                   .value(QStringLiteral("items"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("item_id"))
                                   .toString());
    }

    void uploadsA60MbClipInTheRecommended20MbParts() {
        writeAccount({{QStringLiteral("part_bytes"), QJsonValue()}}); // the default: 20 MB, as advised
        const QString file = makeClip(60'000'000, 11);
        QueueHarness h;
        const qint64 id =
            h.add(file, target_, QStringLiteral("《齐悦美食汇》第12期"), {QStringLiteral("家常菜")});
        QVERIFY(h.runUntilDrained(120'000));
        QCOMPARE(h.job(id).state, JobState::Done);
        const QJsonObject parts = onlyUpload().value(QStringLiteral("parts")).toObject();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.value(QStringLiteral("1")).toInteger(), 20 * kMB);
        verifyPublishedOnce(file, QStringLiteral("《齐悦美食汇》第12期 #家常菜"));
    }

    void sendsAClipThatFitsInOnePartInOneRequest() {
        const QString file = makeClip(3'000'000);
        QueueHarness h;
        const qint64 id = h.add(file, target_, QStringLiteral("急救培训会"));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QVERIFY(state().value(QStringLiteral("douyin_uploads")).toObject().isEmpty());
        QCOMPARE(onlyVideo().value(QStringLiteral("mode")).toString(), QStringLiteral("single"));
        verifyPublishedOnce(file, QStringLiteral("急救培训会"));
    }

    void refusesATwentyMinuteClipBeforeSendingAByte() {
        const QString file = home_->file(QStringLiteral("stage-full-show.mp4"));
        writeClip(file, 20 * 60);
        const UploadConfig config = *UploadConfig::load();
        const auto job = JobBuilder::fromFile(file, target_, {}, {}, config);
        QVERIFY(!job);
        QVERIFY2(job.error().en.contains(QStringLiteral("runs 20:00")) &&
                     job.error().en.contains(QStringLiteral("at most 15 minutes")),
                 qPrintable(job.error().message()));
        QVERIFY(job.error().zh.contains(QStringLiteral("15 分钟以内")));
        QVERIFY2(job.error().en.contains(
                     QStringLiteral("xiaozhan export \"%1\" --preset douyin-vertical").arg(file)),
                 qPrintable(job.error().en));
        QueueHarness h;
        QCOMPARE(h.add(file, target_), qint64(-1));
        QVERIFY(h.queue->jobs().empty());
        QCOMPARE(apiRequests(), 0);
    }

    void refusesAClipThatIsNeitherMp4NorWebm() {
        const QString mkv = home_->file(QStringLiteral("take.mkv"));
        writeClip(mkv, 3, QStringLiteral("matroska"));
        const UploadConfig config = *UploadConfig::load();
        const auto refused = JobBuilder::fromFile(mkv, target_, {}, {}, config);
        QVERIFY(!refused);
        QVERIFY2(refused.error().en.contains(QStringLiteral("MP4 or WebM videos only")),
                 qPrintable(refused.error().message()));
        QVERIFY(refused.error().en.contains(QStringLiteral("--preset douyin-vertical")));
        const QString notAVideo = home_->file(QStringLiteral("notes.mp4"));
        writeFile(notAVideo, 10'000, 3);
        QVERIFY(!JobBuilder::fromFile(notAVideo, target_, {}, {}, config));
        const QString webm = home_->file(QStringLiteral("take.webm"));
        writeClip(webm, 3, QStringLiteral("webm"));
        QVERIFY(JobBuilder::fromFile(webm, target_, {}, {}, config));
        // The same clip goes to a folder or a tus server whatever its format: the rule is Douyin's.
        QVERIFY(JobBuilder::fromFile(mkv, server_->tusTarget(), {}, {}, config));
        QCOMPARE(apiRequests(), 0);
    }

    void refreshesATokenThatExpiresMidUploadAndSavesItPrivately() {
        const QString file = makeClip(12'000'000);
        // The second part finds the token expired.
        server_->setFaults({fault(QStringLiteral("POST"), {}, {}, 1, QStringLiteral("upload_video_part")),
                            fault(QStringLiteral("POST"), {}, {{QStringLiteral("expire_token"), true}}, 1,
                                  QStringLiteral("upload_video_part"))});
        QueueHarness h;
        const qint64 id = h.add(file, target_, QStringLiteral("百姓大舞台"));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(h.job(id).attempts, 1);
        QCOMPARE(state().value(QStringLiteral("refresh_calls")).toInt(), 1);
        QCOMPARE(onlyUpload().value(QStringLiteral("parts")).toObject().size(), 3);
        verifyPublishedOnce(file, QStringLiteral("百姓大舞台"));
        QFile config(UploadConfig::defaultPath());
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QJsonObject account = QJsonDocument::fromJson(config.readAll())
                                        .object()
                                        .value(QStringLiteral("douyin"))
                                        .toObject()
                                        .value(QStringLiteral("station"))
                                        .toObject();
        QCOMPARE(account.value(QStringLiteral("access_token")).toString(),
                 state().value(QStringLiteral("access_token")).toString());
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(UploadConfig::defaultPath()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
    }

    void failsWhenTheTokenIsRejectedEvenAfterRefreshAndNeverShowsIt() {
        server_->configure({{QStringLiteral("tokens_never_valid"), true}});
        const QString file = makeClip(1'000'000);
        gLog.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        QueueHarness h;
        const qint64 id = h.add(file, target_);
        const bool drained = h.runUntilDrained();
        qInstallMessageHandler(previous);
        QVERIFY(drained);
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.attempts, 1);
        QVERIFY2(job.reasonEn.contains(QStringLiteral("rejected even after a refresh")),
                 qPrintable(job.reason()));
        QCOMPARE(state().value(QStringLiteral("refresh_calls")).toInt(), 1);
        // The fake platform echoes the token in its error text; it must not survive into anything we show.
        QVERIFY(job.detail.contains(QStringLiteral("***")));
        const QString everything = job.reason() + job.detail + gLog.join(QLatin1Char('\n'));
        QVERIFY(!everything.contains(QStringLiteral("SECRET")));
        QVERIFY(!everything.contains(state().value(QStringLiteral("access_token")).toString()));
    }

    void failsClearlyWhenTheTokenExpiredAndNoRefreshTokenIsConfigured() {
        writeAccount({{QStringLiteral("refresh_token"), QString()}});
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("expire_token"), true}}, 1)});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY2(h.job(id).reasonEn.contains(QStringLiteral("no refresh_token")),
                 qPrintable(h.job(id).reason()));
    }

    void refreshTokenPastItsThirtyDaysAsksForANewAuthorisation() {
        server_->configure({{QStringLiteral("refresh_fails"), true}});
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("expire_token"), true}}, 1)});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QCOMPARE(h.job(id).attempts, 1);
        QVERIFY2(h.job(id).reasonEn.contains(QStringLiteral("authorise again")),
                 qPrintable(h.job(id).reason()));
        QVERIFY(!(h.job(id).reason() + h.job(id).detail).contains(QStringLiteral("SECRET")));
    }

    void expiredUploadIdStartsOverCleanlyAndPublishesOnce() {
        const QString file = makeClip(12'000'000);
        // The second part finds the upload id expired.
        server_->setFaults({fault(QStringLiteral("POST"), {}, {}, 1, QStringLiteral("upload_video_part")),
                            fault(QStringLiteral("POST"), {}, {{QStringLiteral("expire_session"), true}}, 1,
                                  QStringLiteral("upload_video_part"))});
        QueueHarness h;
        const qint64 id = h.add(file, target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        const QJsonObject s = state();
        QCOMPARE(s.value(QStringLiteral("douyin_uploads")).toObject().size(), 2);
        QCOMPARE(s.value(QStringLiteral("videos")).toObject().size(), 1);
        QCOMPARE(onlyVideo().value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(file));
        QCOMPARE(s.value(QStringLiteral("items")).toArray().size(), 1);
    }

    void uploadIdOlderThanItsTwoHoursIsNotResumed() {
        const QString file = makeClip(12'000'000);
        qint64 id = 0;
        {
            // A queue stopped three hours ago after the first part: that upload id is past its lifetime.
            QueueHarness h(false);
            id = h.add(file, target_);
            UploadJob job = h.job(id);
            job.state = JobState::Uploading;
            job.session = {
                {QStringLiteral("upload_id"), QStringLiteral("@8hx+old/upload==")},
                {QStringLiteral("started_ms"), double(QDateTime::currentMSecsSinceEpoch() - 3 * 3600'000)},
                {QStringLiteral("part_bytes"), double(5 * kMB)},
                {QStringLiteral("parts_done"), 1},
                {QStringLiteral("stage"), QStringLiteral("parts")}};
            job.confirmedOffset = 5 * kMB;
            QVERIFY(h.store->save(job));
        }
        QueueHarness h;
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(onlyUpload().value(QStringLiteral("parts")).toObject().size(), 3);
        QVERIFY(state().value(QStringLiteral("rejected")).toArray().isEmpty());
        QCOMPARE(onlyVideo().value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(file));
    }

    void replyThatIsNotJsonFailsAsMalformed() {
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("bad_json"), true}}, -1,
                                  QStringLiteral("upload_video"))});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY(h.job(id).reasonEn.contains(QStringLiteral("malformed")));
        QVERIFY2(h.job(id).detail.contains(QStringLiteral("not JSON")), qPrintable(h.job(id).detail));
    }

    void replyMissingTheUploadIdFailsAsMalformed() {
        server_->setFaults(
            {fault(QStringLiteral("POST"), {}, {{QStringLiteral("drop_field"), QStringLiteral("upload_id")}},
                   -1, QStringLiteral("init_video_part_upload"))});
        QueueHarness h;
        const qint64 id = h.add(makeClip(12'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY(h.job(id).detail.contains(QStringLiteral("upload_id")));
        QCOMPARE(state().value(QStringLiteral("items")).toArray().size(), 0);
    }

    void connectionResetMidPartResendsOnlyThatPart() {
        const QString file = makeClip(12'000'000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {}, 1, QStringLiteral("upload_video_part")),
                            fault(QStringLiteral("POST"), {}, {{QStringLiteral("reset_at"), 3'000'000}}, 1,
                                  QStringLiteral("upload_video_part"))});
        QueueHarness h;
        const qint64 id = h.add(file, target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        // libcurl itself retries a request whose reused connection died, so this may take one attempt or two.
        QVERIFY(h.job(id).attempts <= 2);
        const QJsonObject upload = onlyUpload();
        const QJsonObject accepted = upload.value(QStringLiteral("accepted")).toObject();
        for (const QString& part : {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")})
            QCOMPARE(accepted.value(part).toInt(), 1);
        const qint64 received = upload.value(QStringLiteral("received")).toInteger();
        QVERIFY2(received < 12'000'000 + 5 * kMB + 4096, qPrintable(QString::number(received)));
        QCOMPARE(onlyVideo().value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(file));
    }

    void rateLimitedPublishIsRetriedAfterTheServersWait() {
        server_->setFaults(
            {fault(QStringLiteral("POST"), {},
                   {{QStringLiteral("status"), 429},
                    {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), "1"}}}},
                   1, QStringLiteral("create_video"))});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(h.job(id).attempts, 2);
        QCOMPARE(state().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void busyPlatformIsRetriedWithBackoff() {
        server_->setFaults({fault(QStringLiteral("POST"), {},
                                  {{QStringLiteral("error_code"), 2100004},
                                   {QStringLiteral("description"), QStringLiteral("系统繁忙，请稍后再试")}},
                                  2, QStringLiteral("upload_video"))});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(h.job(id).attempts, 3);
    }

    void parameterErrorFailsWithThePlatformsDescription() {
        server_->setFaults({fault(QStringLiteral("POST"), {},
                                  {{QStringLiteral("error_code"), 2100005},
                                   {QStringLiteral("description"), QStringLiteral("标题包含敏感词")}},
                                  -1, QStringLiteral("create_video"))});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_, QStringLiteral("标题"));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QCOMPARE(h.job(id).attempts, 1);
        QVERIFY2(h.job(id).reasonZh.contains(QStringLiteral("标题包含敏感词")),
                 qPrintable(h.job(id).reason()));
        QVERIFY(h.job(id).detail.contains(QStringLiteral("2100005")));
    }

    void payloadTooLargeFailsWithThePlatformsMessage() {
        server_->setFaults(
            {fault(QStringLiteral("POST"), {},
                   {{QStringLiteral("status"), 413},
                    {QStringLiteral("body"),
                     QStringLiteral("{\"message\": \"video larger than the platform takes\"}")}},
                   -1, QStringLiteral("upload_video"))});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QCOMPARE(h.job(id).attempts, 1);
        QVERIFY(h.job(id).reasonEn.contains(QStringLiteral("video larger than the platform takes")));
    }

    void videoPublishedJustBeforeACrashIsNotPublishedTwice_data() {
        QTest::addColumn<bool>("listHidesVideoId");
        QTest::newRow("list names the video") << false;
        QTest::newRow("list leaves the video id out") << true;
    }
    void videoPublishedJustBeforeACrashIsNotPublishedTwice() {
        QFETCH(bool, listHidesVideoId);
        server_->configure({{QStringLiteral("list_hides_video_id"), listHidesVideoId}});
        const QString file = makeClip(1'000'000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("hang_after"), 5}}, 1,
                                  QStringLiteral("create_video"))});
        qint64 id = 0;
        {
            QueueHarness h;
            id = h.add(file, target_, QStringLiteral("有声新闻 第36期"));
            QTRY_COMPARE_WITH_TIMEOUT(state().value(QStringLiteral("items")).toArray().size(), 1, 20'000);
            // The harness dies here with the create_video reply still on its way: like a crash.
        }
        QueueHarness h;
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(state().value(QStringLiteral("create_calls")).toInt(), 1);
        const QJsonArray items = state().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(h.job(id).remoteId, items.at(0).toObject().value(QStringLiteral("item_id")).toString());
    }

    void refusesToSendTheTokenOverPlainHttpToAHostOnTheNetwork() {
        writeAccount({{QStringLiteral("api"), QStringLiteral("http://192.0.2.1")}});
        QueueHarness h;
        const qint64 id = h.add(makeClip(1'000'000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY(h.job(id).reasonEn.contains(QStringLiteral("refusing to send credentials")));
    }

    void partSizeOutsideTheDocumentedRangeIsAConfigError() {
        writeAccount({{QStringLiteral("part_bytes"), 1 * kMB}});
        const auto config = UploadConfig::load();
        QVERIFY(!config);
        QVERIFY2(config.error().en.contains(QStringLiteral("douyin.station.part_bytes")),
                 qPrintable(config.error().message()));
    }

    // The fake platform itself is strict, so these tests fail whenever the client drifts from the API.
    void fakePlatformRefusesRawBodiesWrongFieldsAndSmallParts() {
        const QString api = QStringLiteral("/api/douyin/v1/video/");
        const QJsonObject raw = rawPost(api + QStringLiteral("upload_video/?open_id=open-1"),
                                        "application/octet-stream", QByteArray(1000, 'x'));
        QCOMPARE(raw.value(QStringLiteral("error_code")).toInt(), 2100005);
        QVERIFY(raw.value(QStringLiteral("description")).toString().contains(QStringLiteral("multipart")));
        const QJsonObject field =
            rawPost(api + QStringLiteral("upload_video/?open_id=open-1"), {}, QByteArray(1000, 'x'), "file");
        QCOMPARE(field.value(QStringLiteral("error_code")).toInt(), 2100005);
        QVERIFY(field.value(QStringLiteral("description")).toString().contains(QStringLiteral("\"video\"")));
        const QString uploadId =
            rawPost(api + QStringLiteral("init_video_part_upload/?open_id=open-1"), "application/json", "{}")
                .value(QStringLiteral("upload_id"))
                .toString();
        QVERIFY(!uploadId.isEmpty());
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(uploadId));
        for (int part = 1; part <= 2; ++part) {
            const QJsonObject sent =
                rawPost(api + QStringLiteral("upload_video_part/?open_id=open-1&upload_id=%1&"
                                             "part_number=%2")
                                  .arg(encoded, QString::number(part)),
                        {}, QByteArray(1000, 'x'), "video");
            QCOMPARE(codeOf(sent), 0);
        }
        const QJsonObject complete = rawPost(
            api + QStringLiteral("complete_video_part_upload/?open_id=open-1&upload_id=%1").arg(encoded),
            "application/json", "{}");
        QCOMPARE(complete.value(QStringLiteral("error_code")).toInt(), 2100005);
        QVERIFY(complete.value(QStringLiteral("description")).toString().contains(QStringLiteral("5 MB")));
        // An upload id sent without percent-encoding loses its '+': the platform does not know it.
        const QJsonObject mangled = rawPost(
            api +
                QStringLiteral("upload_video_part/?open_id=open-1&upload_id=%1&part_number=3").arg(uploadId),
            {}, QByteArray(1000, 'x'), "video");
        QCOMPARE(mangled.value(QStringLiteral("error_code")).toInt(), 2100005);
        const QJsonObject tokenInQuery =
            rawPost(api + QStringLiteral("init_video_part_upload/?open_id=open-1&access_token=tok-SECRET-1"),
                    "application/json", "{}");
        QCOMPARE(tokenInQuery.value(QStringLiteral("error_code")).toInt(), 2100005);
    }

private:
    static int codeOf(const QJsonObject& data) {
        const QJsonValue v = data.value(QStringLiteral("error_code"));
        return v.isString() ? v.toString().toInt() : v.toInt(-1);
    }
};

QTEST_GUILESS_MAIN(DouyinUploadTest)
#include "tst_douyin.moc"
