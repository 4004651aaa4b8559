// The Douyin-style part upload against a loopback fake of the open platform, with expired tokens and
// sessions, malformed replies, resets, rate limits and a crash between publishing and recording it.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <sys/stat.h>

using namespace xz::upload;
using namespace xz::upload::test;

namespace {

QStringList gLog;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& message) {
    gLog << message;
}

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
                            {QStringLiteral("part_bytes"), 1 << 20}}; // below the minimum: clamped to 5 MB
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            account.insert(it.key(), it.value());
        home_->writeConfig({{QStringLiteral("douyin"), QJsonObject{{QStringLiteral("station"), account}}}});
    }
    QString makeFile(qint64 size, quint64 seed = 7) {
        const QString path = home_->file(QStringLiteral("sitcom-take3.mp4"));
        writeFile(path, size, seed);
        return path;
    }
    QJsonObject state() { return server_->state(); }

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

    void uploadsNumberedPartsAndPublishesWithTitleAndHashtags() {
        const QString file = makeFile(12'000'000);
        QueueHarness h;
        const qint64 id = h.add(file, target_, QStringLiteral("三个6 情景剧"),
                                {QStringLiteral("社区"), QStringLiteral("#淄博")});
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Done);
        const QJsonObject s = state();
        const QJsonObject upload =
            s.value(QStringLiteral("douyin_uploads")).toObject().begin().value().toObject();
        // 12 MB in 5 MB parts (the platform minimum, even though 1 MB was configured): 3 parts.
        QCOMPARE(upload.value(QStringLiteral("parts")).toObject().size(), 3);
        const QJsonObject video = s.value(QStringLiteral("videos")).toObject().begin().value().toObject();
        QCOMPARE(video.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(file));
        const QJsonArray items = s.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("三个6 情景剧 #社区 #淄博"));
        QCOMPARE(job.remoteId, items.at(0).toObject().value(QStringLiteral("item_id")).toString());
    }

    void refreshesAnExpiredTokenOnceAndSavesItPrivately() {
        const QString file = makeFile(6'000'000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("expire_token"), true}}, 1,
                                  QStringLiteral("upload_video_part"))});
        QueueHarness h;
        const qint64 id = h.add(file, target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(h.job(id).attempts, 1);
        QCOMPARE(state().value(QStringLiteral("refresh_calls")).toInt(), 1);
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
        const QString file = makeFile(1'000'000);
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
        const qint64 id = h.add(makeFile(1000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY2(h.job(id).reasonEn.contains(QStringLiteral("no refresh_token")),
                 qPrintable(h.job(id).reason()));
    }

    void expiredUploadSessionStartsOverCleanly() {
        const QString file = makeFile(12'000'000);
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
        const QJsonObject video = s.value(QStringLiteral("videos")).toObject().begin().value().toObject();
        QCOMPARE(video.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(file));
        QCOMPARE(s.value(QStringLiteral("items")).toArray().size(), 1);
    }

    void replyThatIsNotJsonFailsAsMalformed() {
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("bad_json"), true}}, -1,
                                  QStringLiteral("init_video_part_upload"))});
        QueueHarness h;
        const qint64 id = h.add(makeFile(1000), target_);
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
        const qint64 id = h.add(makeFile(1000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY(h.job(id).detail.contains(QStringLiteral("upload_id")));
        QCOMPARE(state().value(QStringLiteral("items")).toArray().size(), 0);
    }

    void connectionResetMidPartResendsOnlyThatPart() {
        const QString file = makeFile(12'000'000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {}, 1, QStringLiteral("upload_video_part")),
                            fault(QStringLiteral("POST"), {}, {{QStringLiteral("reset_at"), 3'000'000}}, 1,
                                  QStringLiteral("upload_video_part"))});
        QueueHarness h;
        const qint64 id = h.add(file, target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        // libcurl itself retries a request whose reused connection died, so this may take one attempt or two.
        QVERIFY(h.job(id).attempts <= 2);
        QCOMPARE(state()
                     .value(QStringLiteral("faults"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("used"))
                     .toInt(),
                 1);
        const QJsonObject s = state();
        QCOMPARE(s.value(QStringLiteral("douyin_uploads")).toObject().size(), 1);
        const qint64 received = s.value(QStringLiteral("douyin_uploads"))
                                    .toObject()
                                    .begin()
                                    .value()
                                    .toObject()
                                    .value(QStringLiteral("received"))
                                    .toInteger();
        QVERIFY2(received - 12'000'000 < 5 * 1024 * 1024, qPrintable(QString::number(received)));
        const QJsonObject video = s.value(QStringLiteral("videos")).toObject().begin().value().toObject();
        QCOMPARE(video.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(file));
    }

    void rateLimitedCompletionIsRetriedAfterTheServersWait() {
        server_->setFaults(
            {fault(QStringLiteral("POST"), {},
                   {{QStringLiteral("status"), 429},
                    {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), "1"}}}},
                   1, QStringLiteral("complete_video_part_upload"))});
        QueueHarness h;
        const qint64 id = h.add(makeFile(1000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(h.job(id).attempts, 2);
        QCOMPARE(state().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void payloadTooLargeFailsWithThePlatformsMessage() {
        server_->setFaults({fault(
            QStringLiteral("POST"), {},
            {{QStringLiteral("status"), 413},
             {QStringLiteral("body"), QStringLiteral("{\"message\": \"video longer than 15 minutes\"}")}},
            -1, QStringLiteral("init_video_part_upload"))});
        QueueHarness h;
        const qint64 id = h.add(makeFile(1000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QCOMPARE(h.job(id).attempts, 1);
        QVERIFY(h.job(id).reasonEn.contains(QStringLiteral("video longer than 15 minutes")));
    }

    void videoPublishedJustBeforeACrashIsNotPublishedTwice() {
        const QString file = makeFile(1000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("hang_after"), 5}}, 1,
                                  QStringLiteral("create_video"))});
        qint64 id = 0;
        {
            QueueHarness h;
            id = h.add(file, target_);
            QTRY_COMPARE_WITH_TIMEOUT(state().value(QStringLiteral("items")).toArray().size(), 1, 10'000);
            // The harness dies here with the create_video reply still on its way: like a crash.
        }
        QueueHarness h;
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(state().value(QStringLiteral("create_calls")).toInt(), 1);
        QCOMPARE(state().value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(h.job(id).remoteId, QStringLiteral("i1"));
    }

    void refusesToSendTheTokenOverPlainHttpToAHostOnTheNetwork() {
        writeAccount({{QStringLiteral("api"), QStringLiteral("http://192.0.2.1")}});
        QueueHarness h;
        const qint64 id = h.add(makeFile(1000), target_);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY(h.job(id).reasonEn.contains(QStringLiteral("refusing to send credentials")));
    }
};

QTEST_GUILESS_MAIN(DouyinUploadTest)
#include "tst_douyin.moc"
