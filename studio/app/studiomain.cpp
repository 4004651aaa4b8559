// xiaozhan-studio: the commands that need the video engine or a window (the control surface, live, show,
// remux, devices, host) and the usage text. `xiaozhan` (main.cpp) runs the rest itself and starts this for
// these, so its arguments are the same.
#include "commands.h"
#include "gstcapture.h"
#include "hostcommand.h"
#include "surface.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Xiaozhan_ThemePlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_HostPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_OperatorPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_UploadsPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_EditorPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_AppPlugin)

namespace {

// The window needs a GUI application, everything else must run without a display (over SSH, in CI).
bool wantsWindow(int argc, char** argv) {
    if (!xz::app::displayAvailable())
        return false;
    if (argc < 2 || std::strcmp(argv[1], "host") == 0)
        return true;
    if (std::strcmp(argv[1], "live") != 0)
        return false;
    for (int i = 2; i < argc; ++i)
        if (std::strcmp(argv[i], "--headless") == 0)
            return false;
    return true;
}

} // namespace

// Without a GPU (no render node: a PC with only the CPU, or a virtual display) Qt Quick's OpenGL renderer
// would redraw the whole window in software for every meter movement; its software renderer repaints only
// what changed, at a fraction of the cost. QT_QUICK_BACKEND still decides when set.
void chooseQuickRenderer() {
    if (qEnvironmentVariableIsSet("QT_QUICK_BACKEND"))
        return;
    const QDir dri(QStringLiteral("/dev/dri"));
    if (dri.entryList({QStringLiteral("renderD*")}, QDir::System).isEmpty())
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

int main(int argc, char** argv) {
    std::unique_ptr<QCoreApplication> app;
    if (wantsWindow(argc, argv)) {
        chooseQuickRenderer();
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
    if (!app)
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xiaozhan"));
    QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    if (command == QLatin1String("live")) {
        const int code = xz::app::runLiveCommand(args);
        if (xz::capture::srtLibraryInUse()) {
            // Two libsrt builds in one process crash in their static destructors (see srtLibraryInUse):
            // everything is finished and printed, so leave without running them.
            fflush(stdout);
            fflush(stderr);
            _exit(code);
        }
        return code;
    }
    if (command == QLatin1String("show"))
        return xz::app::runShowCommand(args);
    if (command == QLatin1String("remux"))
        return xz::app::runRemuxCommand(args);
    if (command == QLatin1String("devices"))
        return xz::app::runDevicesCommand(args);
    if (command == QLatin1String("host"))
        return xz::ui::runHostCommand(args);
    if (command.isEmpty()) {
        if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            return xz::app::runSurfaceCommand(args);
        fprintf(stderr,
                "没有显示器，无法打开控制台界面；可以使用下列命令 / no display for the control surface; "
                "these commands work without one:\n");
    }
    xz::app::printUsage();
    return command.isEmpty() || command == QLatin1String("help") || command == QLatin1String("--help") ? 0
                                                                                                       : 2;
}
