// `xiaozhan live --rundown ... --control-port ...` end to end: the real binary runs a rundown on the studio
// (its scenes taken, its segments in the summary and in the recording's markers sidecar), and a remote client
// over obs-websocket mirrors and drives the same rundown.
#include "livecommand.h"
#include "mediaprobe.h"
#include "obsclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace xz::testing;
using xz::remote::test::ObsClient;

namespace {

constexpr uint32_t kVendorEvents = 1u << 9;

// Three short segments on the cooking show's scenes; `end` says how each one ends.
QString writeRundown(const QString& dir, const QString& firstStart) {
    const QString path = dir + QStringLiteral("/rehearsal.json");
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QStringLiteral(R"({
  "format": "xiaozhan.rundown", "version": 1, "title": "彩排", "show": "cooking",
  "segments": [
    {"title": "开场", "scene": "opening", "duration": "3", "end": "next", "start": "%1"},
    {"title": "烹饪", "scene": "stove", "transition": "fade", "duration": "3", "end": "next",
     "texts": [{"source": "card-ingredients", "text": "老豆腐　一大块"}]},
    {"title": "结束", "scene": "ending", "duration": "60", "end": "hold"}
  ]
})")
                   .arg(firstStart)
                   .toUtf8());
    return path;
}

QProcessEnvironment privateHome(const QString& home) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XIAOZHAN_HOME"), home);
    return environment;
}

} // namespace

class LiveRundownTest : public QObject {
    Q_OBJECT
private slots:
    void aRehearsalRunsEverySegmentTakesItsSceneAndMarksTheRecording();
    void aRemoteClientMirrorsTheRundownAndAdvancesIt();
    void aRundownThatDoesNotFitTheShowStopsBeforeAnythingStarts();
};

