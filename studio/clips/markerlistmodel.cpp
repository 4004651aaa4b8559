#include "markerlistmodel.h"

#include <cmath>

namespace xz::clips {

MarkerListModel::MarkerListModel(QObject* parent) : QAbstractListModel(parent) {}

void MarkerListModel::setMarkers(const QList<Marker>& markers) {
    beginResetModel();
    markers_ = markers;
    endResetModel();
}

QString MarkerListModel::formatTime(double seconds) {
    const qint64 tenths = std::llround(std::max(0.0, seconds) * 10);
    const qint64 h = tenths / 36000, m = tenths / 600 % 60;
    const double s = double(tenths % 600) / 10;
    const QString sec = QStringLiteral("%1").arg(s, 4, 'f', 1, QLatin1Char('0'));
    return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(sec)
                 : QStringLiteral("%1:%2").arg(m, 2, 10, QLatin1Char('0')).arg(sec);
}

int MarkerListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(markers_.size());
}

QVariant MarkerListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Marker& m = markers_[index.row()];
    switch (Role(role)) {
    case Role::Kind:
        return Marker::kindKey(m.kind);
    case Role::TimeSec:
        return m.timeSec;
    case Role::EndSec:
        return m.endSec;
    case Role::Title:
        return m.title;
    case Role::Segment:
        return m.segment;
    case Role::Cue:
        return m.cue;
    case Role::TimeText:
        return formatTime(m.timeSec);
    }
    return role == Qt::DisplayRole ? QVariant(m.title) : QVariant();
}

QHash<int, QByteArray> MarkerListModel::roleNames() const {
    return {{int(Role::Kind), "kind"},        {int(Role::TimeSec), "timeSec"}, {int(Role::EndSec), "endSec"},
            {int(Role::Title), "title"},      {int(Role::Segment), "segment"}, {int(Role::Cue), "cue"},
            {int(Role::TimeText), "timeText"}};
}

} // namespace xz::clips
