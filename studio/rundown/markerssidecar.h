// The markers file next to each recording, `<recording>.markers.json`, that the clip editor reads: the
// rundown's segments, the operator's marks and mark-in/mark-out ranges, in recording time (seconds from the
// recording's first frame). The format is /work/notes/markers-format.md, documented in scenes/RUNDOWN.md.
// Rewritten atomically on every change, so a crash keeps everything up to the last marker.
#pragma once

#include "usererror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace xz::rundown {

struct Marker {
    enum class Kind {
        Segment = 1, // a rundown segment; no end while it runs
        Mark,        // a point
        Range,       // mark in / mark out; no end while open
    };
    Kind kind = Kind::Mark;
    double time = 0;
    std::optional<double> end;
    QString title;
    QString segment; // the segment running at `time`; empty when none
    QString cue;     // segments only
};

class MarkersSidecar {
public:
    inline static const QString kFormat = QStringLiteral("xiaozhan-markers");
    static constexpr int kVersion = 1;

    // "/dir/x.mkv" -> "/dir/x.mkv.markers.json"
    static QString pathFor(const QString& recordingPath);

    MarkersSidecar(QString recordingPath, QString showId, QString rundownTitle, QDateTime recordingStartedAt);

    QString path() const { return pathFor(recordingPath_); }
    // Returns the marker's index, for setEnd.
    int add(const Marker& marker);
    void setEnd(int index, double end);

    QJsonObject toJson() const;
    std::optional<UserError> write() const;

private:
    QString recordingPath_;
    QString showId_;
    QString rundownTitle_;
    QDateTime recordingStartedAt_;
    QList<Marker> markers_;
};

} // namespace xz::rundown
