// The show picker's list: the four programmes the station makes (from scenes/), with their Chinese titles,
// plus any other show file found there.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

class ShowListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Session provides the show list")
public:
    enum class Role { ShowId = Qt::UserRole + 1, Title, TitleEn, Problem };
    Q_ENUM(Role)

    explicit ShowListModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Entry {
        QString id;
        QString title;
        QString titleEn;
        QString problem; // a show file that does not load says why
    };
    QList<Entry> entries_;
};

} // namespace xz::ui
