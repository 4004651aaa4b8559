#include "statestore.h"

#include "atomicfile.h"
#include "paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace xz::rundown {
namespace {

const QString kFormat = QStringLiteral("xiaozhan.rundown-state");
constexpr int kVersion = 1;

QJsonValue optionalMs(const std::optional<qint64>& ms) {
    return ms ? QJsonValue(double(*ms)) : QJsonValue(QJsonValue::Null);
}

// A number that is a whole count of milliseconds, or null when allowed.
bool readMs(const QJsonObject& json, const QString& key, std::optional<qint64>& out, bool nullable) {
    const QJsonValue value = json.value(key);
    if (value.isNull() && nullable) {
        out.reset();
        return true;
    }
    if (!value.isDouble())
        return false;
    out = qint64(value.toDouble());
    return true;
}

bool readMs(const QJsonObject& json, const QString& key, qint64& out) {
    std::optional<qint64> value;
    if (!readMs(json, key, value, false))
        return false;
    out = *value;
    return true;
}

QString phaseName(RunPhase phase) {
    switch (phase) {
    case RunPhase::Armed:
        return QStringLiteral("armed");
    case RunPhase::Running:
        return QStringLiteral("running");
    case RunPhase::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

} // namespace

QString StateStore::defaultPath() {
    return QDir(paths::dataDir()).filePath(QStringLiteral("rundown/state.json"));
}

QString StateStore::fingerprint(const Rundown& rundown) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(rundown.title.toUtf8());
    for (const Segment& segment : rundown.segments) {
        hash.addData(QByteArrayView("\n"));
        hash.addData(segment.title.toUtf8());
        hash.addData(QByteArray::number(segment.durationMs));
        hash.addData(segment.sceneId.toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

QJsonObject StateStore::toJson(const RundownTimer& timer, const QString& fingerprint, qint64 nowMs) {
    const TimerState& state = timer.state();
    QJsonArray segments;
    for (int i = 0; i < state.records.size(); ++i) {
        const SegmentRecord& record = state.records[i];
        const Segment& segment = timer.rundown().segments[i];
        segments.append(QJsonObject{{QStringLiteral("title"), segment.title},
                                    {QStringLiteral("durationMs"), double(segment.durationMs)},
                                    {QStringLiteral("skipped"), record.skipped},
                                    {QStringLiteral("firstStartedAt"), optionalMs(record.firstStartedAtMs)},
                                    {QStringLiteral("actualMs"), double(record.actualMs)}});
    }
    return QJsonObject{{QStringLiteral("format"), kFormat},
                       {QStringLiteral("version"), kVersion},
                       {QStringLiteral("fingerprint"), fingerprint},
                       {QStringLiteral("rundown"), timer.rundown().title},
                       {QStringLiteral("savedAt"), double(nowMs)},
                       {QStringLiteral("phase"), phaseName(state.phase)},
                       {QStringLiteral("armedAt"), double(state.armedAtMs)},
                       {QStringLiteral("plannedStart"), optionalMs(state.plannedStartMs)},
                       {QStringLiteral("actualStart"), optionalMs(state.actualStartMs)},
                       {QStringLiteral("current"), state.current},
                       {QStringLiteral("startedAt"), double(state.startedAtMs)},
                       {QStringLiteral("addedMs"), double(state.addedMs)},
                       {QStringLiteral("pausedTotalMs"), double(state.pausedTotalMs)},
                       {QStringLiteral("pausedAt"), optionalMs(state.pausedAtMs)},
                       {QStringLiteral("heldAtZero"), state.heldAtZero},
                       {QStringLiteral("zeroHandled"), state.zeroHandled},
                       {QStringLiteral("finishedAt"), optionalMs(state.finishedAtMs)},
                       {QStringLiteral("segments"), segments}};
}

std::optional<SavedState> StateStore::fromJson(const QJsonObject& json) {
    if (json.value(QStringLiteral("format")).toString() != kFormat ||
        json.value(QStringLiteral("version")).toInt() != kVersion)
        return std::nullopt;
    SavedState saved;
    TimerState& state = saved.timer;
    saved.fingerprint = json.value(QStringLiteral("fingerprint")).toString();
    const QString phase = json.value(QStringLiteral("phase")).toString();
    if (phase == QLatin1String("armed"))
        state.phase = RunPhase::Armed;
    else if (phase == QLatin1String("running"))
        state.phase = RunPhase::Running;
    else if (phase == QLatin1String("finished"))
        state.phase = RunPhase::Finished;
    else
        return std::nullopt;
    const QJsonValue current = json.value(QStringLiteral("current"));
    const QJsonValue held = json.value(QStringLiteral("heldAtZero"));
    const QJsonValue handled = json.value(QStringLiteral("zeroHandled"));
    if (!current.isDouble() || !held.isBool() || !handled.isBool())
        return std::nullopt;
    state.current = current.toInt();
    state.heldAtZero = held.toBool();
    state.zeroHandled = handled.toBool();
    if (!readMs(json, QStringLiteral("savedAt"), saved.savedAtMs) ||
        !readMs(json, QStringLiteral("armedAt"), state.armedAtMs) ||
        !readMs(json, QStringLiteral("startedAt"), state.startedAtMs) ||
        !readMs(json, QStringLiteral("addedMs"), state.addedMs) ||
        !readMs(json, QStringLiteral("pausedTotalMs"), state.pausedTotalMs) ||
        !readMs(json, QStringLiteral("plannedStart"), state.plannedStartMs, true) ||
        !readMs(json, QStringLiteral("actualStart"), state.actualStartMs, true) ||
        !readMs(json, QStringLiteral("pausedAt"), state.pausedAtMs, true) ||
        !readMs(json, QStringLiteral("finishedAt"), state.finishedAtMs, true))
        return std::nullopt;
    const QJsonArray segments = json.value(QStringLiteral("segments")).toArray();
    for (const QJsonValue& value : segments) {
        const QJsonObject segment = value.toObject();
        SegmentRecord record;
        qint64 durationMs = 0;
        const QJsonValue skipped = segment.value(QStringLiteral("skipped"));
        const QString title = segment.value(QStringLiteral("title")).toString();
        if (!skipped.isBool() || title.isEmpty() ||
            !readMs(segment, QStringLiteral("durationMs"), durationMs) ||
            !readMs(segment, QStringLiteral("actualMs"), record.actualMs) ||
            !readMs(segment, QStringLiteral("firstStartedAt"), record.firstStartedAtMs, true))
            return std::nullopt;
        record.skipped = skipped.toBool();
        state.records.append(record);
        saved.titles.append(title);
        saved.durationsMs.append(durationMs);
    }
    const bool currentValid = state.current >= 0 && state.current < state.records.size();
    if (state.phase != RunPhase::Armed && !currentValid)
        return std::nullopt;
    if (state.phase == RunPhase::Running && !state.actualStartMs)
        return std::nullopt;
    if (state.phase == RunPhase::Finished && !state.finishedAtMs)
        return std::nullopt;
    return saved;
}

std::optional<UserError> StateStore::save(const RundownTimer& timer, const QString& fingerprint,
                                          qint64 nowMs) const {
    return xz::AtomicFile::write(
        path_, QJsonDocument(toJson(timer, fingerprint, nowMs)).toJson(QJsonDocument::Compact));
}

std::optional<SavedState> StateStore::load() const {
    QFile file(path_);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return std::nullopt;
    return fromJson(document.object());
}

} // namespace xz::rundown
