#include "livecommand.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QStringList>
#include <csignal>

namespace xz::testing {

LiveCommand::LiveCommand(const QStringList& args) : args_(args) {}

LiveCommand::~LiveCommand() {
    if (process_.state() != QProcess::NotRunning) {
        process_.kill();
        process_.waitForFinished(5000);
    }
}

void LiveCommand::start() {
    process_.start(QStringLiteral(XIAOZHAN_BINARY), QStringList{QStringLiteral("live")} + args_);
    process_.waitForStarted(5000);
}

bool LiveCommand::waitForStderr(const QString& text, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        process_.waitForReadyRead(100);
        stderr_ += process_.readAllStandardError();
        if (QString::fromUtf8(stderr_).contains(text))
            return true;
        if (process_.state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

void LiveCommand::sendSignal(int signalNumber) {
    // Never kill(0, ...): a process that is not running has no id, and 0 means the test's own group.
    const qint64 pid = process_.processId();
    if (pid > 0)
        ::kill(static_cast<pid_t>(pid), signalNumber);
}

namespace {

QStringList childrenOf(const QString& pid) {
    QProcess pgrep;
    pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-P"), pid});
    pgrep.waitForFinished(5000);
    return QString::fromUtf8(pgrep.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

void LiveCommand::killHard() {
    // The whole tree at once (the muxer runs under "sh -c"), collected before anything dies.
    if (process_.processId() <= 0)
        return; // not running: nothing to kill (and never kill(0, ...), the test's own group)
    QStringList tree{QString::number(process_.processId())};
    for (qsizetype i = 0; i < tree.size(); ++i)
        tree += childrenOf(tree[i]);
    for (const QString& pid : tree)
        if (pid.toLongLong() > 0)
            ::kill(static_cast<pid_t>(pid.toLongLong()), SIGKILL);
    process_.waitForFinished(5000);
}

LiveRun LiveCommand::finish(int timeoutMs) {
    if (!process_.waitForFinished(timeoutMs)) {
        process_.kill();
        process_.waitForFinished(5000);
    }
    LiveRun run;
    run.exitCode = process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    run.stdoutText = QString::fromUtf8(process_.readAllStandardOutput());
    stderr_ += process_.readAllStandardError();
    run.stderrText = QString::fromUtf8(stderr_);
    const QStringList lines = run.stdoutText.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!lines.isEmpty())
        run.summary = QJsonDocument::fromJson(lines.last().toUtf8()).object();
    return run;
}

} // namespace xz::testing
