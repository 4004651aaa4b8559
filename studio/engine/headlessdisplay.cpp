#include "headlessdisplay.h"

#include <QByteArray>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace xz::engine {

std::unique_ptr<HeadlessDisplay> HeadlessDisplay::startIfNeeded(std::optional<EngineError>* error) {
    if (!qEnvironmentVariableIsEmpty("DISPLAY"))
        return nullptr;

    // Xvfb picks a free display number itself and writes it to -displayfd once it accepts connections,
    // which avoids both guessing numbers and sleeping.
    int fds[2];
    if (pipe(fds) != 0) {
        *error =
            EngineError{QStringLiteral("无法启动虚拟显示"), QStringLiteral("cannot start a virtual display"),
                        QStringLiteral("pipe: %1").arg(errno)};
        return nullptr;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const QByteArray fd = QByteArray::number(fds[1]);
        execlp("Xvfb", "Xvfb", "-displayfd", fd.constData(), "-screen", "0", "1920x1080x24", "-nolisten",
               "tcp", "-noreset", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        *error = EngineError{QStringLiteral("无法启动虚拟显示"),
                             QStringLiteral("cannot start a virtual display"), QStringLiteral("fork failed")};
        return nullptr;
    }
    std::unique_ptr<HeadlessDisplay> display(new HeadlessDisplay(pid));
    QByteArray number;
    pollfd pfd{fds[0], POLLIN, 0};
    char buffer[16];
    while (poll(&pfd, 1, 10000) > 0) {
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        number.append(buffer, n);
        if (number.contains('\n'))
            break;
    }
    close(fds[0]);
    number = number.trimmed();
    if (number.isEmpty()) {
        *error = EngineError{QStringLiteral("没有显示器，也无法启动 Xvfb"),
                             QStringLiteral("no display, and Xvfb could not be started"),
                             QStringLiteral("install the xvfb package or run under xvfb-run")};
        return nullptr;
    }
    qputenv("DISPLAY", ":" + number);
    return display;
}

HeadlessDisplay::~HeadlessDisplay() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    qunsetenv("DISPLAY");
}

} // namespace xz::engine
