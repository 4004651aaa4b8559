// `xiaozhan upload add|run|list`: the command-line face of the upload queue.
//   add FILE --target URL [--title TEXT] [--hashtag TAG]... [--force]
//   run [--until-empty]
//   list
// Exit codes: 0 success, 1 error, 2 usage error, 3 `run` finished but some job failed.
#pragma once

#include <QStringList>

namespace xz::upload {

// args are the words after `xiaozhan upload`; a QCoreApplication must exist.
int runUploadCommand(const QStringList& args);

} // namespace xz::upload
