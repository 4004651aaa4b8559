// xiaozhan: parses the subcommand and hands over to the part that does the work.
#include "clipcommand.h"
#include "commands.h"
#include "gstcapture.h"
#include "rundowncommand.h"
#include "uploadcommand.h"

#include <QCoreApplication>
#include <cstdio>
#include <unistd.h>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
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
    if (command == QLatin1String("trim"))
        return xz::clips::runTrimCommand(args);
    if (command == QLatin1String("export"))
        return xz::clips::runExportCommand(args);
    if (command == QLatin1String("upload"))
        return xz::upload::runUploadCommand(args);
    if (command == QLatin1String("rundown"))
        return xz::rundown::runRundownCommand(args);
    if (command.isEmpty()) {
        // The QML control surface arrives with its own issue; until then say so instead of failing silently.
        fprintf(stderr, "控制台界面尚未完成，请使用下列命令 / the control surface is not built yet; use:\n");
    }
    xz::app::printUsage();
    return command.isEmpty() || command == QLatin1String("help") || command == QLatin1String("--help") ? 0
                                                                                                       : 2;
}