void LiveRundownTest::aRehearsalRunsEverySegmentTakesItsSceneAndMarksTheRecording() {
    QTemporaryDir dir;
    const QString rundown = writeRundown(dir.path(), QStringLiteral("manual"));
    LiveCommand live({"--show", "cooking", "--headless", "--rundown", rundown, "--auto-advance", "--record",
                      dir.path(), "--duration", "10"});
    live.process().setProcessEnvironment(privateHome(dir.path() + QStringLiteral("/home")));
    live.start();
    const LiveRun run = live.finish(180000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
    QVERIFY2(run.stderrText.contains(QLatin1String("\"opening\" -> \"stove\"")), qPrintable(run.stderrText));
    QVERIFY2(run.stderrText.contains(QLatin1String("\"stove\" -> \"ending\"")), qPrintable(run.stderrText));
    QCOMPARE(run.summary.value(QStringLiteral("programScene")).toString(), QStringLiteral("ending"));

    const QJsonObject summary = run.summary.value(QStringLiteral("rundown")).toObject();
    const QJsonArray segments = summary.value(QStringLiteral("segments")).toArray();
    QCOMPARE(segments.size(), 3);
    QCOMPARE(segments[1].toObject().value(QStringLiteral("title")).toString(), QStringLiteral("烹饪"));
    QCOMPARE(segments[1].toObject().value(QStringLiteral("plannedSeconds")).toDouble(), 3.0);
    // Automatic ends run the planned time (a late timer shows up as more, never less).
    QVERIFY(segments[0].toObject().value(QStringLiteral("actualSeconds")).toDouble() >= 2.9);
    QVERIFY(segments[1].toObject().value(QStringLiteral("actualSeconds")).toDouble() >= 2.9);
    QVERIFY(!segments[2].toObject().value(QStringLiteral("startedAt")).toString().isEmpty());
    QVERIFY(summary.contains(QStringLiteral("overUnderSeconds")));

    const QJsonObject recording =
        run.summary.value(QStringLiteral("recordings")).toArray().first().toObject();
    const QString markersPath = recording.value(QStringLiteral("markers")).toString();
    QCOMPARE(markersPath,
             recording.value(QStringLiteral("path")).toString() + QStringLiteral(".markers.json"));
    QFile markersFile(markersPath);
    QVERIFY2(markersFile.open(QIODevice::ReadOnly), qPrintable(markersPath));
    const QJsonArray markers =
        QJsonDocument::fromJson(markersFile.readAll()).object().value(QStringLiteral("markers")).toArray();
    QStringList titles;
    double previous = -1;
    const double length = probeMedia(recording.value(QStringLiteral("path")).toString()).durationSec;
    for (const QJsonValue& value : markers) {
        const QJsonObject marker = value.toObject();
        QCOMPARE(marker.value(QStringLiteral("kind")).toString(), QStringLiteral("segment"));
        titles.append(marker.value(QStringLiteral("title")).toString());
        const double time = marker.value(QStringLiteral("time")).toDouble();
        QVERIFY(time > previous && time < length);
        previous = time;
    }
    QCOMPARE(titles, (QStringList{QStringLiteral("开场"), QStringLiteral("烹饪"), QStringLiteral("结束")}));
    // The second segment began three seconds after the first, which started with the show, a moment before
    // the recording's first frame (time 0).
    const double second = markers[1].toObject().value(QStringLiteral("time")).toDouble();
    QVERIFY2(second > 2.0 && second <= 3.1, qPrintable(QString::number(second)));
}

void LiveRundownTest::aRemoteClientMirrorsTheRundownAndAdvancesIt() {
    QTemporaryDir dir;
    const QString rundown = writeRundown(dir.path(), QStringLiteral("manual"));
    LiveCommand live({"--show", "cooking", "--headless", "--rundown", rundown, "--control-port", "0"});
    live.process().setProcessEnvironment(privateHome(dir.path() + QStringLiteral("/home")));
    live.start();
    QVERIFY(live.waitForStderr(QStringLiteral("遥控 / remote control: ws://127.0.0.1:"), 120000));
    // The port the system picked, as the studio printed it.
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("ws://127\\.0\\.0\\.1:(\\d+)")).match(live.stderrSoFar());
    const auto port = static_cast<quint16>(match.captured(1).toUInt());
    QVERIFY2(port > 0, qPrintable(live.stderrSoFar()));

    ObsClient client;
    QVERIFY(client.open(port));
    QVERIFY(client.identify(QString(), kVendorEvents));
    const auto vendor = [&](const QString& type, const QJsonObject& data = {}) {
        return client
            .request(QStringLiteral("CallVendorRequest"),
                     {{QStringLiteral("vendorName"), QStringLiteral("xiaozhan")},
                      {QStringLiteral("requestType"), type},
                      {QStringLiteral("requestData"), data}})
            .value(QStringLiteral("responseData"))
            .toObject()
            .value(QStringLiteral("responseData")) // the vendor's own answer inside CallVendorRequest's
            .toObject();
    };
    const QJsonObject before = vendor(QStringLiteral("GetRundownSnapshot"));
    QCOMPARE(before.value(QStringLiteral("rundownTitle")).toString(), QStringLiteral("彩排"));

    // A manual first segment waits for the operator, here a remote button.
    const QJsonObject advanced =
        vendor(QStringLiteral("RundownAction"), {{QStringLiteral("action"), "advance"}});
    QVERIFY2(advanced.value(QStringLiteral("ok")).toBool(), qPrintable(QJsonDocument(advanced).toJson()));
    QCOMPARE(advanced.value(QStringLiteral("currentIndex")).toInt(), 0);
    // The mirror hears of it: a RundownChanged vendor event carrying the snapshot with the segment on air.
    QString onAir;
    while (onAir != QStringLiteral("开场")) {
        const std::optional<QJsonObject> event = client.waitForEvent(QStringLiteral("VendorEvent"));
        QVERIFY(event);
        const QJsonObject vendorEvent = event->value(QStringLiteral("eventData")).toObject();
        QCOMPARE(vendorEvent.value(QStringLiteral("vendorName")).toString(), QStringLiteral("xiaozhan"));
        QCOMPARE(vendorEvent.value(QStringLiteral("eventType")).toString(), QStringLiteral("RundownChanged"));
        onAir = vendorEvent.value(QStringLiteral("eventData"))
                    .toObject()
                    .value(QStringLiteral("segment"))
                    .toObject()
                    .value(QStringLiteral("title"))
                    .toString();
    }

    const QJsonObject refused =
        vendor(QStringLiteral("RundownAction"), {{QStringLiteral("action"), "rewind"}});
    QVERIFY(!refused.value(QStringLiteral("ok")).toBool());
    QVERIFY2(refused.value(QStringLiteral("error")).toString().contains(QLatin1String("'rewind'")),
             qPrintable(QJsonDocument(refused).toJson()));

    live.sendSignal(SIGTERM);
    const LiveRun run = live.finish(120000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
    const QJsonArray segments =
        run.summary.value(QStringLiteral("rundown")).toObject().value(QStringLiteral("segments")).toArray();
    QVERIFY(!segments[0].toObject().value(QStringLiteral("startedAt")).toString().isEmpty());
}

void LiveRundownTest::aRundownThatDoesNotFitTheShowStopsBeforeAnythingStarts() {
    QTemporaryDir dir;
    const QString rundown = dir.path() + QStringLiteral("/wrong.json");
    QFile file(rundown);
    file.open(QIODevice::WriteOnly);
    file.write(R"({"format": "xiaozhan.rundown", "version": 1, "title": "错", "show": "cooking",
  "segments": [{"title": "开场", "scene": "backstage", "duration": "3"}]})");
    file.close();
    LiveCommand live({"--show", "cooking", "--headless", "--rundown", rundown});
    live.process().setProcessEnvironment(privateHome(dir.path() + QStringLiteral("/home")));
    live.start();
    const LiveRun run = live.finish(60000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.stderrText.contains(QLatin1String("backstage")), qPrintable(run.stderrText));
    QVERIFY2(run.stderrText.contains(QLatin1String("wrong.json")), qPrintable(run.stderrText));
    QVERIFY2(!run.stderrText.contains(QLatin1String("开始 / started")), qPrintable(run.stderrText));
}

QTEST_GUILESS_MAIN(LiveRundownTest)
#include "tst_liverundown.moc"
