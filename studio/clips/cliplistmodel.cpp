#include "cliplistmodel.h"

#include "cliplibrary.h"

namespace xz::clips {

ClipListModel::ClipListModel(ClipLibrary& library, QObject* parent)
    : QAbstractListModel(parent), library_(library) {
    connect(&library_, &ClipLibrary::clipsChanged, this, [this](const QString& recording) {
        if (recording_.isEmpty() || recording == recording_)
            reload();
    });
    reload();
}

void ClipListModel::setRecording(const QString& recording) {
    if (recording == recording_)
        return;
    recording_ = recording;
    reload();
    emit recordingChanged();
}

void ClipListModel::reload() {
    beginResetModel();
    auto clips = library_.clips(recording_);
    clips_ = clips ? *clips : std::vector<Clip>();
    endResetModel();
}

bool ClipListModel::remove(qint64 clipId) {
    auto removed = library_.removeClip(clipId);
    return removed && *removed;
}

int ClipListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(clips_.size());
}

QVariant ClipListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Clip& c = clips_[size_t(index.row())];
    switch (Role(role)) {
    case Role::ClipId:
        return c.id;
    case Role::Recording:
        return c.recording;
    case Role::InSec:
        return c.inSec;
    case Role::OutSec:
        return c.outSec;
    case Role::DurationSec:
        return c.durationSec();
    case Role::Title:
        return c.title;
    case Role::Hashtags:
        return c.hashtags;
    case Role::CoverSec:
        return c.coverSec;
    case Role::Preset:
        return c.preset;
    case Role::Fill:
        return c.fill;
    case Role::CropX:
        return c.cropX;
    }
    return role == Qt::DisplayRole ? QVariant(c.title) : QVariant();
}

QHash<int, QByteArray> ClipListModel::roleNames() const {
    return {{int(Role::ClipId), "clipId"},
            {int(Role::Recording), "recording"},
            {int(Role::InSec), "inSec"},
            {int(Role::OutSec), "outSec"},
            {int(Role::DurationSec), "durationSec"},
            {int(Role::Title), "title"},
            {int(Role::Hashtags), "hashtags"},
            {int(Role::CoverSec), "coverSec"},
            {int(Role::Preset), "preset"},
            {int(Role::Fill), "fill"},
            {int(Role::CropX), "cropX"}};
}

} // namespace xz::clips
