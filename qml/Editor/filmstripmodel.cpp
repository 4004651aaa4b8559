#include "filmstripmodel.h"

#include <QUrl>

namespace xz::ui {

void FilmstripModel::setFilmstrip(const clips::Filmstrip& strip, double durationSec) {
    beginResetModel();
    thumbs_ = strip.thumbs;
    durationSec_ = durationSec;
    endResetModel();
}

void FilmstripModel::clear() {
    setFilmstrip({}, 0);
}

int FilmstripModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(thumbs_.size());
}

QVariant FilmstripModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& thumb = thumbs_[index.row()];
    switch (Role(role)) {
    case Role::TimeSec:
        return thumb.timeSec;
    case Role::EndSec:
        return index.row() + 1 < thumbs_.size() ? thumbs_[index.row() + 1].timeSec
                                                : std::max(durationSec_, thumb.timeSec);
    case Role::Source:
        return QUrl::fromLocalFile(thumb.file);
    }
    return {};
}

QHash<int, QByteArray> FilmstripModel::roleNames() const {
    return {{int(Role::TimeSec), "timeSec"}, {int(Role::EndSec), "endSec"}, {int(Role::Source), "picture"}};
}

} // namespace xz::ui
