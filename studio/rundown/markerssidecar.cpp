#include "markerssidecar.h"

#include "atomicfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace xz::rundown {
namespace {

// Millisecond precision, as the format says: 62.5 rather than 62.50000000001.
double roundToMs(double seconds) {
    return double(std::llround(seconds * 1000.0)) / 1000.0;
}

QString kindName(Marker::Kind kind) {
    switch (kind) {
    case Marker::Kind::Segment:
        return QStringLiteral("segment");
    case Marker::Kind::Mark:
        return QStringLiteral("mark");
    case Marker::Kind::Range:
        return QStringLiteral("range");
    }
    return {};
}

} // namespace

QString MarkersSidecar::pathFor(const QString& recordingPath) {
    return recordingPath + QStringLiteral(".markers.json");
}

MarkersSidecar::MarkersSidecar(QString recordingPath, QString showId, QString rundownTitle,
                               QDateTime recordingStartedAt)
    : recordingPath_(std::move(recordingPath)), showId_(std::move(showId)),
      rundownTitle_(std::move(rundownTitle)), recordingStartedAt_(std::move(recordingStartedAt)) {}

int MarkersSidecar::add(const Marker& marker) {
    markers_.append(marker);
    return int(markers_.size() - 1);
}

void MarkersSidecar::setEnd(int index, double end) {
    if (index >= 0 && index < markers_.size())
        markers_[index].end = end;
}

QJsonObject MarkersSidecar::toJson() const {
    QJsonArray markers;
    for (const Marker& marker : markers_) {
        QJsonObject entry{{QStringLiteral("kind"), kindName(marker.kind)},
                          {QStringLiteral("time"), roundToMs(marker.time)},
                          {QStringLiteral("title"), marker.title}};
        if (marker.end)
            entry[QStringLiteral("end")] = roundToMs(*marker.end);
        if (!marker.segment.isEmpty())
            entry[QStringLiteral("segment")] = marker.segment;
        if (marker.kind == Marker::Kind::Segment && !marker.cue.isEmpty())
            entry[QStringLiteral("cue")] = marker.cue;
        markers.append(entry);
    }
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("recording"), QFileInfo(recordingPath_).fileName()},
                     {QStringLiteral("recordingStartedAt"), recordingStartedAt_.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("markers"), markers}};
    if (!showId_.isEmpty())
        root[QStringLiteral("show")] = showId_;
    if (!rundownTitle_.isEmpty())
        root[QStringLiteral("rundown")] = rundownTitle_;
    return root;
}

std::optional<UserError> MarkersSidecar::write() const {
    return xz::AtomicFile::write(path(), QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

} // namespace xz::rundown
