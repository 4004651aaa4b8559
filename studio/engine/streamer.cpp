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
    case StreamState::Stopping:
        return QStringLiteral("stopping");
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
    stopAndWait();
    for (OBSSignal& signal : signals_)
        signal.Disconnect();
}

bool Streamer::active() const {
    return output_ && (obs_output_active(output_) || obs_output_reconnecting(output_));
}

std::optional<EngineError> Streamer::start() {
    if (output_)
        return EngineError{QStringLiteral("这一路直播已在进行"),
                           QStringLiteral("this stream is already running"), target_.redacted()};
    OBSDataAutoRelease serviceSettings = obs_data_create();
    obs_data_set_string(serviceSettings, "server", target_.server.toUtf8().constData());
    obs_data_set_string(serviceSettings, "key", target_.key.toUtf8().constData());
    OBSServiceAutoRelease service =
        obs_service_create_private(kRtmpServiceId, "xz-stream-service", serviceSettings);
    OBSOutputAutoRelease output = obs_output_create("rtmp_output", "xz-stream", nullptr, nullptr);
    if (!service || !output)
        return EngineError{QStringLiteral("直播功能不可用"), QStringLiteral("streaming is not available"),
                           QStringLiteral("rtmp_output")};
    obs_output_set_service(output, service);
    obs_output_set_video_encoder(output, encoders_.video());
    obs_output_set_audio_encoder(output, encoders_.audio(), 0);
    obs_output_set_reconnect_settings(output, policy_.maxRetries, policy_.firstDelaySec);

    for (OBSSignal& signal : signals_)
        signal.Disconnect();
    tag_ = std::make_unique<Tag>(Tag{this, ++generation_});
    signal_handler_t* handler = obs_output_get_signal_handler(output);
    signals_[0].Connect(handler, "start", onStart, tag_.get());
    signals_[1].Connect(handler, "stop", onStop, tag_.get());
    signals_[2].Connect(handler, "reconnect", onReconnect, tag_.get());
    signals_[3].Connect(handler, "reconnect_success", onReconnectSuccess, tag_.get());

    service_ = std::move(service);
    output_ = std::move(output);
    stopRequested_ = false;
    attempt_ = 0;
    failure_.reset();
    rateBytes_ = 0;
    rateKbps_ = 0;
    rateClock_.start();
    setState(StreamState::Connecting);
    qCInfo(lcEngine).noquote() << "streaming to" << target_.redacted();
    // Connecting happens on libobs' own thread: this returns at once, "start" or "stop" tells the outcome.
    if (!obs_output_start(output_)) {
        failure_ = describeOutputStop(OBS_OUTPUT_CONNECT_FAILED, QString());
        keepCounters();
        output_ = nullptr;
        service_ = nullptr;
        setState(StreamState::Failed);
        return failure_;
    }
    return std::nullopt;
}

void Streamer::stop() {
    if (!output_ || stopRequested_)
        return;
    stopRequested_ = true;
    keepCounters();
    if (!active()) {
        finish(OBS_OUTPUT_SUCCESS, QString());
        return;
    }
    setState(StreamState::Stopping);
    obs_output_stop(output_);
}

void Streamer::stopAndWait(int timeoutMs) {
    stop();
    if (!output_)
        return;
    QElapsedTimer waited;
    waited.start();
    while (active() && waited.elapsed() < timeoutMs)
        QThread::msleep(20);
    if (output_)
        finish(OBS_OUTPUT_SUCCESS, QString());
}

void Streamer::keepCounters() {
    if (!output_)
        return;
    finalDropped_ = obs_output_get_frames_dropped(output_);
    finalTotal_ = obs_output_get_total_frames(output_);
    finalBytes_ = obs_output_get_total_bytes(output_);
}

// The connection is over (stopped as asked, or failed for good): release the output, say how it ended.
void Streamer::finish(int code, const QString& lastError) {
    keepCounters();
    for (OBSSignal& signal : signals_)
        signal.Disconnect();
    output_ = nullptr;
    service_ = nullptr;
    rateKbps_ = 0;
    if (stopRequested_ || code == OBS_OUTPUT_SUCCESS) {
        setState(StreamState::Stopped);
        return;
    }
    EngineError error = describeOutputStop(code, lastError);
    Redactor redactor;
    redactor.addSecret(target_.key);
    error.detail = redactor.redact(error.detail);
    failure_ = error;
    setState(StreamState::Failed);
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
    case StreamState::Stopping:
        return QStringLiteral("正在结束 / stopping");
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

int Streamer::bitrateKbps() {
    if (state_ != StreamState::Live || !output_)
        return 0;
    // Measured over whatever time passed since the last call, at least half a second.
    const qint64 elapsedMs = rateClock_.elapsed();
    if (elapsedMs >= 500) {
        const uint64_t bytes = obs_output_get_total_bytes(output_);
        rateKbps_ =
            static_cast<int>((bytes - std::min(bytes, rateBytes_)) * 8 / static_cast<uint64_t>(elapsedMs));
        rateBytes_ = bytes;
        rateClock_.restart();
    }
    return rateKbps_;
}

void Streamer::setState(StreamState state) {
    if (state == state_ && state != StreamState::Reconnecting)
        return;
    state_ = state;
    qCInfo(lcEngine).noquote() << "stream" << target_.redacted() << stateText();
    emit stateChanged(state_);
}

void Streamer::deliver(void* param, std::function<void(Streamer*)> handle) {
    const auto* tag = static_cast<Tag*>(param);
    QMetaObject::invokeMethod(
        tag->streamer,
        [streamer = tag->streamer, generation = tag->generation, handle = std::move(handle)] {
            // A callback of a connection that is already over must not touch the next one.
            if (generation == streamer->generation_ && streamer->output_)
                handle(streamer);
        },
        Qt::QueuedConnection);
}

// The four handlers run on libobs threads: they only post to the streamer's own thread.
void Streamer::onStart(void* param, calldata_t*) {
    deliver(param, [](Streamer* self) {
        if (!self->stopRequested_)
            self->setState(StreamState::Live);
    });
}

void Streamer::onStop(void* param, calldata_t* data) {
    const int code = static_cast<int>(calldata_int(data, "code"));
    const QString lastError = QString::fromUtf8(calldata_string(data, "last_error"));
    deliver(param, [code, lastError](Streamer* self) { self->finish(code, lastError); });
}

void Streamer::onReconnect(void* param, calldata_t*) {
    deliver(param, [](Streamer* self) {
        if (self->stopRequested_)
            return;
        ++self->attempt_;
        ++self->reconnects_;
        self->setState(StreamState::Reconnecting); // signalled again: the attempt number changed
    });
}

void Streamer::onReconnectSuccess(void* param, calldata_t*) {
    deliver(param, [](Streamer* self) {
        self->attempt_ = 0;
        if (!self->stopRequested_)
            self->setState(StreamState::Live);
    });
}

} // namespace xz::engine
