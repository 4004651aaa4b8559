// The uploader process is SIGKILLed at random moments; after a restart it must resume from the server's
// offset and finish byte-identical, with no second upload and at most one chunk re-sent per kill.
#include "testsupport.h"

#include "jobstore.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using namespace xz::upload;
using namespace xz::upload::test;

class CrashTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakePlatforms> server_;
    std::unique_ptr<TestHome> home_;

    int runner(const QStringList& args, QString* output = nullptr) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(XZ_UPLOAD_RUNNER), args);
        p.waitForFinished(120'000);
        if (output)
            *output = QString::fromUtf8(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QJsonObject onlyUpload() {
        const QJsonObject tus = server_->state().value(QStringLiteral("tus")).toObject();
        return tus.size() == 1 ? tus.begin().value().toObject() : QJsonObject{};
    }

private slots:
    void initTestCase() {
        server_ = std::make_unique<FakePlatforms>();
        QVERIFY(server_->started());
    }
    void init() {
        server_->reset();
        home_ = std::make_unique<TestHome>();
    }

    void resumesFromServerOffsetAfterRepeatedSigkill() {
        constexpr qint64 kSize = 200ll << 20;
        constexpr qint64 kChunk = 8ll << 20;
        // 40 MB/s: five seconds of upload, so every kill lands mid-transfer (or mid-hash, mid-commit...).
        home_->writeConfig(
            {{QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_bytes_per_second"), 40 << 20},
                                                    {QStringLiteral("tus_chunk_bytes"), int(kChunk)}}}});
        const QString file = home_->file(QStringLiteral("stage-contest.mp4"));
        writeFile(file, kSize, 42);
        QString out;
        QCOMPARE(
            runner({QStringLiteral("add"), file, QStringLiteral("--target"), server_->tusTarget()}, &out), 0);

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "kill schedule seed" << seed;
        QRandomGenerator random(seed);
        int kills = 0;
        qint64 previousOffset = 0;
        for (int run = 0; run < 6; ++run) {
            QProcess p;
            p.start(QStringLiteral(XZ_UPLOAD_RUNNER),
                    {QStringLiteral("run"), QStringLiteral("--until-empty")});
            QVERIFY(p.waitForStarted());
            if (p.waitForFinished(250 + int(random.bounded(700))))
                break; // finished before the kill: fine, the final check still applies
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished();
            ++kills;
            const qint64 offset = onlyUpload().value(QStringLiteral("offset")).toInteger();
            QVERIFY(offset >= previousOffset); // the server never loses what it confirmed
            previousOffset = offset;
        }
        QVERIFY2(kills >= 5, qPrintable(QStringLiteral("only %1 kills landed").arg(kills)));
        QVERIFY(previousOffset < kSize); // the kills really interrupted the upload
        QCOMPARE(runner({QStringLiteral("run"), QStringLiteral("--until-empty")}, &out), 0);
        QCOMPARE(runner({QStringLiteral("list")}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("done")), qPrintable(out));

        const QJsonObject up = onlyUpload();
        QVERIFY2(!up.isEmpty(), "exactly one upload on the server, never a second one");
        QCOMPARE(up.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(sha256Hex(up.value(QStringLiteral("path")).toString()), sha256Hex(file));
        // Every restart started from the server's offset: no conflicts, and each kill cost under one chunk.
        QCOMPARE(up.value(QStringLiteral("conflicts")).toInt(), 0);
        const qint64 resent = up.value(QStringLiteral("received")).toInteger() - kSize;
        qInfo() << kills << "kills," << resent << "bytes re-sent";
        QVERIFY2(resent < kills * kChunk, qPrintable(QString::number(resent)));
    }

    void douyinUploadKilledMidwayResumesWithoutResendingAcceptedParts() {
        constexpr qint64 kPart = 5ll << 20;
        constexpr qint64 kSize = 40'000'000; // eight parts
        // 10 MB/s: four seconds of parts, so the kill lands after a few of them and before the last.
        home_->writeConfig(
            {{QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_bytes_per_second"), 10 << 20}}},
             {QStringLiteral("douyin"),
              QJsonObject{{QStringLiteral("station"),
                           QJsonObject{{QStringLiteral("api"), server_->base()},
                                       {QStringLiteral("open_id"), QStringLiteral("open-1")},
                                       {QStringLiteral("client_key"), QStringLiteral("test-client")},
                                       {QStringLiteral("access_token"), QStringLiteral("AT-1")},
                                       {QStringLiteral("refresh_token"), QStringLiteral("RT-1")},
                                       {QStringLiteral("part_bytes"), int(kPart)}}}}}});
        const QString file = home_->file(QStringLiteral("cooking-ep12.mp4"));
        writeMp4(file, kSize, 5);
        QCOMPARE(runner({QStringLiteral("add"), file, QStringLiteral("--target"),
                         QStringLiteral("douyin://station"), QStringLiteral("--title"),
                         QStringLiteral("齐悦美食汇")}),
                 0);
        auto douyinUpload = [this] {
            const QJsonObject uploads = server_->state().value(QStringLiteral("douyin_uploads")).toObject();
            return uploads.size() == 1 ? uploads.begin().value().toObject() : QJsonObject{};
        };
        // What the uploader has recorded as accepted (it records each part before sending the next).
        auto recordedParts = [] {
            auto store = JobStore::open(JobStore::defaultPath());
            auto job = store ? (*store)->get(1) : Result<std::optional<UploadJob>>(std::nullopt);
            return job && *job ? (**job).session.value(QStringLiteral("parts_done")).toInt() : 0;
        };
        QProcess p;
        p.start(QStringLiteral(XZ_UPLOAD_RUNNER), {QStringLiteral("run"), QStringLiteral("--until-empty")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(recordedParts() >= 2, 30'000);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        const int recorded = recordedParts();
        const int acceptedBeforeKill = douyinUpload().value(QStringLiteral("parts")).toObject().size();
        QVERIFY2(recorded < 8, "the kill came too late to interrupt the upload");

        QString out;
        QCOMPARE(runner({QStringLiteral("run"), QStringLiteral("--until-empty")}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("1 uploaded")), qPrintable(out));
        const QJsonObject upload = douyinUpload();
        QVERIFY2(!upload.isEmpty(), "the same upload id was resumed, no second upload was started");
        const QJsonObject accepted = upload.value(QStringLiteral("accepted")).toObject();
        QCOMPARE(accepted.size(), 8);
        for (int part = 1; part <= recorded; ++part)
            QCOMPARE(accepted.value(QString::number(part)).toInt(), 1);
        int receipts = 0;
        for (const QJsonValue& count : accepted)
            receipts += count.toInt();
        QVERIFY2(receipts <= 9, "at most the part in flight at the kill is sent again");
        const QJsonObject state = server_->state();
        QCOMPARE(state.value(QStringLiteral("videos")).toObject().size(), 1);
        QCOMPARE(state.value(QStringLiteral("videos"))
                     .toObject()
                     .begin()
                     .value()
                     .toObject()
                     .value(QStringLiteral("sha256"))
                     .toString()
                     .toLatin1(),
                 sha256Hex(file));
        QCOMPARE(state.value(QStringLiteral("items")).toArray().size(), 1);
        qInfo() << recorded << "parts recorded before the kill," << acceptedBeforeKill << "accepted by then";
    }

    void uploadCompletedAtTheLastByteIsNotSentAgainAfterSigkill() {
        home_->writeConfig();
        const QString file = home_->file(QStringLiteral("news.mp3"));
        writeFile(file, 1 << 20, 3);
        QCOMPARE(runner({QStringLiteral("add"), file, QStringLiteral("--target"), server_->tusTarget()}), 0);
        // The server stores the last byte, then holds its reply: the kill lands before we can record success.
        server_->setFaults({fault(QStringLiteral("PATCH"), {}, {{QStringLiteral("hang_after"), 20}})});
        QProcess p;
        p.start(QStringLiteral(XZ_UPLOAD_RUNNER), {QStringLiteral("run"), QStringLiteral("--until-empty")});
        QTRY_VERIFY_WITH_TIMEOUT(onlyUpload().value(QStringLiteral("complete")).toBool(), 10'000);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        QString out;
        QCOMPARE(runner({QStringLiteral("run"), QStringLiteral("--until-empty")}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("1 uploaded")), qPrintable(out));
        const QJsonObject state = server_->state();
        QCOMPARE(state.value(QStringLiteral("tus")).toObject().size(), 1);
        QCOMPARE(onlyUpload().value(QStringLiteral("patches")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(CrashTest)
#include "tst_crash.moc"
