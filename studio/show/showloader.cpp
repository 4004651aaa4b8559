#include "showloader.h"

#include "errorlist.h"
#include "jsonlocator.h"
#include "jsonpath.h"
#include "jsonsyntax.h"
#include "logging.h"
#include "objectreader.h"
#include "showparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

Q_LOGGING_CATEGORY(lcShow, "xz.show", QtInfoMsg)

namespace xz::show {
namespace {

// Show files are a few kilobytes; anything this big is the wrong file, and reading it whole would be silly.
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

LoadResult failure(const ErrorList& errors) {
    LoadResult result;
    result.errors = errors.sorted();
    for (const ShowError& error : result.errors)
        qCDebug(lcShow).noquote() << error.toString();
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
    ErrorList errors(path, nullptr);
    const QFileInfo info(path);
    const QString root = jsonpath::kRoot.toString();
    if (path.isEmpty() || !info.exists()) {
        errors.add(root, QStringLiteral("找不到节目文件：%1").arg(info.absoluteFilePath()),
                   QStringLiteral("show file not found: %1").arg(info.absoluteFilePath()));
        return failure(errors);
    }
    if (info.isDir()) {
        errors.add(root, QStringLiteral("这是一个文件夹，不是节目文件"),
                   QStringLiteral("this is a folder, not a show file"));
        return failure(errors);
    }
    if (info.size() > kMaxFileBytes) {
        errors.add(
            root,
            QStringLiteral("文件太大（%1 字节，节目文件最多 %2 字节）").arg(info.size()).arg(kMaxFileBytes),
            QStringLiteral("file too large (%1 bytes; show files are at most %2 bytes)")
                .arg(info.size())
                .arg(kMaxFileBytes));
        return failure(errors);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors.add(root, QStringLiteral("无法打开节目文件（%1）").arg(file.errorString()),
                   QStringLiteral("cannot open the show file (%1)").arg(file.errorString()));
        return failure(errors);
    }
    LoadResult result = loadJson(file.readAll(), path, info.absolutePath());
    if (result.show)
        result.show->filePath = info.absoluteFilePath();
    return result;
}

LoadResult ShowLoader::loadJson(const QByteArray& json, const QString& displayName, const QString& baseDir) {
    // Editors on Windows like to start UTF-8 files with a byte-order mark; it is not an error.
    QByteArray text = json;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);

    ErrorList plain(displayName, nullptr);
    const QString root = jsonpath::kRoot.toString();
    if (text.size() > kMaxFileBytes) {
        plain.add(
            root,
            QStringLiteral("文件太大（%1 字节，节目文件最多 %2 字节）").arg(text.size()).arg(kMaxFileBytes),
            QStringLiteral("file too large (%1 bytes; show files are at most %2 bytes)")
                .arg(text.size())
                .arg(kMaxFileBytes));
        return failure(plain);
    }
    if (text.trimmed().isEmpty()) {
        plain.addAt(root, {1, 1}, QStringLiteral("文件是空的"), QStringLiteral("the file is empty"));
        return failure(plain);
    }

    if (const auto syntax = JsonSyntax::check(text)) {
        plain.addAt(root, JsonLocator::positionAt(text, syntax->offset),
                    QStringLiteral("JSON 语法错误：") + syntax->messageZh,
                    QStringLiteral("JSON syntax error: ") + syntax->messageEn);
        return failure(plain);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The strict check above rejects everything Qt rejects; this is a safety net (e.g. Qt's own limits).
        plain.addAt(root, JsonLocator::positionAt(text, parseError.offset),
                    QStringLiteral("JSON 语法错误：%1").arg(parseError.errorString()),
                    QStringLiteral("JSON syntax error: %1").arg(parseError.errorString()));
        return failure(plain);
    }

    const JsonLocator locator(text);
    ErrorList errors(displayName, &locator);
    if (!document.isObject()) {
        errors.add(root,
                   QStringLiteral("文件的最外层应为对象 {…}，实际为%1")
                       .arg(ObjectReader::describeZh(document.isArray() ? QJsonValue(document.array())
                                                                        : QJsonValue())),
                   QStringLiteral("the top level must be an object {…}, found %1")
                       .arg(ObjectReader::describeEn(document.isArray() ? QJsonValue(document.array())
                                                                        : QJsonValue())));
        return failure(errors);
    }
    // QJsonDocument silently keeps only the last of two equal keys; a volunteer would never notice.
    for (const JsonLocator::DuplicateKey& duplicate : locator.duplicateKeys()) {
        errors.addAt(duplicate.path, JsonLocator::positionAt(text, duplicate.offset),
                     QStringLiteral("字段重复出现（第一次在第 %1 行）")
                         .arg(JsonLocator::positionAt(text, duplicate.firstOffset).line),
                     QStringLiteral("duplicate member (first written on line %1)")
                         .arg(JsonLocator::positionAt(text, duplicate.firstOffset).line));
    }

    ShowParser parser(QDir(baseDir).absolutePath(), errors);
    Show show = parser.parse(document.object());
    if (!errors.isEmpty())
        return failure(errors);

    show.filePath = QDir(baseDir).absoluteFilePath(QFileInfo(displayName).fileName());
    LoadResult result;
    result.show = std::move(show);
    return result;
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
