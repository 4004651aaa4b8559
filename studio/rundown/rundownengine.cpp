#include "rundownengine.h"

#include "logging.h"
#include "rundownparser.h"

#include <QJsonArray>
#include <chrono>
#include <cmath>
#include <limits>

namespace xz::rundown {
namespace {

QString causeName(TimerEvent::Cause cause) {
    switch (cause) {
    case TimerEvent::Cause::Operator:
        return QStringLiteral("operator");
    case TimerEvent::Cause::EndAction:
        return QStringLiteral("end-action");
    case TimerEvent::Cause::FixedTime:
        return QStringLiteral("fixed-time");
    }
    return {};
}

double seconds(qint64 ms) {
    return double(ms) / 1000.0;
}

UserError notPossible(const QString& zh, const QString& en) {
    return {zh, en, QString()};
}

} // namespace

RundownEngine::RundownEngine(Rundown rundown, StudioControl& studio, const Clock& clock,
                             EngineOptions options, QObject* parent)
    : QObject(parent), timer_(rundown, clock.timeZone()), studio_(studio), clock_(clock),
      options_(std::move(options)), fingerprint_(StateStore::fingerprint(rundown)),
      log_(options_.logPath, clock.timeZone()) {
    if (!options_.statePath.isEmpty())
        store_ = std::make_unique<StateStore>(options_.statePath);
    timer_.setAutoAdvance(options_.autoAdvance);
    timer_.arm(now());
    deadlineTimer_.setSingleShot(true);
    // A coarse timer may fire up to 5% late; a show needs the frame.
    deadlineTimer_.setTimerType(Qt::PreciseTimer);
    connect(&deadlineTimer_, &QTimer::timeout, this, &RundownEngine::tick);
    rearm();
}

RundownEngine::~RundownEngine() = default;

bool RundownEngine::resumeSavedState() {
    if (!store_)
        return false;
    const auto saved = store_->load();
    const qint64 at = now();
    if (!saved || saved->fingerprint != fingerprint_ || saved->timer.phase == RunPhase::Finished ||
        saved->timer.records.size() != rundown().segments.size() ||
        at - saved->savedAtMs > StateStore::kMaxResumeAgeMs ||
        saved->savedAtMs > at + StateStore::kMaxResumeAgeMs)
        return false;
    // Live edits first, while the timer is still armed, then the saved position on top.
    for (int i = 0; i < saved->titles.size(); ++i)
        timer_.editSegment(i, saved->titles[i], saved->durationsMs[i], at);
    timer_.restore(saved->timer);
    logEvent(
        QStringLiteral("restore"), timer_.currentIndex(),
        {{QStringLiteral("savedAt"),
          QDateTime::fromMSecsSinceEpoch(saved->savedAtMs, clock_.timeZone()).toString(Qt::ISODateWithMs)}});
    const QList<TimerEvent> caughtUp = timer_.tick(at);
    bool startedOne = false;
    for (const TimerEvent& event : caughtUp)
        startedOne = startedOne || event.kind == TimerEvent::Kind::Started;
    apply(caughtUp);
    // The studio came back on its default scene: put the segment it was on back on air.
    if (!startedOne && timer_.currentIndex() >= 0)
        putOnAir(timer_.currentIndex());
    afterChange();
    return true;
}

void RundownEngine::apply(const QList<TimerEvent>& events) {
    int started = -1;
    for (const TimerEvent& event : events) {
        const QJsonObject cause{{QStringLiteral("cause"), causeName(event.cause)}};
        switch (event.kind) {
        case TimerEvent::Kind::Started:
            logEvent(QStringLiteral("advance"), event.index, cause);
            started = event.index;
            break;
        case TimerEvent::Kind::HeldAtZero:
            logEvent(QStringLiteral("hold"), event.index,
                     {{QStringLiteral("cause"), QStringLiteral("end-action")}});
            break;
        case TimerEvent::Kind::Finished:
            logEvent(QStringLiteral("finish"), event.index, cause);
            if (const auto at = studio_.recordingSeconds(); at && sidecar_) {
                closeOpenSegmentMarker(*at);
                writeSidecar();
            }
            break;
        }
    }
    // After a catch-up only the segment it ended on goes on air.
    if (started >= 0) {
        putOnAir(started);
        markSegment(started);
    }
}

void RundownEngine::putOnAir(int index) {
    const Segment& segment = rundown().segments[index];
    // Captions first, so the scene arrives with the right words instead of changing them on air.
    for (const TextSetting& text : segment.texts) {
        const auto error = studio_.setText(text.sceneId, text.sourceId, text.text);
        QJsonObject detail{{QStringLiteral("scene"), text.sceneId},
                           {QStringLiteral("source"), text.sourceId},
                           {QStringLiteral("text"), text.text}};
        if (error)
            detail[QStringLiteral("error")] = error->toString();
        logEvent(QStringLiteral("text"), index, detail);
        if (error)
            report(*error);
    }
    if (segment.sceneId.isEmpty())
        return;
    const auto error = studio_.takeScene(segment.sceneId, segment.transitionId, segment.transitionMs);
    QJsonObject detail{{QStringLiteral("scene"), segment.sceneId},
                       {QStringLiteral("transition"), segment.transitionId},
                       {QStringLiteral("transitionMs"), segment.transitionMs}};
    if (error)
        detail[QStringLiteral("error")] = error->toString();
    logEvent(QStringLiteral("take"), index, detail);
    if (error)
        report(*error);
}

void RundownEngine::markSegment(int index, std::optional<double> at) {
    if (!sidecar_)
        return;
    if (!at)
        at = studio_.recordingSeconds();
    if (!at)
        return;
    closeOpenSegmentMarker(*at);
    const Segment& segment = rundown().segments[index];
    Marker marker;
    marker.kind = Marker::Kind::Segment;
    marker.time = *at;
    marker.title = segment.title;
    marker.segment = segment.title;
    marker.cue = segment.cue;
    openSegmentMarker_ = sidecar_->add(marker);
    writeSidecar();
}

void RundownEngine::closeOpenSegmentMarker(double atSeconds) {
    if (sidecar_ && openSegmentMarker_ >= 0)
        sidecar_->setEnd(openSegmentMarker_, atSeconds);
    openSegmentMarker_ = -1;
}

void RundownEngine::writeSidecar() {
    if (!sidecar_)
        return;
    if (const auto error = sidecar_->write())
        report(*error);
    if (!markerFiles_.contains(sidecar_->path()))
        markerFiles_ << sidecar_->path();
}

void RundownEngine::logEvent(const QString& event, int segment, QJsonObject detail) {
    LogEntry entry;
    entry.atMs = now();
    entry.recordingSeconds = studio_.recordingSeconds();
    entry.event = event;
    entry.segment = segment;
    if (segment >= 0 && segment < rundown().segments.size())
        entry.segmentTitle = rundown().segments[segment].title;
    entry.detail = std::move(detail);
    log_.append(entry);
}

void RundownEngine::report(const UserError& error) {
    qCWarning(lcRundown).noquote() << error.toString();
    emit problem(error);
}

void RundownEngine::afterChange() {
    if (store_) {
        if (const auto error = store_->save(timer_, fingerprint_, now()); error && !reportedStateError_) {
            reportedStateError_ = true; // once: the show goes on without it
            report(*error);
        }
    }
    rearm();
    emit changed();
}

void RundownEngine::rearm() {
    const auto deadline = timer_.nextDeadline();
    if (!deadline) {
        armedDeadlineMs_.reset();
        deadlineTimer_.stop();
        return;
    }
    armedDeadlineMs_ = deadline->atMs;
    const qint64 wait = std::max<qint64>(0, deadline->atMs - now());
    deadlineTimer_.start(std::chrono::milliseconds(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void RundownEngine::tick() {
    const QList<TimerEvent> events = timer_.tick(now());
    if (events.isEmpty()) {
        rearm(); // woken early (or the clock was set back): wait for the rest
        return;
    }
    apply(events);
    afterChange();
}

std::optional<UserError> RundownEngine::advance() {
    const QList<TimerEvent> events = timer_.advance(now());
    if (events.isEmpty())
        return timer_.state().phase == RunPhase::Finished
                   ? notPossible(QStringLiteral("节目单已经结束"), QStringLiteral("the rundown has finished"))
                   : notPossible(QStringLiteral("没有可以开始的段落"),
                                 QStringLiteral("there is no segment to start"));
    apply(events);
    afterChange();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::back() {
    const QList<TimerEvent> events = timer_.back(now());
    if (events.isEmpty())
        return timer_.state().phase == RunPhase::Armed
                   ? notPossible(QStringLiteral("节目还没有开始"), QStringLiteral("the show has not started"))
                   : notPossible(QStringLiteral("已经是第一段"),
                                 QStringLiteral("already at the first segment"));
    apply(events);
    afterChange();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::goTo(int index) {
    if (index < 0 || index >= rundown().segments.size())
        return notPossible(QStringLiteral("没有第 %1 段").arg(index + 1),
                           QStringLiteral("there is no segment %1").arg(index + 1));
    const QList<TimerEvent> events = timer_.goTo(index, now());
    if (events.isEmpty())
        return notPossible(QStringLiteral("这一段已跳过：先取消跳过"),
                           QStringLiteral("this segment is skipped: un-skip it first"));
    apply(events);
    afterChange();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::setSkipped(int index, bool skipped) {
    if (index == timer_.currentIndex())
        return notPossible(QStringLiteral("正在进行的段落不能跳过"),
                           QStringLiteral("the segment on air cannot be skipped"));
    if (!timer_.setSkipped(index, skipped))
        return notPossible(QStringLiteral("无法更改第 %1 段的跳过设置").arg(index + 1),
                           QStringLiteral("cannot change whether segment %1 is skipped").arg(index + 1));
    logEvent(skipped ? QStringLiteral("skip") : QStringLiteral("unskip"), index);
    afterChange();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::toggleSkipNext() {
    // The segment right after the current one, skipped or not, so a second press undoes the first.
    const int from = timer_.state().phase == RunPhase::Armed ? -1 : timer_.currentIndex();
    if (timer_.state().phase == RunPhase::Finished || from + 1 >= rundown().segments.size())
        return notPossible(QStringLiteral("后面没有段落了"),
                           QStringLiteral("there is no segment after this one"));
    return setSkipped(from + 1, !timer_.state().records[from + 1].skipped);
}

std::optional<UserError> RundownEngine::addTime(qint64 ms) {
    if (!timer_.addTime(ms, now()))
        return notPossible(QStringLiteral("没有正在进行的段落"), QStringLiteral("no segment is on air"));
    logEvent(QStringLiteral("addTime"), timer_.currentIndex(), {{QStringLiteral("seconds"), seconds(ms)}});
    afterChange();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::toggleHold() {
    const qint64 at = now();
    const bool wasPaused = timer_.paused();
    if (wasPaused ? !timer_.resume(at) : !timer_.pause(at))
        return notPossible(QStringLiteral("没有正在进行的段落"), QStringLiteral("no segment is on air"));
    logEvent(wasPaused ? QStringLiteral("resume") : QStringLiteral("hold"), timer_.currentIndex(),
             {{QStringLiteral("cause"), QStringLiteral("operator")}});
    afterChange();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::editSegment(int index, const QString& title, qint64 durationMs) {
    if (index < 0 || index >= rundown().segments.size())
        return notPossible(QStringLiteral("没有第 %1 段").arg(index + 1),
                           QStringLiteral("there is no segment %1").arg(index + 1));
    if (title.trimmed().isEmpty())
        return notPossible(QStringLiteral("段落标题不能为空"),
                           QStringLiteral("a segment's title must not be empty"));
    if (durationMs < limits::kMinDurationMs || durationMs > limits::kMaxDurationMs)
        return notPossible(
            QStringLiteral("时长 %1 秒超出范围（1 秒到 12 小时）").arg(seconds(durationMs)),
            QStringLiteral("duration %1 s is out of range (1 s to 12 hours)").arg(seconds(durationMs)));
    const Segment before = rundown().segments[index];
    timer_.editSegment(index, title, durationMs, now());
    logEvent(QStringLiteral("edit"), index,
             {{QStringLiteral("title"), title.trimmed()},
              {QStringLiteral("durationSeconds"), seconds(durationMs)},
              {QStringLiteral("previousTitle"), before.title},
              {QStringLiteral("previousDurationSeconds"), seconds(before.durationMs)}});
    afterChange();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::mark(const QString& title) {
    const int current = timer_.currentIndex();
    logEvent(QStringLiteral("mark"), current, {{QStringLiteral("title"), title}});
    const auto at = studio_.recordingSeconds();
    if (!sidecar_ || !at)
        return std::nullopt; // kept in the log only: there is no recording to mark
    Marker marker;
    marker.kind = Marker::Kind::Mark;
    marker.time = *at;
    marker.title = title;
    if (current >= 0)
        marker.segment = rundown().segments[current].title;
    sidecar_->add(marker);
    writeSidecar();
    emit changed();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::markIn(const QString& title) {
    const int current = timer_.currentIndex();
    logEvent(QStringLiteral("markIn"), current, {{QStringLiteral("title"), title}});
    const auto at = studio_.recordingSeconds();
    if (!sidecar_ || !at)
        return std::nullopt;
    if (openRangeMarker_ >= 0)
        sidecar_->setEnd(openRangeMarker_, *at); // a second "in" closes the range before it
    Marker marker;
    marker.kind = Marker::Kind::Range;
    marker.time = *at;
    marker.title = title;
    if (current >= 0)
        marker.segment = rundown().segments[current].title;
    openRangeMarker_ = sidecar_->add(marker);
    writeSidecar();
    emit changed();
    return std::nullopt;
}

std::optional<UserError> RundownEngine::markOut() {
    const auto at = studio_.recordingSeconds();
    if (sidecar_ && at && openRangeMarker_ < 0)
        return notPossible(QStringLiteral("还没有按“入点”，没有可以结束的片段"),
                           QStringLiteral("there is no mark in to close"));
    logEvent(QStringLiteral("markOut"), timer_.currentIndex());
    if (!sidecar_ || !at)
        return std::nullopt;
    sidecar_->setEnd(openRangeMarker_, *at);
    openRangeMarker_ = -1;
    writeSidecar();
    emit changed();
    return std::nullopt;
}

void RundownEngine::logMessage(const QString& text, bool blink, bool blackout) {
    logEvent(QStringLiteral("message"), timer_.currentIndex(),
             {{QStringLiteral("text"), text},
              {QStringLiteral("blink"), blink},
              {QStringLiteral("blackout"), blackout}});
}

void RundownEngine::recordingStarted(const QString& recordingPath) {
    if (sidecar_)
        recordingStopped();
    const qint64 at = now();
    const double sinceFirstFrame = studio_.recordingSeconds().value_or(0.0);
    const QDateTime firstFrame = QDateTime::fromMSecsSinceEpoch(
        at - qint64(std::llround(sinceFirstFrame * 1000.0)), clock_.timeZone());
    sidecar_ = std::make_unique<MarkersSidecar>(recordingPath, options_.showId, rundown().title, firstFrame);
    openSegmentMarker_ = -1;
    openRangeMarker_ = -1;
    logEvent(QStringLiteral("recordingStarted"), timer_.currentIndex(),
             {{QStringLiteral("recording"), recordingPath}, {QStringLiteral("markers"), sidecar_->path()}});
    // The segment on air when the recording begins is what its first frames show.
    if (timer_.currentIndex() >= 0)
        markSegment(timer_.currentIndex(), studio_.recordingSeconds().value_or(0.0));
    else
        writeSidecar();
    emit changed();
}

void RundownEngine::recordingStopped(std::optional<double> lastSeconds) {
    if (!sidecar_)
        return;
    if (!lastSeconds)
        lastSeconds = studio_.recordingSeconds();
    if (lastSeconds) {
        closeOpenSegmentMarker(*lastSeconds);
        if (openRangeMarker_ >= 0)
            sidecar_->setEnd(openRangeMarker_, *lastSeconds);
    }
    writeSidecar();
    logEvent(QStringLiteral("recordingStopped"), timer_.currentIndex(),
             {{QStringLiteral("markers"), sidecar_->path()}});
    sidecar_.reset();
    openSegmentMarker_ = -1;
    openRangeMarker_ = -1;
    emit changed();
}

QJsonObject RundownEngine::summary() const {
    const qint64 at = now();
    QJsonArray segments;
    for (int i = 0; i < rundown().segments.size(); ++i) {
        const Segment& segment = rundown().segments[i];
        const auto startedAt = timer_.state().records[i].firstStartedAtMs;
        segments.append(
            QJsonObject{{QStringLiteral("title"), segment.title},
                        {QStringLiteral("plannedSeconds"), seconds(segment.durationMs)},
                        {QStringLiteral("actualSeconds"), seconds(timer_.actualMs(i, at))},
                        {QStringLiteral("startedAt"),
                         startedAt ? QJsonValue(QDateTime::fromMSecsSinceEpoch(*startedAt, clock_.timeZone())
                                                    .toString(Qt::ISODateWithMs))
                                   : QJsonValue(QJsonValue::Null)}});
    }
    return QJsonObject{{QStringLiteral("segments"), segments},
                       {QStringLiteral("overUnderSeconds"), seconds(timer_.overUnderMs(at))}};
}

} // namespace xz::rundown
