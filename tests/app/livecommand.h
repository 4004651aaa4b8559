// Runs the real xiaozhan binary the way an operator or a script does, and reads what it reports.
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace xz::testing {

struct LiveRun {
    int exitCode = -1;
    QString stdoutText;
    QString stderrText;
    QJsonObject summary; // the last stdout line, parsed
};

class LiveCommand {
public:
    explicit LiveCommand(const QStringList& args);
    ~LiveCommand();

    void start();
    // Waits for the process to end (or kills it after timeoutMs) and collects its output.
    LiveRun finish(int timeoutMs = 120000);
    // Waits until stderr contains `text` (the studio's progress lines), up to timeoutMs.
    bool waitForStderr(const QString& text, int timeoutMs = 30000);
    // What stderr said so far (as read by waitForStderr).
    QString stderrSoFar() const { return QString::fromUtf8(stderr_); }
    void sendSignal(int signalNumber);
    // SIGKILL the studio and its muxer helper at once, as a power cut or crash would.
    void killHard();
    QProcess& process() { return process_; }

private:
    QStringList args_;
    QProcess process_;
    QByteArray stderr_;
};

} // namespace xz::testing
