#include "showloader.h"

#include "errorlist.h"
#include "jsondocument.h"
#include "logging.h"
#include "showparser.h"

#include <QDir>
#include <QFileInfo>

Q_LOGGING_CATEGORY(lcShow, "xz.show", QtInfoMsg)

namespace xz::show {
namespace {

const FileKind kShowFile{QStringLiteral("节目文件"), QStringLiteral("show file")};

LoadResult failure(QList<ShowError> errors) {
    LoadResult result;
    result.errors = std::move(errors);
    for (const ShowError& error : result.errors)
        qCDebug(lcShow).noquote() << error.toString();
    return result;
}

LoadResult parseDocument(const JsonReadResult& read, const QString& displayName, const QString& baseDir) {
    if (!read.document)
        return failure(read.errors);
    const JsonDocument& document = *read.document;
    ErrorList errors(displayName, document.locator.get());
    document.reportDuplicateKeys(errors);

    ShowParser parser(QDir(baseDir).absolutePath(), errors);
    Show show = parser.parse(document.root);
    if (!errors.isEmpty())
        return failure(errors.sorted());

    show.filePath = QDir(baseDir).absoluteFilePath(QFileInfo(displayName).fileName());
    LoadResult result;
    result.show = std::move(show);
    return result;
}

} // namespace

QString ShowError::toString() const {
    QString text = file;
    if (line > 0)
        text += u':' + QString::number(line) + u':' + QString::number(column);
    text += QStringLiteral(": ") + jsonPath + QStringLiteral(": ") + messageZh + QStringLiteral(" / ") +
            messageEn;
    return text;
}

LoadResult ShowLoader::loadFile(const QString& path) {
    const QFileInfo info(path);
    LoadResult result =
        parseDocument(JsonDocumentReader::readFile(path, kShowFile), path, info.absolutePath());
    if (result.show)
        result.show->filePath = info.absoluteFilePath();
    return result;
}

LoadResult ShowLoader::loadJson(const QByteArray& json, const QString& displayName, const QString& baseDir) {
    return parseDocument(JsonDocumentReader::parse(json, displayName, kShowFile), displayName, baseDir);
}

QString ShowLoader::resolveShowPath(const QString& nameOrFile, const QString& scenesDir) {
    if (nameOrFile.contains(u'/') || nameOrFile.endsWith(QStringLiteral(".json"))) {
        // A program folder ("scenes/cooking") means the show inside it.
        if (QFileInfo(nameOrFile).isDir())
            return QDir(nameOrFile).filePath(QStringLiteral("show.json"));
        return nameOrFile;
    }
    return QDir(scenesDir).filePath(nameOrFile + QStringLiteral("/show.json"));
}

} // namespace xz::show
