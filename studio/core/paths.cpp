#include "paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace xz::paths {
namespace {

QString homeOverride() {
    return qEnvironmentVariable("XIAOZHAN_HOME");
}

// The binary lives in build/bin or <prefix>/bin; the shipped data sits in the source tree or <prefix>/share.
QString shippedDir(const QString& name) {
    const QStringList candidates = {
        QStringLiteral(XIAOZHAN_SOURCE_DIR "/") + name,
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/xiaozhan/") + name,
    };
    for (const QString& dir : candidates) {
        if (QFileInfo(dir).isDir())
            return QDir(dir).absolutePath();
    }
    return candidates.first();
}

} // namespace

QString configDir() {
    const QString home = homeOverride();
    if (!home.isEmpty())
        return home + QStringLiteral("/config");
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/xiaozhan");
}

QString dataDir() {
    const QString home = homeOverride();
    if (!home.isEmpty())
        return home + QStringLiteral("/data");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/xiaozhan");
}

QString recordingsDir() {
    const QString home = homeOverride();
    if (!home.isEmpty())
        return home + QStringLiteral("/recordings");
    return QDir::homePath() + QStringLiteral("/Videos/xiaozhan");
}

QString scenesDir() {
    const QString fromEnv = qEnvironmentVariable("XIAOZHAN_SCENES_DIR");
    return fromEnv.isEmpty() ? shippedDir(QStringLiteral("scenes")) : fromEnv;
}

QString assetsDir() {
    return shippedDir(QStringLiteral("assets"));
}

} // namespace xz::paths
