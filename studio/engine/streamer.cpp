#include "streamer.h"

#include "encoderset.h"
#include "logging.h"
#include "obslog.h"
#include "outputerror.h"
#include "redact.h"
#include "rtmpservice.h"

#include <QElapsedTimer>
#include <QThread>
#include <obs.h>

namespace xz::engine {

QString streamStateName(StreamState state) {
    switch (state) {
    case StreamState::Idle:
        return QStringLiteral("idle");
    case StreamState::Connecting:
        return QStringLiteral("connecting");
    case StreamState::Live:
        return QStringLiteral("live");
    case StreamState::Reconnecting:
        return QStringLiteral("reconnecting");
    case StreamState::Failed:
        return QStringLiteral("failed");
    case StreamState::Stopped:
        return QStringLiteral("stopped");
    }
    return QStringLiteral("idle");
}

Streamer::Streamer(EncoderSet& encoders, const StreamTarget& target, const ReconnectPolicy& policy,
                   QObject* parent)
    : QObject(parent), encoders_(encoders), target_(target), policy_(policy) {
    // Whatever libobs logs about this connection must not contain the key.
    obslog::addSecret(target_.key);
}

Streamer::~Streamer() {
    stop();
}

std::optional<EngineError> Streamer::start() {
    OBSDataAutoRelease serviceSettings = obs_data_create();
    obs_data_set_string(serviceSettings, "server", target_.server.toUtf8().constData());
    obs_data_set_string(serviceSettings, "key", target_.key.toUtf8().constData());
    service_ = obs_service_create_private(kRtmpServiceId, "xz-stream-service", serviceSettings);
    output_ = obs_output_create("rtmp_output", "xz-stream", nullptr, nullptr);
    if (!service_ || !output_)
        return EngineError{QStringLiteral("直播功能不可用"), QStringLiteral("streaming is not available"),
                           QStringLiteral("rtmp_output")};
    obs_output_set_service(output_, service_);
    obs_output_set_video_encoder(output_, encoders_.video());
    obs_output_set_audio_encoder(output_, encoders_.audio(), 0);
    obs_output_set_reconnect_settings(output_, policy_.maxRetries, policy_.firstDelaySec);

    signal_handler_t* handler = obs_output_get_signal_handler(output_);
    signals_[0].Connect(handler, "start", onStart, this);
    signals_[1].Connect(handler, "stop", onStop, this);
    signals_[2].Connect(handler, "reconnect", onReconnect, this);
    signals_[3].Connect(handler, "reconnect_success", onReconnectSuccess, this);

    stopRequested_ = false;
    failure_.reset();
    setState(StreamState::Connecting);
    qCInfo(lcEngine).noquote() << "streaming to" << target_.redacted();
    if (!obs_output_start(output_)) {
        failure_ = describeOutputStop(OBS_OUTPUT_CONNECT_FAILED, QString());
        setState(StreamState::Failed);
        return failure_;
    }
    return std::nullopt;
}

void Streamer::stop() {
    if (!output_)
        return;
    stopRequested_ = true;
    finalDropped_ = obs_output_get_frames_dropped(output_);
    finalTotal_ = obs_output_get_total_frames(output_);
    finalBytes_ = obs_output_get_total_bytes(output_);
    if (obs_output_active(output_) || obs_output_reconnecting(output_)) {
        obs_output_stop(output_);
        QElapsedTimer waited;
        waited.start();
        while ((obs_output_active(output_) || obs_output_reconnecting(output_)) && waited.elapsed() < 10000)
            QThread::msleep(20);
    }
    for (OBSSignal& signal : signals_)
        signal.Disconnect();
    output_ = nullptr;
    service_ = nullptr;
    if (state_ != StreamState::Failed)
        setState(StreamState::Stopped);
}

QString Streamer::stateText() const {
    switch (state_) {
    case StreamState::Idle:
        return QStringLiteral("未开始 / not started");
    case StreamState::Connecting:
        return QStringLiteral("正在连接 / connecting");
    case StreamState::Live:
        return QStringLiteral("直播中 / live");
    case StreamState::Reconnecting:
        return QStringLiteral("网络断开，正在重连（%1/%2） / reconnecting (%1/%2)")
            .arg(attempt_)
            .arg(policy_.maxRetries);
    case StreamState::Failed:
        return QStringLiteral("直播中断 / failed: ") + (failure_ ? failure_->toString() : QString());
    case StreamState::Stopped:
        return QStringLiteral("已结束 / stopped");
    }
    return QString();
}

int Streamer::droppedFrames() const {
    return output_ ? obs_output_get_frames_dropped(output_) : finalDropped_;
}
int Streamer::totalFrames() const {
    return output_ ? obs_output_get_total_frames(output_) : finalTotal_;
}
uint64_t Streamer::totalBytes() const {
    return output_ ? obs_output_get_total_bytes(output_) : finalBytes_;
}

void Streamer::setState(StreamState state) {
    if (state == state_)
        return;
    state_ = state;
    qCInfo(lcEngine).noquote() << "stream" << target_.redacted() << stateText();
    emit stateChanged(state_);
}

// The four handlers run on libobs threads: they only post to the streamer's own thread.
void Streamer::onStart(void* param, calldata_t*) {
    auto* self = static_cast<Streamer*>(param);
    QMetaObject::invokeMethod(
        self, [self] { self->setState(StreamState::Live); }, Qt::QueuedConnection);
}

void Streamer::onStop(void* param, calldata_t* data) {
    auto* self = static_cast<Streamer*>(param);
    const int code = static_cast<int>(calldata_int(data, "code"));
    const QString lastError = QString::fromUtf8(calldata_string(data, "last_error"));
    QMetaObject::invokeMethod(
        self,
        [self, code, lastError] {
            if (self->stopRequested_ || code == OBS_OUTPUT_SUCCESS) {
                self->setState(StreamState::Stopped);
                return;
            }
            EngineError error = describeOutputStop(code, lastError);
            Redactor redactor;
            redactor.addSecret(self->target_.key);
            error.detail = redactor.redact(error.detail);
            self->failure_ = error;
            self->setState(StreamState::Failed);
        },
        Qt::QueuedConnection);
}

void Streamer::onReconnect(void* param, calldata_t*) {
    auto* self = static_cast<Streamer*>(param);
    QMetaObject::invokeMethod(
        self,
        [self] {
            ++self->attempt_;
            ++self->reconnects_;
            self->state_ = StreamState::Idle; // force the signal: the attempt number changed
            self->setState(StreamState::Reconnecting);
        },
        Qt::QueuedConnection);
}

void Streamer::onReconnectSuccess(void* param, calldata_t*) {
    auto* self = static_cast<Streamer*>(param);
    QMetaObject::invokeMethod(
        self,
        [self] {
            self->attempt_ = 0;
            self->setState(StreamState::Live);
        },
        Qt::QueuedConnection);
}

} // namespace xz::engine
