#include "studiosettings.h"

#include "atomicfile.h"
#include "obslog.h"
#include "paths.h"
#include "streamtarget.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace xz::live {
namespace {

UserError settingsError(const QString& path, const QString& zh, const QString& en,
                        const QString& detail = {}) {
    return UserError{QStringLiteral("设置文件 %1 %2，已使用默认设置").arg(path, zh),
                     QStringLiteral("the settings file %1 %2; using the defaults").arg(path, en), detail};
}

} // namespace

QString StudioSettings::defaultPath() {
    return paths::configDir() + QStringLiteral("/studio.json");
}

QString StudioSettings::recordingFolder() const {
    return recordingDir.isEmpty() ? paths::recordingsDir() : recordingDir;
}

StudioSettings StudioSettings::load(const QString& path, std::optional<UserError>* problem) {
    StudioSettings settings;
    QFile file(path);
    if (!file.exists())
        return settings;
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = settingsError(path, QStringLiteral("无法读取"), QStringLiteral("cannot be read"),
                                 file.errorString());
        return settings;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *problem = settingsError(path, QStringLiteral("格式有误"), QStringLiteral("is damaged"),
                                 parseError.errorString() + QStringLiteral(" at byte ") +
                                     QString::number(parseError.offset));
        return settings;
    }
    const QJsonObject root = document.object();
    settings.lastShow = root.value(QStringLiteral("lastShow")).toString();
    settings.language = root.value(QStringLiteral("language")).toString(settings.language);
    if (settings.language != QLatin1String("zh_CN") && settings.language != QLatin1String("en"))
        settings.language = QStringLiteral("zh_CN");
    settings.recordingDir = root.value(QStringLiteral("recordingDir")).toString();
    settings.defaultTransition = root.value(QStringLiteral("defaultTransition")).toString();
    const QJsonObject remote = root.value(QStringLiteral("remote")).toObject();
    settings.remotePort = remote.value(QStringLiteral("port")).toInt(0);
    if (settings.remotePort < 0 || settings.remotePort > 65535) {
        *problem =
            settingsError(path, QStringLiteral("的 remote.port 无效"),
                          QStringLiteral("has an invalid remote.port"), QString::number(settings.remotePort));
        settings.remotePort = 0;
    }
    settings.remoteAddress = remote.value(QStringLiteral("address")).toString(settings.remoteAddress);
    settings.remotePassword = remote.value(QStringLiteral("password")).toString();
    engine::obslog::addSecret(settings.remotePassword);
    const QJsonArray streams = root.value(QStringLiteral("streams")).toArray();
    for (qsizetype i = 0; i < streams.size(); ++i) {
        const QJsonObject entry = streams.at(i).toObject();
        StreamTargetSetting target{entry.value(QStringLiteral("name")).toString(),
                                   entry.value(QStringLiteral("url")).toString()};
        std::optional<engine::EngineError> urlError;
        const auto parsed = engine::StreamTarget::parse(target.url, &urlError);
        if (!parsed) {
            // One bad target is left out and named; the others still load.
            *problem = settingsError(path, QStringLiteral("的 streams[%1] 地址无效").arg(i),
                                     QStringLiteral("has an invalid address in streams[%1]").arg(i),
                                     urlError ? urlError->message() : QString());
            continue;
        }
        engine::obslog::addSecret(parsed->key);
        settings.streams.append(target);
    }
    for (const QJsonValue& value : root.value(QStringLiteral("uploadTargets")).toArray()) {
        const QJsonObject entry = value.toObject();
        settings.uploadTargets.append(
            {entry.value(QStringLiteral("name")).toString(), entry.value(QStringLiteral("url")).toString()});
    }
    return settings;
}

std::optional<UserError> StudioSettings::save(const QString& path) const {
    QJsonArray streamList;
    for (const StreamTargetSetting& target : streams)
        streamList.append(
            QJsonObject{{QStringLiteral("name"), target.name}, {QStringLiteral("url"), target.url}});
    QJsonArray uploadList;
    for (const StreamTargetSetting& target : uploadTargets)
        uploadList.append(
            QJsonObject{{QStringLiteral("name"), target.name}, {QStringLiteral("url"), target.url}});
    const QJsonObject root{
        {QStringLiteral("lastShow"), lastShow},
        {QStringLiteral("language"), language},
        {QStringLiteral("recordingDir"), recordingDir},
        {QStringLiteral("defaultTransition"), defaultTransition},
        {QStringLiteral("streams"), streamList},
        {QStringLiteral("uploadTargets"), uploadList},
        {QStringLiteral("remote"), QJsonObject{{QStringLiteral("port"), remotePort},
                                               {QStringLiteral("address"), remoteAddress},
                                               {QStringLiteral("password"), remotePassword}}},
    };
    return AtomicFile::write(path, QJsonDocument(root).toJson(QJsonDocument::Indented),
                             AtomicFile::Access::Private);
}

} // namespace xz::live
