// The timing of a running rundown, checked by moving a clock: countdown, overtime, warning and danger, added
// time, holds, over/under after early and late advances (a late start discounted), the expected end, end
// actions and fixed-time starts at their exact deadlines, a show across midnight, and resuming after a
// restart.
#include "fakeclock.h"
#include "rundowntimer.h"
#include "statestore.h"

#include <QTest>

using namespace xz::rundown;
using namespace xz::rundown::test;

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;

Segment segment(const QString& title, qint64 durationMs, EndAction end = EndAction::None,
                StartMode start = StartMode::Follow, QTime fixedTime = {}) {
    Segment s;
    s.title = title;
    s.durationMs = durationMs;
    s.end = end;
    s.start = start;
    s.fixedTime = fixedTime;
    return s;
}

// 开场 5 min, 烹饪 10 min, 结束 5 min, planned for 10:00.
Rundown threeSegments(std::optional<QTime> plannedStart = QTime(10, 0)) {
    Rundown rundown;
    rundown.title = QStringLiteral("齐悦美食汇");
    rundown.plannedStart = plannedStart;
    rundown.segments = {segment(QStringLiteral("开场"), 5 * kMinute),
                        segment(QStringLiteral("烹饪"), 10 * kMinute),
                        segment(QStringLiteral("结束"), 5 * kMinute)};
    return rundown;
}

QList<TimerEvent::Kind> kinds(const QList<TimerEvent>& events) {
    QList<TimerEvent::Kind> out;
    for (const TimerEvent& event : events)
        out << event.kind;
    return out;
}

} // namespace

class TestRundownTimer : public QObject {
    Q_OBJECT

private slots:
    void countdownRunsDownFromThePlannedDuration() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 09:55:00"));
        QCOMPARE(timer.state().phase, RunPhase::Armed);
        QCOMPARE(timer.remainingMs(at("2026-12-05 09:58:00")), 5 * kMinute); // the first segment's, waiting
        QCOMPARE(timer.nextIndex(), 0);

