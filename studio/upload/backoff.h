// When to try a failed job again: exponential backoff with jitter and a cap, so a flaky network is not
// hammered and several stations that failed together do not retry in lockstep.
#pragma once

#include <QtGlobal>

#include <functional>

namespace xz::upload {

class Backoff {
public:
    // random01 returns a number in [0, 1); injectable so tests can pin the jitter.
    Backoff(qint64 baseMs, qint64 capMs, std::function<double()> random01 = {});

    // Delay before the attempt that follows the given number of consecutive failures (1, 2, ...).
    // "Equal jitter": half the exponential step is fixed, half random, so a retry is never immediate.
    qint64 delayMs(int failures) const;
    qint64 capMs() const { return capMs_; }

private:
    qint64 baseMs_;
    qint64 capMs_;
    std::function<double()> random01_;
};

} // namespace xz::upload
