// Recording and streaming with real libobs outputs, checked by independent tools (ffprobe) and a real
// nginx-rtmp server on loopback.
#include "colourshow.h"
#include "encoderset.h"
#include "mediaprobe.h"
#include "obsruntime.h"
#include "recorder.h"
#include "rtmpserver.h"
#include "scenegraph.h"
#include "streamer.h"
#include "switcher.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>
#include <util/platform.h>

using namespace xz;
using namespace xz::engine;
using namespace xz::testing;

namespace {

// Everything logged while a test runs, to prove a stream key never reaches the log.
QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    {
        QMutexLocker lock(&logMutex);
        capturedLog.append(message);
    }
    previousHandler(type, context, message);
}

const QString kStreamKey = QStringLiteral("secret-key-3f9a2c");

} // namespace

class OutputsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void recordsFiveSecondsThatAnIndependentToolReads();
    void anUnwritableRecordingFolderGivesAClearErrorAndStopsNothingElse();
    void aDiskThatFillsUpStopsTheRecordingWithAClearMessageAndNothingElse();
    void streamsToALocalRtmpServer();
    void streamReconnectsByItselfAfterAServerOutageWhileTheRecordingHasNoGap();
    void aStreamAddressWithoutAnApplicationIsRefused();

private:
    std::unique_ptr<ObsRuntime> runtime_;
    std::unique_ptr<SceneGraph> graph_;
    std::unique_ptr<Switcher> switcher_;
    std::unique_ptr<EncoderSet> encoders_;
};

void OutputsTest::initTestCase() {
    previousHandler = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("xz.*=true"));
    std::optional<EngineError> error;
    runtime_ = ObsRuntime::start({1280, 720, 30}, &error);
    QVERIFY2(runtime_, qPrintable(error ? error->toString() : QString()));
}

void OutputsTest::cleanupTestCase() {
    runtime_.reset();
    // obs-outputs 29 loses one packet buffer when a reconnect fails while sending headers (upstream
    // obs-studio issue #9972, fixed after the Debian version); that is the only block allowed here.
    QVERIFY2(ObsRuntime::allocationsLeftAfterShutdown() <= 1,
             qPrintable(QString::number(ObsRuntime::allocationsLeftAfterShutdown())));
    QMutexLocker lock(&logMutex);
    for (const QString& line : capturedLog)
        QVERIFY2(!line.contains(kStreamKey),
                 qPrintable(QStringLiteral("stream key leaked into the log: ") + line));
}

void OutputsTest::init() {
    std::optional<EngineError> error;
    graph_ = SceneGraph::build(colourShow(1280, 720, 30), &error);
    QVERIFY(graph_);
    switcher_ = std::make_unique<Switcher>(*graph_, QStringLiteral("camera"));
    encoders_ = EncoderSet::create({}, &error);
    QVERIFY(encoders_);
}

void OutputsTest::cleanup() {
    encoders_.reset();
    switcher_.reset();
    graph_.reset();
}

void OutputsTest::recordsFiveSecondsThatAnIndependentToolReads() {
    QTemporaryDir dir;
    Recorder recorder(*encoders_, QStringLiteral("cooking"));
    const auto error = recorder.start(dir.path());
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    QVERIFY(QFileInfo(recorder.path()).fileName().startsWith(QLatin1String("cooking_")));
    QVERIFY(recorder.path().endsWith(QLatin1String(".mkv")));
    QTest::qWait(5000);
    recorder.stopAndWait();
    QVERIFY(!recorder.failure());

    const MediaInfo info = probeMedia(recorder.path());
    QVERIFY2(info.readable, qPrintable(info.error));
    QVERIFY2(qAbs(info.durationSec - 5.0) < 0.8, qPrintable(QString::number(info.durationSec)));
    QCOMPARE(info.width, 1280);
    QCOMPARE(info.height, 720);
    QVERIFY2(qAbs(info.fps - 30.0) < 0.5, qPrintable(QString::number(info.fps)));
    QVERIFY(info.hasAudio);
    QVERIFY(decodableSeconds(recorder.path()) > 4.0);
}

