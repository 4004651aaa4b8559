// The markers of the recording open in the Editor (segments, marks, ranges from the rundown's sidecar), in
// time order, for the marker list the editor jumps from.
#pragma once

#include "markers.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::clips {

class MarkerListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The app provides the clip library's models")
public:
    enum class Role {
        Kind = Qt::UserRole + 1, // "segment", "mark", "range"
        TimeSec,
        EndSec, // -1 when open or a point
        Title,
        Segment,
        Cue,
        TimeText, // "01:02.5"
    };
    Q_ENUM(Role)

    explicit MarkerListModel(QObject* parent = nullptr);
    void setMarkers(const QList<Marker>& markers);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString formatTime(double seconds);

private:
    QList<Marker> markers_;
};

} // namespace xz::clips
