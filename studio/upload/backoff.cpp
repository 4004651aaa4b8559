#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace xz::upload {

Backoff::Backoff(qint64 baseMs, qint64 capMs, std::function<double()> random01)
    : baseMs_(std::max<qint64>(1, baseMs)), capMs_(std::max<qint64>(baseMs_, capMs)),
      random01_(std::move(random01)) {
    if (!random01_)
        random01_ = [] { return QRandomGenerator::global()->generateDouble(); };
}

qint64 Backoff::delayMs(int failures) const {
    const int exponent = std::clamp(failures - 1, 0, 40);
    // Shift in floating point: 2^40 * base would overflow long before the cap applies.
    const double step = std::min(double(capMs_), double(baseMs_) * double(qint64(1) << exponent));
    const double half = step / 2;
    return qint64(half + half * std::clamp(random01_(), 0.0, 1.0));
}

} // namespace xz::upload
