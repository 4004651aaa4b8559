#include "showloader.h"

#include "errorlist.h"
#include "jsonlocator.h"
#include "jsonpath.h"
#include "logging.h"
#include "objectreader.h"
#include "showparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

Q_LOGGING_CATEGORY(lcShow, "xz.show")

namespace xz::show {
namespace {

// Show files are a few kilobytes; anything this big is the wrong file, and reading it whole would be silly.
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

struct Message {
    QString zh;
    QString en;
};

Message syntaxMessage(QJsonParseError::ParseError error) {
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return {QStringLiteral("对象没有正确结束：缺少 “}” 或 “,”"),
                QStringLiteral("unterminated object: missing '}' or ','")};
    case QJsonParseError::MissingNameSeparator:
        return {QStringLiteral("字段名后缺少冒号 “:”"), QStringLiteral("missing ':' after a member name")};
    case QJsonParseError::UnterminatedArray:
        return {QStringLiteral("数组没有正确结束：缺少 “]” 或 “,”"),
                QStringLiteral("unterminated array: missing ']' or ','")};
    case QJsonParseError::MissingValueSeparator:
        return {QStringLiteral("两个值之间缺少逗号 “,”"), QStringLiteral("missing ',' between two values")};
    case QJsonParseError::IllegalValue:
        return {QStringLiteral("无效的值（字符串要用双引号，末尾不能有多余的逗号）"),
                QStringLiteral("illegal value (strings need double quotes; no trailing commas)")};
    case QJsonParseError::TerminationByNumber:
        return {QStringLiteral("文件在数字处意外结束"),
                QStringLiteral("the file ends in the middle of a number")};
    case QJsonParseError::IllegalNumber:
        return {QStringLiteral("无效的数字"), QStringLiteral("illegal number")};
    case QJsonParseError::IllegalEscapeSequence:
        return {QStringLiteral("无效的转义序列"), QStringLiteral("illegal escape sequence")};
    case QJsonParseError::IllegalUTF8String:
        return {QStringLiteral("无效的 UTF-8 文字（请用 UTF-8 编码保存文件）"),
                QStringLiteral("invalid UTF-8 text (save the file as UTF-8)")};
    case QJsonParseError::UnterminatedString:
        return {QStringLiteral("字符串没有结束：缺少右引号 “\"”"),
                QStringLiteral("unterminated string: missing closing '\"'")};
    case QJsonParseError::MissingObject:
        return {QStringLiteral("应为对象"), QStringLiteral("an object was expected")};
    case QJsonParseError::DeepNesting:
        return {QStringLiteral("嵌套层数太多"), QStringLiteral("nested too deeply")};
    case QJsonParseError::DocumentTooLarge:
        return {QStringLiteral("文件太大"), QStringLiteral("the document is too large")};
    case QJsonParseError::GarbageAtEnd:
        return {QStringLiteral("文档结束后还有多余的内容"),
                QStringLiteral("unexpected content after the end of the document")};
    case QJsonParseError::NoError:
        break;
    }
    return {QStringLiteral("语法错误"), QStringLiteral("syntax error")};
}

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

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const Message message = syntaxMessage(parseError.error);
        plain.addAt(root, JsonLocator::positionAt(text, parseError.offset),
                    QStringLiteral("JSON 语法错误：") + message.zh,
                    QStringLiteral("JSON syntax error: ") + message.en);
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
