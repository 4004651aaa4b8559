#include "pulseserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcessEnvironment>
#include <QThread>
#include <csignal>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace xz::testing {
namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kPactlTimeoutMs = 5000;

// Descriptors this process holds (libobs' popen() pipe to its muxer helper is not close-on-exec) must not
// live on in a child: a long-lived daemon holding a pipe's write end keeps its reader from seeing the end.
void closeInheritedDescriptors() {
    if (::close_range(3, ~0u, CLOSE_RANGE_CLOEXEC) != 0) {
        for (int fd = 3; fd < 1024; ++fd)
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
}

void writeFile(const QString& path, const QByteArray& contents) {
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(contents);
}

} // namespace

PulseServer::PulseServer() {
    daemon_.setProgram(QStringLiteral("pulseaudio"));
}

PulseServer::~PulseServer() {
    if (daemon_.state() != QProcess::NotRunning) {
        daemon_.terminate();
        if (!daemon_.waitForFinished(3000)) {
            daemon_.kill();
            daemon_.waitForFinished(3000);
        }
    }
    // Newest first, so a variable set twice ends up as it was before the server started.
    for (auto it = savedEnvironment_.crbegin(); it != savedEnvironment_.crend(); ++it) {
        if (it->second)
            qputenv(it->first.constData(), *it->second);
        else
            qunsetenv(it->first.constData());
    }
}

void PulseServer::setEnvironment(const char* name, const QString& value) {
    std::optional<QByteArray> previous;
    if (qEnvironmentVariableIsSet(name))
        previous = qgetenv(name);
    savedEnvironment_.append({QByteArray(name), previous});
    qputenv(name, value.toUtf8());
}

QString PulseServer::serverAddress() const {
    return QStringLiteral("unix:") + path(QStringLiteral("native"));
}

