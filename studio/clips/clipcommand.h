// `xiaozhan trim` and `xiaozhan export`: the command line over the clip job queue. Progress on stderr when it
// is a terminal, one line of JSON on stdout at the end (ok or not), exit 0 done / 1 failed or cancelled /
// 2 usage. Ctrl+C cancels the job and removes its partial output.
#pragma once

#include <QStringList>

namespace xz::clips {

int runTrimCommand(const QStringList& args);
int runExportCommand(const QStringList& args);

} // namespace xz::clips
