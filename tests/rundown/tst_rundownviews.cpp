// What the Operator and Host views bind to: the segment list (checked with QAbstractItemModelTester), the
// controller's buttons and their refusals, the host's countdown in its normal, warning, danger and overtime
// colours, over/under, expected end, clock and the operator's messages; and a mirror fed snapshots on another
// machine's clock showing exactly what the studio's host view shows, ticking on between snapshots.
#include "fakeclock.h"
#include "fakestudio.h"
#include "hoststate.h"
#include "rundowncontroller.h"
#include "rundownengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace xz::rundown;
using namespace xz::rundown::test;

namespace {

constexpr qint64 kMinute = 60 * 1000;

Rundown rundown() {
    Rundown r;
    r.title = QStringLiteral("急救培训会");
    r.plannedStart = QTime(10, 0);
    Segment opening;
    opening.cue = QStringLiteral("1");
    opening.title = QStringLiteral("开场");
    opening.sceneId = QStringLiteral("opening");
    opening.durationMs = 5 * kMinute;
    opening.notes = QStringLiteral("刘医生就位");
    opening.script = {QStringLiteral("欢迎参加"), QStringLiteral("今天学心肺复苏")};
    opening.color = QStringLiteral("#1B998B");
    Segment practice;
    practice.cue = QStringLiteral("2");
    practice.title = QStringLiteral("跟练");
    practice.sceneId = QStringLiteral("cpr-rhythm");
    practice.durationMs = 10 * kMinute;
    practice.start = StartMode::Manual;
    practice.end = EndAction::Hold;
    Segment qa;
    qa.cue = QStringLiteral("3");
    qa.title = QStringLiteral("问答");
    qa.durationMs = 8 * kMinute;
    qa.start = StartMode::Fixed;
    qa.fixedTime = QTime(10, 20);
    r.segments = {opening, practice, qa};
    return r;
}

QVariant role(const SegmentListModel& model, int row, SegmentListModel::Role r) {
    return model.data(model.index(row), int(r));
}

// Everything a host sees, to compare two HostStates.
QStringList shown(const HostState& host) {
    return {host.rundownTitle(),
            host.segmentTitle(),
            host.segmentCue(),
            host.nextTitle(),
            host.notes(),
            host.script().join(u'|'),
            host.timerText(),
            QString::number(int(host.phase())),
            host.overUnderText(),
            host.expectedEndText(),
            host.clockText(),
            host.message(),
            QString::number(host.messageBlink()),
            QString::number(host.blackout()),
            QString::number(host.paused()),
            QString::number(host.held()),
            host.segmentColor(),
            QString::number(int(host.run()))};
}

} // namespace

class TestRundownViews : public QObject {
    Q_OBJECT

private slots:
    void theSegmentListStaysConsistentAsTheShowRuns() {
        FakeClock clock(at("2026-12-05 09:55:00"));
        FakeStudio studio;
        RundownEngine engine(rundown(), studio, clock, {});
        RundownController controller(engine);
        SegmentListModel& model = *controller.segments();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowCount(model.index(0)), 0);
        QCOMPARE(model.roleNames().value(int(SegmentListModel::Role::PlannedStartText)),
                 QByteArray("plannedStartText"));
        QCOMPARE(role(model, 0, SegmentListModel::Role::Status).toString(), QStringLiteral("next"));
        QCOMPARE(role(model, 1, SegmentListModel::Role::PlannedStartText).toString(),
                 QStringLiteral("10:05"));
        QCOMPARE(role(model, 1, SegmentListModel::Role::StartText).toString(),
                 QStringLiteral("手动 / manual"));
        QCOMPARE(role(model, 2, SegmentListModel::Role::StartText).toString(), QStringLiteral("10:20"));
        QCOMPARE(role(model, 1, SegmentListModel::Role::EndAction).toString(), QStringLiteral("hold"));
        QCOMPARE(role(model, 1, SegmentListModel::Role::DurationText).toString(), QStringLiteral("10:00"));

