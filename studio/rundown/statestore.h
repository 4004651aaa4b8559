// The rundown's crash-safe state: where the show is (segment, start instant, added time, pauses, skips, live
// edits), written atomically on every change and anchored to the wall clock like Ontime's restore point, so a
// studio restarted mid-show carries on with the right segment and the right elapsed time.
#pragma once

#include "rundown.h"
#include "rundowntimer.h"
#include "usererror.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace xz::rundown {

struct SavedState {
    QString fingerprint; // of the rundown as loaded, before live edits
    qint64 savedAtMs = 0;
    TimerState timer;
    QList<QString> titles;     // per segment, with live edits
    QList<qint64> durationsMs; // per segment, with live edits
};

class StateStore {
public:
    // A saved show older than this is yesterday's (or last week's) and is not resumed.
    static constexpr qint64 kMaxResumeAgeMs = 12LL * 3600 * 1000;

    explicit StateStore(QString path) : path_(std::move(path)) {}
    // <data dir>/rundown/state.json
    static QString defaultPath();
    // Identifies a rundown by what it plans (title, segments), not by where its file is.
    static QString fingerprint(const Rundown& rundown);

    std::optional<UserError> save(const RundownTimer& timer, const QString& fingerprint, qint64 nowMs) const;
    // nullopt when there is none, it cannot be read or it is not a state file (a broken one is not trusted).
    std::optional<SavedState> load() const;

    static QJsonObject toJson(const RundownTimer& timer, const QString& fingerprint, qint64 nowMs);
    static std::optional<SavedState> fromJson(const QJsonObject& json);

private:
    QString path_;
};

} // namespace xz::rundown
