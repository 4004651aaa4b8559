// Crash-safe recording of the program: Matroska through libobs' ffmpeg_muxer, which stays playable up to
// the last cluster if the process is killed (plain MP4 would be unplayable without its moov atom).
// File names carry the program and the date. A failing disk stops the recording, nothing else.
#pragma once

#include "engineerror.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <obs.hpp>
#include <optional>

namespace xz::engine {

class EncoderSet;

class Recorder : public QObject {
    Q_OBJECT
public:
    // Below this much free space a recording is refused rather than started to fail a minute later.
    static constexpr uint64_t kMinimumFreeBytes = 100ull * 1024 * 1024;
    // Below this much free space during a recording it is stopped cleanly while the file can still be closed.
    // (The muxer itself notices a full disk only after tens of seconds of failed writes.)
    static constexpr uint64_t kStopBelowFreeBytes = 4ull * 1024 * 1024;

    Recorder(EncoderSet& encoders, const QString& programId, QObject* parent = nullptr);
    ~Recorder() override;

    std::optional<EngineError> start(const QString& directory);
    // Stops and waits (up to timeoutMs) until the file is finalised.
    void stop(int timeoutMs = 15000);

    bool active() const;
    QString path() const { return path_; }
    double seconds() const;
    const std::optional<EngineError>& failure() const { return failure_; }

signals:
    // The recording stopped on its own (disk full, file vanished); streams keep going.
    void failed(const QString& message);

private:
    static void onStop(void* param, calldata_t* data);
    void handleStop(int code, const QString& lastError);
    void checkDiskSpace();
    void fail(EngineError error);

    EncoderSet& encoders_;
    QString programId_;
    QString path_;
    OBSOutputAutoRelease output_;
    OBSSignal stopSignal_;
    QTimer diskWatch_;
    bool stopRequested_ = false;
    uint64_t startedNs_ = 0;
    uint64_t stoppedNs_ = 0;
    std::optional<EngineError> failure_;
};

} // namespace xz::engine
