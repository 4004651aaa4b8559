// The upload command in a process of its own, for the CLI and SIGKILL tests: `upload_runner add|run|list ...`
// behaves like `xiaozhan upload ...` without recompiling any app sources.
#include "uploadcommand.h"

#include <QCoreApplication>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    return xz::upload::runUploadCommand(app.arguments().mid(1));
}
