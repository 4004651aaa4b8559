// The control surface as a command: `xiaozhan` opens it on the last show (or the show picker), and
// `xiaozhan live ...` without --headless opens it already running that show with its outputs started. Only
// wiring: the window, its views and models live in qml/, the show in live::Studio.
#pragma once

#include "liveoptions.h"

#include <QStringList>

namespace xz::app {

// True when a window can be shown here (an X display); over SSH without one the commands run headless.
bool displayAvailable();
// `xiaozhan` without a subcommand.
int runSurfaceCommand(const QStringList& args);
// `xiaozhan live` without --headless: the same summary on stdout and exit codes as headless.
int runLiveSurface(const LiveOptions& options);

} // namespace xz::app
