// The show's text items (names, dish, step cards, questions) for editing during the show. An edit shows at
// once in every scene that is not on air (so in preview) and reaches program only when its scene is taken;
// the copy on air catches up once it has left program. With "live edit" ticked, an edit changes program at
// once too.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <map>

namespace xz::live {
class Studio;
}

namespace xz::ui {

class LowerThirdModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OperatorModel provides the text items")
    Q_PROPERTY(bool liveEdit READ liveEdit WRITE setLiveEdit NOTIFY liveEditChanged)
public:
    enum class Role { SourceId = Qt::UserRole + 1, Label, Text, OnAir, InPreview, WaitingForTake };
    Q_ENUM(Role)

    explicit LowerThirdModel(live::Studio& studio, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE bool setText(int row, const QString& text);
    bool liveEdit() const { return liveEdit_; }
    void setLiveEdit(bool live);

signals:
    void liveEditChanged();

private:
    void reload();
    void catchUp(); // the scene that left program gets the edits it was spared
    void refresh();

    live::Studio& studio_;
    QStringList ids_;
    // Edits the scene on air has not had yet: source id -> text, for that scene.
    std::map<QString, QString> heldBack_;
    QString heldBackScene_;
    bool liveEdit_ = false;
};

} // namespace xz::ui