QString PulseServer::daemonLog() const {
    QFile file(path(QStringLiteral("daemon.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool PulseServer::isRunning() const {
    return daemon_.state() == QProcess::Running;
}

bool PulseServer::start() {
    if (!dir_.isValid()) {
        error_ = QStringLiteral("cannot create a temporary folder for PulseAudio: ") + dir_.errorString();
        return false;
    }
    // PulseAudio refuses a runtime folder others can enter (QTemporaryDir's own is 0700 already).
    QDir(dir_.path()).mkpath(QStringLiteral("home"));
    QDir(dir_.path()).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(path(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // Our own daemon.conf (PULSE_CONFIG) replaces /etc/pulse/daemon.conf and ~/.config/pulse/daemon.conf: a
    // foreground user daemon that never exits when idle and, although CI runs it as root, takes no
    // realtime or raised priority.
    writeFile(path(QStringLiteral("daemon.conf")), "daemonize = no\n"
                                                   "system-instance = no\n"
                                                   "use-pid-file = no\n"
                                                   "exit-idle-time = -1\n"
                                                   "high-priority = no\n"
                                                   "realtime-scheduling = no\n"
                                                   "log-target = stderr\n"
                                                   "log-level = info\n");
    // Instead of default.pa (-n): only the native protocol on our socket. Anonymous access is safe because
    // the socket lives in our 0700 folder; no cookie is written or checked.
    writeFile(path(QStringLiteral("daemon.pa")),
              QStringLiteral("load-module module-native-protocol-unix socket=%1 auth-anonymous=1 "
                             "auth-cookie-enabled=0\n")
                  .arg(path(QStringLiteral("native")))
                  .toUtf8());
    // For the clients in this process: never start a daemon of their own.
    writeFile(path(QStringLiteral("client.conf")), "autospawn = no\n");

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display and no session bus: the daemon looks for a session bus at startup, and libdbus would
    // autolaunch one through X11; an address that cannot connect makes it give up at once.
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "PULSE_SERVER", "PULSE_SCRIPT"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + path(QStringLiteral("no-session-bus")));
    environment.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/.config")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("runtime")));
    environment.insert(QStringLiteral("PULSE_RUNTIME_PATH"), path(QStringLiteral("runtime")));
    environment.insert(QStringLiteral("PULSE_STATE_PATH"), path(QStringLiteral("state")));
    environment.insert(QStringLiteral("PULSE_CONFIG"), path(QStringLiteral("daemon.conf")));
    daemon_.setProcessEnvironment(environment);
    daemon_.setArguments({QStringLiteral("-n"), QStringLiteral("-F"), path(QStringLiteral("daemon.pa")),
                          QStringLiteral("--daemonize=no"), QStringLiteral("--exit-idle-time=-1")});
    daemon_.setStandardInputFile(QProcess::nullDevice());
    // A file, not a pipe: nobody has to read it for the daemon to keep running, and it survives for the
    // failure message.
    daemon_.setProcessChannelMode(QProcess::MergedChannels);
    daemon_.setStandardOutputFile(path(QStringLiteral("daemon.log")));
    daemon_.setChildProcessModifier([] {
        closeInheritedDescriptors();
        // A test that crashes or is killed by its timeout takes the daemon with it.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });

    // Clients in this process and its children talk only to this server, keep their cookie here instead of
    // in ~/.config/pulse, and never autospawn.
    setEnvironment("PULSE_SERVER", serverAddress());
    setEnvironment("PULSE_COOKIE", path(QStringLiteral("cookie")));
    setEnvironment("PULSE_CLIENTCONFIG", path(QStringLiteral("client.conf")));
    setEnvironment("PULSE_RUNTIME_PATH", path(QStringLiteral("runtime")));

    daemon_.start();
    if (!daemon_.waitForStarted(5000)) {
        error_ =
            QStringLiteral("cannot run pulseaudio (is the package installed?): ") + daemon_.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    QString lastAnswer;
    while (timer.elapsed() < kStartTimeoutMs) {
        if (daemon_.state() != QProcess::Running || daemon_.waitForFinished(0)) {
            error_ = QStringLiteral("pulseaudio exited during startup (exit code %1). Its log:\n%2")
                         .arg(daemon_.exitCode())
                         .arg(daemonLog());
            return false;
        }
        if (QFile::exists(path(QStringLiteral("native"))) && pactl({QStringLiteral("info")}, &lastAnswer))
            return true;
        QThread::msleep(30);
    }
    error_ = QStringLiteral("pulseaudio did not answer within %1 ms (pactl: %2). Its log:\n%3")
                 .arg(kStartTimeoutMs)
                 .arg(error_.isEmpty() ? lastAnswer : error_, daemonLog());
    return false;
}

bool PulseServer::pactl(const QStringList& arguments, QString* output) {
    QProcess process;
    process.setChildProcessModifier([] { closeInheritedDescriptors(); });
    process.start(QStringLiteral("pactl"), arguments);
    if (!process.waitForStarted(5000)) {
        error_ = QStringLiteral("cannot run pactl (package pulseaudio-utils): ") + process.errorString();
        return false;
    }
    if (!process.waitForFinished(kPactlTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        error_ = QStringLiteral("pactl %1 did not finish within %2 ms")
                     .arg(arguments.join(QLatin1Char(' ')))
                     .arg(kPactlTimeoutMs);
        return false;
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        error_ = QStringLiteral("pactl %1 failed (exit code %2): %3")
                     .arg(arguments.join(QLatin1Char(' ')))
                     .arg(process.exitCode())
                     .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

int PulseServer::plugMicrophone(const QString& name, const QString& description) {
    // A null source is a real source to every client: it is listed, opened, recorded from (silence, at the
    // pace of its clock) and, when its module is unloaded, gone with its streams, like a pulled USB device.
    QStringList arguments = {QStringLiteral("load-module"), QStringLiteral("module-null-source"),
                             QStringLiteral("source_name=") + name, QStringLiteral("rate=48000"),
                             QStringLiteral("channels=2")};
    if (!description.isEmpty())
        arguments.append(QStringLiteral("description=\"%1\"").arg(description));
    QString output;
    if (!pactl(arguments, &output))
        return -1;
    bool ok = false;
    const int index = output.toInt(&ok);
    if (!ok) {
        error_ = QStringLiteral("pactl load-module answered \"%1\", not a module index").arg(output);
        return -1;
    }
    plugged_.append(index);
    return index;
}

bool PulseServer::unplug(int moduleIndex) {
    if (!pactl({QStringLiteral("unload-module"), QString::number(moduleIndex)}))
        return false;
    plugged_.removeAll(moduleIndex);
    return true;
}

bool PulseServer::unplugAll() {
    bool ok = true;
    const QList<int> plugged = plugged_;
    for (int index : plugged)
        ok = unplug(index) && ok;
    return ok;
}

std::optional<QStringList> PulseServer::recordingFrom() {
    // "INDEX NAME DRIVER ..." per source, "INDEX SOURCE-INDEX CLIENT DRIVER ..." per recording stream.
    QString sources, outputs;
    if (!pactl({QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sources")}, &sources) ||
        !pactl({QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("source-outputs")}, &outputs))
        return std::nullopt;
    QHash<QString, QString> names;
    for (const QString& line : sources.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() > 1)
            names.insert(fields[0], fields[1]);
    }
    QStringList recording;
    for (const QString& line : outputs.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() > 1)
            recording.append(names.value(fields[1], fields[1]));
    }
    return recording;
}

} // namespace xz::testing
