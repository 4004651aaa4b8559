// One RTMP(S) stream of the program. Reconnects by itself with growing delays when the server or network
// goes away, and says where it is (connecting, live, reconnecting n/m, failed) in words operators understand.
// Recording is a separate output on the same encoders, so it keeps going while a stream reconnects.
#pragma once

#include "engineerror.h"
#include "streamtarget.h"

#include <QObject>
#include <QString>
#include <obs.hpp>
#include <optional>

namespace xz::engine {

class EncoderSet;

enum class StreamState { Idle = 1, Connecting, Live, Reconnecting, Failed, Stopped };

QString streamStateName(StreamState state); // "live", "reconnecting", ... (stable, for JSON)

struct ReconnectPolicy {
    int maxRetries = 20; // libobs grows the delay 1.5x per attempt from firstDelaySec, so 20 covers ~15 min
    int firstDelaySec = 1;
};

class Streamer : public QObject {
    Q_OBJECT
public:
    Streamer(EncoderSet& encoders, const StreamTarget& target, const ReconnectPolicy& policy = {},
             QObject* parent = nullptr);
    ~Streamer() override;

    std::optional<EngineError> start();
    void stop();

    StreamState state() const { return state_; }
    int reconnectAttempt() const { return attempt_; }
    int reconnectsTotal() const { return reconnects_; }
    int maxRetries() const { return policy_.maxRetries; }
    QString redactedUrl() const { return target_.redacted(); }
    const std::optional<EngineError>& failure() const { return failure_; }
    // "直播中 / live", "网络断开，正在重连（3/20） / reconnecting (3/20)" ...
    QString stateText() const;
    int droppedFrames() const;
    int totalFrames() const;
    uint64_t totalBytes() const;

signals:
    void stateChanged(xz::engine::StreamState state);

private:
    static void onStart(void* param, calldata_t* data);
    static void onStop(void* param, calldata_t* data);
    static void onReconnect(void* param, calldata_t* data);
    static void onReconnectSuccess(void* param, calldata_t* data);
    void setState(StreamState state);

    EncoderSet& encoders_;
    StreamTarget target_;
    ReconnectPolicy policy_;
    OBSServiceAutoRelease service_;
    OBSOutputAutoRelease output_;
    OBSSignal signals_[4];
    StreamState state_ = StreamState::Idle;
    int attempt_ = 0;
    int reconnects_ = 0;
    bool stopRequested_ = false;
    // Counters survive the output (the summary is written after outputs are released).
    int finalDropped_ = 0;
    int finalTotal_ = 0;
    uint64_t finalBytes_ = 0;
    std::optional<EngineError> failure_;
};

} // namespace xz::engine
