#include "rundowntimer.h"

#include "rundownparser.h"

#include <algorithm>

namespace xz::rundown {
namespace {

constexpr qint64 kHalfDayMs = 12LL * 3600 * 1000;

} // namespace

RundownTimer::RundownTimer(Rundown rundown, QTimeZone zone)
    : rundown_(std::move(rundown)), zone_(std::move(zone)) {
    state_.records.resize(rundown_.segments.size());
}

qint64 RundownTimer::nearestInstant(const QTime& time, qint64 referenceMs, const QTimeZone& zone) {
    const QDate day = QDateTime::fromMSecsSinceEpoch(referenceMs, zone).date();
    for (int offset : {-1, 0, 1}) {
        const qint64 candidate = QDateTime(day.addDays(offset), time, zone).toMSecsSinceEpoch();
        if (candidate >= referenceMs - kHalfDayMs && candidate < referenceMs + kHalfDayMs)
            return candidate;
    }
    return QDateTime(day, time, zone).toMSecsSinceEpoch(); // only on days that are not 24 hours long
}

void RundownTimer::arm(qint64 nowMs) {
    state_ = TimerState{};
    state_.records.resize(rundown_.segments.size());
    state_.armedAtMs = nowMs;
    if (rundown_.plannedStart) {
        state_.plannedStartMs = nearestInstant(*rundown_.plannedStart, nowMs, zone_);
    } else if (const int first = nextPlayable(-1);
               first >= 0 && rundown_.segments[first].start == StartMode::Fixed) {
        // Without a planned start, a show whose first segment starts at a time is planned for that time.
        state_.plannedStartMs = nearestInstant(rundown_.segments[first].fixedTime, nowMs, zone_);
    }
}

void RundownTimer::restore(const TimerState& state) {
    state_ = state;
    state_.records.resize(rundown_.segments.size());
}

int RundownTimer::nextPlayable(int after) const {
    for (int i = after + 1; i < rundown_.segments.size(); ++i) {
        if (!state_.records[i].skipped)
            return i;
    }
    return -1;
}

int RundownTimer::previousPlayable(int before) const {
    for (int i = before - 1; i >= 0; --i) {
        if (!state_.records[i].skipped)
            return i;
    }
    return -1;
}

int RundownTimer::nextIndex() const {
    switch (state_.phase) {
    case RunPhase::Armed:
        return nextPlayable(-1);
    case RunPhase::Running:
        return nextPlayable(state_.current);
    case RunPhase::Finished:
        break;
    }
    return -1;
}

EndAction RundownTimer::effectiveEnd(int index) const {
    return autoAdvance_ ? EndAction::Next : rundown_.segments[index].end;
}

qint64 RundownTimer::planBaseMs(qint64 fallbackMs) const {
    if (state_.plannedStartMs)
        return *state_.plannedStartMs;
    if (state_.actualStartMs)
        return *state_.actualStartMs;
    return fallbackMs;
}

QList<std::optional<qint64>> RundownTimer::plan(qint64 baseMs) const {
    QList<std::optional<qint64>> starts(rundown_.segments.size());
    qint64 t = baseMs;
    for (int i = 0; i < rundown_.segments.size(); ++i) {
        if (state_.records[i].skipped)
            continue;
        const Segment& segment = rundown_.segments[i];
        // A fixed time belongs to the day nearest the plan so far: "00:15" after "23:50" is the next day.
        const qint64 start =
            segment.start == StartMode::Fixed ? nearestInstant(segment.fixedTime, t, zone_) : t;
        starts[i] = start;
        t = start + segment.durationMs;
    }
    return starts;
}

QList<std::optional<qint64>> RundownTimer::plannedStartsMs(qint64 nowMs) const {
    return plan(planBaseMs(nowMs));
}

bool RundownTimer::isFixedStartEligible(int index, const QList<std::optional<qint64>>& plan) const {
    if (index < 0 || rundown_.segments[index].start != StartMode::Fixed || !plan[index])
        return false;
    // A time already past when the segment became next is only a planned time: starting it at once would cut
    // the segment that just began (or start a show armed in the afternoon for a morning slot).
    const qint64 becameNextAt = state_.phase == RunPhase::Armed ? state_.armedAtMs : state_.startedAtMs;
    return *plan[index] > becameNextAt;
}

qint64 RundownTimer::zeroAtMs() const {
    const Segment& segment = rundown_.segments[state_.current];
    return state_.startedAtMs + segment.durationMs + state_.addedMs + state_.pausedTotalMs;
}

std::optional<Deadline> RundownTimer::nextDeadline() const {
    if (state_.phase == RunPhase::Finished)
        return std::nullopt;
    const auto planned = plan(planBaseMs(state_.armedAtMs));
    const int next = nextIndex();
    std::optional<Deadline> best;
    if (isFixedStartEligible(next, planned))
        best = Deadline{*planned[next], Deadline::Kind::FixedStart, next};
    if (state_.phase == RunPhase::Running && !paused() && !state_.zeroHandled &&
        effectiveEnd(state_.current) != EndAction::None) {
        const qint64 zero = zeroAtMs();
        if (!best || zero < best->atMs) // on a tie the fixed start wins: it is what `next` leads to anyway
            best = Deadline{zero, Deadline::Kind::SegmentZero, state_.current};
    }
    return best;
}

TimerEvent RundownTimer::begin(int index, qint64 atMs, TimerEvent::Cause cause) {
    if (state_.phase == RunPhase::Running && state_.current >= 0)
        state_.records[state_.current].actualMs += std::max<qint64>(0, atMs - state_.startedAtMs);
    state_.phase = RunPhase::Running;
    state_.current = index;
    state_.startedAtMs = atMs;
    state_.addedMs = 0;
    state_.pausedTotalMs = 0;
    state_.pausedAtMs.reset();
    state_.heldAtZero = false;
    state_.zeroHandled = false;
    state_.finishedAtMs.reset();
    SegmentRecord& record = state_.records[index];
    if (!record.firstStartedAtMs)
        record.firstStartedAtMs = atMs;
    if (!state_.actualStartMs)
        state_.actualStartMs = atMs;
    return {TimerEvent::Kind::Started, index, atMs, cause};
}

TimerEvent RundownTimer::finish(qint64 atMs, TimerEvent::Cause cause) {
    state_.records[state_.current].actualMs += std::max<qint64>(0, atMs - state_.startedAtMs);
    state_.phase = RunPhase::Finished;
    state_.finishedAtMs = atMs;
    state_.pausedAtMs.reset();
    state_.heldAtZero = false;
    return {TimerEvent::Kind::Finished, state_.current, atMs, cause};
}

TimerEvent RundownTimer::holdAtZero(qint64 atMs) {
    state_.pausedAtMs = atMs;
    state_.heldAtZero = true;
    return {TimerEvent::Kind::HeldAtZero, state_.current, atMs, TimerEvent::Cause::EndAction};
}

void RundownTimer::apply(const Deadline& deadline, QList<TimerEvent>& events) {
    if (deadline.kind == Deadline::Kind::FixedStart) {
        events << begin(deadline.index, deadline.atMs, TimerEvent::Cause::FixedTime);
        return;
    }
    state_.zeroHandled = true;
    if (effectiveEnd(state_.current) == EndAction::Hold) {
        events << holdAtZero(deadline.atMs);
        return;
    }
    const int next = nextPlayable(state_.current);
    if (next < 0) {
        events << finish(deadline.atMs, TimerEvent::Cause::EndAction);
        return;
    }
    const Segment& segment = rundown_.segments[next];
    if (segment.start == StartMode::Manual && !autoAdvance_) {
        events << holdAtZero(deadline.atMs); // the next segment waits for the operator
        return;
    }
    if (isFixedStartEligible(next, plan(planBaseMs(state_.armedAtMs)))) {
        events << holdAtZero(deadline.atMs); // its own deadline starts it at its time
        return;
    }
    events << begin(next, deadline.atMs, TimerEvent::Cause::EndAction);
}

QList<TimerEvent> RundownTimer::tick(qint64 nowMs) {
    QList<TimerEvent> events;
    // Each step moves on by a segment or settles the current one, so this ends; the bound is a safety net.
    for (qsizetype guard = 0; guard < 3 * rundown_.segments.size() + 3; ++guard) {
        const auto deadline = nextDeadline();
        if (!deadline || deadline->atMs > nowMs)
            break;
        apply(*deadline, events);
    }
    return events;
}

QList<TimerEvent> RundownTimer::advance(qint64 nowMs) {
    switch (state_.phase) {
    case RunPhase::Armed:
        if (const int first = nextPlayable(-1); first >= 0)
            return {begin(first, nowMs, TimerEvent::Cause::Operator)};
        return {};
    case RunPhase::Running:
        if (const int next = nextPlayable(state_.current); next >= 0)
            return {begin(next, nowMs, TimerEvent::Cause::Operator)};
        return {finish(nowMs, TimerEvent::Cause::Operator)};
    case RunPhase::Finished:
        break;
    }
    return {};
}

QList<TimerEvent> RundownTimer::back(qint64 nowMs) {
    if (state_.phase == RunPhase::Finished && state_.current >= 0)
        return {
            begin(state_.current, nowMs, TimerEvent::Cause::Operator)}; // advanced past the end by mistake
    if (state_.phase != RunPhase::Running)
        return {};
    const int previous = previousPlayable(state_.current);
    if (previous < 0)
        return {};
    return {begin(previous, nowMs, TimerEvent::Cause::Operator)};
}

QList<TimerEvent> RundownTimer::goTo(int index, qint64 nowMs) {
    if (index < 0 || index >= rundown_.segments.size() || state_.records[index].skipped)
        return {};
    return {begin(index, nowMs, TimerEvent::Cause::Operator)};
}

bool RundownTimer::setSkipped(int index, bool skipped) {
    if (index < 0 || index >= rundown_.segments.size() || index == currentIndex())
        return false;
    if (state_.records[index].skipped == skipped)
        return false;
    state_.records[index].skipped = skipped;
    return true;
}

bool RundownTimer::addTime(qint64 ms, qint64 nowMs) {
    if (state_.phase != RunPhase::Running || ms == 0)
        return false;
    const qint64 duration = rundown_.segments[state_.current].durationMs;
    state_.addedMs = std::max(state_.addedMs + ms, -duration);
    settleAfterChange(nowMs);
    return true;
}

void RundownTimer::settleAfterChange(qint64 nowMs) {
    const qint64 remaining = remainingMs(nowMs);
    if (remaining > 0) {
        state_.zeroHandled = false;
        if (state_.heldAtZero)
            resume(nowMs); // the held clock runs on with the time added
    } else if (remaining < 0 && !state_.zeroHandled && !paused() &&
               effectiveEnd(state_.current) != EndAction::None) {
        // Shortened below what has already run: the end action applies now, not back when zero would have
        // been (that would start the next segment with time already gone).
        state_.addedMs -= remaining;
    }
}

bool RundownTimer::pause(qint64 nowMs) {
    if (state_.phase != RunPhase::Running || paused())
        return false;
    state_.pausedAtMs = nowMs;
    state_.heldAtZero = false;
    return true;
}

bool RundownTimer::resume(qint64 nowMs) {
    if (!paused())
        return false;
    state_.pausedTotalMs += std::max<qint64>(0, nowMs - *state_.pausedAtMs);
    state_.pausedAtMs.reset();
    state_.heldAtZero = false;
    return true;
}

bool RundownTimer::editSegment(int index, const QString& title, qint64 durationMs, qint64 nowMs) {
    if (index < 0 || index >= rundown_.segments.size() || title.trimmed().isEmpty() ||
        durationMs < limits::kMinDurationMs || durationMs > limits::kMaxDurationMs)
        return false;
    Segment& segment = rundown_.segments[index];
    segment.title = title.trimmed();
    segment.durationMs = durationMs;
    if (index == currentIndex())
        settleAfterChange(nowMs);
    return true;
}

qint64 RundownTimer::remainingMs(qint64 nowMs) const {
    switch (state_.phase) {
    case RunPhase::Armed: {
        const int first = nextPlayable(-1);
        return first >= 0 ? rundown_.segments[first].durationMs : 0;
    }
    case RunPhase::Running: {
        const qint64 reference = state_.pausedAtMs.value_or(nowMs);
        return zeroAtMs() - reference;
    }
    case RunPhase::Finished:
        break;
    }
    return 0;
}

qint64 RundownTimer::elapsedMs(qint64 nowMs) const {
    if (state_.phase != RunPhase::Running)
        return 0;
    return state_.pausedAtMs.value_or(nowMs) - state_.startedAtMs - state_.pausedTotalMs;
}

TimerPhase RundownTimer::timerPhase(qint64 nowMs) const {
    if (state_.phase != RunPhase::Running)
        return TimerPhase::Normal;
    const qint64 remaining = remainingMs(nowMs);
    const Segment& segment = rundown_.segments[state_.current];
    if (remaining < 0)
        return TimerPhase::Overtime;
    if (segment.dangerMs > 0 && remaining <= segment.dangerMs)
        return TimerPhase::Danger;
    if (segment.warningMs > 0 && remaining <= segment.warningMs)
        return TimerPhase::Warning;
    return TimerPhase::Normal;
}

qint64 RundownTimer::lateStartMs() const {
    if (!state_.actualStartMs || !state_.plannedStartMs)
        return 0;
    return *state_.actualStartMs - *state_.plannedStartMs;
}

qint64 RundownTimer::absoluteOffsetMs(qint64 nowMs) const {
    switch (state_.phase) {
    case RunPhase::Armed:
        return 0;
    case RunPhase::Finished:
        return *state_.finishedAtMs - plannedEndMs(nowMs);
    case RunPhase::Running:
        break;
    }
    // As Ontime's getRuntimeOffset: how late this segment started against the plan, plus its overtime, the
    // pause going on and the time added (finished pauses count as added time there; here they are kept
    // apart).
    const qint64 plannedStart = *plan(planBaseMs(nowMs))[state_.current];
    const qint64 overtime = std::max<qint64>(0, -remainingMs(nowMs));
    const qint64 pausing = state_.pausedAtMs ? nowMs - *state_.pausedAtMs : 0;
    return (state_.startedAtMs - plannedStart) + overtime + pausing + state_.addedMs + state_.pausedTotalMs;
}

qint64 RundownTimer::overUnderMs(qint64 nowMs) const {
    return absoluteOffsetMs(nowMs) - lateStartMs();
}

qint64 RundownTimer::plannedEndMs(qint64 nowMs) const {
    const qint64 base = planBaseMs(nowMs);
    const auto planned = plan(base);
    qint64 end = base;
    for (int i = 0; i < planned.size(); ++i) {
        if (planned[i])
            end = *planned[i] + rundown_.segments[i].durationMs;
    }
    return end;
}

qint64 RundownTimer::expectedEndMs(qint64 nowMs) const {
    if (state_.phase == RunPhase::Finished)
        return *state_.finishedAtMs;
    const auto planned = plan(planBaseMs(nowMs));
    int index = -1;
    qint64 previousStart = 0;
    qint64 t = 0;
    if (state_.phase == RunPhase::Armed) {
        index = nextPlayable(-1);
        if (index < 0)
            return nowMs;
        const qint64 start = isFixedStartEligible(index, planned)
                                 ? *planned[index]
                                 : std::max(nowMs, state_.plannedStartMs.value_or(nowMs));
        previousStart = start;
        t = start + rundown_.segments[index].durationMs;
    } else {
        index = state_.current;
        previousStart = state_.startedAtMs;
        t = nowMs + std::max<qint64>(0, remainingMs(nowMs));
    }
    // The rest as planned: each segment after the one before, a fixed-time one at its time when it will still
    // be ahead when it becomes next (the same rule its start follows).
    for (int k = nextPlayable(index); k >= 0; k = nextPlayable(k)) {
        const Segment& segment = rundown_.segments[k];
        const qint64 start =
            segment.start == StartMode::Fixed && *planned[k] > previousStart ? *planned[k] : t;
        previousStart = start;
        t = start + segment.durationMs;
    }
    return t;
}

qint64 RundownTimer::actualMs(int index, qint64 nowMs) const {
    if (index < 0 || index >= state_.records.size())
        return 0;
    qint64 total = state_.records[index].actualMs;
    if (state_.phase == RunPhase::Running && index == state_.current)
        total += std::max<qint64>(0, nowMs - state_.startedAtMs);
    return total;
}

} // namespace xz::rundown
