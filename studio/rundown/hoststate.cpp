#include "hoststate.h"

#include <QDateTime>
#include <QJsonArray>
#include <cmath>

namespace xz::rundown {
namespace {

QString runName(HostState::RunState run) {
    switch (run) {
    case HostState::RunState::Waiting:
        return QStringLiteral("waiting");
    case HostState::RunState::Running:
        return QStringLiteral("running");
    case HostState::RunState::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

QJsonValue optionalMs(const std::optional<qint64>& ms) {
    return ms ? QJsonValue(double(*ms)) : QJsonValue(QJsonValue::Null);
}

QString clockDigits(qint64 totalSeconds) {
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

// Reads a snapshot member by member; the first problem is kept and the rest is not applied.
class SnapshotReader {
public:
    explicit SnapshotReader(const QJsonObject& object, QString prefix = {})
        : object_(object), prefix_(std::move(prefix)) {}

    QString string(const QString& key) {
        const QJsonValue value = object_.value(key);
        if (!value.isString())
            fail(key, QStringLiteral("a string"));
        return value.toString();
    }
    bool boolean(const QString& key) {
        const QJsonValue value = object_.value(key);
        if (!value.isBool())
            fail(key, QStringLiteral("true or false"));
        return value.toBool();
    }
    qint64 number(const QString& key) {
        const QJsonValue value = object_.value(key);
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            fail(key, QStringLiteral("a number"));
        return qint64(value.toDouble());
    }
    std::optional<qint64> optionalNumber(const QString& key) {
        if (object_.value(key).isNull())
            return std::nullopt;
        return number(key);
    }
    QJsonObject object(const QString& key) {
        const QJsonValue value = object_.value(key);
        if (!value.isObject())
            fail(key, QStringLiteral("an object"));
        return value.toObject();
    }
    QStringList strings(const QString& key) {
        const QJsonValue value = object_.value(key);
        QStringList out;
        if (!value.isArray()) {
            fail(key, QStringLiteral("an array of strings"));
            return out;
        }
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString())
                fail(key, QStringLiteral("an array of strings"));
            out << item.toString();
        }
        return out;
    }
    void fail(const QString& key, const QString& expected) {
        if (!error_)
            error_ = QStringLiteral("host snapshot: \"%1%2\" must be %3").arg(prefix_, key, expected);
    }
    const std::optional<QString>& error() const { return error_; }
    void take(SnapshotReader& inner) {
        if (!error_)
            error_ = inner.error();
    }

private:
    QJsonObject object_;
    QString prefix_;
    std::optional<QString> error_;
};

} // namespace

HostState::HostState(const Clock& clock, QObject* parent) : QObject(parent), clock_(clock) {
    zoneOffsetSeconds_ = clock.timeZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(clock.nowMs()));
    anchorMs_ = clock.nowMs();
    displayTimer_.setSingleShot(true);
    displayTimer_.setTimerType(Qt::PreciseTimer); // the seconds change together with the studio's clock
    connect(&displayTimer_, &QTimer::timeout, this, &HostState::refresh);
    armDisplayTimer();
}

qint64 HostState::grown(qint64 value, const std::optional<qint64>& growsAfterMs, qint64 sinceAnchorMs) {
    return growsAfterMs ? value + std::max<qint64>(0, sinceAnchorMs - *growsAfterMs) : value;
}

qint64 HostState::remainingMs() const {
    return ticking_ ? remainingAtAnchorMs_ - sinceAnchor() : remainingAtAnchorMs_;
}

qint64 HostState::overUnderMs() const {
    return grown(overUnderAtAnchorMs_, overUnderGrowsAfterMs_, sinceAnchor());
}

qint64 HostState::expectedEndMs() const {
    return grown(expectedEndAtAnchorMs_, expectedEndGrowsAfterMs_, sinceAnchor());
}

HostState::Phase HostState::phase() const {
    if (run_ != RunState::Running)
        return Phase::Normal;
    const qint64 remaining = remainingMs();
    if (remaining < 0)
        return Phase::Overtime;
    if (dangerMs_ > 0 && remaining <= dangerMs_)
        return Phase::Danger;
    if (warningMs_ > 0 && remaining <= warningMs_)
        return Phase::Warning;
    return Phase::Normal;
}

QString HostState::formatCountdown(qint64 remainingMs) {
    if (remainingMs >= 0)
        return clockDigits((remainingMs + 999) / 1000);
    return u'+' + clockDigits(-remainingMs / 1000);
}

QString HostState::formatOverUnder(qint64 ms) {
    const qint64 seconds = std::abs(ms) / 1000;
    if (seconds == 0)
        return clockDigits(0);
    return (ms > 0 ? u'+' : u'-') + clockDigits(seconds);
}

QString HostState::timerText() const {
    return formatCountdown(remainingMs());
}

QString HostState::overUnderText() const {
    return formatOverUnder(overUnderMs());
}

QString HostState::expectedEndText() const {
    return QDateTime::fromMSecsSinceEpoch(expectedEndMs(), QTimeZone(zoneOffsetSeconds_))
        .toString(QStringLiteral("HH:mm"));
}

QString HostState::clockText() const {
    return QDateTime::fromMSecsSinceEpoch(studioNow(), QTimeZone(zoneOffsetSeconds_))
        .toString(QStringLiteral("HH:mm:ss"));
}

QJsonObject HostState::snapshot() const {
    const qint64 since = sinceAnchor();
    const auto rebased = [since](const std::optional<qint64>& growsAfter) -> std::optional<qint64> {
        if (!growsAfter)
            return std::nullopt;
        return std::max<qint64>(0, *growsAfter - since);
    };
    return QJsonObject{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("clockMs"), double(studioNow())},
        {QStringLiteral("zoneOffsetSeconds"), zoneOffsetSeconds_},
        {QStringLiteral("rundownTitle"), rundownTitle_},
        {QStringLiteral("run"), runName(run_)},
        {QStringLiteral("segment"),
         QJsonObject{{QStringLiteral("title"), segmentTitle_},
                     {QStringLiteral("cue"), segmentCue_},
                     {QStringLiteral("color"), segmentColor_},
                     {QStringLiteral("notes"), notes_},
                     {QStringLiteral("script"), QJsonArray::fromStringList(script_)}}},
        {QStringLiteral("nextTitle"), nextTitle_},
        {QStringLiteral("remainingMs"), double(remainingMs())},
        {QStringLiteral("ticking"), ticking_},
        {QStringLiteral("warningMs"), double(warningMs_)},
        {QStringLiteral("dangerMs"), double(dangerMs_)},
        {QStringLiteral("paused"), paused_},
        {QStringLiteral("held"), held_},
        {QStringLiteral("overUnderMs"), double(overUnderMs())},
        {QStringLiteral("overUnderGrowsAfterMs"), optionalMs(rebased(overUnderGrowsAfterMs_))},
        {QStringLiteral("expectedEndMs"), double(expectedEndMs())},
        {QStringLiteral("expectedEndGrowsAfterMs"), optionalMs(rebased(expectedEndGrowsAfterMs_))},
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), message_},
                                                {QStringLiteral("blink"), messageBlink_},
                                                {QStringLiteral("blackout"), blackout_}}},
    };
}

