// The real transport: libcurl's multi interface driven from the Qt event loop (socket notifiers + one timer),
// so many uploads share one thread without blocking it. Bodies stream from disk through the read callback;
// the shared RateLimiter pauses transfers to honour the user's bandwidth cap.
#pragma once

#include "ratelimiter.h"
#include "transport.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

typedef void CURLM;

namespace xz::upload {

struct TransferSettings {
    qint64 connectTimeoutMs = 30'000;
    // A transfer slower than lowSpeedBytesPerSecond for lowSpeedTimeS seconds is a stall, not progress.
    qint64 lowSpeedBytesPerSecond = 1024;
    qint64 lowSpeedTimeS = 60;
    qint64 maxBytesPerSecond = 0; // 0: no cap
    QString caFile;               // certificates to trust instead of the system's; empty: the system's
};

class CurlTransport : public QObject, public Transport {
    Q_OBJECT
public:
    explicit CurlTransport(TransferSettings settings = {}, QObject* parent = nullptr);
    ~CurlTransport() override;

    Id send(HttpRequest request, Done done, Progress progress = {}) override;
    void cancel(Id id) override;

    void setMaxBytesPerSecond(qint64 bytesPerSecond);
    int activeTransfers() const { return int(transfers_.size()); }

private:
    struct Transfer;
    struct SocketWatch;
    struct MultiFree {
        void operator()(CURLM* multi) const;
    };

    static int socketCallback(void* easy, int fd, int what, void* self, void* socketData);
    static int timerCallback(CURLM* multi, long timeoutMs, void* self);

    void watchSocket(int fd, int what);
    void onSocketReady(int fd, int eventMask);
    void onTimeout();
    void collectFinished();
    void resumePaused();
    void schedulePausedResume();
    std::unique_ptr<Transfer> detach(Id id);

    TransferSettings settings_;
    std::unique_ptr<CURLM, MultiFree> multi_;
    QTimer timer_;
    QTimer rateTimer_;
    RateLimiter limiter_;
    Id nextId_ = 1;
    std::map<Id, std::unique_ptr<Transfer>> transfers_;
    std::map<int, std::unique_ptr<SocketWatch>> sockets_;

    friend struct TransferCallbacks;
};

} // namespace xz::upload
