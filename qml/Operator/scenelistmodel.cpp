#include "scenelistmodel.h"

#include "studio.h"

namespace xz::ui {

SceneListModel::SceneListModel(live::Studio& studio, QObject* parent)
    : QAbstractListModel(parent), studio_(studio) {
    connect(&studio_, &live::Studio::showChanged, this, &SceneListModel::reload);
    connect(&studio_, &live::Studio::programSceneChanged, this, &SceneListModel::refreshTally);
    connect(&studio_, &live::Studio::previewSceneChanged, this, &SceneListModel::refreshTally);
    reload();
}

int SceneListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(ids_.size());
}

QVariant SceneListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& id = ids_.at(index.row());
    switch (static_cast<Role>(role)) {
    case Role::SceneId:
        return id;
    case Role::Name: {
        const show::Scene* scene = studio_.show().findScene(id);
        if (!scene)
            return id;
        return english_ && !scene->nameEn.isEmpty() ? scene->nameEn : scene->name;
    }
    case Role::Key:
        return index.row() < 9 ? QString::number(index.row() + 1) : QString();
    case Role::OnAir:
        return studio_.programScene() == id;
    case Role::InPreview:
        return studio_.previewScene() == id;
    }
    return {};
}

QHash<int, QByteArray> SceneListModel::roleNames() const {
    return {{int(Role::SceneId), "sceneId"},
            {int(Role::Name), "name"},
            {int(Role::Key), "key"},
            {int(Role::OnAir), "onAir"},
            {int(Role::InPreview), "inPreview"}};
}

QString SceneListModel::sceneAt(int row) const {
    return row >= 0 && row < ids_.size() ? ids_.at(row) : QString();
}

void SceneListModel::setEnglish(bool english) {
    if (english == english_)
        return;
    english_ = english;
    if (!ids_.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {int(Role::Name)});
}

void SceneListModel::reload() {
    beginResetModel();
    ids_ = studio_.sceneIds();
    endResetModel();
}

void SceneListModel::refreshTally() {
    if (!ids_.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {int(Role::OnAir), int(Role::InPreview)});
}

} // namespace xz::ui
