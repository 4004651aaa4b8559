// Crash-safe recording of the program: Matroska through libobs' ffmpeg_muxer, which stays playable up to
// the last cluster if the process is killed (plain MP4 would be unplayable without its moov atom).
// File names carry the program and the date. A failing disk stops the recording, nothing else.
// One Recorder makes any number of recordings, one after another; starting and stopping never block: the
// muxer finishes a file on its own thread and the state says when it has.
#pragma once

#include "engineerror.h"
#include "recordingclock.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <obs.hpp>
#include <optional>

namespace xz::engine {

class EncoderSet;

// No meaningful value at 0 (OBS's habit, so a missing value never reads as a state).
enum class RecordingState { Idle = 1, Recording, Stopping, Stopped, Failed };

QString recordingStateName(RecordingState state); // "recording", "stopping", ... (stable, for JSON)

class Recorder : public QObject {
    Q_OBJECT
public:
    // Below this much free space a recording is refused rather than started to fail a minute later.
    static constexpr uint64_t kMinimumFreeBytes = 100ull * 1024 * 1024;
    // Below this much free space during a recording it is stopped cleanly while the file can still be closed.
    // (The muxer itself notices a full disk only after tens of seconds of failed writes.)
    static constexpr uint64_t kStopBelowFreeBytes = 4ull * 1024 * 1024;

    Recorder(EncoderSet& encoders, const QString& programId, QObject* parent = nullptr);
    // Finishes a recording still running (waiting for the file: only at shutdown).
    ~Recorder() override;

    std::optional<EngineError> start(const QString& directory);
    // Asks the muxer to finish the file and returns at once: Stopping, then Stopped (finished() with the
    // path) when the file is complete.
    void stop();
    // For shutdown and tests: stop() and wait (up to timeoutMs) until the file is complete.
    void stopAndWait(int timeoutMs = 15000);

    RecordingState state() const { return state_; }
    bool active() const { return state_ == RecordingState::Recording || state_ == RecordingState::Stopping; }
    QString path() const { return path_; }
    // Length so far (or in all, once stopped), from the recording's first frame.
    double seconds() const;
    // The recording time of libobs moment `ns` (os_gettime_ns), for markers; nullopt while not recording.
    std::optional<double> secondsAt(uint64_t ns) const;
    uint64_t bytes() const;
    const std::optional<EngineError>& failure() const { return failure_; }

signals:
    void stateChanged(xz::engine::RecordingState state);
    // The file at `path` is complete and closed (after a stop, a failure or a full disk).
    void finished(const QString& path);
    // The recording stopped on its own (disk full, file vanished); streams keep going.
    void failed(const QString& message);

private:
    static void onStop(void* param, calldata_t* data);
    void handleStop(uint64_t generation, int code, const QString& lastError);
    void checkDiskSpace();
    void fail(EngineError error);
    void setState(RecordingState state);
    void finish();

    // What a libobs stop callback carries back: the recorder and which of its recordings stopped.
    struct StopTag {
        Recorder* recorder;
        uint64_t generation;
    };

    EncoderSet& encoders_;
    QString programId_;
    QString path_;
    std::unique_ptr<StopTag> stopTag_; // outlives stopSignal_ (declared first, destroyed last)
    OBSSignal stopSignal_;
    OBSOutputAutoRelease output_;
    RecordingClock clock_;
    QTimer diskWatch_;
    RecordingState state_ = RecordingState::Idle;
    // Which recording a libobs callback belongs to: a stop queued by the last recording must never land on
    // the next one.
    uint64_t generation_ = 0;
    bool stopRequested_ = false;
    uint64_t stoppedNs_ = 0;
    uint64_t finalBytes_ = 0;
    std::optional<EngineError> failure_;
};

} // namespace xz::engine
