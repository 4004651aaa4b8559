// The filmstrip under the Editor's picture: one thumbnail per keyframe-aligned step of the recording (from
// PreviewCache, made once and cached on disk), each with the stretch of time it stands for, so the view
// places them along the timeline.
#pragma once

#include "previewcache.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

class FilmstripModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EditorModel provides the filmstrip")
public:
    enum class Role { TimeSec = Qt::UserRole + 1, EndSec, Source };
    Q_ENUM(Role)

    explicit FilmstripModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}
    // The strip and the recording's length (the last thumbnail lasts until the end).
    void setFilmstrip(const clips::Filmstrip& strip, double durationSec);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QVector<clips::Filmstrip::Thumb> thumbs_;
    double durationSec_ = 0;
};

} // namespace xz::ui
