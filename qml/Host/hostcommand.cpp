#include "hostcommand.h"

#include "hostmirror.h"
#include "signalwatcher.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QUrl>
#include <cstdio>

namespace xz::ui {
namespace {

void printErr(const QString& text) {
    fprintf(stderr, "%s\n", text.toUtf8().constData());
    fflush(stderr);
}

UserError badValue(const QString& option, const QString& value, const QString& whyZh, const QString& whyEn) {
    return UserError{QStringLiteral("%1 的值“%2”不对：%3").arg(option, value, whyZh),
                     QStringLiteral("%1 \"%2\" is not valid: %3").arg(option, value, whyEn), QString()};
}

// "192.168.1.20:4455", "studio.local:4455", "[::1]:4455"; the port may be left out (4455).
std::optional<UserError> parseAddress(const QString& value, HostOptions* options) {
    QString host = value;
    QString port;
    if (value.startsWith(u'[')) {
        const qsizetype close = value.indexOf(u']');
        if (close < 0)
            return badValue(QStringLiteral("--connect"), value, QStringLiteral("IPv6 地址缺少“]”"),
                            QStringLiteral("the IPv6 address lacks its closing \"]\""));
        host = value.mid(1, close - 1);
        const QString rest = value.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return badValue(QStringLiteral("--connect"), value, QStringLiteral("“]”后面应是“:端口”"),
                            QStringLiteral("\"]\" must be followed by \":PORT\""));
        port = rest.mid(1);
        if (rest.isEmpty())
            port = QString::number(HostOptions::kDefaultPort);
    } else if (value.count(u':') == 1) {
        host = value.section(u':', 0, 0);
        port = value.section(u':', 1);
    } else if (value.count(u':') > 1) {
        return badValue(QStringLiteral("--connect"), value,
                        QStringLiteral("IPv6 地址要写在方括号里，例如 [::1]:4455"),
                        QStringLiteral("write an IPv6 address in brackets, e.g. [::1]:4455"));
    } else {
        port = QString::number(HostOptions::kDefaultPort);
    }
    if (host.isEmpty() || host.contains(u'/') || host.contains(u' '))
        return badValue(QStringLiteral("--connect"), value,
                        QStringLiteral("应为 主机:端口，例如 192.168.1.20:4455"),
                        QStringLiteral("expected HOST:PORT, e.g. 192.168.1.20:4455"));
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number < 1 || number > 65535)
        return badValue(QStringLiteral("--connect"), value,
                        QStringLiteral("端口“%1”应是 1 到 65535 之间的数字").arg(port),
                        QStringLiteral("the port \"%1\" must be a number from 1 to 65535").arg(port));
    options->hostName = host;
    options->port = quint16(number);
    return std::nullopt;
}

} // namespace

QString HostOptions::usage() {
    return QStringLiteral(
        "用法 / usage: xiaozhan host [--connect HOST:PORT] [--password PW] [--fullscreen]\n"
        "  主持人屏幕：通过演播室的遥控端口显示节目单（默认 127.0.0.1:4455）\n"
        "  the host's screen, mirroring the studio's rundown over its remote-control port (default "
        "127.0.0.1:4455)");
}

std::optional<HostOptions> HostOptions::parse(const QStringList& args, std::optional<UserError>* error) {
    HostOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool takesValue = arg == QLatin1String("--connect") || arg == QLatin1String("--password");
        if (takesValue && (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--")))) {
            *error = UserError{QStringLiteral("%1 后面缺少值").arg(arg),
                               QStringLiteral("%1 needs a value").arg(arg), QString()};
            return std::nullopt;
        }
        if (arg == QLatin1String("--connect")) {
            if ((*error = parseAddress(args[++i], &options)))
                return std::nullopt;
        } else if (arg == QLatin1String("--password")) {
            options.password = args[++i];
        } else if (arg == QLatin1String("--fullscreen")) {
            options.fullscreen = true;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            options.help = true;
        } else {
            *error = UserError{QStringLiteral("xiaozhan host 不认识“%1”").arg(arg),
                               QStringLiteral("xiaozhan host does not know \"%1\"").arg(arg), QString()};
            return std::nullopt;
        }
    }
    return options;
}

int runHostCommand(const QStringList& args) {
    std::optional<UserError> error;
    const std::optional<HostOptions> options = HostOptions::parse(args, &error);
    if (!options) {
        printErr(QStringLiteral("错误 / error: ") + (error ? error->message() : QString()));
        printErr(HostOptions::usage());
        return 2;
    }
    if (options->help) {
        printErr(HostOptions::usage());
        return 0;
    }
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        printErr(
            QStringLiteral("错误 / error: 没有显示器，无法打开主持人屏幕 / no display to show the host's "
                           "screen on"));
        return 2;
    }
    rundown::SystemClock clock;
    HostMirror mirror(options->hostName, options->port, options->password, clock);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("mirror"), QVariant::fromValue(&mirror)},
                                 {QStringLiteral("fullscreen"), options->fullscreen}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Xiaozhan/Host/HostWindow.qml")));
    if (engine.rootObjects().isEmpty()) {
        printErr(QStringLiteral("错误 / error: 主持人屏幕无法打开 / the host's screen could not open"));
        return 1;
    }
    mirror.start();
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::stopRequested, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(0); });
    return QGuiApplication::exec();
}

} // namespace xz::ui
