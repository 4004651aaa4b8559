// Reads and validates show files. Nothing is half-applied: a file either yields a complete Show or a list of
// errors, each naming the file, the JSON path and (for syntax errors) line and column.
#pragma once

#include "show.h"

#include <QList>
#include <QString>
#include <optional>

namespace xz::show {

struct ShowError {
    QString file;     // the show file as the user named it
    QString jsonPath; // e.g. "$.scenes[2].items[0].source"; "$" for the whole document
    int line = 0;     // 1-based; 0 when not known
    int column = 0;
    QString messageZh;
    QString messageEn;

    // "file:line:col: $.path: 中文 / English" (line/col omitted when unknown)
    QString toString() const;
};

struct LoadResult {
    std::optional<Show> show;
    QList<ShowError> errors;
    bool ok() const { return show.has_value() && errors.isEmpty(); }
};

class ShowLoader {
public:
    static LoadResult loadFile(const QString& path);
    // displayName is used in error messages; relative paths inside the JSON resolve against baseDir.
    static LoadResult loadJson(const QByteArray& json, const QString& displayName, const QString& baseDir);
    // "cooking" -> <scenesDir>/cooking/show.json; anything with a '/' or ending in .json is taken as a path.
    static QString resolveShowPath(const QString& nameOrFile, const QString& scenesDir);
};

} // namespace xz::show
