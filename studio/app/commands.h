// The subcommands of the xiaozhan binary. Each returns the process exit code.
#pragma once

#include <QStringList>

namespace xz::app {

int runLiveCommand(const QStringList& args);
int runShowCommand(const QStringList& args);
int runRemuxCommand(const QStringList& args);
int runDevicesCommand(const QStringList& args);
void printUsage();

} // namespace xz::app
