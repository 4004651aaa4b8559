// The rundown's event log: every advance, take, hold, marker and operator message with the wall-clock time
// and the recording's timecode (none while not recording), so what happened on air can be told afterwards.
// One JSON object per line, appended and flushed as it happens (a crash loses at most a half-written last
// line), and kept in memory for the summary and the views.
#pragma once

#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace xz::rundown {

struct LogEntry {
    qint64 atMs = 0;
    std::optional<double> recordingSeconds;
    QString event;    // "advance", "take", "texts", "hold", "resume", "mark", ...
    int segment = -1; // index of the segment it concerns; -1 for none
    QString segmentTitle;
    QJsonObject detail;

    // {"at": "2026-12-01T10:00:00.120+08:00", "recording": 12.345 | null, "event": ..., ...}
    QJsonObject toJson(const QTimeZone& zone) const;
};

class EventLog {
public:
    // `path` empty: kept in memory only.
    EventLog(QString path, QTimeZone zone);

    void append(const LogEntry& entry);
    const QList<LogEntry>& entries() const { return entries_; }
    // <data dir>/rundown/<show>-<yyyy-MM-dd_HH-mm-ss>.events.jsonl
    static QString defaultPath(const QString& showId, qint64 nowMs, const QTimeZone& zone);

private:
    QString path_;
    QTimeZone zone_;
    QFile file_;
    bool reportedWriteError_ = false;
    QList<LogEntry> entries_;
};

} // namespace xz::rundown
