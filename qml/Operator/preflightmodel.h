// 开播前检查: one screen before going live. Each camera live or not, each microphone hearing something, disk
// space for the planned length, each stream server reachable (a short connect), the recording folder
// writable. A red item says what to do; the operator may still go live.
#pragma once

#include <QAbstractListModel>
#include <QTcpSocket>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

namespace xz::live {
class Studio;
}

namespace xz::ui {

class PreflightModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OperatorModel provides the pre-flight check")
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int problems READ problems NOTIFY runningChanged)
public:
    enum class Status { Checking = 1, Ok, Warning, Problem };
    Q_ENUM(Status)
    enum class Role { Title = Qt::UserRole + 1, Status, Detail, Advice };
    Q_ENUM(Role)

    static constexpr int kConnectTimeoutMs = 3000;

    explicit PreflightModel(live::Studio& studio, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // What the checks are about: where recordings go and how long the show is planned to be.
    void setRecordingFolder(const QString& folder) { recordingFolder_ = folder; }
    void setPlannedSeconds(double seconds) { plannedSeconds_ = seconds; }

    Q_INVOKABLE void run();
    bool running() const { return pending_ > 0; }
    int problems() const;

signals:
    void runningChanged();

private:
    struct Check {
        QString title;
        Status status = Status::Checking;
        QString detail;
        QString advice;
    };
    void add(Check check);
    void checkServer(const QString& name, const QString& host, quint16 port);
    void settle(int row, Status status, const QString& detail, const QString& advice);

    live::Studio& studio_;
    std::vector<Check> checks_;
    std::vector<std::unique_ptr<QTcpSocket>> sockets_;
    QString recordingFolder_;
    double plannedSeconds_ = 2 * 3600;
    int pending_ = 0;
};

} // namespace xz::ui
