// The automation through a recording fake of the studio: advancing sets a segment's captions and takes its
// scene with its transition, `next` and fixed-time starts happen at their deadlines (and the real timer fires
// for them), the deadline is re-armed on every change, problems in the studio are reported while the show
// goes on, every step lands in the event log with wall clock and recording timecode, the markers sidecar
// follows the segments, marks and ranges, and a restarted engine resumes the show on the right segment.
#include "fakeclock.h"
#include "fakestudio.h"
#include "rundownengine.h"
#include "rundownloader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace xz::rundown;
using namespace xz::rundown::test;

namespace {

const QString kScenesDir = QStringLiteral(XZ_SCENES_DIR);
constexpr qint64 kMinute = 60 * 1000;

Rundown cookingTemplate() {
    const RundownLoadResult result =
        RundownLoader::loadFile(RundownLoader::resolveRundownPath(QStringLiteral("cooking"), kScenesDir));
    if (!result.ok())
        qFatal("the cooking template does not load");
    return *result.rundown;
}

Segment segment(const QString& title, const QString& scene, qint64 durationMs,
                EndAction end = EndAction::None) {
    Segment s;
    s.title = title;
    s.cue = title.left(1);
    s.sceneId = scene;
    s.durationMs = durationMs;
    s.end = end;
    return s;
}

Rundown small() {
    Rundown rundown;
    rundown.title = QStringLiteral("测试");
    rundown.plannedStart = QTime(10, 0);
    rundown.segments = {
        segment(QStringLiteral("开场"), QStringLiteral("opening"), 5 * kMinute),
        segment(QStringLiteral("烹饪"), QStringLiteral("closeup"), 10 * kMinute, EndAction::Next),
        segment(QStringLiteral("结束"), QStringLiteral("ending"), 5 * kMinute)};
    return rundown;
}

QList<QJsonObject> readLog(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> lines;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    }
    return lines;
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestRundownEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("XIAOZHAN_SCENES_DIR", kScenesDir.toUtf8()); }

    void advancingSetsTheCaptionsThenTakesTheSceneWithItsTransition() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(cookingTemplate(), studio, clock, {});
        QVERIFY(studio.calls.isEmpty()); // nothing goes on air until the show starts
        QVERIFY(!engine.advance());
        QCOMPARE(studio.calls,
                 (QStringList{"text opening/title-dish=今天做：博山豆腐箱", "take opening fade 0"}));

        studio.calls.clear();
        clock.set(at("2026-12-05 10:01:00"));
        engine.tick(); // 开场 ends with `next`
        QCOMPARE(studio.calls, (QStringList{"text host/lt-host-name=主厨　李秀兰 · 齐悦社区居民",
                                            "text host/lt-host-dish=今天的菜：博山豆腐箱　鲁菜 · 淄博博山",
                                            "take stove  0"}));
        QCOMPARE(studio.programScene, QStringLiteral("stove"));
        QCOMPARE(engine.timer().currentIndex(), 1);

        studio.calls.clear();
        clock.set(at("2026-12-05 10:05:00"));
        QVERIFY(!engine.advance());
        QCOMPARE(studio.calls,
                 (QStringList{"text closeup/step-text=第 1 步　豆腐切成长方块，肉馅加葱姜末拌匀",
                              "take closeup  0"}));
        QVERIFY(!engine.back());
        QCOMPARE(studio.programScene, QStringLiteral("stove"));
        QVERIFY(!engine.goTo(4));
        QCOMPARE(studio.takes().last(), QStringLiteral("take host slide 0"));
    }

    void nextSegmentsAdvanceAtTheirDeadlineNotBefore() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(small(), studio, clock, {});
        engine.advance();
        engine.advance(); // 烹饪, `next` after 10 minutes
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:10:00"));
        clock.set(at("2026-12-05 10:09:59.999"));
        engine.tick();
        QCOMPARE(studio.programScene, QStringLiteral("closeup"));
        clock.set(at("2026-12-05 10:10:00"));
        engine.tick();
        QCOMPARE(studio.programScene, QStringLiteral("ending"));
        QCOMPARE(engine.timer().state().startedAtMs, at("2026-12-05 10:10:00"));
        QVERIFY(!engine.armedDeadlineMs()); // 结束 runs into overtime: nothing automatic ahead
    }

    void theRealTimerFiresForTheDeadline() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        Rundown rundown = small();
        rundown.segments[0].durationMs = 1000;
        rundown.segments[0].end = EndAction::Next;
        RundownEngine engine(rundown, studio, clock, {});
        engine.advance();
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:00:01"));
        // The timer was armed for one second; by the time it fires, the clock has reached the deadline.
        clock.set(at("2026-12-05 10:00:01"));
        QTRY_COMPARE_WITH_TIMEOUT(studio.programScene, QStringLiteral("closeup"), 30000);
        QCOMPARE(engine.timer().currentIndex(), 1);
    }

    void theDeadlineIsReArmedOnEveryChange() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(small(), studio, clock, {});
        engine.advance();
        clock.set(at("2026-12-05 10:05:00"));
        engine.advance();
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:15:00"));
        QVERIFY(!engine.addTime(kMinute));
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:16:00"));
        clock.set(at("2026-12-05 10:06:00"));
        QVERIFY(!engine.toggleHold());
        QVERIFY(!engine.armedDeadlineMs()); // a held clock reaches no zero
        clock.set(at("2026-12-05 10:08:00"));
        QVERIFY(!engine.toggleHold());
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:18:00"));
        QVERIFY(!engine.editSegment(1, QStringLiteral("烹饪（加长）"), 15 * kMinute));
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:23:00"));
        QCOMPARE(engine.rundown().segments[1].title, QStringLiteral("烹饪（加长）"));
        QVERIFY(engine.editSegment(1, QString(), 15 * kMinute));
        QVERIFY(engine.editSegment(1, QStringLiteral("x"), 0));
    }

    void aFixedTimeStartTakesItsSceneAtItsTime() {
        FakeClock clock(at("2026-12-05 09:50:00"));
        FakeStudio studio;
        Rundown rundown = small();
        rundown.segments[0].start = StartMode::Fixed;
        rundown.segments[0].fixedTime = QTime(10, 0);
        RundownEngine engine(rundown, studio, clock, {});
        // Armed ahead of time: the show starts itself at 10:00.
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:00:00"));
        clock.set(at("2026-12-05 10:00:00"));
        engine.tick();
        QCOMPARE(studio.programScene, QStringLiteral("opening"));
        QCOMPARE(engine.log().entries().first().detail.value(QStringLiteral("cause")).toString(),
                 QStringLiteral("fixed-time"));
    }

    void studioProblemsAreReportedWhileTheShowGoesOn() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        studio.failingScenes = {QStringLiteral("closeup")};
        RundownEngine engine(small(), studio, clock, {});
        QSignalSpy problems(&engine, &RundownEngine::problem);
        engine.advance();
        QCOMPARE(problems.count(), 0);
        engine.advance();
        QCOMPARE(problems.count(), 1);
        QCOMPARE(problems.first().first().value<xz::UserError>().messageEn,
                 QStringLiteral("no scene closeup"));
        QCOMPARE(engine.timer().currentIndex(), 1); // the timing does not stop for a broken scene
        const LogEntry& take = engine.log().entries().last();
        QCOMPARE(take.event, QStringLiteral("take"));
        QVERIFY(take.detail.value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("no scene closeup")));
    }

    void refusedActionsSayWhy() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(small(), studio, clock, {});
        QCOMPARE(engine.back()->messageEn, QStringLiteral("the show has not started"));
        QCOMPARE(engine.addTime(kMinute)->messageEn, QStringLiteral("no segment is on air"));
        QCOMPARE(engine.toggleHold()->messageEn, QStringLiteral("no segment is on air"));
        engine.advance();
        QCOMPARE(engine.back()->messageEn, QStringLiteral("already at the first segment"));
        QCOMPARE(engine.setSkipped(0, true)->messageEn,
                 QStringLiteral("the segment on air cannot be skipped"));
        QVERIFY(!engine.toggleSkipNext());
        QVERIFY(engine.timer().state().records[1].skipped);
        QCOMPARE(engine.goTo(1)->messageEn, QStringLiteral("this segment is skipped: un-skip it first"));
        QVERIFY(!engine.toggleSkipNext());
        QVERIFY(!engine.timer().state().records[1].skipped);
        engine.advance();
        engine.advance();
        engine.advance();
        QCOMPARE(engine.advance()->messageEn, QStringLiteral("the rundown has finished"));
        QCOMPARE(engine.goTo(7)->messageEn, QStringLiteral("there is no segment 8"));
    }

    void everyStepIsLoggedWithWallClockAndRecordingTimecode() {
        QTemporaryDir dir;
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        EngineOptions options;
        options.logPath = dir.filePath(QStringLiteral("rundown/events.jsonl"));
        RundownEngine engine(small(), studio, clock, options);
        engine.advance();
        studio.recording = 0.0;
        engine.recordingStarted(dir.filePath(QStringLiteral("a.mkv")));
        clock.advance(1234);
        studio.recording = 1.234;
        engine.addTime(kMinute);
        engine.toggleHold();
        engine.toggleHold();
        engine.mark(QStringLiteral("好镜头"));
        engine.markIn();
        engine.markOut();
        engine.logMessage(QStringLiteral("看镜头2"), true, false);
        engine.advance();
        engine.toggleSkipNext();
        engine.recordingStopped();

        const QList<QJsonObject> lines = readLog(options.logPath);
        QCOMPARE(lines.size(), engine.log().entries().size());
        QStringList events;
        for (const QJsonObject& line : lines)
            events << line.value(QStringLiteral("event")).toString();
        QCOMPARE(events, (QStringList{"advance", "take", "recordingStarted", "addTime", "hold", "resume",
                                      "mark", "markIn", "markOut", "message", "advance", "take", "skip",
                                      "recordingStopped"}));
        QCOMPARE(lines[0].value(QStringLiteral("at")).toString(),
                 QStringLiteral("2026-12-05T10:00:00.000+08:00"));
        QVERIFY(lines[0].value(QStringLiteral("recording")).isNull());
        QCOMPARE(lines[0].value(QStringLiteral("segmentTitle")).toString(), QStringLiteral("开场"));
        QCOMPARE(lines[0].value(QStringLiteral("cause")).toString(), QStringLiteral("operator"));
        QCOMPARE(lines[1].value(QStringLiteral("scene")).toString(), QStringLiteral("opening"));
        QCOMPARE(lines[6].value(QStringLiteral("at")).toString(),
                 QStringLiteral("2026-12-05T10:00:01.234+08:00"));
        QCOMPARE(lines[6].value(QStringLiteral("recording")).toDouble(), 1.234);
        QCOMPARE(lines[6].value(QStringLiteral("title")).toString(), QStringLiteral("好镜头"));
        QCOMPARE(lines[9].value(QStringLiteral("text")).toString(), QStringLiteral("看镜头2"));
        QCOMPARE(lines[9].value(QStringLiteral("blink")).toBool(), true);
        QCOMPARE(lines[12].value(QStringLiteral("segment")).toInt(), 2);
    }

    void theMarkersSidecarFollowsSegmentsMarksAndRanges() {
        QTemporaryDir dir;
        FakeClock clock(at("2026-12-01 10:00:00"));
        FakeStudio studio;
        EngineOptions options;
        options.showId = QStringLiteral("cooking");
        Rundown rundown = small();
        rundown.title = QStringLiteral("齐悦美食汇 第12期");
        RundownEngine engine(rundown, studio, clock, options);
        engine.advance(); // 开场 on air before the recording starts
        const QString recording = dir.filePath(QStringLiteral("cooking_2026-12-01_10-00-00.mkv"));
        clock.set(at("2026-12-01 10:00:00.620"));
        studio.recording = 0.5; // the studio says so once its first frame is out
        engine.recordingStarted(recording);
        const QString sidecar = recording + QStringLiteral(".markers.json");
        QCOMPARE(engine.markerFiles(), QStringList{sidecar});
        QCOMPARE(readJson(sidecar).value(QStringLiteral("markers")).toArray().size(), 1);

        studio.recording = 45.2;
        engine.mark(QStringLiteral("好镜头"));
        studio.recording = 62.5;
        engine.advance();
        studio.recording = 70.0;
        engine.markIn(QStringLiteral("切菜"));
        // Mid-way the file already holds everything so far, with the open range and running segment end-less.
        const QJsonArray partial = readJson(sidecar).value(QStringLiteral("markers")).toArray();
        QCOMPARE(partial.size(), 4);
        QVERIFY(!partial[2].toObject().contains(QStringLiteral("end")));
        QVERIFY(!partial[3].toObject().contains(QStringLiteral("end")));
        studio.recording = 95.5;
        engine.markOut();
        QCOMPARE(engine.markOut()->messageEn, QStringLiteral("there is no mark in to close"));
        engine.mark();
        engine.recordingStopped(120.25);

        const QJsonObject expected = QJsonDocument::fromJson(R"({
  "format": "xiaozhan-markers",
  "version": 1,
  "recording": "cooking_2026-12-01_10-00-00.mkv",
  "show": "cooking",
  "rundown": "齐悦美食汇 第12期",
  "recordingStartedAt": "2026-12-01T10:00:00.120+08:00",
  "markers": [
    {"kind": "segment", "time": 0.5,   "end": 62.5,   "title": "开场", "segment": "开场", "cue": "开"},
    {"kind": "mark",    "time": 45.2,                 "title": "好镜头", "segment": "开场"},
    {"kind": "segment", "time": 62.5,  "end": 120.25, "title": "烹饪", "segment": "烹饪", "cue": "烹"},
    {"kind": "range",   "time": 70.0,  "end": 95.5,   "title": "切菜", "segment": "烹饪"},
    {"kind": "mark",    "time": 95.5,                 "title": "",     "segment": "烹饪"}
  ]
})")
                                         .object();
        QCOMPARE(readJson(sidecar), expected);
        QVERIFY(!engine.recording());
        // No temporary files are left behind next to the recording.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{"cooking_2026-12-01_10-00-00.mkv.markers.json"}));
    }

    void marksWithoutARecordingGoOnlyIntoTheLog() {
        QTemporaryDir dir;
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(small(), studio, clock, {});
        engine.advance();
        QVERIFY(!engine.mark(QStringLiteral("没录上")));
        QVERIFY(!engine.markIn());
        QVERIFY(!engine.markOut()); // no recording: nothing to close, and not an error
        QVERIFY(engine.markerFiles().isEmpty());
        // Announced before its first frame: the segment on air starts the recording at 0.
        const QString recording = dir.filePath(QStringLiteral("early.mkv"));
        engine.recordingStarted(recording);
        const QJsonArray markers =
            readJson(MarkersSidecar::pathFor(recording)).value(QStringLiteral("markers")).toArray();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers[0].toObject().value(QStringLiteral("time")).toDouble(), 0.0);
        QCOMPARE(markers[0].toObject().value(QStringLiteral("title")).toString(), QStringLiteral("开场"));
        const QList<LogEntry>& log = engine.log().entries();
        QCOMPARE(log[2].event, QStringLiteral("mark"));
        QCOMPARE(log[2].detail.value(QStringLiteral("title")).toString(), QStringLiteral("没录上"));
        QVERIFY(!log[2].recordingSeconds);
    }

    void aRestartResumesTheRightSegmentAndPutsItBackOnAir() {
        QTemporaryDir dir;
        EngineOptions options;
        options.statePath = dir.filePath(QStringLiteral("rundown/state.json"));
        FakeClock clock(at("2026-12-05 10:00:00"));
        {
            FakeStudio studio;
            RundownEngine engine(small(), studio, clock, options);
            engine.advance();
            clock.set(at("2026-12-05 10:06:00"));
            engine.advance();
            engine.addTime(kMinute);
            engine.editSegment(2, QStringLiteral("结束语"), 3 * kMinute);
        } // the studio crashes here; the state was written on every change

        clock.set(at("2026-12-05 10:09:30"));
        FakeStudio studio;
        RundownEngine engine(small(), studio, clock, options);
        QVERIFY(engine.resumeSavedState());
        QCOMPARE(engine.timer().currentIndex(), 1);
        QCOMPARE(engine.timer().elapsedMs(clock.nowMs()), 3 * kMinute + 30 * 1000);
        QCOMPARE(engine.timer().remainingMs(clock.nowMs()), 7 * kMinute + 30 * 1000);
        QCOMPARE(engine.rundown().segments[2].title, QStringLiteral("结束语"));
        QCOMPARE(studio.takes(), QStringList{"take closeup  0"});
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:17:00"));
        QCOMPARE(engine.log().entries().first().event, QStringLiteral("restore"));
    }

    void aRestartAfterADeadlineCatchesUpAndTakesOnlyTheLastScene() {
        QTemporaryDir dir;
        EngineOptions options;
        options.statePath = dir.filePath(QStringLiteral("state.json"));
        FakeClock clock(at("2026-12-05 10:00:00"));
        Rundown rundown = small();
        rundown.segments[0].end = EndAction::Next;
        {
            FakeStudio studio;
            RundownEngine engine(rundown, studio, clock, options);
            engine.advance();
        }
        clock.set(at("2026-12-05 10:20:00")); // 开场 ended at 10:05, 烹饪 at 10:15, while the studio was down
        FakeStudio studio;
        RundownEngine engine(rundown, studio, clock, options);
        QVERIFY(engine.resumeSavedState());
        QCOMPARE(engine.timer().currentIndex(), 2);
        QCOMPARE(engine.timer().state().startedAtMs, at("2026-12-05 10:15:00"));
        QCOMPARE(studio.takes(), QStringList{"take ending  0"});
    }

    void onlyThisRundownsRecentUnfinishedStateIsResumed() {
        QTemporaryDir dir;
        EngineOptions options;
        options.statePath = dir.filePath(QStringLiteral("state.json"));
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        {
            RundownEngine engine(small(), studio, clock, options);
            engine.advance();
        }
        Rundown other = small();
        other.segments[1].title = QStringLiteral("另一个节目");
        QVERIFY(!RundownEngine(other, studio, clock, options).resumeSavedState());

        clock.set(at("2026-12-05 23:00:00")); // 13 hours later: yesterday's show, not this one
        QVERIFY(!RundownEngine(small(), studio, clock, options).resumeSavedState());

        clock.set(at("2026-12-05 10:30:00"));
        {
            RundownEngine engine(small(), studio, clock, options);
            QVERIFY(engine.resumeSavedState());
            engine.advance();
            engine.advance();
            engine.advance(); // finished
        }
        QVERIFY(!RundownEngine(small(), studio, clock, options).resumeSavedState());

        // A damaged state file is not trusted; the rundown starts armed.
        QFile file(options.statePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"format\":\"xiaozhan.rundown-state\",\"version\":1,\"phase\":\"running\",\"current\":99}");
        file.close();
        RundownEngine fresh(small(), studio, clock, options);
        QVERIFY(!fresh.resumeSavedState());
        QCOMPARE(fresh.timer().state().phase, RunPhase::Armed);
    }

    void theSummaryHasPlannedAndActualTimesAndTheOverUnder() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(small(), studio, clock, {});
        engine.advance();
        clock.set(at("2026-12-05 10:06:00.500"));
        engine.advance();
        clock.set(at("2026-12-05 10:08:00"));
        const QJsonObject expected = QJsonDocument::fromJson(R"({
  "segments": [
    {"title": "开场", "plannedSeconds": 300, "actualSeconds": 360.5, "startedAt": "2026-12-05T10:00:00.000+08:00"},
    {"title": "烹饪", "plannedSeconds": 600, "actualSeconds": 119.5, "startedAt": "2026-12-05T10:06:00.500+08:00"},
    {"title": "结束", "plannedSeconds": 300, "actualSeconds": 0, "startedAt": null}
  ],
  "overUnderSeconds": 60.5
})")
                                         .object();
        QCOMPARE(engine.summary(), expected);
    }

    void autoAdvanceRunsEverySegmentOnItsOwn() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        EngineOptions options;
        options.autoAdvance = true;
        RundownEngine engine(small(), studio, clock, options);
        engine.advance();
        QCOMPARE(engine.armedDeadlineMs(), at("2026-12-05 10:05:00"));
        clock.set(at("2026-12-05 10:20:00"));
        engine.tick();
        QCOMPARE(engine.timer().state().phase, RunPhase::Finished);
        QCOMPARE(studio.takes(),
                 (QStringList{"take opening  0", "take ending  0"})); // caught up: the last only
    }
};

QTEST_GUILESS_MAIN(TestRundownEngine)
#include "tst_rundownengine.moc"
