// SIGINT and SIGTERM become a Qt signal on the main thread (self-pipe), so a show stopped with Ctrl+C or by
// a service manager still stops its outputs cleanly and prints its summary.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace xz::app {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier* notifier_ = nullptr;
};

} // namespace xz::app
