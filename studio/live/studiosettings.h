// What the studio remembers between runs, in configDir()/studio.json (private to its owner, 0600: it holds
// stream keys and the remote-control password): the last show, the language, the recording folder, the
// default transition, the stream targets and remote control. A file that cannot be read gives a clear
// message and the defaults; nothing else breaks. Secrets in it are registered for redaction on load.
#pragma once

#include "usererror.h"

#include <QList>
#include <QString>
#include <optional>

namespace xz::live {

struct StreamTargetSetting {
    QString name; // "抖音", "视频号"
    QString url;  // rtmp(s)://server/app/KEY: a secret
};

struct StudioSettings {
    QString lastShow;                           // "cooking"; empty on the first run
    QString language = QStringLiteral("zh_CN"); // or "en"
    QString recordingDir;                       // empty: paths::recordingsDir()
    QString defaultTransition;                  // empty: the show's own
    QList<StreamTargetSetting> streams;
    // Where finished clips can be sent from the Uploads view: {name, upload target URL} (tus+https://...,
    // douyin://ACCOUNT, file:///dir). Tokens stay in upload.json, never here.
    QList<StreamTargetSetting> uploadTargets;
    int remotePort = 0; // 0: no remote control
    QString remoteAddress = QStringLiteral("127.0.0.1");
    QString remotePassword;

    QString recordingFolder() const; // recordingDir or the default

    // A missing file gives the defaults; a damaged one the defaults and the reason (file, line, field).
    static StudioSettings load(const QString& path, std::optional<UserError>* problem);
    std::optional<UserError> save(const QString& path) const;
    static QString defaultPath();
};

} // namespace xz::live
