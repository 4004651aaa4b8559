// Reads and checks rundown files, with the show they are meant for: the rundown's own "show" member or the
// one the caller names (--show). Nothing is half-applied: a file yields a complete Rundown (and its Show,
// when one is known) or a list of errors, each naming the file, the JSON path, line and column.
#pragma once

#include "rundown.h"

#include "show.h"
#include "showloader.h"

#include <QList>
#include <QString>
#include <optional>

namespace xz::rundown {

// Errors have the same shape as the show file's (file, JSON path, line, column, zh/en).
using FileError = show::ShowError;

struct RundownLoadResult {
    std::optional<Rundown> rundown;
    std::optional<show::Show> show; // the show it was checked against, when one was known
    QList<FileError> errors;
    bool ok() const { return rundown.has_value() && errors.isEmpty(); }
};

class RundownLoader {
public:
    // `showOverride` ("cooking", a folder or a show.json path) wins over the file's own "show" member; the
    // two must agree when both are given.
    static RundownLoadResult loadFile(const QString& path, const QString& showOverride = {});
    static RundownLoadResult loadJson(const QByteArray& json, const QString& displayName,
                                      const QString& baseDir, const QString& showOverride = {});
    // "cooking" -> <scenesDir>/cooking/rundown.json; anything with a '/' or ending in .json is taken as a
    // path.
    static QString resolveRundownPath(const QString& nameOrFile, const QString& scenesDir);
    // A show named by a rundown: a name resolves in scenesDir, a path against the rundown's folder.
    static QString resolveShowPath(const QString& nameOrFile, const QString& baseDir,
                                   const QString& scenesDir);
};

} // namespace xz::rundown
