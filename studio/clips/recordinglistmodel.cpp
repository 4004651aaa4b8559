#include "recordinglistmodel.h"

#include "cliplibrary.h"

namespace xz::clips {

RecordingListModel::RecordingListModel(ClipLibrary& library, QObject* parent)
    : QAbstractListModel(parent), library_(library) {
    connect(&library_, &ClipLibrary::recordingsChanged, this, &RecordingListModel::reload);
    connect(&library_, &ClipLibrary::clipsChanged, this, &RecordingListModel::reload);
    reload();
}

void RecordingListModel::reload() {
    beginResetModel();
    clipCounts_.clear();
    if (auto clips = library_.clips())
        for (const Clip& clip : *clips)
            ++clipCounts_[clip.recording];
    endResetModel();
}

int RecordingListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(library_.recordings().size());
}

QVariant RecordingListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Recording& r = library_.recordings()[size_t(index.row())];
    switch (Role(role)) {
    case Role::Path:
        return r.path;
    case Role::FileName:
        return r.fileName;
    case Role::DurationSec:
        return r.durationSec;
    case Role::SizeBytes:
        return r.sizeBytes;
    case Role::ModifiedMs:
        return r.modifiedMs;
    case Role::MarkerCount:
        return r.markers ? int(r.markers->markers.size()) : 0;
    case Role::ClipCount:
        return clipCounts_.value(r.path);
    case Role::MarkersError:
        return r.markersError;
    }
    return role == Qt::DisplayRole ? QVariant(r.fileName) : QVariant();
}

QHash<int, QByteArray> RecordingListModel::roleNames() const {
    return {{int(Role::Path), "path"},
            {int(Role::FileName), "fileName"},
            {int(Role::DurationSec), "durationSec"},
            {int(Role::SizeBytes), "sizeBytes"},
            {int(Role::ModifiedMs), "modifiedMs"},
            {int(Role::MarkerCount), "markerCount"},
            {int(Role::ClipCount), "clipCount"},
            {int(Role::MarkersError), "markersError"}};
}

} // namespace xz::clips
