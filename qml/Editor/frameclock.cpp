#include "frameclock.h"

#include <algorithm>
#include <cmath>

namespace xz::ui {

FrameClock::FrameClock(int fpsNum, int fpsDen, double firstSec, double endSec)
    : num_(fpsNum > 0 && fpsDen > 0 ? fpsNum : 30), den_(fpsNum > 0 && fpsDen > 0 ? fpsDen : 1),
      first_(std::max(0.0, firstSec)), durationSec_(std::max(0.0, endSec)) {
    // The end may still be a few milliseconds past the last picture's (when only the container's length is
    // known): round to the nearest whole picture unless it is clearly a partial one.
    frames_ = std::max<qint64>(1, qint64(std::ceil((durationSec_ - first_) * num_ / den_ - 0.25)));
}

qint64 FrameClock::nearestFrame(double sec) const {
    return std::clamp<qint64>(std::llround((sec - first_) * num_ / den_), 0, frames_);
}

double FrameClock::snapToPicture(double sec) const {
    return timeOf(std::min(nearestFrame(sec), frames_ - 1));
}

double FrameClock::snapToEnd(double sec) const {
    return timeOf(std::max<qint64>(nearestFrame(sec), 1));
}

double FrameClock::stepFrames(double sec, qint64 frames) const {
    const qint64 from = std::min(nearestFrame(sec), frames_ - 1);
    return timeOf(std::clamp<qint64>(from + frames, 0, frames_ - 1));
}

double FrameClock::stepSeconds(double sec, double seconds) const {
    return snapToPicture(sec + seconds);
}

QString FrameClock::format(double sec) {
    const qint64 ms = std::llround(std::max(0.0, sec) * 1000);
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace xz::ui
