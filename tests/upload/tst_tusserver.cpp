// The queue against a tus server written by others: tus-node-server (@tus/server + @tus/file-store from the
// npm registry, installed into the build tree by ./dev), on loopback. A whole upload, and one killed mid-way
// that resumes from the server's offset, both byte-identical in the server's own file store.
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTest>

#include <csignal>

using namespace xz::upload;
using namespace xz::upload::test;

class TusNodeServerTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestHome> home_;
    QTemporaryDir storage_;
    QProcess server_;
    int port_ = 0;

    QString target() const { return QStringLiteral("tus+http://127.0.0.1:%1/files/").arg(port_); }
    // The data file tus-node-server keeps for an upload, named by the last segment of its URL.
    QString stored(const QString& uploadUrl) const {
        return QDir(storage_.filePath(QStringLiteral("files")))
            .filePath(uploadUrl.section(QLatin1Char('/'), -1));
    }
    QList<QJsonObject> requests() const {
        QFile log(storage_.filePath(QStringLiteral("requests.log")));
        QList<QJsonObject> out;
        if (log.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : log.readAll().split('\n')) {
                if (!line.isEmpty())
                    out << QJsonDocument::fromJson(line).object();
            }
        }
        return out;
    }
    int runner(const QStringList& args, QString* output = nullptr) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(XZ_UPLOAD_RUNNER), args);
        p.waitForFinished(120'000);
        if (output)
            *output = QString::fromUtf8(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private slots:
    void initTestCase() {
        isolateNetwork();
        const QString modules = QStringLiteral(XZ_TUS_NODE_DIR "/node_modules/@tus/server/package.json");
        if (!QFileInfo::exists(modules)) {
            const QByteArray why = "tus-node-server is not installed in " XZ_TUS_NODE_DIR
                                   " (./dev installs it there with npm ci)";
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(why.constData());
            QSKIP(why.constData());
        }
        server_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server_.start(QStringLiteral("node"),
                      {QStringLiteral(XZ_TUS_NODE_DIR "/server.mjs"), storage_.path()});
        QVERIFY2(server_.waitForStarted(10'000), "node did not start");
        QTRY_VERIFY_WITH_TIMEOUT(
            server_.canReadLine() || (server_.waitForReadyRead(100) && server_.canReadLine()), 30'000);
        const QByteArray line = server_.readLine().trimmed();
        QVERIFY2(line.startsWith("PORT "), line.constData());
        port_ = line.mid(5).toInt();
    }
    void cleanupTestCase() {
        server_.terminate();
        if (!server_.waitForFinished(5'000))
            server_.kill();
        server_.waitForFinished(5'000);
    }
    void init() {
        home_ = std::make_unique<TestHome>();
        home_->writeConfig();
    }
    void cleanup() { home_.reset(); }

    void uploadsByteIdenticalToTheStandardServer() {
        const QString file = home_->file(QStringLiteral("first-aid-cpr.mp4"));
        writeFile(file, 9'500'000, 21);
        QueueHarness h;
        const qint64 id = h.add(file, target(), QStringLiteral("急救培训会 心肺复苏"));
        QVERIFY(h.runUntilDrained());
        const UploadJob job = h.job(id);
        QCOMPARE(job.state, JobState::Done);
        QCOMPARE(job.attempts, 1);
        // tus-node-server answers with an absolute Location on its own origin.
        QVERIFY2(job.remoteId.startsWith(QStringLiteral("http://127.0.0.1:%1/files/").arg(port_)),
                 qPrintable(job.remoteId));
        QCOMPARE(sha256Hex(stored(job.remoteId)), sha256Hex(file));
    }

    void killedUploadResumesFromTheServersOffset() {
        constexpr qint64 kSize = 60'000'000;
        home_->writeConfig(
            {{QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_bytes_per_second"), 20 << 20},
                                                    {QStringLiteral("tus_chunk_bytes"), 8 << 20}}}});
        const QString file = home_->file(QStringLiteral("stage-contest.mp4"));
        writeFile(file, kSize, 22);
        QCOMPARE(runner({QStringLiteral("add"), file, QStringLiteral("--target"), target()}), 0);
        const int before = int(requests().size());

        QProcess p;
        p.start(QStringLiteral(XZ_UPLOAD_RUNNER), {QStringLiteral("run"), QStringLiteral("--until-empty")});
        QVERIFY(p.waitForStarted());
        // Killed once the server holds more than one chunk: mid-way, with a chunk in flight.
        QString uploadFile;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QStringList data = QDir(storage_.filePath(QStringLiteral("files")))
                                             .entryList({QStringLiteral("*.json")}, QDir::Files);
                for (const QString& meta : data) {
                    const QString candidate = storage_.filePath(QStringLiteral("files/") + meta.chopped(5));
                    if (QFileInfo(candidate).size() > (12 << 20)) {
                        uploadFile = candidate;
                        return true;
                    }
                }
                return false;
            }(),
            30'000);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished();
        const qint64 atKill = QFileInfo(uploadFile).size();
        QVERIFY2(atKill < kSize, "the kill came after the last byte");
        const int killedRunRequests = int(requests().size());

        QString out;
        QCOMPARE(runner({QStringLiteral("run"), QStringLiteral("--until-empty")}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("1 uploaded")), qPrintable(out));
        QCOMPARE(sha256Hex(uploadFile), sha256Hex(file));

        const QList<QJsonObject> log = requests();
        int posts = 0;
        for (qsizetype i = before; i < log.size(); ++i)
            posts += log[i].value(QStringLiteral("method")).toString() == QLatin1String("POST");
        QCOMPARE(posts, 1); // one upload, resumed; never a second one
        // The resumed run asked the server (HEAD) and continued from its offset, not from zero.
        qint64 firstResumedPatch = -1;
        bool asked = false;
        for (qsizetype i = killedRunRequests; i < log.size(); ++i) {
            const QString method = log[i].value(QStringLiteral("method")).toString();
            asked = asked || method == QLatin1String("HEAD");
            if (method == QLatin1String("PATCH")) {
                firstResumedPatch = log[i].value(QStringLiteral("offset")).toString().toLongLong();
                break;
            }
        }
        QVERIFY(asked);
        QVERIFY2(firstResumedPatch >= (8 << 20),
                 qPrintable(QStringLiteral("resumed at %1, the server held %2 at the kill")
                                .arg(firstResumedPatch)
                                .arg(atKill)));
        qInfo() << "killed with" << atKill << "bytes on the server; resumed at" << firstResumedPatch;
    }
};

QTEST_GUILESS_MAIN(TusNodeServerTest)
#include "tst_tusserver.moc"