std::optional<QString> HostState::applySnapshot(const QJsonObject& json) {
    if (json.value(QStringLiteral("format")).toString() != kFormat ||
        json.value(QStringLiteral("version")).toInt() != kVersion)
        return QStringLiteral("not a host snapshot of format %1 version %2").arg(kFormat).arg(kVersion);
    SnapshotReader reader(json);
    const qint64 clockMs = reader.number(QStringLiteral("clockMs"));
    const int zone = int(reader.number(QStringLiteral("zoneOffsetSeconds")));
    const QString title = reader.string(QStringLiteral("rundownTitle"));
    const QString run = reader.string(QStringLiteral("run"));
    SnapshotReader segment(reader.object(QStringLiteral("segment")), QStringLiteral("segment."));
    const QString segmentTitle = segment.string(QStringLiteral("title"));
    const QString cue = segment.string(QStringLiteral("cue"));
    const QString color = segment.string(QStringLiteral("color"));
    const QString notes = segment.string(QStringLiteral("notes"));
    const QStringList script = segment.strings(QStringLiteral("script"));
    reader.take(segment);
    const QString next = reader.string(QStringLiteral("nextTitle"));
    const qint64 remaining = reader.number(QStringLiteral("remainingMs"));
    const bool ticking = reader.boolean(QStringLiteral("ticking"));
    const qint64 warning = reader.number(QStringLiteral("warningMs"));
    const qint64 danger = reader.number(QStringLiteral("dangerMs"));
    const bool paused = reader.boolean(QStringLiteral("paused"));
    const bool held = reader.boolean(QStringLiteral("held"));
    const qint64 overUnder = reader.number(QStringLiteral("overUnderMs"));
    const auto overUnderGrows = reader.optionalNumber(QStringLiteral("overUnderGrowsAfterMs"));
    const qint64 expectedEnd = reader.number(QStringLiteral("expectedEndMs"));
    const auto expectedEndGrows = reader.optionalNumber(QStringLiteral("expectedEndGrowsAfterMs"));
    SnapshotReader message(reader.object(QStringLiteral("message")), QStringLiteral("message."));
    const QString text = message.string(QStringLiteral("text"));
    const bool blink = message.boolean(QStringLiteral("blink"));
    const bool blackout = message.boolean(QStringLiteral("blackout"));
    reader.take(message);
    std::optional<RunState> runState;
    for (RunState candidate : {RunState::Waiting, RunState::Running, RunState::Finished}) {
        if (run == runName(candidate))
            runState = candidate;
    }
    if (!runState)
        reader.fail(QStringLiteral("run"), QStringLiteral("waiting, running or finished"));
    if (reader.error())
        return reader.error();

    clockOffsetMs_ = clockMs - clock_.nowMs();
    anchorMs_ = clockMs;
    zoneOffsetSeconds_ = zone;
    rundownTitle_ = title;
    run_ = *runState;
    segmentTitle_ = segmentTitle;
    segmentCue_ = cue;
    segmentColor_ = color;
    notes_ = notes;
    script_ = script;
    nextTitle_ = next;
    remainingAtAnchorMs_ = remaining;
    ticking_ = ticking;
    warningMs_ = warning;
    dangerMs_ = danger;
    paused_ = paused;
    held_ = held;
    overUnderAtAnchorMs_ = overUnder;
    overUnderGrowsAfterMs_ = overUnderGrows;
    expectedEndAtAnchorMs_ = expectedEnd;
    expectedEndGrowsAfterMs_ = expectedEndGrows;
    message_ = text;
    messageBlink_ = blink;
    blackout_ = blackout;
    refresh();
    return std::nullopt;
}

void HostState::setConnected(bool connected) {
    if (connected_ == connected)
        return;
    connected_ = connected;
    emit changed();
}

void HostState::refresh() {
    emit changed();
    armDisplayTimer();
}

void HostState::armDisplayTimer() {
    // Wake at the next whole second of the clock and of the countdown, whichever comes first.
    const auto untilBoundary = [](qint64 ms) {
        const qint64 rest = ((ms % 1000) + 1000) % 1000;
        return rest == 0 ? 1000 : rest;
    };
    qint64 wait = 1000 - ((studioNow() % 1000) + 1000) % 1000;
    if (ticking_)
        wait = std::min(wait, untilBoundary(remainingMs()));
    displayTimer_.start(int(wait) + 1);
}

} // namespace xz::rundown
