#include "settingsmodel.h"

#include "redact.h"
#include "streamtarget.h"

#include <QUrl>

namespace xz::ui {

int TargetListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(targets_.size());
}

QVariant TargetListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const live::StreamTargetSetting& target = targets_.at(index.row());
    switch (static_cast<Role>(role)) {
    case Role::Name:
        return target.name;
    case Role::Address:
        return Redactor::redactUrl(target.url); // the key never reaches the screen
    }
    return {};
}

QHash<int, QByteArray> TargetListModel::roleNames() const {
    return {{int(Role::Name), "name"}, {int(Role::Address), "address"}};
}

void TargetListModel::setTargets(const QList<live::StreamTargetSetting>& targets) {
    beginResetModel();
    targets_ = targets;
    endResetModel();
}

SettingsModel::SettingsModel(QObject* parent, const QString& path) : QObject(parent), path_(path) {
    std::optional<UserError> problem;
    settings_ = live::StudioSettings::load(path_, &problem);
    if (problem)
        problem_ = problem->message();
    streams_.setTargets(settings_.streams);
    uploadTargets_.setTargets(settings_.uploadTargets);
}

void SettingsModel::setProblem(const QString& problem) {
    if (problem == problem_)
        return;
    problem_ = problem;
    emit problemChanged();
}

void SettingsModel::save() {
    if (auto error = settings_.save(path_))
        setProblem(error->message());
    emit changed();
}

void SettingsModel::setRecordingFolder(const QString& folder) {
    const QString local = QUrl(folder).isLocalFile() ? QUrl(folder).toLocalFile() : folder;
    if (local == settings_.recordingDir)
        return;
    settings_.recordingDir = local;
    save();
}

void SettingsModel::setDefaultTransition(const QString& transition) {
    if (transition == settings_.defaultTransition)
        return;
    settings_.defaultTransition = transition;
    save();
}

void SettingsModel::setRemotePort(int port) {
    if (port < 0 || port > 65535) {
        setProblem(tr("端口应在 1 到 65535 之间（0 表示不开遥控）"));
        return;
    }
    if (port == settings_.remotePort)
        return;
    settings_.remotePort = port;
    save();
}

void SettingsModel::setRemotePassword(const QString& password) {
    settings_.remotePassword = password;
    save();
}

void SettingsModel::setLanguage(const QString& language) {
    if (language == settings_.language ||
        (language != QLatin1String("zh_CN") && language != QLatin1String("en")))
        return;
    settings_.language = language;
    save();
}

void SettingsModel::setLastShow(const QString& showId) {
    if (showId == settings_.lastShow)
        return;
    settings_.lastShow = showId;
    save();
}

bool SettingsModel::addStream(const QString& name, const QString& url) {
    std::optional<engine::EngineError> error;
    if (!engine::StreamTarget::parse(url.trimmed(), &error)) {
        setProblem(error->message());
        return false;
    }
    settings_.streams.append(
        {name.trimmed().isEmpty() ? tr("直播 %1").arg(settings_.streams.size() + 1) : name.trimmed(),
         url.trimmed()});
    streams_.setTargets(settings_.streams);
    setProblem(QString());
    save();
    return true;
}

void SettingsModel::removeStream(int row) {
    if (row < 0 || row >= settings_.streams.size())
        return;
    settings_.streams.removeAt(row);
    streams_.setTargets(settings_.streams);
    save();
}

bool SettingsModel::addUploadTarget(const QString& name, const QString& url) {
    const QString target = url.trimmed();
    static const QStringList schemes = {QStringLiteral("tus+http"),   QStringLiteral("tus+https"),
                                        QStringLiteral("douyin"),     QStringLiteral("http"),
                                        QStringLiteral("https"),      QStringLiteral("post+http"),
                                        QStringLiteral("post+https"), QStringLiteral("file")};
    if (!schemes.contains(QUrl(target).scheme())) {
        setProblem(tr("上传地址应以 tus+https://、douyin://、https:// 或 file:// 开头，而不是“%1”")
                       .arg(Redactor::redactUrl(target)));
        return false;
    }
    settings_.uploadTargets.append(
        {name.trimmed().isEmpty() ? Redactor::redactUrl(target) : name.trimmed(), target});
    uploadTargets_.setTargets(settings_.uploadTargets);
    setProblem(QString());
    save();
    emit destinationsChanged();
    return true;
}

void SettingsModel::removeUploadTarget(int row) {
    if (row < 0 || row >= settings_.uploadTargets.size())
        return;
    settings_.uploadTargets.removeAt(row);
    uploadTargets_.setTargets(settings_.uploadTargets);
    save();
    emit destinationsChanged();
}

QList<UploadDestination> SettingsModel::uploadDestinations() const {
    QList<UploadDestination> destinations;
    for (const live::StreamTargetSetting& target : settings_.uploadTargets)
        destinations.append({target.name, target.url});
    return destinations;
}

} // namespace xz::ui
