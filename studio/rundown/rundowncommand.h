// `xiaozhan rundown`: the command-line face of rundown files.
//   check FILE|NAME [--show NAME] [--json]   check a rundown (NAME: scenes/NAME/rundown.json) against its
//   show import FILE.csv|ONTIME.json [--show NAME] [--rundown ID] -o OUT.json
// Exit codes: 0 success, 1 the file has errors (each printed with file, line, column and path), 2 usage
// error.
#pragma once

#include <QStringList>

namespace xz::rundown {

// args are the words after `xiaozhan rundown`; a QCoreApplication must exist.
int runRundownCommand(const QStringList& args);

} // namespace xz::rundown
