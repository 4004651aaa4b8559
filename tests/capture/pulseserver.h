// A private PulseAudio server for device tests: a real sound server on a unix socket in a temporary folder
// (no network, no D-Bus, no autospawn, no cookie in the user's home), where a "microphone" is a null source
// that can be plugged in and pulled out while GStreamer and libobs watch. The server and this process's
// PULSE_* environment live as long as the object; start() it before anything in the process talks to pulse.
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <optional>
#include <utility>

namespace xz::testing {

class PulseServer {
public:
    PulseServer();
    ~PulseServer(); // stops the daemon and restores the environment

    PulseServer(const PulseServer&) = delete;
    PulseServer& operator=(const PulseServer&) = delete;

    // Starts the daemon, points this process (and the programs it starts) at it and waits until it answers.
    // False with the reason, including the daemon's own log, in errorString().
    bool start();
    bool isRunning() const;
    QString errorString() const { return error_; }
    QString serverAddress() const; // "unix:/tmp/.../native", as PULSE_SERVER
    QString daemonLog() const;

    // A source named `name` appears, as when a USB microphone is plugged in; `description` is what the
    // system shows for it. Returns the module index to unplug it by, or -1 (see errorString()).
    int plugMicrophone(const QString& name, const QString& description = QString());
    // The source vanishes, as when the microphone's cable is pulled.
    bool unplug(int moduleIndex);
    // Everything plugMicrophone() plugged in and is still there (a test's clean-up).
    bool unplugAll();
    // The sources the server's recording streams read from now, by name (what pulsesrc really records).
    std::optional<QStringList> recordingFrom();

    // Runs pactl against this server; false (with its stderr in errorString()) unless it exits with 0.
    bool pactl(const QStringList& arguments, QString* output = nullptr);

private:
    QString path(const QString& name) const { return dir_.filePath(name); }
    void setEnvironment(const char* name, const QString& value);

    QTemporaryDir dir_;
    QProcess daemon_;
    QString error_;
    QList<int> plugged_;
    QList<std::pair<QByteArray, std::optional<QByteArray>>> savedEnvironment_;
};

} // namespace xz::testing
