#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace xz::upload {

RateLimiter::RateLimiter(qint64 bytesPerSecond) {
    clock_.start();
    setRate(bytesPerSecond);
}

void RateLimiter::setRate(qint64 bytesPerSecond) {
    rate_ = std::max<qint64>(0, bytesPerSecond);
    // A tenth of a second of burst keeps the rate smooth without starving curl's 64 KB reads.
    burst_ = std::max(16.0 * 1024, double(rate_) / 10);
    tokens_ = std::min(tokens_, burst_);
    lastNs_ = clock_.nsecsElapsed();
}

void RateLimiter::refill() {
    const qint64 now = clock_.nsecsElapsed();
    tokens_ = std::min(burst_, tokens_ + double(now - lastNs_) * double(rate_) / 1e9);
    lastNs_ = now;
}

qint64 RateLimiter::take(qint64 want) {
    if (!limited())
        return want;
    refill();
    const qint64 granted = std::min<qint64>(want, qint64(std::floor(tokens_)));
    if (granted <= 0)
        return 0;
    tokens_ -= double(granted);
    return granted;
}

int RateLimiter::msUntilAvailable() {
    if (!limited())
        return 0;
    refill();
    const double needed = std::min(burst_, 4096.0) - tokens_;
    if (needed <= 0)
        return 0;
    return std::max(1, int(std::ceil(needed * 1000.0 / double(rate_))));
}

} // namespace xz::upload
