#include "alertlistmodel.h"

namespace xz::ui {

AlertListModel::AlertListModel(QObject* parent) : QAbstractListModel(parent) {}

int AlertListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(alerts_.size());
}

QVariant AlertListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert& alert = alerts_.at(index.row());
    switch (static_cast<Role>(role)) {
    case Role::Message:
        return alert.message;
    case Role::Time:
        return alert.time.toString(QStringLiteral("HH:mm:ss"));
    case Role::Serious:
        return alert.serious;
    }
    return {};
}

QHash<int, QByteArray> AlertListModel::roleNames() const {
    return {{int(Role::Message), "message"}, {int(Role::Time), "time"}, {int(Role::Serious), "serious"}};
}

void AlertListModel::raise(const QString& message, bool serious) {
    for (const Alert& alert : alerts_)
        if (alert.message == message)
            return;
    beginInsertRows({}, 0, 0);
    alerts_.prepend({message, QDateTime::currentDateTime(), serious});
    endInsertRows();
    emit unreadChanged();
}

void AlertListModel::acknowledge(int row) {
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    alerts_.removeAt(row);
    endRemoveRows();
    emit unreadChanged();
}

void AlertListModel::acknowledgeAll() {
    if (alerts_.isEmpty())
        return;
    beginResetModel();
    alerts_.clear();
    endResetModel();
    emit unreadChanged();
}

} // namespace xz::ui
