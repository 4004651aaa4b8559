// xiaozhan: the command people type. Cutting, exporting, uploading and checking rundowns run here, in a
// program that loads GStreamer, SQLite and curl but not the video engine: libobs brings some 170 libraries
// with it (FFmpeg's among them), and loading them took 70 ms of every `xiaozhan trim`, longer than the cut.
// Everything else (the control surface, live, show, remux, devices, host, the usage text) is
// xiaozhan-studio's, started in this process's place with the same arguments.
#include "clipcommand.h"
#include "rundowncommand.h"
#include "uploadcommand.h"

#include <QCoreApplication>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

struct Command {
    const char* name;
    int (*run)(const QStringList& args);
};

constexpr Command kCommandsRunHere[] = {
    {"trim", xz::clips::runTrimCommand},
    {"export", xz::clips::runExportCommand},
    {"upload", xz::upload::runUploadCommand},
    {"rundown", xz::rundown::runRundownCommand},
};

const Command* commandRunHere(int argc, char** argv) {
    if (argc < 2)
        return nullptr;
    for (const Command& command : kCommandsRunHere)
        if (std::strcmp(argv[1], command.name) == 0)
            return &command;
    return nullptr;
}

// xiaozhan-studio sits beside this program (build tree and installation alike): found through the kernel's
// link to this program, else through the path it was started by; started by its bare name, it is looked for
// on PATH as this one was.
std::string studioProgram(const char* argv0) {
    char self[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    const std::string path =
        length > 0 ? std::string(self, std::size_t(length)) : std::string(argv0 ? argv0 : "");
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? "xiaozhan-studio" : path.substr(0, slash + 1) + "xiaozhan-studio";
}

} // namespace

int main(int argc, char** argv) {
    const Command* command = commandRunHere(argc, argv);
    if (!command) {
        const std::string studio = studioProgram(argv[0]);
        ::execvp(studio.c_str(), argv);
        const int error = errno;
        std::fprintf(
            stderr,
            "无法启动 %s（它应与 xiaozhan 在同一个文件夹里）/ cannot start %s (it belongs in the same "
            "folder as xiaozhan): %s\n",
            studio.c_str(), studio.c_str(), std::strerror(error));
        return error == ENOENT ? 127 : 126; // the shell's codes: not there, or there but not startable
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xiaozhan"));
    return command->run(QCoreApplication::arguments().mid(2));
}
