#include "recorder.h"

#include "encoderset.h"
#include "logging.h"
#include "outputerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <obs.h>
#include <util/platform.h>

namespace xz::engine {

Recorder::Recorder(EncoderSet& encoders, const QString& programId, QObject* parent)
    : QObject(parent), encoders_(encoders), programId_(programId) {
    diskWatch_.setInterval(1000);
    connect(&diskWatch_, &QTimer::timeout, this, &Recorder::checkDiskSpace);
}

Recorder::~Recorder() {
    stop();
}

std::optional<EngineError> Recorder::start(const QString& directory) {
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
    QString candidate = QStringLiteral("%1/%2_%3.mkv").arg(QDir(directory).absolutePath(), programId_, stamp);
    for (int n = 2; QFile::exists(candidate); ++n)
        candidate =
            QStringLiteral("%1/%2_%3_%4.mkv").arg(QDir(directory).absolutePath(), programId_, stamp).arg(n);
    path_ = candidate;

    OBSDataAutoRelease settings = obs_data_create();
    obs_data_set_string(settings, "path", path_.toUtf8().constData());
    // Close a Matroska cluster every half second (ffmpeg's default is 5 s) and hand each packet to the
    // kernel at once: after a crash or power cut the file plays up to the last closed cluster.
    obs_data_set_string(settings, "muxer_settings", "cluster_time_limit=500 flush_packets=1");
    output_ = obs_output_create("ffmpeg_muxer", "xz-recording", settings, nullptr);
    if (!output_)
        return EngineError{QStringLiteral("录像功能不可用"), QStringLiteral("recording is not available"),
                           QStringLiteral("ffmpeg_muxer")};
    obs_output_set_video_encoder(output_, encoders_.video());
    obs_output_set_audio_encoder(output_, encoders_.audio(), 0);
    stopSignal_.Connect(obs_output_get_signal_handler(output_), "stop", onStop, this);
    stopRequested_ = false;
    failure_.reset();
    if (!obs_output_start(output_)) {
        const QString lastError = QString::fromUtf8(obs_output_get_last_error(output_));
        return EngineError{QStringLiteral("录像无法开始"), QStringLiteral("recording could not start"),
                           lastError};
    }
    startedNs_ = os_gettime_ns();
    stoppedNs_ = 0;
    diskWatch_.start();
    qCInfo(lcEngine) << "recording to" << path_;
    return std::nullopt;
}

void Recorder::stop(int timeoutMs) {
    if (!output_)
        return;
    stopRequested_ = true;
    diskWatch_.stop();
    if (obs_output_active(output_)) {
        obs_output_stop(output_);
        // The muxer finishes the file on its own thread; wait for it so the file is complete on return.
        QElapsedTimer waited;
        waited.start();
        while (obs_output_active(output_) && waited.elapsed() < timeoutMs)
            QThread::msleep(20);
    }
    if (!stoppedNs_)
        stoppedNs_ = os_gettime_ns();
    stopSignal_.Disconnect();
    output_ = nullptr;
}

bool Recorder::active() const {
    return output_ && obs_output_active(output_);
}

double Recorder::seconds() const {
    if (!startedNs_)
        return 0;
    const uint64_t end = stoppedNs_ ? stoppedNs_ : os_gettime_ns();
    return static_cast<double>(end - startedNs_) / 1e9;
}

void Recorder::checkDiskSpace() {
    if (!active())
        return;
    const uint64_t freeBytes = os_get_free_disk_space(QFileInfo(path_).absolutePath().toUtf8().constData());
    if (freeBytes >= kStopBelowFreeBytes)
        return;
    stop();
    fail(describeOutputStop(OBS_OUTPUT_NO_SPACE, QStringLiteral("%1 KB free").arg(freeBytes / 1024)));
}

void Recorder::fail(EngineError error) {
    error.messageZh += QStringLiteral("：") + path_;
    error.messageEn += QStringLiteral(": ") + path_;
    failure_ = error;
    qCWarning(lcEngine).noquote() << "recording stopped:" << failure_->toString();
    emit failed(failure_->toString());
}

void Recorder::onStop(void* param, calldata_t* data) {
    auto* self = static_cast<Recorder*>(param);
    const int code = static_cast<int>(calldata_int(data, "code"));
    const QString lastError = QString::fromUtf8(calldata_string(data, "last_error"));
    // libobs' output thread: hand over to the recorder's own thread.
    QMetaObject::invokeMethod(
        self, [self, code, lastError] { self->handleStop(code, lastError); }, Qt::QueuedConnection);
}

void Recorder::handleStop(int code, const QString& lastError) {
    stoppedNs_ = os_gettime_ns();
    if (stopRequested_ || code == OBS_OUTPUT_SUCCESS)
        return;
    // The muxer reports a failed write as a generic error; a nearly empty disk says what really happened.
    const uint64_t freeBytes = os_get_free_disk_space(QFileInfo(path_).absolutePath().toUtf8().constData());
    const bool diskFull = code == OBS_OUTPUT_NO_SPACE || freeBytes < 16ull * 1024 * 1024;
    fail(describeOutputStop(diskFull ? OBS_OUTPUT_NO_SPACE : code, lastError));
}

} // namespace xz::engine
