// `xiaozhan live` end to end: the real binary, real libobs, a real nginx-rtmp server, ffprobe as the judge.
#include "livecommand.h"
#include "mediaprobe.h"
#include "rtmpserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace xz::testing;

class LiveCommandTest : public QObject {
    Q_OBJECT
private slots:
    void startsAndStopsRepeatedlyWithoutLeaks();
    void recordsStreamsAndPrintsOneJsonLine();
    void sigtermStopsCleanlyAndStillPrintsTheSummary();
    void aRecordingKilledMidShowStillPlaysUpToTheKill();
    void aBadShowFileStopsBeforeAnythingStartsWithItsPreciseMessage();
    void anUnknownCameraIsNamedWithTheCamerasTheShowHas();
    void anUnwritableRecordingFolderIsReportedAndTheShowRunsOn();
    void aCameraThatDropsOutIsReportedAtOnceAndInTheSummary();

private:
    static QJsonObject firstRecording(const LiveRun& run) {
        return run.summary.value(QStringLiteral("recordings")).toArray().first().toObject();
    }
};

void LiveCommandTest::startsAndStopsRepeatedlyWithoutLeaks() {
    for (int round = 0; round < 3; ++round) {
        LiveCommand live({"--show", "sitcom", "--headless", "--duration", "1.5"});
        live.start();
        const LiveRun run = live.finish();
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
        QVERIFY(run.summary.value(QStringLiteral("frames")).toInt() > 10);
        QCOMPARE(run.summary.value(QStringLiteral("libobsLeaks")).toInt(-1), 0);
    }
}

void LiveCommandTest::recordsStreamsAndPrintsOneJsonLine() {
    QTemporaryDir dir;
    RtmpServer server;
    QVERIFY(server.start());
    const QString key = QStringLiteral("community-key-7c1e");
    LiveCommand live({"--show", "cooking", "--headless", "--record", dir.path(), "--stream", server.url(key),
                      "--duration", "6", "--cycle-scenes", "1.5", "--remux"});
    live.start();
    const LiveRun run = live.finish();
    QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
    QCOMPARE(run.stdoutText.count(QLatin1Char('\n')), 1);
    QVERIFY2(!run.summary.isEmpty(), qPrintable(run.stdoutText));
    QCOMPARE(run.summary.value(QStringLiteral("show")).toString(), QStringLiteral("cooking"));
    QVERIFY(run.summary.value(QStringLiteral("takes")).toInt() >= 3);
    for (const char* counter : {"frames", "lagged", "skipped", "dropped"})
        QVERIFY2(run.summary.contains(QLatin1String(counter)), counter);

    // The key is a secret: not on stdout, not on stderr, not in the summary.
    QVERIFY(!run.stdoutText.contains(key));
    QVERIFY(!run.stderrText.contains(key));
    const QJsonObject stream = run.summary.value(QStringLiteral("streams")).toArray().first().toObject();
    QVERIFY(stream.value(QStringLiteral("url")).toString().endsWith(QLatin1String("/live/***")));
    QCOMPARE(stream.value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
    QVERIFY(stream.value(QStringLiteral("bytes")).toDouble() > 100000);

    const QJsonObject recording = firstRecording(run);
    const QString mkv = recording.value(QStringLiteral("path")).toString();
    QVERIFY2(QFileInfo(mkv).fileName().startsWith(QLatin1String("cooking_") +
                                                  QDate::currentDate().toString(Qt::ISODate)),
             qPrintable(mkv));
    const MediaInfo mkvInfo = probeMedia(mkv);
    QVERIFY(mkvInfo.hasVideo && mkvInfo.hasAudio);
    QCOMPARE(mkvInfo.width, 1280);
    const QString mp4 = recording.value(QStringLiteral("mp4")).toString();
    const MediaInfo mp4Info = probeMedia(mp4);
    QVERIFY2(mp4Info.readable && mp4Info.hasAudio, qPrintable(mp4));
    QVERIFY2(
        qAbs(mp4Info.durationSec - mkvInfo.durationSec) < 0.5,
        qPrintable(QStringLiteral("mp4 %1 s, mkv %2 s").arg(mp4Info.durationSec).arg(mkvInfo.durationSec)));
    QTRY_VERIFY_WITH_TIMEOUT(!server.receivedFiles().isEmpty(), 20000);
    QVERIFY(decodableSeconds(server.receivedFiles().last()) > 3.0);
}

void LiveCommandTest::sigtermStopsCleanlyAndStillPrintsTheSummary() {
    QTemporaryDir dir;
    LiveCommand live({"--show", "stage", "--headless", "--record", dir.path()});
    live.start();
    QVERIFY(live.waitForStderr(QStringLiteral("started")));
    QVERIFY(live.waitForStderr(QStringLiteral("disk free"), 10000));
    live.sendSignal(SIGTERM);
    const LiveRun run = live.finish(30000);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.stderrText.contains(QStringLiteral("finishing cleanly")));
    // The 5-second status line names the scene, the recording and the space left for it.
    QVERIFY2(run.stderrText.contains(QStringLiteral("录像中 / recording · 磁盘剩余 / disk free")),
             qPrintable(run.stderrText));
    const QString mkv = firstRecording(run).value(QStringLiteral("path")).toString();
    const MediaInfo info = probeMedia(mkv);
    // A clean stop writes the Matroska index, so the container knows its duration.
    QVERIFY2(info.durationSec > 1.0, qPrintable(QString::number(info.durationSec)));
}

