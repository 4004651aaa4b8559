// The rundown's `<recording>.markers.json` sidecar as the editor reads it: segments, marks and ranges with
// their times, sorted by time. Unknown members and kinds are ignored (the format grows); a damaged file is
// reported with its line, column and JSON path, in the show validator's words.
#pragma once

#include "clipresult.h"

#include <QList>
#include <QString>
#include <optional>

namespace xz::clips {

struct Marker {
    enum class Kind { Segment = 1, Mark, Range };
    Kind kind = Kind::Mark;
    double timeSec = 0;
    double endSec = -1; // < 0: no end (a mark, or a segment or range still open when the file was written)
    QString title;
    QString segment;
    QString cue;
    static QString kindKey(Kind kind);
};

struct RecordingMarkers {
    QString recording; // as the sidecar names it
    QString show;
    QString rundown;
    QString recordingStartedAt;
    QList<Marker> markers;
};

class MarkersReader {
public:
    // "/dir/show.mkv" -> "/dir/show.mkv.markers.json"
    static QString sidecarPathFor(const QString& recording);
    // No sidecar: an empty optional. A sidecar that cannot be read: the error, naming line and column.
    static Result<std::optional<RecordingMarkers>> load(const QString& recording);
    static Result<RecordingMarkers> parse(const QByteArray& utf8, const QString& fileForErrors);
};

} // namespace xz::clips