        const QList<TimerEvent> events = timer.advance(at("2026-12-05 10:00:00"));
        QCOMPARE(kinds(events), QList{TimerEvent::Kind::Started});
        QCOMPARE(timer.currentIndex(), 0);
        QCOMPARE(timer.nextIndex(), 1);
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:01:30")), 3 * kMinute + 30 * kSecond);
        QCOMPARE(timer.elapsedMs(at("2026-12-05 10:01:30")), 90 * kSecond);
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:01:30")), TimerPhase::Normal);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:01:30")), 0);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:01:30")), at("2026-12-05 10:20:00"));
    }

    void warningAndDangerComeAtTheirThresholds() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        // Defaults: warning with 2 minutes left, danger with 1 minute left.
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:02:59.999")), TimerPhase::Normal);
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:03:00")), TimerPhase::Warning);
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:03:59.999")), TimerPhase::Warning);
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:04:00")), TimerPhase::Danger);
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:05:00")), TimerPhase::Danger);
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:05:00.001")), TimerPhase::Overtime);
    }

    void overtimeCountsUpAndPutsTheShowBehind() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        // End action none: nothing happens at zero, the clock counts on into overtime.
        QVERIFY(!timer.nextDeadline());
        QVERIFY(timer.tick(at("2026-12-05 10:07:00")).isEmpty());
        QCOMPARE(timer.currentIndex(), 0);
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:07:00")), -2 * kMinute);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:07:00")), 2 * kMinute);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:07:00")), at("2026-12-05 10:22:00"));
    }

    void overUnderAfterALateAdvanceIsPositive() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:06:30")); // 烹饪 planned at 10:05
        QCOMPARE(timer.currentIndex(), 1);
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:06:30")), 10 * kMinute);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:10:00")), 90 * kSecond);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:10:00")), at("2026-12-05 10:21:30"));
        QCOMPARE(timer.actualMs(0, at("2026-12-05 10:10:00")), 6 * kMinute + 30 * kSecond);
    }

    void overUnderAfterAnEarlyAdvanceIsNegative() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:04:00")); // a minute early
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:04:00")), -kMinute);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:04:00")), at("2026-12-05 10:19:00"));
        timer.advance(at("2026-12-05 10:16:00")); // 烹饪 ran 12 of its 10 minutes
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:16:00")), kMinute);
        QCOMPARE(timer.plannedStartsMs(at("2026-12-05 10:16:00"))[2], at("2026-12-05 10:15:00"));
    }

    void aLateStartIsDiscountedButMovesTheExpectedEnd() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 09:50:00"));
        timer.advance(at("2026-12-05 10:05:00")); // started 5 minutes late
        QCOMPARE(timer.lateStartMs(), 5 * kMinute);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:06:00")), 0); // the show runs to its own plan
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:06:00")), at("2026-12-05 10:25:00"));
        timer.advance(at("2026-12-05 10:12:00")); // 开场 ran 7 minutes: 2 behind
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:12:00")), 2 * kMinute);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:12:00")), at("2026-12-05 10:27:00"));
        // The same in Ontime's terms: expected end = planned end + the absolute offset.
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:12:00")),
                 timer.plannedEndMs(at("2026-12-05 10:12:00")) +
                     timer.overUnderMs(at("2026-12-05 10:12:00")) + timer.lateStartMs());
    }

    void withoutAPlannedStartTheShowIsNeverLate() {
        RundownTimer timer(threeSegments(std::nullopt), testZone());
        timer.arm(at("2026-12-05 14:00:00"));
        timer.advance(at("2026-12-05 14:03:00"));
        QCOMPARE(timer.lateStartMs(), 0);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 14:04:00")), 0);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 14:04:00")), at("2026-12-05 14:23:00"));
    }

    void addedTimeExtendsTheCountdownAndTheShow() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QVERIFY(timer.addTime(kMinute, at("2026-12-05 10:04:00")));
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:04:00")), 2 * kMinute);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:04:00")), kMinute);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:04:00")), at("2026-12-05 10:21:00"));
        // Taking time away never plans the segment below zero.
        QVERIFY(timer.addTime(-60 * kMinute, at("2026-12-05 10:04:00")));
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:04:00")), -4 * kMinute);
        QVERIFY(!RundownTimer(threeSegments(), testZone()).addTime(kMinute, at("2026-12-05 10:00:00")));
    }

    void holdingFreezesTheCountdownWhileTheShowFallsBehind() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QVERIFY(timer.pause(at("2026-12-05 10:02:00")));
        QVERIFY(timer.paused());
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:04:00")), 3 * kMinute);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:04:00")), 2 * kMinute);
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:04:00")), at("2026-12-05 10:22:00"));
        QVERIFY(timer.resume(at("2026-12-05 10:04:00")));
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:05:00")), 2 * kMinute);
        QCOMPARE(timer.elapsedMs(at("2026-12-05 10:05:00")), 3 * kMinute);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:05:00")), 2 * kMinute);
    }

    void endActionNextAdvancesExactlyAtTheDeadline() {
        Rundown rundown = threeSegments();
        rundown.segments[0].end = EndAction::Next;
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QVERIFY(timer.addTime(30 * kSecond, at("2026-12-05 10:01:00")));
        const auto deadline = timer.nextDeadline();
        QVERIFY(deadline);
        QCOMPARE(deadline->kind, Deadline::Kind::SegmentZero);
        QCOMPARE(deadline->atMs, at("2026-12-05 10:05:30"));

        QVERIFY(timer.tick(deadline->atMs - 1).isEmpty());
        QCOMPARE(timer.currentIndex(), 0);
        // A timer firing 20 ms late still starts the next segment at the deadline itself.
        const QList<TimerEvent> events = timer.tick(deadline->atMs + 20);
        QCOMPARE(kinds(events), QList{TimerEvent::Kind::Started});
        QCOMPARE(events[0].cause, TimerEvent::Cause::EndAction);
        QCOMPARE(timer.currentIndex(), 1);
        QCOMPARE(timer.state().startedAtMs, deadline->atMs);
        QCOMPARE(timer.remainingMs(deadline->atMs + 20), 10 * kMinute - 20);
    }

    void endActionNextOnTheLastSegmentFinishesTheShow() {
        Rundown rundown = threeSegments();
        rundown.segments[2].end = EndAction::Next;
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        timer.goTo(2, at("2026-12-05 10:15:00"));
        QCOMPARE(kinds(timer.tick(at("2026-12-05 10:21:00"))), QList{TimerEvent::Kind::Finished});
        QCOMPARE(timer.state().phase, RunPhase::Finished);
        QCOMPARE(timer.state().finishedAtMs, at("2026-12-05 10:20:00"));
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:30:00")), at("2026-12-05 10:20:00"));
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:30:00")), 0);
        QVERIFY(!timer.nextDeadline());
    }

    void endActionHoldStopsTheClockAtZero() {
        Rundown rundown = threeSegments();
        rundown.segments[0].end = EndAction::Hold;
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QCOMPARE(kinds(timer.tick(at("2026-12-05 10:05:00"))), QList{TimerEvent::Kind::HeldAtZero});
        QVERIFY(timer.paused());
        QVERIFY(timer.state().heldAtZero);
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:08:00")), 0);
        QCOMPARE(timer.timerPhase(at("2026-12-05 10:08:00")), TimerPhase::Danger);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:08:00")), 3 * kMinute); // real time still passes
        QVERIFY(!timer.nextDeadline());
        // Adding a minute to a held segment lets its clock run on.
        QVERIFY(timer.addTime(kMinute, at("2026-12-05 10:08:00")));
        QVERIFY(!timer.paused());
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:08:30")), 30 * kSecond);
        QCOMPARE(timer.nextDeadline()->atMs, at("2026-12-05 10:09:00"));
    }

    void nextIntoAManualSegmentHoldsAtZero() {
        Rundown rundown = threeSegments();
        rundown.segments[0].end = EndAction::Next;
        rundown.segments[1].start = StartMode::Manual;
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QCOMPARE(kinds(timer.tick(at("2026-12-05 10:05:00"))), QList{TimerEvent::Kind::HeldAtZero});
        QCOMPARE(timer.currentIndex(), 0);
        timer.advance(at("2026-12-05 10:06:00"));
        QCOMPARE(timer.currentIndex(), 1);
    }

    void autoAdvanceTreatsEverySegmentAsNext() {
        Rundown rundown = threeSegments();
        rundown.segments[1].start = StartMode::Manual;
        rundown.segments[1].end = EndAction::Hold;
        RundownTimer timer(rundown, testZone());
        timer.setAutoAdvance(true);
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        const QList<TimerEvent> events = timer.tick(at("2026-12-05 10:30:00"));
        QCOMPARE(kinds(events),
                 (QList{TimerEvent::Kind::Started, TimerEvent::Kind::Started, TimerEvent::Kind::Finished}));
        QCOMPARE(events[0].atMs, at("2026-12-05 10:05:00"));
        QCOMPARE(events[1].atMs, at("2026-12-05 10:15:00"));
        QCOMPARE(events[2].atMs, at("2026-12-05 10:20:00"));
    }

    void aFixedTimeStartCutsInAtItsTime() {
        Rundown rundown = threeSegments();
        rundown.segments[2] = segment(QStringLiteral("结束"), 5 * kMinute, EndAction::None, StartMode::Fixed,
                                      QTime(10, 14, 30));
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QVERIFY(!timer.nextDeadline()); // not next yet
        timer.advance(at("2026-12-05 10:05:00"));
        const auto deadline = timer.nextDeadline();
        QVERIFY(deadline);
        QCOMPARE(deadline->kind, Deadline::Kind::FixedStart);
        QCOMPARE(deadline->index, 2);
        QCOMPARE(deadline->atMs, at("2026-12-05 10:14:30"));
        // Its plan says 10:14:30, so the expected end follows it even though 烹饪 would run to 10:15.
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:06:00")), at("2026-12-05 10:19:30"));
        const QList<TimerEvent> events = timer.tick(at("2026-12-05 10:14:30"));
        QCOMPARE(kinds(events), QList{TimerEvent::Kind::Started});
        QCOMPARE(events[0].cause, TimerEvent::Cause::FixedTime);
        QCOMPARE(timer.currentIndex(), 2);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:15:00")), 0);
    }

    void nextBeforeALaterFixedStartHoldsUntilIt() {
        Rundown rundown = threeSegments();
        rundown.segments[1].end = EndAction::Next;
        rundown.segments[2] =
            segment(QStringLiteral("结束"), 5 * kMinute, EndAction::None, StartMode::Fixed, QTime(10, 20));
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:05:00"));
        QCOMPARE(timer.nextDeadline()->atMs, at("2026-12-05 10:15:00"));
        QCOMPARE(kinds(timer.tick(at("2026-12-05 10:15:00"))), QList{TimerEvent::Kind::HeldAtZero});
        QCOMPARE(timer.nextDeadline()->atMs, at("2026-12-05 10:20:00"));
        QCOMPARE(kinds(timer.tick(at("2026-12-05 10:20:00"))), QList{TimerEvent::Kind::Started});
        QCOMPARE(timer.currentIndex(), 2);
    }

    void aFixedTimeAlreadyPastIsOnlyAPlannedTime() {
        Rundown rundown = threeSegments();
        rundown.segments[1] =
            segment(QStringLiteral("烹饪"), 10 * kMinute, EndAction::None, StartMode::Fixed, QTime(10, 5));
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:06:00")); // started late: 烹饪's time passed before it became next
        QVERIFY(!timer.nextDeadline());
        QVERIFY(timer.tick(at("2026-12-05 10:30:00")).isEmpty());
        QCOMPARE(timer.currentIndex(), 0);
    }

    void aFixedTimeFirstSegmentStartsTheArmedShow() {
        Rundown rundown = threeSegments(std::nullopt);
        rundown.segments[0] =
            segment(QStringLiteral("开场"), 5 * kMinute, EndAction::None, StartMode::Fixed, QTime(19, 30));
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 19:10:00"));
        QCOMPARE(timer.nextDeadline()->atMs, at("2026-12-05 19:30:00"));
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 19:10:00")), at("2026-12-05 19:50:00"));
        QCOMPARE(kinds(timer.tick(at("2026-12-05 19:30:00"))), QList{TimerEvent::Kind::Started});
        QCOMPARE(timer.state().actualStartMs, at("2026-12-05 19:30:00"));
        QCOMPARE(timer.lateStartMs(), 0);

        // Armed in the afternoon for the next morning's show: 07:00 is nearer tomorrow than this morning.
        rundown.segments[0].fixedTime = QTime(7, 0);
        RundownTimer morning(rundown, testZone());
        morning.arm(at("2026-12-05 19:10:00"));
        QCOMPARE(morning.nextDeadline()->atMs, at("2026-12-06 07:00:00"));
        // Armed after this morning's slot has passed within the half day: only a planned time.
        RundownTimer late(rundown, testZone());
        late.arm(at("2026-12-05 08:00:00"));
        QVERIFY(!late.nextDeadline());
    }

    void aShowAcrossMidnightKeepsCountingAndFindsTheNextDay() {
        Rundown rundown;
        rundown.title = QStringLiteral("跨年晚会");
        rundown.plannedStart = QTime(23, 50);
        rundown.segments = {
            segment(QStringLiteral("倒计时"), 10 * kMinute),
            segment(QStringLiteral("新年致辞"), 10 * kMinute),
            segment(QStringLiteral("合唱"), 10 * kMinute, EndAction::None, StartMode::Fixed, QTime(0, 25))};
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-31 23:30:00"));
        QCOMPARE(timer.state().plannedStartMs, at("2026-12-31 23:50:00"));
        const auto planned = timer.plannedStartsMs(at("2026-12-31 23:30:00"));
        QCOMPARE(planned[1], at("2027-01-01 00:00:00"));
        QCOMPARE(planned[2], at("2027-01-01 00:25:00"));

        timer.advance(at("2026-12-31 23:52:00"));
        QCOMPARE(timer.lateStartMs(), 2 * kMinute);
        QCOMPARE(timer.remainingMs(at("2027-01-01 00:01:00")), kMinute);
        timer.advance(at("2027-01-01 00:03:00")); // 倒计时 ran 11 minutes
        QCOMPARE(timer.overUnderMs(at("2027-01-01 00:03:00")), kMinute);
        QCOMPARE(timer.nextDeadline()->atMs, at("2027-01-01 00:25:00"));
        QCOMPARE(timer.expectedEndMs(at("2027-01-01 00:04:00")), at("2027-01-01 00:35:00"));
        timer.tick(at("2027-01-01 00:25:00"));
        QCOMPARE(timer.currentIndex(), 2);
        QCOMPARE(timer.remainingMs(at("2027-01-01 00:30:00")), 5 * kMinute);
    }

    void skippedSegmentsArePassedOverAndLeaveThePlan() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QVERIFY(!timer.setSkipped(0, true)); // not the one on air
        QVERIFY(timer.setSkipped(1, true));
        QCOMPARE(timer.nextIndex(), 2);
        QCOMPARE(timer.plannedStartsMs(at("2026-12-05 10:01:00"))[1], std::nullopt);
        QCOMPARE(timer.plannedStartsMs(at("2026-12-05 10:01:00"))[2], at("2026-12-05 10:05:00"));
        QCOMPARE(timer.expectedEndMs(at("2026-12-05 10:01:00")), at("2026-12-05 10:10:00"));
        timer.advance(at("2026-12-05 10:05:00"));
        QCOMPARE(timer.currentIndex(), 2);
        QCOMPARE(timer.overUnderMs(at("2026-12-05 10:05:00")), 0);
    }

    void goingBackRestartsThePreviousSegmentAndAddsUpItsTime() {
        RundownTimer timer(threeSegments(), testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        QVERIFY(timer.back(at("2026-12-05 10:00:00")).isEmpty()); // nothing to go back to
        timer.advance(at("2026-12-05 10:00:00"));
        QVERIFY(timer.back(at("2026-12-05 10:01:00")).isEmpty());
        timer.advance(at("2026-12-05 10:05:00"));
        timer.back(at("2026-12-05 10:06:00")); // pressed advance by mistake
        QCOMPARE(timer.currentIndex(), 0);
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:06:00")), 5 * kMinute);
        QCOMPARE(timer.actualMs(0, at("2026-12-05 10:07:00")), 6 * kMinute);
        QCOMPARE(timer.actualMs(1, at("2026-12-05 10:07:00")), kMinute);
        QCOMPARE(timer.state().records[0].firstStartedAtMs, at("2026-12-05 10:00:00"));
        // Back from the end picks up the last segment again.
        timer.goTo(2, at("2026-12-05 10:08:00"));
        timer.advance(at("2026-12-05 10:09:00"));
        QCOMPARE(timer.state().phase, RunPhase::Finished);
        timer.back(at("2026-12-05 10:10:00"));
        QCOMPARE(timer.currentIndex(), 2);
    }

    void editingTheCurrentDurationMovesItsDeadline() {
        Rundown rundown = threeSegments();
        rundown.segments[0].end = EndAction::Next;
        RundownTimer timer(rundown, testZone());
        timer.arm(at("2026-12-05 10:00:00"));
        timer.advance(at("2026-12-05 10:00:00"));
        QVERIFY(timer.editSegment(0, QStringLiteral("开场白"), 8 * kMinute, at("2026-12-05 10:02:00")));
        QCOMPARE(timer.rundown().segments[0].title, QStringLiteral("开场白"));
        QCOMPARE(timer.nextDeadline()->atMs, at("2026-12-05 10:08:00"));
        QCOMPARE(timer.plannedStartsMs(at("2026-12-05 10:02:00"))[1], at("2026-12-05 10:08:00"));
        // Shortened below what has already run: the end action applies now, not in the past.
        QVERIFY(timer.editSegment(0, QStringLiteral("开场白"), 1 * kMinute, at("2026-12-05 10:02:00")));
        QCOMPARE(timer.nextDeadline()->atMs, at("2026-12-05 10:02:00"));
        timer.tick(at("2026-12-05 10:02:00"));
        QCOMPARE(timer.currentIndex(), 1);
        QCOMPARE(timer.remainingMs(at("2026-12-05 10:02:00")), 10 * kMinute);
        QVERIFY(!timer.editSegment(1, QStringLiteral(" "), kMinute, at("2026-12-05 10:02:00")));
        QVERIFY(!timer.editSegment(1, QStringLiteral("烹饪"), 0, at("2026-12-05 10:02:00")));
    }

    void resumesOnTheRightSegmentWithTheRightElapsedTimeAfterARestart() {
        Rundown rundown = threeSegments();
        rundown.segments[1].end = EndAction::Next;
        RundownTimer before(rundown, testZone());
        before.arm(at("2026-12-05 10:00:00"));
        before.advance(at("2026-12-05 10:00:00"));
        before.advance(at("2026-12-05 10:06:00"));
        before.addTime(kMinute, at("2026-12-05 10:07:00"));
        before.pause(at("2026-12-05 10:08:00"));
        before.resume(at("2026-12-05 10:09:00"));
        before.editSegment(2, QStringLiteral("结束语"), 4 * kMinute, at("2026-12-05 10:09:00"));
        const QJsonObject saved =
            StateStore::toJson(before, StateStore::fingerprint(rundown), at("2026-12-05 10:09:00"));

        // The studio crashed at 10:09 and is back at 10:12.
        const auto state = StateStore::fromJson(saved);
        QVERIFY(state);
        QCOMPARE(state->titles[2], QStringLiteral("结束语"));
        RundownTimer after(rundown, testZone());
        after.arm(at("2026-12-05 10:12:00"));
        for (int i = 0; i < state->titles.size(); ++i)
            after.editSegment(i, state->titles[i], state->durationsMs[i], at("2026-12-05 10:12:00"));
        after.restore(state->timer);
        QCOMPARE(after.currentIndex(), 1);
        QCOMPARE(after.elapsedMs(at("2026-12-05 10:12:00")), 5 * kMinute); // 6 minutes, 1 of them held
        QCOMPARE(after.remainingMs(at("2026-12-05 10:12:00")), 6 * kMinute);
        QCOMPARE(after.overUnderMs(at("2026-12-05 10:12:00")), 3 * kMinute);
        QCOMPARE(after.rundown().segments[2].durationMs, 4 * kMinute);

        // Back only at 10:20, after 烹饪's `next` was due at 10:18: it catches up at the exact instant.
        RundownTimer later(rundown, testZone());
        later.arm(at("2026-12-05 10:20:00"));
        later.restore(state->timer);
        const QList<TimerEvent> events = later.tick(at("2026-12-05 10:20:00"));
        QCOMPARE(kinds(events), QList{TimerEvent::Kind::Started});
        QCOMPARE(events[0].atMs, at("2026-12-05 10:18:00"));
        QCOMPARE(later.currentIndex(), 2);
        QCOMPARE(later.elapsedMs(at("2026-12-05 10:20:00")), 2 * kMinute);
    }
};

QTEST_GUILESS_MAIN(TestRundownTimer)
#include "tst_rundowntimer.moc"
