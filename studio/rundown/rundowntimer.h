// The timing of a running rundown, as Ontime times a show: the countdown of the current segment, overtime,
// added time, pause, the over/under of the whole show (positive = behind plan, a late start discounted) and
// its expected end; plus when the next automatic step is due (an end action, a fixed-time start). Pure values
// and functions of an instant passed in: no clock, no Qt event loop, so every case is tested by moving time.
//
// Everything is anchored to the wall clock (milliseconds since the epoch) as Ontime's restore point is: the
// state saved after a crash gives the right elapsed time whenever it is read back.
#pragma once

#include "rundown.h"

#include <QList>
#include <QTimeZone>
#include <optional>

namespace xz::rundown {

enum class RunPhase {
    Armed = 1, // loaded, nothing started yet (a fixed-time first segment may start it)
    Running,
    Finished,
};

// How the countdown is shown: amber at warning, red at danger, red and counting up in overtime.
enum class TimerPhase {
    Normal = 1,
    Warning,
    Danger,
    Overtime,
};

struct SegmentRecord {
    bool skipped = false;
    std::optional<qint64> firstStartedAtMs;
    qint64 actualMs = 0; // time on air in finished periods (a segment gone back to runs more than once)
};

// Everything needed to carry on after a restart. All instants are wall-clock milliseconds since the epoch.
struct TimerState {
    RunPhase phase = RunPhase::Armed;
    qint64 armedAtMs = 0;
    std::optional<qint64> plannedStartMs; // the rundown's planned start, resolved to a day when armed
    std::optional<qint64> actualStartMs;
    int current = -1;
    qint64 startedAtMs = 0;   // of the current segment
    qint64 addedMs = 0;       // +1 min presses (and minus)
    qint64 pausedTotalMs = 0; // finished pauses of the current segment
    std::optional<qint64> pausedAtMs;
    bool heldAtZero = false;  // the pause is the end action's, not the operator's
    bool zeroHandled = false; // the end action at zero was applied
    std::optional<qint64> finishedAtMs;
    QList<SegmentRecord> records;
};

struct TimerEvent {
    enum class Kind {
        Started = 1, // `index` began at `atMs`
        HeldAtZero,  // the clock stopped at zero (end action hold, or `next` into a manual or later fixed
                     // start)
        Finished,    // the last segment ended
    };
    enum class Cause {
        Operator = 1,
        EndAction,
        FixedTime,
    };
    Kind kind;
    int index;
    qint64 atMs;
    Cause cause;
};

struct Deadline {
    enum class Kind {
        SegmentZero = 1, // the current segment's countdown reaches zero and its end action applies
        FixedStart,      // segment `index` starts at its time of day
    };
    qint64 atMs;
    Kind kind;
    int index;
};

class RundownTimer {
public:
    RundownTimer(Rundown rundown, QTimeZone zone);

    // Resolves the planned start to the day nearest `nowMs` (within 12 hours, as Ontime's day offset does).
    void arm(qint64 nowMs);
    // A state saved earlier; the caller checked it belongs to this rundown.
    void restore(const TimerState& state);
    const TimerState& state() const { return state_; }
    const Rundown& rundown() const { return rundown_; }
    // Every segment ends as if its end action were `next` and no start is manual (rehearsals, demos).
    void setAutoAdvance(bool enabled) { autoAdvance_ = enabled; }
    bool autoAdvance() const { return autoAdvance_; }

    // Operator actions. Each returns what happened; empty when there was nothing to do.
    QList<TimerEvent> advance(qint64 nowMs); // starts the show, or the next segment, or finishes it
    QList<TimerEvent> back(qint64 nowMs);    // the previous segment again, from its beginning
    QList<TimerEvent> goTo(int index, qint64 nowMs);
    bool setSkipped(int index, bool skipped); // not the current one
    bool addTime(qint64 ms, qint64 nowMs); // to the current segment; the planned time never goes below zero
    bool pause(qint64 nowMs);
    bool resume(qint64 nowMs);
    bool editSegment(int index, const QString& title, qint64 durationMs, qint64 nowMs);

    // Applies everything due at or before `nowMs` in order, each at its exact instant (a timer that fires a
    // few ms late, or a restart hours later, still starts segments when they were due).
    QList<TimerEvent> tick(qint64 nowMs);
    // The next automatic step, independent of the present: the caller arms a timer for it.
    std::optional<Deadline> nextDeadline() const;

    int currentIndex() const { return state_.phase == RunPhase::Running ? state_.current : -1; }
    // The segment that comes next (the first one while armed); -1 when none.
    int nextIndex() const;
    bool paused() const { return state_.pausedAtMs.has_value(); }
    qint64 remainingMs(qint64 nowMs) const; // negative in overtime
    qint64 elapsedMs(qint64 nowMs) const;   // of the current segment, pauses excluded
    TimerPhase timerPhase(qint64 nowMs) const;
    qint64 lateStartMs() const;
    qint64 overUnderMs(qint64 nowMs) const; // positive = behind plan, the late start discounted
    qint64 expectedEndMs(qint64 nowMs) const;
    qint64 plannedEndMs(qint64 nowMs) const;
    // When each segment is planned to start (nullopt for skipped ones).
    QList<std::optional<qint64>> plannedStartsMs(qint64 nowMs) const;
    qint64 actualMs(int index, qint64 nowMs) const; // time on air so far

    // The instant of `time` (in the timer's zone) nearest `referenceMs`, within 12 hours either side.
    static qint64 nearestInstant(const QTime& time, qint64 referenceMs, const QTimeZone& zone);

private:
    qint64 planBaseMs(qint64 nowMs) const;
    QList<std::optional<qint64>> plan(qint64 baseMs) const;
    int nextPlayable(int after) const;
    int previousPlayable(int before) const;
    EndAction effectiveEnd(int index) const;
    bool isFixedStartEligible(int index, const QList<std::optional<qint64>>& plan) const;
    qint64 zeroAtMs() const;
    void settleAfterChange(qint64 nowMs);
    qint64 absoluteOffsetMs(qint64 nowMs) const;
    TimerEvent begin(int index, qint64 atMs, TimerEvent::Cause cause);
    TimerEvent finish(qint64 atMs, TimerEvent::Cause cause);
    TimerEvent holdAtZero(qint64 atMs);
    void apply(const Deadline& deadline, QList<TimerEvent>& events);

    Rundown rundown_;
    QTimeZone zone_;
    TimerState state_;
    bool autoAdvance_ = false;
};

} // namespace xz::rundown
