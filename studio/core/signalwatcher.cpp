#include "signalwatcher.h"

#include <QSocketNotifier>
#include <fcntl.h>
#include <unistd.h>

namespace xz {
namespace {

// One watcher at a time owns the handlers; the handler may only do async-signal-safe things.
int signalPipe = -1;

void onSignal(int signalNumber) {
    const char byte = static_cast<char>(signalNumber);
    [[maybe_unused]] const ssize_t written = write(signalPipe, &byte, 1);
}

} // namespace

SignalWatcher::SignalWatcher(QObject* parent) : QObject(parent) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    readFd_ = fds[0];
    writeFd_ = fds[1];
    signalPipe = writeFd_;
    notifier_ = std::make_unique<QSocketNotifier>(readFd_, QSocketNotifier::Read);
    connect(notifier_.get(), &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        while (read(readFd_, &byte, 1) == 1)
            emit stopRequested(byte);
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &previousInt_);
    sigaction(SIGTERM, &action, &previousTerm_);
}

SignalWatcher::~SignalWatcher() {
    if (readFd_ < 0)
        return;
    sigaction(SIGINT, &previousInt_, nullptr);
    sigaction(SIGTERM, &previousTerm_, nullptr);
    signalPipe = -1;
    notifier_.reset();
    close(readFd_);
    close(writeFd_);
}

} // namespace xz
