// The user's bandwidth cap, shared by every transfer: a token bucket the transfers draw from as they read
// the file. One bucket for all, so two concurrent uploads together still stay under the cap.
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace xz::upload {

class RateLimiter {
public:
    // bytesPerSecond <= 0 means unlimited.
    explicit RateLimiter(qint64 bytesPerSecond = 0);

    void setRate(qint64 bytesPerSecond);
    bool limited() const { return rate_ > 0; }
    // Grants up to want bytes now (possibly 0).
    qint64 take(qint64 want);
    // How long until a useful amount (a few KB) is available again.
    int msUntilAvailable();

private:
    void refill();

    qint64 rate_ = 0;
    double tokens_ = 0;
    double burst_ = 0;
    QElapsedTimer clock_;
    qint64 lastNs_ = 0;
};

} // namespace xz::upload
