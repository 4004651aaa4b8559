// Alerts the operator must see: plain sentences ("直播“抖音”中断，请检查网络"), newest first, each kept until
// someone presses "知道了". The same sentence is not listed twice while unread.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

class AlertListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OperatorModel provides the alerts")
    Q_PROPERTY(int unread READ unread NOTIFY unreadChanged)
public:
    enum class Role { Message = Qt::UserRole + 1, Time, Serious };
    Q_ENUM(Role)

    explicit AlertListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void raise(const QString& message, bool serious);
    Q_INVOKABLE void acknowledge(int row);
    Q_INVOKABLE void acknowledgeAll();
    int unread() const { return static_cast<int>(alerts_.size()); }

signals:
    void unreadChanged();

private:
    struct Alert {
        QString message;
        QDateTime time;
        bool serious = false;
    };
    QList<Alert> alerts_;
};

} // namespace xz::ui
