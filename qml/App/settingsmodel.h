// The Settings view's model over the settings file (studio.json, 0600): stream targets (the key is never
// shown, only masked), upload destinations, the recording folder, the default transition, remote control
// (port and password) and the language. Every change is saved at once; a wrong stream address is refused
// with the reason and nothing else changes.
#pragma once

#include "studiosettings.h"
#include "uploadsmodel.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace xz::ui {

// Name and masked address of each stream target or upload destination.
class TargetListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SettingsModel provides the lists")
public:
    enum class Role { Name = Qt::UserRole + 1, Address };
    Q_ENUM(Role)
    explicit TargetListModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    void setTargets(const QList<live::StreamTargetSetting>& targets);

private:
    QList<live::StreamTargetSetting> targets_;
};

class SettingsModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Session provides the settings")
    Q_PROPERTY(xz::ui::TargetListModel* streams READ streams CONSTANT)
    Q_PROPERTY(xz::ui::TargetListModel* uploadTargets READ uploadTargets CONSTANT)
    Q_PROPERTY(QString recordingFolder READ recordingFolder WRITE setRecordingFolder NOTIFY changed)
    Q_PROPERTY(QString defaultTransition READ defaultTransition WRITE setDefaultTransition NOTIFY changed)
    Q_PROPERTY(int remotePort READ remotePort WRITE setRemotePort NOTIFY changed)
    Q_PROPERTY(bool remotePasswordSet READ remotePasswordSet NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY problemChanged)

public:
    // The settings file: studio.json in the config folder (XIAOZHAN_HOME for tests).
    explicit SettingsModel(QObject* parent = nullptr,
                           const QString& path = live::StudioSettings::defaultPath());

    const live::StudioSettings& values() const { return settings_; }
    TargetListModel* streams() { return &streams_; }
    TargetListModel* uploadTargets() { return &uploadTargets_; }
    QString recordingFolder() const { return settings_.recordingFolder(); }
    void setRecordingFolder(const QString& folder);
    QString defaultTransition() const { return settings_.defaultTransition; }
    void setDefaultTransition(const QString& transition);
    int remotePort() const { return settings_.remotePort; }
    void setRemotePort(int port);
    bool remotePasswordSet() const { return !settings_.remotePassword.isEmpty(); }
    QString language() const { return settings_.language; }
    void setLanguage(const QString& language);
    void setLastShow(const QString& showId);
    QString problem() const { return problem_; }
    QList<UploadDestination> uploadDestinations() const;

    // Each returns false (and sets problem) when the value is refused.
    Q_INVOKABLE bool addStream(const QString& name, const QString& url);
    Q_INVOKABLE void removeStream(int row);
    Q_INVOKABLE bool addUploadTarget(const QString& name, const QString& url);
    Q_INVOKABLE void removeUploadTarget(int row);
    Q_INVOKABLE void setRemotePassword(const QString& password);

signals:
    void changed();
    void problemChanged();
    void destinationsChanged();

private:
    void save();
    void setProblem(const QString& problem);

    QString path_;
    live::StudioSettings settings_;
    TargetListModel streams_;
    TargetListModel uploadTargets_;
    QString problem_;
};

} // namespace xz::ui
