// One RTMP(S) stream of the program. Reconnects by itself with growing delays when the server or network
// goes away, and says where it is (connecting, live, reconnecting n/m, failed) in words operators understand.
// Recording is a separate output on the same encoders, so it keeps going while a stream reconnects.
// A Streamer can be started and stopped any number of times; nothing here blocks: stopping returns at once
// and the state says when the connection is closed.
#pragma once

#include "engineerror.h"
#include "streamtarget.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <memory>
#include <obs.hpp>
#include <optional>

namespace xz::engine {

class EncoderSet;

// No meaningful value at 0. Stopping: asked to stop, the connection is closing.
enum class StreamState { Idle = 1, Connecting, Live, Reconnecting, Failed, Stopped, Stopping };

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
    // Closes a stream still running (waiting for the connection to close: only at shutdown).
    ~Streamer() override;

    std::optional<EngineError> start();
    // Asks the connection to close and returns at once: Stopping, then Stopped.
    void stop();
    // For shutdown and tests: stop() and wait (up to timeoutMs) until the connection is closed.
    void stopAndWait(int timeoutMs = 10000);

    StreamState state() const { return state_; }
    bool active() const;
    int reconnectAttempt() const { return attempt_; }
    int reconnectsTotal() const { return reconnects_; }
    int maxRetries() const { return policy_.maxRetries; }
    QString redactedUrl() const { return target_.redacted(); }
    const StreamTarget& target() const { return target_; }
    const std::optional<EngineError>& failure() const { return failure_; }
    // "直播中 / live", "网络断开，正在重连（3/20） / reconnecting (3/20)" ...
    QString stateText() const;
    int droppedFrames() const;
    int totalFrames() const;
    uint64_t totalBytes() const;
    // Sent over the last second or so (0 when not connected), for the status strip.
    int bitrateKbps();

signals:
    void stateChanged(xz::engine::StreamState state);

private:
    // What libobs callbacks carry back: the streamer and which of its connections spoke.
    struct Tag {
        Streamer* streamer;
        uint64_t generation;
    };

    static void onStart(void* param, calldata_t* data);
    static void onStop(void* param, calldata_t* data);
    static void onReconnect(void* param, calldata_t* data);
    static void onReconnectSuccess(void* param, calldata_t* data);
    // Runs `handle` on the streamer's thread if the callback still belongs to the current connection.
    static void deliver(void* param, std::function<void(Streamer*)> handle);
    void setState(StreamState state);
    void finish(int code, const QString& lastError);
    void keepCounters();

    EncoderSet& encoders_;
    StreamTarget target_;
    ReconnectPolicy policy_;
    std::unique_ptr<Tag> tag_; // outlives signals_ (declared first, destroyed last)
    OBSSignal signals_[4];
    OBSServiceAutoRelease service_;
    OBSOutputAutoRelease output_;
    StreamState state_ = StreamState::Idle;
    uint64_t generation_ = 0;
    int attempt_ = 0;
    int reconnects_ = 0;
    bool stopRequested_ = false;
    // Counters survive the output (the summary is written after outputs are released).
    int finalDropped_ = 0;
    int finalTotal_ = 0;
    uint64_t finalBytes_ = 0;
    uint64_t rateBytes_ = 0;
    QElapsedTimer rateClock_;
    int rateKbps_ = 0;
    std::optional<EngineError> failure_;
};

} // namespace xz::engine
