#include "rundowncontroller.h"

#include "rundownengine.h"

#include <QJsonArray>
#include <functional>

namespace xz::rundown {
namespace {

constexpr qint64 kProbeMs = 60 * 1000;

// From how far ahead of now `valueAt` grows one for one with the clock (an overrun, a pause, a late start),
// probed rather than derived so the rule stays the timer's own; nullopt when it stays put.
template <typename F> std::optional<qint64> growsAfter(F valueAt, qint64 nowMs, qint64 fromMs) {
    if (valueAt(nowMs + fromMs + kProbeMs) - valueAt(nowMs + fromMs) == kProbeMs)
        return fromMs;
    return std::nullopt;
}

} // namespace

RundownController::RundownController(RundownEngine& engine, QObject* parent)
    : QObject(parent), engine_(engine), host_(engine.clock(), this), segments_(engine, this) {
    connect(&engine_, &RundownEngine::changed, this, [this] {
        pushSnapshot();
        emit changed();
    });
    connect(&engine_, &RundownEngine::problem, this, [this](const UserError& error) {
        ++problems_;
        lastError_ = error.message();
        emit lastErrorChanged();
    });
    pushSnapshot();
}

QString RundownController::title() const {
    return engine_.rundown().title;
}

int RundownController::currentIndex() const {
    return engine_.timer().currentIndex();
}

int RundownController::nextIndex() const {
    return engine_.timer().nextIndex();
}

bool RundownController::recording() const {
    return engine_.recording();
}

bool RundownController::act(const std::function<std::optional<UserError>()>& action) {
    const int problemsBefore = problems_;
    const std::optional<UserError> error = action();
    // A problem the studio reported during this action (a scene that would not take) stays on show.
    if (!error && problems_ != problemsBefore)
        return true;
    const QString text = error ? error->message() : QString();
    if (text != lastError_) {
        lastError_ = text;
        emit lastErrorChanged();
    }
    return !error;
}

bool RundownController::advance() {
    return act([&] { return engine_.advance(); });
}

bool RundownController::back() {
    return act([&] { return engine_.back(); });
}

bool RundownController::skip() {
    return act([&] { return engine_.toggleSkipNext(); });
}

bool RundownController::setSkipped(int index, bool skipped) {
    return act([&] { return engine_.setSkipped(index, skipped); });
}

bool RundownController::goTo(int index) {
    return act([&] { return engine_.goTo(index); });
}

bool RundownController::addTime(int seconds) {
    return act([&] { return engine_.addTime(qint64(seconds) * 1000); });
}

bool RundownController::hold() {
    return act([&] { return engine_.toggleHold(); });
}

bool RundownController::mark(const QString& title) {
    return act([&] { return engine_.mark(title); });
}

bool RundownController::markIn(const QString& title) {
    return act([&] { return engine_.markIn(title); });
}

bool RundownController::markOut() {
    return act([&] { return engine_.markOut(); });
}

bool RundownController::editSegment(int index, const QString& title, int durationSeconds) {
    return act([&] { return engine_.editSegment(index, title, qint64(durationSeconds) * 1000); });
}

void RundownController::sendMessage(const QString& text, bool blink, bool blackout) {
    message_ = text;
    messageBlink_ = blink;
    blackout_ = blackout;
    engine_.logMessage(text, blink, blackout);
    pushSnapshot();
}

void RundownController::clearMessage() {
    sendMessage(QString(), false, false);
}

void RundownController::pushSnapshot() {
    host_.applySnapshot(engineSnapshot());
    emit snapshotChanged();
}

QJsonObject RundownController::engineSnapshot() const {
    const RundownTimer& timer = engine_.timer();
    const qint64 now = engine_.clock().nowMs();
    const RunPhase phase = timer.state().phase;
    const int current = timer.currentIndex();
    const int next = timer.nextIndex();
    const auto& segments = engine_.rundown().segments;
    const Segment* onAir = current >= 0 ? &segments[current] : nullptr;
    const qint64 remaining = timer.remainingMs(now);
    const bool ticking = phase == RunPhase::Running && !timer.paused();

    std::optional<qint64> overUnderGrows;
    std::optional<qint64> expectedEndGrows;
    const auto overUnderAt = [&](qint64 t) { return timer.overUnderMs(t); };
    const auto expectedEndAt = [&](qint64 t) { return timer.expectedEndMs(t); };
    if (phase == RunPhase::Running) {
        const qint64 from = ticking ? std::max<qint64>(0, remaining) : 0;
        overUnderGrows = growsAfter(overUnderAt, now, from);
        expectedEndGrows = growsAfter(expectedEndAt, now, from);
    } else if (phase == RunPhase::Armed) {
        const qint64 untilPlanned = std::max<qint64>(0, timer.state().plannedStartMs.value_or(now) - now);
        expectedEndGrows = growsAfter(expectedEndAt, now, untilPlanned);
    }
    QJsonArray script;
    if (onAir) {
        for (const QString& line : onAir->script)
            script.append(line);
    }
    const auto optionalMs = [](const std::optional<qint64>& ms) {
        return ms ? QJsonValue(double(*ms)) : QJsonValue(QJsonValue::Null);
    };
    QString run = QStringLiteral("waiting");
    if (phase == RunPhase::Running)
        run = QStringLiteral("running");
    else if (phase == RunPhase::Finished)
        run = QStringLiteral("finished");
    return QJsonObject{
        {QStringLiteral("format"), HostState::kFormat},
        {QStringLiteral("version"), HostState::kVersion},
        {QStringLiteral("clockMs"), double(now)},
        {QStringLiteral("zoneOffsetSeconds"),
         engine_.clock().timeZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(now))},
        {QStringLiteral("rundownTitle"), engine_.rundown().title},
        {QStringLiteral("run"), run},
        {QStringLiteral("segment"), QJsonObject{{QStringLiteral("title"), onAir ? onAir->title : QString()},
                                                {QStringLiteral("cue"), onAir ? onAir->cue : QString()},
                                                {QStringLiteral("color"), onAir ? onAir->color : QString()},
                                                {QStringLiteral("notes"), onAir ? onAir->notes : QString()},
                                                {QStringLiteral("script"), script}}},
        {QStringLiteral("nextTitle"), next >= 0 ? segments[next].title : QString()},
        {QStringLiteral("remainingMs"), double(remaining)},
        {QStringLiteral("ticking"), ticking},
        {QStringLiteral("warningMs"), double(onAir ? onAir->warningMs : 0)},
        {QStringLiteral("dangerMs"), double(onAir ? onAir->dangerMs : 0)},
        {QStringLiteral("paused"), timer.paused()},
        {QStringLiteral("held"), timer.state().heldAtZero},
        {QStringLiteral("overUnderMs"), double(timer.overUnderMs(now))},
        {QStringLiteral("overUnderGrowsAfterMs"), optionalMs(overUnderGrows)},
        {QStringLiteral("expectedEndMs"), double(timer.expectedEndMs(now))},
        {QStringLiteral("expectedEndGrowsAfterMs"), optionalMs(expectedEndGrows)},
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), message_},
                                                {QStringLiteral("blink"), messageBlink_},
                                                {QStringLiteral("blackout"), blackout_}}},
    };
}

} // namespace xz::rundown
