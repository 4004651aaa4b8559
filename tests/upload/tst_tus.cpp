// The queue against a standard tus 1.0 server on loopback, with every fault the issue lists.
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace xz::upload;
using namespace xz::upload::test;

class TusUploadTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakePlatforms> server_;
    std::unique_ptr<TestHome> home_;

    QJsonObject onlyUpload() {
        const QJsonObject tus = server_->state().value(QStringLiteral("tus")).toObject();
        return tus.size() == 1 ? tus.begin().value().toObject() : QJsonObject{};
    }
    QString makeFile(const QString& name, qint64 size, quint64 seed = 1) {
        const QString path = home_->file(name);
        writeFile(path, size, seed);
        return path;
    }
    int count(const QString& method) {
        int n = 0;
        for (const QJsonValue& r : server_->state().value(QStringLiteral("requests")).toArray())
            n += r.toArray().at(0).toString() == method &&
                 !r.toArray().at(1).toString().startsWith(QStringLiteral("/_ctl/"));
        return n;
    }

    // The server answers the creation with a Location on `other`; the job must fail at once and `other` must
    // see no request at all (it would be the token's and the clip's new owner).
    void refusedLocation(const QString& location, FakePlatforms& other) {
        server_->configure({{QStringLiteral("require_auth"), QStringLiteral("Bearer sekrit-tus-token")}});
        home_->writeConfig(
            {{QStringLiteral("http_auth"), QJsonObject{{server_->base() + QStringLiteral("/files/"),
                                                        QStringLiteral("Bearer sekrit-tus-token")}}}});
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("location"), location}})});
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1'000'000);
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.attempts, 1);
        QVERIFY2(job.reasonEn.contains(QStringLiteral("nothing was sent")), qPrintable(job.reason()));
        QVERIFY2(job.reasonEn.contains(other.base()), qPrintable(job.reason()));
        QVERIFY2(job.reasonZh.contains(QStringLiteral("未发送任何数据")), qPrintable(job.reason()));
        QVERIFY(!(job.reason() + job.detail).contains(QStringLiteral("sekrit")));
        // Only the test's own state query reached the other server.
        QCOMPARE(other.state().value(QStringLiteral("request_count")).toInt(), 1);
        QCOMPARE(count(QStringLiteral("PATCH")), 0);
    }

