#include "lowerthirdmodel.h"

#include "studio.h"

namespace xz::ui {

LowerThirdModel::LowerThirdModel(live::Studio& studio, QObject* parent)
    : QAbstractListModel(parent), studio_(studio) {
    connect(&studio_, &live::Studio::showChanged, this, &LowerThirdModel::reload);
    connect(&studio_, &live::Studio::programSceneChanged, this, [this] {
        // A cut: the old scene is off air now. A fade: it is still fading out; wait for the end.
        if (!studio_.transitionRunning())
            catchUp();
        refresh();
    });
    connect(&studio_, &live::Studio::transitionEnded, this, [this] {
        catchUp();
        refresh();
    });
    connect(&studio_, &live::Studio::previewSceneChanged, this, &LowerThirdModel::refresh);
    connect(&studio_, &live::Studio::textChanged, this, &LowerThirdModel::refresh);
    reload();
}

int LowerThirdModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(ids_.size());
}

QVariant LowerThirdModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& id = ids_.at(index.row());
    switch (static_cast<Role>(role)) {
    case Role::SourceId:
        return id;
    case Role::Label: {
        const show::Source* source = studio_.show().findSource(id);
        return source && !source->label.isEmpty() ? source->label : id;
    }
    case Role::Text: {
        // What the operator edits: the newest text, wherever it already shows.
        const auto held = heldBack_.find(id);
        if (held != heldBack_.end())
            return held->second;
        for (const QString& scene : {studio_.previewScene(), studio_.programScene()})
            if (const auto text = studio_.text(scene, id))
                return *text;
        for (const QString& scene : studio_.sceneIds())
            if (const auto text = studio_.text(scene, id))
                return *text;
        return QString();
    }
    case Role::OnAir:
        return studio_.text(studio_.programScene(), id).has_value();
    case Role::InPreview:
        return studio_.text(studio_.previewScene(), id).has_value();
    case Role::WaitingForTake:
        return heldBack_.count(id) > 0;
    }
    return {};
}

QHash<int, QByteArray> LowerThirdModel::roleNames() const {
    return {{int(Role::SourceId), "sourceId"},   {int(Role::Label), "label"},
            {int(Role::Text), "text"},           {int(Role::OnAir), "onAir"},
            {int(Role::InPreview), "inPreview"}, {int(Role::WaitingForTake), "waitingForTake"}};
}

bool LowerThirdModel::setText(int row, const QString& text) {
    if (row < 0 || row >= rowCount())
        return false;
    const QString& id = ids_.at(row);
    if (liveEdit_) {
        heldBack_.erase(id);
        return !studio_.setTextEverywhere(id, text);
    }
    const QString onAir = studio_.programScene();
    for (const QString& scene : studio_.sceneIds()) {
        if (!studio_.text(scene, id))
            continue;
        if (scene == onAir) {
            heldBack_[id] = text;
            heldBackScene_ = onAir;
            continue;
        }
        studio_.setText(scene, id, text);
    }
    refresh();
    return true;
}

void LowerThirdModel::setLiveEdit(bool live) {
    if (live == liveEdit_)
        return;
    liveEdit_ = live;
    emit liveEditChanged();
}

void LowerThirdModel::catchUp() {
    if (heldBack_.empty() || heldBackScene_ == studio_.programScene())
        return;
    for (const auto& [id, text] : heldBack_)
        studio_.setText(heldBackScene_, id, text);
    heldBack_.clear();
    heldBackScene_.clear();
}

void LowerThirdModel::reload() {
    beginResetModel();
    // The texts the show's author named (a label) are the ones meant to change during a show: names, the
    // dish, step cards. A show that names none offers all of them.
    ids_.clear();
    const QStringList all = studio_.textSourceIds();
    for (const QString& id : all) {
        const show::Source* source = studio_.show().findSource(id);
        if (source && !source->label.isEmpty() && source->label != id)
            ids_.append(id);
    }
    if (ids_.isEmpty())
        ids_ = all;
    heldBack_.clear();
    heldBackScene_.clear();
    endResetModel();
}

void LowerThirdModel::refresh() {
    if (!ids_.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1));
}

} // namespace xz::ui