void LiveCommandTest::aRecordingKilledMidShowStillPlaysUpToTheKill() {
    QTemporaryDir dir;
    LiveCommand live({"--show", "first-aid", "--headless", "--record", dir.path(), "--cycle-scenes", "2"});
    live.start();
    QVERIFY(live.waitForStderr(QStringLiteral("started")));
    QElapsedTimer recording;
    recording.start();
    QTest::qWait(10000);
    const double killedAfterSec = recording.elapsed() / 1000.0;
    live.killHard();
    const QStringList files = QDir(dir.path()).entryList({QStringLiteral("*.mkv")});
    QCOMPARE(files.size(), 1);
    const double playable = decodableSeconds(dir.filePath(files.first()));
    qInfo() << "killed after" << killedAfterSec << "s; the file plays" << playable << "s";
    QVERIFY2(playable >= killedAfterSec - 2.0,
             qPrintable(QStringLiteral("plays %1 s of %2 s").arg(playable).arg(killedAfterSec)));
}

void LiveCommandTest::aBadShowFileStopsBeforeAnythingStartsWithItsPreciseMessage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"format\": \"xiaozhan.show\",\n  \"version\": 1,\n  \"id\": \"x\" \"oops\"\n}\n");
    file.close();
    LiveCommand live({"--show", path, "--headless", "--duration", "5"});
    live.start();
    const LiveRun run = live.finish(30000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.stderrText.contains(path + QStringLiteral(":4:")), qPrintable(run.stderrText));
    QCOMPARE(run.summary.value(QStringLiteral("frames")).toInt(-1), 0);
    QVERIFY(!run.summary.value(QStringLiteral("errors")).toArray().isEmpty());
}

void LiveCommandTest::anUnknownCameraIsNamedWithTheCamerasTheShowHas() {
    LiveCommand live(
        {"--show", "cooking", "--headless", "--duration", "1", "--camera", "cam-nope=videotestsrc"});
    live.start();
    const LiveRun run = live.finish(30000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.stderrText.contains(QStringLiteral("'cam-nope'")), qPrintable(run.stderrText));
    QVERIFY(run.stderrText.contains(QStringLiteral("cam-host")));
    QVERIFY(run.stderrText.contains(QStringLiteral("cam-overhead")));
}

void LiveCommandTest::anUnwritableRecordingFolderIsReportedAndTheShowRunsOn() {
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString badDir = blocker.fileName() + QStringLiteral("/recordings");
    LiveCommand live({"--show", "cooking", "--headless", "--record", badDir, "--duration", "2"});
    live.start();
    const LiveRun run = live.finish(30000);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.summary.value(QStringLiteral("frames")).toInt() > 20);
    const QString errors = run.summary.value(QStringLiteral("errors")).toArray().first().toString();
    QVERIFY2(errors.contains(badDir), qPrintable(errors));
}

void LiveCommandTest::aCameraThatDropsOutIsReportedAtOnceAndInTheSummary() {
    // A "phone" that sends 1.5 s of picture and stops, again and again: the operator reads each drop-out and
    // each return as it happens, and the summary tells the camera's story.
    LiveCommand live(
        {"--show", "cooking", "--headless", "--duration", "6", "--camera",
         "cam-host=videotestsrc num-buffers=45 ! video/x-raw,width=320,height=180,framerate=30/1"});
    live.start();
    const LiveRun run = live.finish(60000);
    QCOMPARE(run.exitCode, 0); // a camera dropping out is not an output failure: the show went out
    QVERIFY2(run.stderrText.contains(QStringLiteral("camera cam-host: 画面正常 / live")),
             qPrintable(run.stderrText));
    QVERIFY2(run.stderrText.contains(QStringLiteral("camera cam-host: 正在重连 / reconnecting · 信号已结束")),
             qPrintable(run.stderrText));
    const QJsonArray cameras = run.summary.value(QStringLiteral("cameras")).toArray();
    QCOMPARE(cameras.size(), 1);
    const QJsonObject camera = cameras.first().toObject();
    QCOMPARE(camera.value(QStringLiteral("id")).toString(), QStringLiteral("cam-host"));
    QVERIFY2(camera.value(QStringLiteral("restarts")).toInt() >= 2,
             qPrintable(QString::number(camera.value(QStringLiteral("restarts")).toInt())));
    // Counted across the restarts: 45 frames a round, at least two rounds.
    QVERIFY2(camera.value(QStringLiteral("videoFrames")).toInt() >= 90,
             qPrintable(QString::number(camera.value(QStringLiteral("videoFrames")).toInt())));
    QVERIFY(
        camera.value(QStringLiteral("lastError")).toString().contains(QStringLiteral("the signal ended")));
}

QTEST_GUILESS_MAIN(LiveCommandTest)
#include "tst_livecommand.moc"