        QSignalSpy rows(&model, &QAbstractItemModel::dataChanged);
        clock.set(at("2026-12-05 10:00:00"));
        QVERIFY(controller.advance());
        QVERIFY(rows.count() > 0);
        QCOMPARE(role(model, 0, SegmentListModel::Role::Status).toString(), QStringLiteral("current"));
        QCOMPARE(role(model, 0, SegmentListModel::Role::IsCurrent).toBool(), true);
        QCOMPARE(role(model, 1, SegmentListModel::Role::IsNext).toBool(), true);
        QVERIFY(controller.skip());
        QCOMPARE(role(model, 1, SegmentListModel::Role::Status).toString(), QStringLiteral("skipped"));
        QCOMPARE(role(model, 2, SegmentListModel::Role::Status).toString(), QStringLiteral("next"));
        QVERIFY(controller.skip());
        QVERIFY(controller.editSegment(1, QStringLiteral("跟练（两轮）"), 12 * 60));
        QCOMPARE(role(model, 1, SegmentListModel::Role::Title).toString(), QStringLiteral("跟练（两轮）"));
        QCOMPARE(role(model, 1, SegmentListModel::Role::DurationMs).toLongLong(), 12 * kMinute);
        clock.set(at("2026-12-05 10:06:00"));
        QVERIFY(controller.advance());
        QCOMPARE(role(model, 0, SegmentListModel::Role::Status).toString(), QStringLiteral("done"));
        QCOMPARE(role(model, 0, SegmentListModel::Role::ActualMs).toLongLong(), 6 * kMinute);
        QVERIFY(controller.goTo(2));
        QCOMPARE(controller.currentIndex(), 2);
        QCOMPARE(controller.nextIndex(), -1);
    }

    void refusedButtonsSayWhyAndSuccessClearsIt() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(rundown(), studio, clock, {});
        RundownController controller(engine);
        QSignalSpy errors(&controller, &RundownController::lastErrorChanged);
        QVERIFY(!controller.addTime());
        QCOMPARE(controller.lastError(), QStringLiteral("没有正在进行的段落 / no segment is on air"));
        QCOMPARE(errors.count(), 1);
        QVERIFY(controller.advance());
        QCOMPARE(controller.lastError(), QString());
        QVERIFY(!controller.back());
        QVERIFY(controller.lastError().endsWith(QStringLiteral("already at the first segment")));
        QVERIFY(!controller.editSegment(0, QStringLiteral("开场"), 0));
        QVERIFY(controller.lastError().contains(QStringLiteral("out of range")));
        QVERIFY(controller.mark(QStringLiteral("好")));
        QVERIFY(controller.addTime(60));
        QCOMPARE(engine.timer().remainingMs(clock.nowMs()), 6 * kMinute);
        // A problem in the studio shows up there too.
        studio.failingScenes = {QStringLiteral("cpr-rhythm")};
        QVERIFY(controller.advance());
        QCOMPARE(controller.lastError(), QStringLiteral("场景 cpr-rhythm 不存在 / no scene cpr-rhythm"));
    }

    void theHostShowsNormalWarningDangerAndOvertime() {
        FakeClock clock(at("2026-12-05 09:58:00"));
        FakeStudio studio;
        RundownEngine engine(rundown(), studio, clock, {});
        RundownController controller(engine);
        HostState& host = *controller.host();
        QCOMPARE(host.run(), HostState::RunState::Waiting);
        QCOMPARE(host.nextTitle(), QStringLiteral("开场"));
        QCOMPARE(host.timerText(), QStringLiteral("5:00"));
        QCOMPARE(host.expectedEndText(),
                 QStringLiteral("10:28")); // planned 10:00; 问答 fixed at 10:20 for 8 minutes
        QCOMPARE(host.clockText(), QStringLiteral("09:58:00"));

        clock.set(at("2026-12-05 10:00:30"));
        controller.advance(); // 30 seconds late
        QCOMPARE(host.run(), HostState::RunState::Running);
        QCOMPARE(host.segmentTitle(), QStringLiteral("开场"));
        QCOMPARE(host.segmentCue(), QStringLiteral("1"));
        QCOMPARE(host.segmentColor(), QStringLiteral("#1B998B"));
        QCOMPARE(host.notes(), QStringLiteral("刘医生就位"));
        QCOMPARE(host.script(), (QStringList{"欢迎参加", "今天学心肺复苏"}));
        QCOMPARE(host.nextTitle(), QStringLiteral("跟练"));
        QCOMPARE(host.phase(), HostState::Phase::Normal);
        QCOMPARE(host.timerText(), QStringLiteral("5:00"));

        // The host ticks on its own clock: no engine change between these.
        clock.set(at("2026-12-05 10:01:00.400"));
        host.refresh();
        QCOMPARE(host.timerText(), QStringLiteral("4:30")); // 4:29.6 shows as 4:30
        QCOMPARE(host.clockText(), QStringLiteral("10:01:00"));
        clock.set(at("2026-12-05 10:03:30"));
        host.refresh();
        QCOMPARE(host.phase(), HostState::Phase::Warning);
        QCOMPARE(host.timerText(), QStringLiteral("2:00"));
        clock.set(at("2026-12-05 10:04:31"));
        host.refresh();
        QCOMPARE(host.phase(), HostState::Phase::Danger);
        QCOMPARE(host.overUnderText(), QStringLiteral("0:00")); // the late start is discounted
        clock.set(at("2026-12-05 10:06:00"));
        host.refresh();
        QCOMPARE(host.phase(), HostState::Phase::Overtime);
        QVERIFY(host.overtime());
        QCOMPARE(host.timerText(), QStringLiteral("+0:30"));
        QCOMPARE(host.overUnderText(), QStringLiteral("+0:30"));
        QCOMPARE(host.overUnderMs(), 30000);
        QCOMPARE(host.expectedEndText(),
                 QStringLiteral("10:28")); // 跟练 would end 10:16; 问答 still starts at 10:20

        controller.advance(); // 跟练 (hold at zero)
        QCOMPARE(host.timerText(), QStringLiteral("10:00"));
        QVERIFY(controller.hold());
        QVERIFY(host.paused());
        clock.set(at("2026-12-05 10:07:00"));
        host.refresh();
        QCOMPARE(host.timerText(), QStringLiteral("10:00"));
        QCOMPARE(host.overUnderText(), QStringLiteral("+1:30")); // held: the show falls behind
        QVERIFY(controller.hold());
        clock.set(at("2026-12-05 10:17:00"));
        engine.tick();
        QVERIFY(host.held());
        QCOMPARE(host.timerText(), QStringLiteral("0:00"));
    }

    void operatorMessagesReachTheHost() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(rundown(), studio, clock, {});
        RundownController controller(engine);
        QSignalSpy snapshots(&controller, &RundownController::snapshotChanged);
        controller.sendMessage(QStringLiteral("看镜头2"), true);
        QCOMPARE(controller.host()->message(), QStringLiteral("看镜头2"));
        QVERIFY(controller.host()->messageBlink());
        QVERIFY(!controller.host()->blackout());
        controller.sendMessage(QStringLiteral("还剩1分钟"), false, true);
        QVERIFY(controller.host()->blackout());
        controller.clearMessage();
        QCOMPARE(controller.host()->message(), QString());
        QCOMPARE(snapshots.count(), 3);
        QCOMPARE(engine.log().entries().first().event, QStringLiteral("message"));
    }

    void aMirrorOnAnotherClockShowsTheSameAndTicksOn() {
        FakeClock studioClock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(rundown(), studio, studioClock, {});
        RundownController controller(engine);
        controller.advance();
        studioClock.set(at("2026-12-05 10:02:00"));
        controller.sendMessage(QStringLiteral("看镜头2"), true);

        // The second machine's clock is 7.3 s behind the studio's.
        FakeClock hostClock(at("2026-12-05 10:01:52.700"));
        HostState mirror(hostClock);
        QVERIFY(mirror.apply(controller.snapshot()));
        controller.host()->refresh();
        QCOMPARE(shown(mirror), shown(*controller.host()));
        QCOMPARE(mirror.clockText(), QStringLiteral("10:02:00")); // the studio's time

        // Both move on 4 minutes with no new snapshot: into overtime, over/under growing, the same on both.
        studioClock.advance(4 * kMinute);
        hostClock.advance(4 * kMinute);
        controller.host()->refresh();
        mirror.refresh();
        QCOMPARE(mirror.timerText(), QStringLiteral("+1:00"));
        QCOMPARE(mirror.overUnderText(), QStringLiteral("+1:00"));
        QCOMPARE(shown(mirror), shown(*controller.host()));

        // Held: the countdown stands, over/under and the expected end keep growing.
        controller.advance();
        controller.hold();
        QVERIFY(mirror.apply(controller.snapshot()));
        studioClock.advance(kMinute);
        hostClock.advance(kMinute);
        controller.host()->refresh();
        mirror.refresh();
        QCOMPARE(shown(mirror), shown(*controller.host()));
        QCOMPARE(mirror.timerText(), QStringLiteral("10:00"));

        // A mirror of a mirror is the same too: the snapshot carries everything.
        HostState second(hostClock);
        QVERIFY(second.apply(mirror.snapshot()));
        QCOMPARE(shown(second), shown(mirror));
    }

    void aMalformedSnapshotChangesNothing() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        FakeStudio studio;
        RundownEngine engine(rundown(), studio, clock, {});
        RundownController controller(engine);
        controller.advance();
        HostState mirror(clock);
        QVERIFY(mirror.apply(controller.snapshot()));
        const QStringList before = shown(mirror);
        QJsonObject broken = controller.snapshot();
        broken[QStringLiteral("remainingMs")] = QStringLiteral("lots");
        QCOMPARE(mirror.applySnapshot(broken),
                 QStringLiteral("host snapshot: \"remainingMs\" must be a number"));
        QJsonObject nested = controller.snapshot();
        QJsonObject segment = nested.value(QStringLiteral("segment")).toObject();
        segment[QStringLiteral("script")] = QJsonArray{QJsonValue(1), QJsonValue(2)};
        nested[QStringLiteral("segment")] = segment;
        QCOMPARE(mirror.applySnapshot(nested),
                 QStringLiteral("host snapshot: \"segment.script\" must be an array of strings"));
        QVERIFY(!mirror.apply(QJsonObject{{QStringLiteral("format"), QStringLiteral("obs")}}));
        QJsonObject run = controller.snapshot();
        run[QStringLiteral("run")] = QStringLiteral("dancing");
        QVERIFY(!mirror.apply(run));
        QCOMPARE(shown(mirror), before);
        QSignalSpy changed(&mirror, &HostState::changed);
        mirror.setConnected(false);
        QVERIFY(!mirror.connected());
        QCOMPARE(changed.count(), 1);
    }

    void theHostRefreshesItselfEverySecond() {
        FakeClock clock(at("2026-12-05 10:00:00"));
        HostState host(clock);
        QSignalSpy changed(&host, &HostState::changed);
        QVERIFY(changed.wait(10000)); // the display timer, armed for the next whole second
    }

    void countdownsAndOverUnderAreFormattedForReadingAtThreeMetres() {
        QCOMPARE(HostState::formatCountdown(300000), QStringLiteral("5:00"));
        QCOMPARE(HostState::formatCountdown(1), QStringLiteral("0:01"));
        QCOMPARE(HostState::formatCountdown(0), QStringLiteral("0:00"));
        QCOMPARE(HostState::formatCountdown(-61000), QStringLiteral("+1:01"));
        QCOMPARE(HostState::formatCountdown(3723000), QStringLiteral("1:02:03"));
        QCOMPARE(HostState::formatOverUnder(135000), QStringLiteral("+2:15"));
        QCOMPARE(HostState::formatOverUnder(-60000), QStringLiteral("-1:00"));
        QCOMPARE(HostState::formatOverUnder(400), QStringLiteral("0:00"));
    }
};

QTEST_GUILESS_MAIN(TestRundownViews)
#include "tst_rundownviews.moc"
