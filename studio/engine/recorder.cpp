#include "recorder.h"

#include "encoderset.h"
#include "logging.h"
#include "outputerror.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <obs.h>
#include <util/platform.h>

namespace xz::engine {

QString recordingStateName(RecordingState state) {
    switch (state) {
    case RecordingState::Idle:
        return QStringLiteral("idle");
    case RecordingState::Recording:
        return QStringLiteral("recording");
    case RecordingState::Stopping:
        return QStringLiteral("stopping");
    case RecordingState::Stopped:
        return QStringLiteral("stopped");
    case RecordingState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("idle");
}

Recorder::Recorder(EncoderSet& encoders, const QString& programId, QObject* parent)
    : QObject(parent), encoders_(encoders), programId_(programId), clock_(encoders) {
    diskWatch_.setInterval(1000);
    connect(&diskWatch_, &QTimer::timeout, this, &Recorder::checkDiskSpace);
}

Recorder::~Recorder() {
    stopAndWait();
    stopSignal_.Disconnect();
}

std::optional<EngineError> Recorder::start(const QString& directory) {
    if (active())
        return EngineError{QStringLiteral("正在录像，请先停止"),
                           QStringLiteral("already recording; stop first"), path_};
    if (!QDir().mkpath(directory))
        return EngineError{QStringLiteral("无法创建录像文件夹：%1").arg(directory),
                           QStringLiteral("cannot create the recording folder: %1").arg(directory),
                           QString()};
    // Write a probe rather than trusting permission bits (root ignores them; read-only mounts do not).
    QFile probe(directory + QStringLiteral("/.xiaozhan-write-test"));
    if (!probe.open(QIODevice::WriteOnly)) {
        return EngineError{QStringLiteral("录像文件夹不可写：%1").arg(directory),
                           QStringLiteral("the recording folder is not writable: %1").arg(directory),
                           probe.errorString()};
    }
    probe.close();
    probe.remove();
    const uint64_t freeBytes = os_get_free_disk_space(directory.toUtf8().constData());
    if (freeBytes < kMinimumFreeBytes)
        return EngineError{
            QStringLiteral("磁盘空间不足（剩余 %1 MB）：%2").arg(freeBytes >> 20).arg(directory),
            QStringLiteral("not enough disk space (%1 MB free): %2").arg(freeBytes >> 20).arg(directory),
            QString()};

    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd_HH-mm-ss"));
    const QString folder = QDir(directory).absolutePath();
    QString candidate = QStringLiteral("%1/%2_%3.mkv").arg(folder, programId_, stamp);
    for (int n = 2; QFile::exists(candidate); ++n)
        candidate = QStringLiteral("%1/%2_%3_%4.mkv").arg(folder, programId_, stamp).arg(n);

    OBSDataAutoRelease settings = obs_data_create();
    obs_data_set_string(settings, "path", candidate.toUtf8().constData());
    // Close a Matroska cluster every half second (ffmpeg's default is 5 s) and hand each packet to the
    // kernel at once: after a crash or power cut the file plays up to the last closed cluster.
    obs_data_set_string(settings, "muxer_settings", "cluster_time_limit=500 flush_packets=1");
    OBSOutputAutoRelease output = obs_output_create("ffmpeg_muxer", "xz-recording", settings, nullptr);
    if (!output)
        return EngineError{QStringLiteral("录像功能不可用"), QStringLiteral("recording is not available"),
                           QStringLiteral("ffmpeg_muxer")};
    obs_output_set_video_encoder(output, encoders_.video());
    obs_output_set_audio_encoder(output, encoders_.audio(), 0);

    stopSignal_.Disconnect();
    stopTag_ = std::make_unique<StopTag>(StopTag{this, ++generation_});
    stopSignal_.Connect(obs_output_get_signal_handler(output), "stop", onStop, stopTag_.get());

    // The clock joins the encoders first, so it can only ever see the recording's first packet or an
    // earlier one (never a later keyframe).
    clock_.start();
    if (!obs_output_start(output)) {
        clock_.stop();
        const QString lastError = QString::fromUtf8(obs_output_get_last_error(output));
        return EngineError{QStringLiteral("录像无法开始"), QStringLiteral("recording could not start"),
                           lastError};
    }
    output_ = std::move(output);
    path_ = candidate;
    stopRequested_ = false;
    stoppedNs_ = 0;
    finalBytes_ = 0;
    failure_.reset();
    diskWatch_.start();
    qCInfo(lcEngine) << "recording to" << path_;
    setState(RecordingState::Recording);
    return std::nullopt;
}

void Recorder::stop() {
    if (state_ != RecordingState::Recording)
        return;
    stopRequested_ = true;
    diskWatch_.stop();
    stoppedNs_ = os_gettime_ns();
    setState(RecordingState::Stopping);
    // The muxer finishes the file on its own thread; its "stop" signal says when it is complete.
    obs_output_stop(output_);
}

void Recorder::stopAndWait(int timeoutMs) {
    stop();
    if (state_ != RecordingState::Stopping)
        return;
    QElapsedTimer waited;
    waited.start();
    while (output_ && obs_output_active(output_) && waited.elapsed() < timeoutMs)
        QThread::msleep(20);
    finish();
}

double Recorder::seconds() const {
    const std::optional<double> length = clock_.secondsAt(stoppedNs_ ? stoppedNs_ : os_gettime_ns());
    return length ? std::max(0.0, *length) : 0.0;
}

std::optional<double> Recorder::secondsAt(uint64_t ns) const {
    if (state_ != RecordingState::Recording)
        return std::nullopt;
    return clock_.secondsAt(ns);
}

uint64_t Recorder::bytes() const {
    return output_ ? obs_output_get_total_bytes(output_) : finalBytes_;
}

void Recorder::checkDiskSpace() {
    if (state_ != RecordingState::Recording)
        return;
    const uint64_t freeBytes = os_get_free_disk_space(QFileInfo(path_).absolutePath().toUtf8().constData());
    if (freeBytes >= kStopBelowFreeBytes)
        return;
    failure_ = describeOutputStop(OBS_OUTPUT_NO_SPACE, QStringLiteral("%1 KB free").arg(freeBytes / 1024));
    stop();
    fail(*failure_);
}

void Recorder::fail(EngineError error) {
    error.messageZh += QStringLiteral("：") + path_;
    error.messageEn += QStringLiteral(": ") + path_;
    failure_ = error;
    qCWarning(lcEngine).noquote() << "recording stopped:" << failure_->toString();
    emit failed(failure_->toString());
}

void Recorder::setState(RecordingState state) {
    if (state == state_)
        return;
    state_ = state;
    emit stateChanged(state_);
}

// The file is complete: release the output (its thread is done) and say so.
void Recorder::finish() {
    if (!output_)
        return;
    finalBytes_ = obs_output_get_total_bytes(output_);
    clock_.stop();
    stopSignal_.Disconnect();
    output_ = nullptr;
    if (!stoppedNs_)
        stoppedNs_ = os_gettime_ns();
    diskWatch_.stop();
    // Finished first: whoever waits for "no output busy" must see the file's follow-up (a remux) start.
    emit finished(path_);
    setState(failure_ ? RecordingState::Failed : RecordingState::Stopped);
}

void Recorder::onStop(void* param, calldata_t* data) {
    const auto* tag = static_cast<StopTag*>(param);
    const int code = static_cast<int>(calldata_int(data, "code"));
    const QString lastError = QString::fromUtf8(calldata_string(data, "last_error"));
    // libobs' output thread: hand over to the recorder's own thread, with the recording it belongs to.
    QMetaObject::invokeMethod(
        tag->recorder,
        [recorder = tag->recorder, generation = tag->generation, code, lastError] {
            recorder->handleStop(generation, code, lastError);
        },
        Qt::QueuedConnection);
}

void Recorder::handleStop(uint64_t generation, int code, const QString& lastError) {
    if (generation != generation_ || !output_)
        return; // a recording that is already over
    if (!stopRequested_ && code != OBS_OUTPUT_SUCCESS) {
        // The muxer reports a failed write as a generic error; a nearly empty disk says what really happened.
        const uint64_t freeBytes =
            os_get_free_disk_space(QFileInfo(path_).absolutePath().toUtf8().constData());
        const bool diskFull = code == OBS_OUTPUT_NO_SPACE || freeBytes < 16ull * 1024 * 1024;
        fail(describeOutputStop(diskFull ? OBS_OUTPUT_NO_SPACE : code, lastError));
    }
    finish();
}

} // namespace xz::engine
