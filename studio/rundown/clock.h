// The wall clock the rundown runs on, injected so that the timing maths is tested by moving a fake clock
// instead of waiting. Times are milliseconds since the Unix epoch, so a show crossing midnight needs no
// special case; the time zone turns "19:30" in a rundown into an instant.
#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace xz::rundown {

class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    virtual QTimeZone timeZone() const = 0;
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    QTimeZone timeZone() const override { return QTimeZone::systemTimeZone(); }
};

} // namespace xz::rundown