void OutputsTest::anUnwritableRecordingFolderGivesAClearErrorAndStopsNothingElse() {
    QTemporaryDir dir;
    // A folder "inside" a regular file can never be created, even by root.
    QFile blocker(dir.path() + QStringLiteral("/not-a-folder"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString badDir = blocker.fileName() + QStringLiteral("/recordings");

    Recorder recorder(*encoders_, QStringLiteral("cooking"));
    const auto error = recorder.start(badDir);
    QVERIFY(error.has_value());
    QVERIFY2(error->messageEn.contains(badDir), qPrintable(error->toString()));
    QVERIFY(error->messageZh.contains(QStringLiteral("录像文件夹")));
    QVERIFY(!recorder.active());

    // The program keeps rendering and a good recording still starts.
    const uint32_t before = obs_get_total_frames();
    QTRY_VERIFY_WITH_TIMEOUT(obs_get_total_frames() > before + 5, 20000);
    Recorder good(*encoders_, QStringLiteral("cooking"));
    QVERIFY(!good.start(dir.path()));
    QTest::qWait(500);
    good.stopAndWait();
}

void OutputsTest::aDiskThatFillsUpStopsTheRecordingWithAClearMessageAndNothingElse() {
    // A small RAM disk stands in for a USB stick that fills up mid-show (needs root to mount).
    QTemporaryDir dir;
    const QString disk = dir.filePath(QStringLiteral("small-disk"));
    QDir().mkpath(disk);
    if (QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                           QStringLiteral("size=104m"), QStringLiteral("tmpfs"), disk}) != 0) {
        // CI runs as root and must run this test; a developer without root is told loudly what was left out.
        if (qEnvironmentVariable("CI") == QLatin1String("true") || geteuid() == 0)
            QFAIL("could not mount a small tmpfs although this run must test a full disk (CI or root)");
        qWarning(
            "NOT TESTED: a disk that fills up (mounting a small tmpfs needs root; run ./dev test as root)");
        QSKIP("mounting a small tmpfs needs root");
    }
    auto unmount = qScopeGuard([&] {
        QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), disk});
    });

    Recorder recorder(*encoders_, QStringLiteral("cooking"));
    QSignalSpy failed(&recorder, &Recorder::failed);
    QVERIFY(!recorder.start(disk));
    // Leave a few frames of recording worth of space, then let it run out.
    QFile filler(disk + QStringLiteral("/filler"));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(16 * 1024, 'x');
    while (os_get_free_disk_space(disk.toUtf8().constData()) > 64 * 1024 &&
           filler.write(block) == block.size()) {
    }
    filler.close();
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 20000);
    QVERIFY(recorder.failure().has_value());
    QVERIFY2(recorder.failure()->messageZh.contains(QStringLiteral("磁盘已满")),
             qPrintable(recorder.failure()->toString()));
    QVERIFY(recorder.failure()->messageEn.contains(disk));
    // The studio goes on: frames keep coming and another recording elsewhere works.
    const uint32_t before = obs_get_total_frames();
    QTRY_VERIFY_WITH_TIMEOUT(obs_get_total_frames() > before + 5, 20000);
    QTemporaryDir elsewhere;
    Recorder other(*encoders_, QStringLiteral("cooking"));
    QVERIFY(!other.start(elsewhere.path()));
    QTest::qWait(1500);
    other.stopAndWait();
    QVERIFY(!other.failure());
    QVERIFY(decodableSeconds(other.path()) > 0.5);
    recorder.stopAndWait();
}

void OutputsTest::streamsToALocalRtmpServer() {
    RtmpServer server;
    QVERIFY(server.start());
    std::optional<EngineError> error;
    const auto target = StreamTarget::parse(server.url(kStreamKey), &error);
    QVERIFY(target);
    QCOMPARE(target->key, kStreamKey);
    Streamer streamer(*encoders_, *target);
    QVERIFY(!streamer.redactedUrl().contains(kStreamKey));
    QVERIFY(!streamer.start());
    QTRY_COMPARE_WITH_TIMEOUT(streamer.state(), StreamState::Live, 20000);
    QTest::qWait(4000);
    streamer.stopAndWait();
    QCOMPARE(streamer.state(), StreamState::Stopped);
    QVERIFY(streamer.totalBytes() > 100000);

    QTRY_VERIFY_WITH_TIMEOUT(!server.receivedFiles().isEmpty(), 20000);
    const QString received = server.receivedFiles().last();
    QVERIFY2(QFileInfo(received).fileName().startsWith(kStreamKey), qPrintable(received));
    const MediaInfo info = probeMedia(received);
    QVERIFY2(info.hasVideo && info.hasAudio, qPrintable(received));
    QCOMPARE(info.width, 1280);
    QVERIFY2(decodableSeconds(received) > 2.5, qPrintable(QString::number(decodableSeconds(received))));
}

