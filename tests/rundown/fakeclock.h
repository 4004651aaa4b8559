// A clock the tests move by hand, in a fixed UTC+8 zone (Zibo's), so timing is checked by arithmetic instead
// of by waiting.
#pragma once

#include "clock.h"

#include <QDateTime>
#include <QTimeZone>

namespace xz::rundown::test {

inline QTimeZone testZone() {
    return QTimeZone(8 * 3600);
}

// "2026-12-05 10:00:00" (or with ".zzz") in the test zone.
inline qint64 at(const QString& local) {
    const QString format = local.contains(u'.') ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                                : QStringLiteral("yyyy-MM-dd HH:mm:ss");
    QDateTime time = QDateTime::fromString(local, format);
    time.setTimeZone(testZone());
    return time.toMSecsSinceEpoch();
}

class FakeClock final : public Clock {
public:
    explicit FakeClock(qint64 startMs) : now_(startMs) {}
    qint64 nowMs() const override { return now_; }
    QTimeZone timeZone() const override { return testZone(); }
    void set(qint64 ms) { now_ = ms; }
    void advance(qint64 ms) { now_ += ms; }

private:
    qint64 now_;
};

} // namespace xz::rundown::test
