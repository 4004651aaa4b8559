// SIGINT and SIGTERM become a Qt signal on the owner's thread (self-pipe), so a show or an upload run
// stopped with Ctrl+C or by a service manager still finishes cleanly. The previous handlers come back when
// the watcher goes away.
#pragma once

#include <QObject>
#include <csignal>
#include <memory>

class QSocketNotifier;

namespace xz {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void stopRequested(int signalNumber);

private:
    int readFd_ = -1;
    int writeFd_ = -1;
    std::unique_ptr<QSocketNotifier> notifier_;
    struct sigaction previousInt_ {};
    struct sigaction previousTerm_ {};
};

} // namespace xz