void OutputsTest::streamReconnectsByItselfAfterAServerOutageWhileTheRecordingHasNoGap() {
    QTemporaryDir dir;
    RtmpServer server;
    QVERIFY(server.start());
    Recorder recorder(*encoders_, QStringLiteral("stage"));
    QVERIFY(!recorder.start(dir.path()));
    std::optional<EngineError> error;
    Streamer streamer(*encoders_, *StreamTarget::parse(server.url(kStreamKey), &error));
    QSignalSpy states(&streamer, &Streamer::stateChanged);
    QVERIFY(!streamer.start());
    QTRY_COMPARE_WITH_TIMEOUT(streamer.state(), StreamState::Live, 20000);
    QTest::qWait(2000);

    QElapsedTimer outage;
    outage.start();
    server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(streamer.state(), StreamState::Reconnecting, 20000);
    QVERIFY(streamer.reconnectAttempt() >= 1);
    QVERIFY(streamer.stateText().contains(QStringLiteral("正在重连")));
    QVERIFY(streamer.stateText().contains(QStringLiteral("/%1").arg(streamer.maxRetries())));
    QTest::qWait(1500);
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(streamer.state(), StreamState::Live, 20000);
    qInfo() << "stream back after" << outage.elapsed() << "ms of outage," << streamer.reconnectsTotal()
            << "attempts";
    QCOMPARE(streamer.reconnectAttempt(), 0);
    QTest::qWait(3000);
    streamer.stopAndWait();
    recorder.stopAndWait();
    QVERIFY(!recorder.failure());

    // The recording ran straight through the outage. A busy 2-core machine may lag a few frames (counted as
    // lagged, not lost); an outage would leave a hole of seconds.
    QList<double> times = videoPacketTimes(recorder.path());
    QVERIFY(times.size() > 150);
    std::sort(times.begin(), times.end());
    double largestGap = 0;
    for (qsizetype i = 1; i < times.size(); ++i)
        largestGap = std::max(largestGap, times[i] - times[i - 1]);
    QVERIFY2(largestGap < 0.5, qPrintable(QStringLiteral("gap of %1 s in the recording").arg(largestGap)));
    QVERIFY2(times.last() > recorder.seconds() - 1.5,
             qPrintable(QStringLiteral("%1 s recorded of %2 s").arg(times.last()).arg(recorder.seconds())));
    // After the outage the server got a second, playable stream.
    QTRY_VERIFY_WITH_TIMEOUT(server.receivedFiles().size() >= 2, 20000);
    QVERIFY(decodableSeconds(server.receivedFiles().last()) > 1.0);
}

void OutputsTest::aStreamAddressWithoutAnApplicationIsRefused() {
    std::optional<EngineError> error;
    QVERIFY(!StreamTarget::parse(QStringLiteral("rtmp://127.0.0.1:1935"), &error));
    QVERIFY(error->messageEn.contains(QLatin1String("application")));
    error.reset();
    QVERIFY(!StreamTarget::parse(QStringLiteral("http://example.invalid/live/") + kStreamKey, &error));
    QVERIFY(!error->toString().contains(kStreamKey));
    error.reset();
    const auto target = StreamTarget::parse(QStringLiteral("rtmps://127.0.0.1/live/") + kStreamKey, &error);
    QVERIFY(target);
    QCOMPARE(target->server, QStringLiteral("rtmps://127.0.0.1/live"));
    QVERIFY(!target->redacted().contains(kStreamKey));
}

QTEST_GUILESS_MAIN(OutputsTest)
#include "tst_outputs.moc"
