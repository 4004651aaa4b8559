// The scene bar: one row per scene of the show, in show order, with the key that puts it in preview (1-9)
// and whether it is on air or in preview now. Follows the studio; the buttons' thumbnails come from
// FrameView (one scene feed per button, about one picture a second).
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::live {
class Studio;
}

namespace xz::ui {

class SceneListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OperatorModel provides the scene list")
public:
    enum class Role { SceneId = Qt::UserRole + 1, Name, Key, OnAir, InPreview };
    Q_ENUM(Role)

    explicit SceneListModel(live::Studio& studio, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString sceneAt(int row) const;
    // English names where the show gives them (the surface's language).
    void setEnglish(bool english);

private:
    void reload();
    void refreshTally();

    live::Studio& studio_;
    QStringList ids_;
    bool english_ = false;
};

} // namespace xz::ui