private slots:
    void initTestCase() {
        server_ = std::make_unique<FakePlatforms>();
        QVERIFY(server_->started());
    }
    void init() {
        server_->reset();
        home_ = std::make_unique<TestHome>();
        home_->writeConfig();
    }
    void cleanup() { home_.reset(); }

    void uploadsByteIdenticalFileWithChecksumsAndMetadata() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 9'500'000);
        QueueHarness h;
        const qint64 id =
            h.add(file, server_->tusTarget(), QStringLiteral("齐悦美食汇 第3期"), {QStringLiteral("美食")});
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Done);
        QCOMPARE(job.attempts, 1);
        QVERIFY(job.remoteId.contains(QStringLiteral("/files/")));
        const QJsonObject up = onlyUpload();
        QCOMPARE(up.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(sha256Hex(up.value(QStringLiteral("path")).toString()), sha256Hex(file));
        // 4 MB chunks with a verified sha1 each: three PATCHes, all accepted.
        QCOMPARE(up.value(QStringLiteral("patches")).toArray().size(), 3);
        QVERIFY(up.value(QStringLiteral("metadata"))
                    .toString()
                    .contains(QString::fromLatin1(QStringLiteral("齐悦美食汇 第3期").toUtf8().toBase64())));
    }

    void resumesFromServerOffsetAfterConnectionReset() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 10'000'000);
        server_->configure({{QStringLiteral("checksum"), false}});
        server_->setFaults({fault(QStringLiteral("PATCH"), {}, {{QStringLiteral("reset_at"), 3'000'000}})});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        // libcurl may resend on a fresh connection by itself (the reused one died); the server's 409 then
        // sends us to HEAD within the same attempt. Either way the server's offset decides where we continue.
        QVERIFY(h.job(id).attempts <= 2);
        const QJsonObject up = onlyUpload();
        QCOMPARE(sha256Hex(up.value(QStringLiteral("path")).toString()), sha256Hex(file));
        // The server kept the 5 MB that arrived; the retry asked for the offset and sent only the rest.
        QCOMPARE(up.value(QStringLiteral("received")).toInteger(), 10'000'000);
        QVERIFY(up.value(QStringLiteral("conflicts")).toInt() <= 1);
        QCOMPARE(count(QStringLiteral("HEAD")), 1);
        QCOMPARE(count(QStringLiteral("POST")), 1);
    }

    void retriesServerErrorsThenSucceeds() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1'000'000);
        server_->setFaults({fault(QStringLiteral("PATCH"), {}, {{QStringLiteral("status"), 500}}, 2)});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(h.job(id).attempts, 3);
        QCOMPARE(sha256Hex(onlyUpload().value(QStringLiteral("path")).toString()), sha256Hex(file));
    }

    void waitsForRetryAfterOn429() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 100'000);
        server_->setFaults(
            {fault(QStringLiteral("POST"), {},
                   {{QStringLiteral("status"), 429},
                    {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), "1"}}}})});
        QueueHarness h;
        QElapsedTimer clock;
        clock.start();
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    }

    void clampsAbsurdRetryAfterInsteadOfWaitingForYears() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 100'000);
        server_->setFaults(
            {fault(QStringLiteral("PATCH"), {},
                   {{QStringLiteral("status"), 429},
                    {QStringLiteral("headers"),
                     QJsonObject{{QStringLiteral("Retry-After"), "99999999999999"}}}}),
             fault(QStringLiteral("PATCH"), {},
                   {{QStringLiteral("status"), 503},
                    {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Retry-After"), "-7 or so"}}}})});
        QueueHarness h;
        QElapsedTimer clock;
        clock.start();
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained(20'000));
        QCOMPARE(h.job(id).state, JobState::Done);
        // Clamped to max_retry_after_ms (1.5 s in tests); the garbage value falls back to backoff.
        QVERIFY2(clock.elapsed() >= 1400 && clock.elapsed() < 8'000,
                 qPrintable(QString::number(clock.elapsed())));
    }

    void failsAtOnceOn413WithTheServersMessage() {
        server_->configure({{QStringLiteral("max_size"), 50'000}});
        const QString file = makeFile(QStringLiteral("big.mp4"), 100'000);
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.attempts, 1);
        QVERIFY2(job.reasonEn.contains(QStringLiteral("too large")), qPrintable(job.reason()));
        QVERIFY2(job.reasonEn.contains(QStringLiteral("exceeds the server limit of 50000 bytes")),
                 qPrintable(job.reason()));
        QVERIFY(job.reasonZh.contains(QStringLiteral("文件太大")));
        QVERIFY(server_->state().value(QStringLiteral("tus")).toObject().isEmpty());
    }

    void failsAtOnceOn403And404() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 100'000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("status"), 403}}, -1)});
        QueueHarness h;
        const qint64 forbidden = h.add(file, server_->tusTarget());
        const qint64 missing =
            h.add(file, QStringLiteral("tus+") + server_->base() + QStringLiteral("/nowhere/"));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(forbidden).state, JobState::Failed);
        QCOMPARE(h.job(forbidden).attempts, 1);
        QVERIFY(h.job(forbidden).reasonEn.contains(QStringLiteral("refused")));
        QCOMPARE(h.job(missing).state, JobState::Failed);
        QCOMPARE(h.job(missing).attempts, 1);
        QVERIFY(h.job(missing).reasonEn.contains(QStringLiteral("does not exist")));
    }

    void givesUpAfterMaxAttemptsWithTheReasonShown() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 100'000);
        server_->setFaults({fault(QStringLiteral("PATCH"), {}, {{QStringLiteral("status"), 500}}, -1)});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.attempts, 5); // max_attempts in the test config
        QVERIFY2(job.reasonEn.contains(QStringLiteral("failed 5 attempts")), qPrintable(job.reason()));
        QVERIFY(job.reasonEn.contains(QStringLiteral("500")));
        QCOMPARE(onlyUpload().value(QStringLiteral("complete")).toBool(), false);
    }

    void stalledTransferTimesOutAndResumes() {
        // Small, so curl's 5-second speed window notices the stall within low_speed_time (2 s in tests).
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1'000);
        server_->setFaults({fault(QStringLiteral("PATCH"), {}, {{QStringLiteral("delay"), 6}})});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained(30'000));
        QCOMPARE(h.job(id).state, JobState::Done);
        QVERIFY(h.job(id).attempts >= 2);
        QCOMPARE(sha256Hex(onlyUpload().value(QStringLiteral("path")).toString()), sha256Hex(file));
    }

    void wrongOffsetInAReplyIsCheckedWithTheServer() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 6'000'000);
        server_->setFaults({fault(QStringLiteral("PATCH"), {}, {{QStringLiteral("wrong_offset"), 123}})});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(count(QStringLiteral("HEAD")), 1);
        QCOMPARE(sha256Hex(onlyUpload().value(QStringLiteral("path")).toString()), sha256Hex(file));
    }

    void impossibleServerOffsetFailsTheJobInsteadOfUploadingGarbage() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 6'000'000);
        server_->setFaults(
            {fault(QStringLiteral("PATCH"), {}, {{QStringLiteral("wrong_offset"), 123}}),
             fault(QStringLiteral("HEAD"), {}, {{QStringLiteral("head_offset"), 999'999'999}}, -1)});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY2(h.job(id).reasonEn.contains(QStringLiteral("impossible offset")),
                 qPrintable(h.job(id).reason()));
        QCOMPARE(onlyUpload().value(QStringLiteral("complete")).toBool(), false);
    }

    void creationReplyWithoutLocationFailsAsMalformed() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("status"), 201}}, -1)});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY(h.job(id).reasonEn.contains(QStringLiteral("malformed")));
        QVERIFY(h.job(id).detail.contains(QStringLiteral("Location")));
    }

    // Issue 8: a Location the server names must stay on the endpoint's scheme, host and port. The token is
    // configured so the test also shows it never left.
    void locationOnAnotherHostFailsTheJobAndSendsItNothing() {
        FakePlatforms elsewhere(QStringLiteral("127.0.0.2"), QString());
        QVERIFY(elsewhere.started());
        refusedLocation(elsewhere.base() + QStringLiteral("/files/{id}"), elsewhere);
    }

    void locationOnAnotherPortFailsTheJobAndSendsItNothing() {
        FakePlatforms otherPort(QStringLiteral("127.0.0.1"), QString());
        QVERIFY(otherPort.started());
        refusedLocation(otherPort.base() + QStringLiteral("/files/{id}"), otherPort);
    }

    void locationThatDowngradesHttpsToHttpFailsTheJobAndSendsNothing() {
        const QString pem = writeLoopbackCertificate(home_->path());
        FakePlatforms tls(QStringLiteral("127.0.0.1"), pem);
        QVERIFY(tls.started());
        const QString target = QStringLiteral("tus+") + tls.base() + QStringLiteral("/files/");
        home_->writeConfig(
            {{QStringLiteral("http_auth"), QJsonObject{{tls.base() + QStringLiteral("/files/"),
                                                        QStringLiteral("Bearer sekrit-tus-token")}}}});
        tls.configure({{QStringLiteral("require_auth"), QStringLiteral("Bearer sekrit-tus-token")}});
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1'000'000);
        {
            // The same server over https works (so the refusal below is about the downgrade alone).
            QueueHarness h(true, pem);
            const qint64 id = h.add(file, target);
            QVERIFY(h.runUntilDrained());
            QCOMPARE(h.job(id).state, JobState::Done);
            QVERIFY(h.job(id).remoteId.startsWith(tls.base()));
        }
        tls.reset();
        tls.configure({{QStringLiteral("require_auth"), QStringLiteral("Bearer sekrit-tus-token")}});
        tls.setFaults(
            {fault(QStringLiteral("POST"), {},
                   {{QStringLiteral("location"), QStringLiteral("http://127.0.0.1:{port}/files/{id}")}})});
        QueueHarness h(true, pem);
        const qint64 id = h.add(file, target, {}, {}, true);
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.attempts, 1);
        QVERIFY2(job.reasonEn.contains(QStringLiteral("nothing was sent")), qPrintable(job.reason()));
        QVERIFY2(job.reasonEn.contains(QStringLiteral("http://127.0.0.1:%1/files/").arg(tls.port())),
                 qPrintable(job.reason()));
        QVERIFY(!(job.reason() + job.detail).contains(QStringLiteral("sekrit")));
        const QJsonObject state = tls.state();
        const QJsonObject upload = state.value(QStringLiteral("tus")).toObject().begin().value().toObject();
        QCOMPARE(upload.value(QStringLiteral("received")).toInteger(), 0);
        for (const QJsonValue& r : state.value(QStringLiteral("requests")).toArray())
            QVERIFY(r.toArray().at(0).toString() != QLatin1String("PATCH"));
    }

    void relativeLocationsResolveAgainstTheCreationUrl_data() {
        QTest::addColumn<QString>("location");
        QTest::newRow("absolute path") << QStringLiteral("/files/{id}");
        QTest::newRow("same folder") << QStringLiteral("{id}");
        QTest::newRow("dot segment") << QStringLiteral("./{id}");
        QTest::newRow("parent segment") << QStringLiteral("../files/{id}");
        QTest::newRow("network path") << QStringLiteral("//127.0.0.1:{port}/files/{id}");
        QTest::newRow("absolute URL") << QStringLiteral("http://127.0.0.1:{port}/files/{id}");
    }
    void relativeLocationsResolveAgainstTheCreationUrl() {
        QFETCH(QString, location);
        const QString file = makeFile(QStringLiteral("clip.mp4"), 5'000'000);
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("location"), location}})});
        QueueHarness h;
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(h.job(id).remoteId,
                 server_->base() + QStringLiteral("/files/") +
                     server_->state().value(QStringLiteral("tus")).toObject().begin().key());
        QCOMPARE(sha256Hex(onlyUpload().value(QStringLiteral("path")).toString()), sha256Hex(file));
    }

    void storedUploadUrlOnAnotherHostIsNeverResumed() {
        FakePlatforms elsewhere(QStringLiteral("127.0.0.2"), QString());
        QVERIFY(elsewhere.started());
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1'000'000);
        qint64 id = 0;
        {
            // What an older version may have stored after following a foreign Location.
            QueueHarness h(false);
            id = h.add(file, server_->tusTarget());
            UploadJob job = h.job(id);
            job.state = JobState::Uploading;
            job.session = {{QStringLiteral("url"), elsewhere.base() + QStringLiteral("/files/1")}};
            QVERIFY(h.store->save(job));
        }
        QueueHarness h;
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY2(h.job(id).reasonEn.contains(QStringLiteral("nothing was sent")),
                 qPrintable(h.job(id).reason()));
        QCOMPARE(elsewhere.state().value(QStringLiteral("request_count")).toInt(), 1); // our own state query
    }

    void fileChangedAfterQueueingStopsWithAClearError() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1'000'000, 1);
        QueueHarness h(false);
        const qint64 id = h.add(file, server_->tusTarget());
        writeFile(file, 1'000'000, 2); // same size, other content
        h.queue->start();
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY2(h.job(id).reasonEn.contains(QStringLiteral("changed after it was queued")),
                 qPrintable(h.job(id).reason()));
        QVERIFY(server_->state().value(QStringLiteral("tus")).toObject().isEmpty());
    }

    void fileMissingAtUploadTimeFailsWithNotFound() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 1000);
        QueueHarness h(false);
        const qint64 id = h.add(file, server_->tusTarget());
        QFile::remove(file);
        h.queue->start();
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Failed);
        QVERIFY(h.job(id).reasonEn.contains(QStringLiteral("file not found")));
        QVERIFY(h.job(id).reasonZh.contains(QStringLiteral("找不到文件")));
    }

    void uploadFinishedOnServerBeforeACrashIsNotSentAgain() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 3'000'000);
        const QJsonObject created =
            server_->control(QStringLiteral("/_ctl/complete_tus"),
                             QJsonDocument(QJsonObject{{QStringLiteral("source"), file}}).toJson());
        {
            // The state a crash right after the last byte leaves: uploading, offset not yet recorded.
            QueueHarness h(false);
            const qint64 id = h.add(file, server_->tusTarget());
            UploadJob job = h.job(id);
            job.state = JobState::Uploading;
            job.session = {{QStringLiteral("url"),
                            server_->base() + created.value(QStringLiteral("location")).toString()}};
            job.confirmedOffset = 1'000'000;
            QVERIFY(h.store->save(job));
        }
        QueueHarness h;
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(1);
        QCOMPARE(job.state, JobState::Done);
        QCOMPARE(count(QStringLiteral("PATCH")), 0);
        QCOMPARE(count(QStringLiteral("POST")), 0);
        QCOMPARE(server_->state().value(QStringLiteral("tus")).toObject().size(), 1);
    }

    void bandwidthCapSlowsTheUploadDown() {
        home_->writeConfig(
            {{QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_bytes_per_second"), 2'000'000}}}});
        const QString file = makeFile(QStringLiteral("clip.mp4"), 4'000'000);
        QueueHarness h;
        QElapsedTimer clock;
        clock.start();
        const qint64 id = h.add(file, server_->tusTarget());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QVERIFY2(clock.elapsed() >= 1700 && clock.elapsed() < 4'000,
                 qPrintable(QString::number(clock.elapsed())));
    }

    void sameFileForSameTargetIsUploadedOnceUnlessForced() {
        const QString file = makeFile(QStringLiteral("clip.mp4"), 100'000);
        const QString copy = home_->file(QStringLiteral("copy-of-clip.mp4"));
        QFile::copy(file, copy);
        QueueHarness h;
        const qint64 first = h.add(file, server_->tusTarget());
        QCOMPARE(h.add(copy, server_->tusTarget()), first); // same content while queued
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.add(file, server_->tusTarget()), first); // and after it is done
        QCOMPARE(h.queue->jobs().size(), size_t(1));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(server_->state().value(QStringLiteral("tus")).toObject().size(), 1);
        const qint64 forced = h.add(file, server_->tusTarget(), {}, {}, true);
        QVERIFY(forced != first);
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(forced).state, JobState::Done);
        QCOMPARE(server_->state().value(QStringLiteral("tus")).toObject().size(), 2);
    }

    void sendsTheConfiguredAuthorizationAndKeepsItOutOfErrors() {
        server_->configure({{QStringLiteral("require_auth"), QStringLiteral("Bearer sekrit-tus-token")}});
        home_->writeConfig(
            {{QStringLiteral("http_auth"),
              QJsonObject{
                  {server_->base() + QStringLiteral("/files/"), QStringLiteral("Bearer sekrit-tus-token")},
                  {QStringLiteral("http://192.0.2.1/"), QStringLiteral("Bearer other-sekrit")}}}});
        const QString file = makeFile(QStringLiteral("clip.mp4"), 100'000);
        QueueHarness h;
        const qint64 ok = h.add(file, server_->tusTarget());
        // A token for a host on the network over plain HTTP is refused before anything is sent.
        const qint64 refused = h.add(file, QStringLiteral("tus+http://192.0.2.1/files/"));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(ok).state, JobState::Done);
        QCOMPARE(h.job(refused).state, JobState::Failed);
        QVERIFY2(
            h.job(refused).reasonEn.contains(QStringLiteral("refusing to send credentials over plain HTTP")),
            qPrintable(h.job(refused).reason()));
        for (const UploadJob& job : h.queue->jobs())
            QVERIFY(!(job.reason() + job.detail).contains(QStringLiteral("sekrit")));
    }
};

QTEST_GUILESS_MAIN(TusUploadTest)
#include "tst_tus.moc"
