// Runs one rundown on the studio: advancing takes the segment's scene with its transition and sets its
// captions (through StudioControl), `next` end actions and fixed-time starts happen on time (a precise
// single-shot timer armed at the deadline the timing computes, re-armed on every change), segments and the
// operator's marks go into the recording's markers sidecar, every step goes into the event log, and the state
// is saved after every change so a restarted studio resumes the show. Lives on the main thread; the clock is
// injected.
#pragma once

#include "clock.h"
#include "eventlog.h"
#include "markerssidecar.h"
#include "rundown.h"
#include "rundowntimer.h"
#include "statestore.h"
#include "studiocontrol.h"
#include "usererror.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>

namespace xz::rundown {

struct EngineOptions {
    QString showId;    // written into markers sidecars ("cooking")
    QString statePath; // crash-safe state; empty: none (StateStore::defaultPath() is the studio's)
    QString logPath;   // event log; empty: kept in memory only (EventLog::defaultPath() is the studio's)
    bool autoAdvance = false; // every segment ends as `next`, no start is manual (--auto-advance)
};

class RundownEngine : public QObject {
    Q_OBJECT
public:
    RundownEngine(Rundown rundown, StudioControl& studio, const Clock& clock, EngineOptions options,
                  QObject* parent = nullptr);
    ~RundownEngine() override;

    // Carries on from the saved state when it is this rundown's, unfinished and less than 12 hours old:
    // catches up on what fell due while the studio was down, then puts the current segment's scene and
    // captions back on air. Returns true when it resumed; otherwise the rundown stays armed from the start.
    bool resumeSavedState();

    // Operator actions; an error says why nothing happened ("已经是第一段 / already at the first segment").
    std::optional<UserError> advance();
    std::optional<UserError> back();
    std::optional<UserError> goTo(int index);
    std::optional<UserError> setSkipped(int index, bool skipped);
    std::optional<UserError> toggleSkipNext(); // skips (or un-skips) the segment after the current one
    std::optional<UserError> addTime(qint64 ms);
    std::optional<UserError> toggleHold(); // pause / resume the clock
    std::optional<UserError> editSegment(int index, const QString& title, qint64 durationMs);
    // Markers: into the recording's sidecar while recording, and always into the log.
    std::optional<UserError> mark(const QString& title = {});
    std::optional<UserError> markIn(const QString& title = {});
    std::optional<UserError> markOut();
    // An operator message to the host, logged (the views show it).
    void logMessage(const QString& text, bool blink, bool blackout);

    // The studio announces its recordings: recordingStarted once the output has started (the segment on air
    // then starts at recordingSeconds(), or 0 while that has no answer yet); recordingStopped while
    // recordingSeconds() still answers, or with the recording's last second, so the running segment and an
    // open range get their end.
    void recordingStarted(const QString& recordingPath);
    void recordingStopped(std::optional<double> lastSeconds = std::nullopt);
    bool recording() const { return sidecar_ != nullptr; }
    QStringList markerFiles() const { return markerFiles_; } // every sidecar written in this run

    const RundownTimer& timer() const { return timer_; }
    const Rundown& rundown() const { return timer_.rundown(); }
    const EventLog& log() const { return log_; }
    const Clock& clock() const { return clock_; }
    // The deadline the single-shot timer is armed for; nullopt when nothing automatic is ahead.
    std::optional<qint64> armedDeadlineMs() const { return armedDeadlineMs_; }

    // For `xiaozhan live`'s summary: {segments: [{title, plannedSeconds, actualSeconds, startedAt}],
    // overUnderSeconds}.
    QJsonObject summary() const;

public slots:
    // Applies whatever is due at the clock's present (the deadline timer calls it; tests call it after moving
    // their clock).
    void tick();

signals:
    void changed(); // the timing, the segments or the markers changed
    void problem(const xz::UserError& error);

private:
    void apply(const QList<TimerEvent>& events);
    void putOnAir(int index);
    // A segment marker at `at`, or at recordingSeconds() when not given.
    void markSegment(int index, std::optional<double> at = std::nullopt);
    void closeOpenSegmentMarker(double atSeconds);
    void writeSidecar();
    void logEvent(const QString& event, int segment, QJsonObject detail = {});
    void report(const UserError& error);
    void afterChange();
    void rearm();
    qint64 now() const { return clock_.nowMs(); }

    RundownTimer timer_;
    StudioControl& studio_;
    const Clock& clock_;
    EngineOptions options_;
    QString fingerprint_;
    std::unique_ptr<StateStore> store_;
    EventLog log_;
    QTimer deadlineTimer_;
    std::optional<qint64> armedDeadlineMs_;
    std::unique_ptr<MarkersSidecar> sidecar_;
    int openSegmentMarker_ = -1;
    int openRangeMarker_ = -1;
    QStringList markerFiles_;
    bool reportedStateError_ = false;
};

} // namespace xz::rundown
