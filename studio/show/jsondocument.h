// Reads one JSON file the way every hand-edited format of the studio is read (show files, rundowns, Ontime
// projects): a size limit, an optional byte-order mark, the strict RFC 8259 syntax check, a top-level object
// and no member written twice. Each format then gets the same precise "file:line:column: path: message"
// errors without a second validator.
#pragma once

#include "errorlist.h"
#include "jsonlocator.h"
#include "showloader.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace xz::show {

// How messages name the kind of file being read, e.g. {"节目文件", "show file"}.
struct FileKind {
    QString zh;
    QString en; // singular; messages add "s" for the plural
};

struct JsonDocument {
    QByteArray text; // UTF-8, without the byte-order mark
    QJsonObject root;
    std::shared_ptr<const JsonLocator> locator;

    // QJsonDocument silently keeps only the last of two equal keys; a volunteer would never notice.
    void reportDuplicateKeys(ErrorList& errors) const;
};

struct JsonReadResult {
    std::optional<JsonDocument> document;
    QList<ShowError> errors; // why there is no document
};

class JsonDocumentReader {
public:
    // Hand-edited files are a few kilobytes; anything this big is the wrong file.
    static constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

    // `path` is also the name messages use.
    static JsonReadResult readFile(const QString& path, const FileKind& kind);
    static JsonReadResult parse(const QByteArray& bytes, const QString& displayName, const FileKind& kind);
};

} // namespace xz::show
