#include "jsondocument.h"

#include "jsonpath.h"
#include "jsonsyntax.h"
#include "objectreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace xz::show {
namespace {

JsonReadResult failure(const ErrorList& errors) {
    JsonReadResult result;
    result.errors = errors.sorted();
    return result;
}

void addTooLarge(ErrorList& errors, qint64 size, const FileKind& kind) {
    errors.add(jsonpath::kRoot.toString(),
               QStringLiteral("文件太大（%1 字节，%2最多 %3 字节）")
                   .arg(size)
                   .arg(kind.zh)
                   .arg(JsonDocumentReader::kMaxFileBytes),
               QStringLiteral("file too large (%1 bytes; %2s are at most %3 bytes)")
                   .arg(size)
                   .arg(kind.en)
                   .arg(JsonDocumentReader::kMaxFileBytes));
}

} // namespace

void JsonDocument::reportDuplicateKeys(ErrorList& errors) const {
    for (const JsonLocator::DuplicateKey& duplicate : locator->duplicateKeys()) {
        const int firstLine = JsonLocator::positionAt(text, duplicate.firstOffset).line;
        errors.addAt(duplicate.path, JsonLocator::positionAt(text, duplicate.offset),
                     QStringLiteral("字段重复出现（第一次在第 %1 行）").arg(firstLine),
                     QStringLiteral("duplicate member (first written on line %1)").arg(firstLine));
    }
}

JsonReadResult JsonDocumentReader::readFile(const QString& path, const FileKind& kind) {
    ErrorList errors(path, nullptr);
    const QFileInfo info(path);
    const QString root = jsonpath::kRoot.toString();
    if (path.isEmpty() || !info.exists()) {
        errors.add(root, QStringLiteral("找不到%1：%2").arg(kind.zh, info.absoluteFilePath()),
                   QStringLiteral("%1 not found: %2").arg(kind.en, info.absoluteFilePath()));
        return failure(errors);
    }
    if (info.isDir()) {
        errors.add(root, QStringLiteral("这是一个文件夹，不是%1").arg(kind.zh),
                   QStringLiteral("this is a folder, not a %1").arg(kind.en));
        return failure(errors);
    }
    if (info.size() > kMaxFileBytes) {
        addTooLarge(errors, info.size(), kind);
        return failure(errors);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors.add(root, QStringLiteral("无法打开%1（%2）").arg(kind.zh, file.errorString()),
                   QStringLiteral("cannot open the %1 (%2)").arg(kind.en, file.errorString()));
        return failure(errors);
    }
    return parse(file.readAll(), path, kind);
}

JsonReadResult JsonDocumentReader::parse(const QByteArray& bytes, const QString& displayName,
                                         const FileKind& kind) {
    // Editors on Windows like to start UTF-8 files with a byte-order mark; it is not an error.
    QByteArray text = bytes;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);

    ErrorList plain(displayName, nullptr);
    const QString root = jsonpath::kRoot.toString();
    if (text.size() > kMaxFileBytes) {
        addTooLarge(plain, text.size(), kind);
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
    const QJsonDocument parsed = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The strict check above rejects everything Qt rejects; this is a safety net (e.g. Qt's own limits).
        plain.addAt(root, JsonLocator::positionAt(text, parseError.offset),
                    QStringLiteral("JSON 语法错误：%1").arg(parseError.errorString()),
                    QStringLiteral("JSON syntax error: %1").arg(parseError.errorString()));
        return failure(plain);
    }
    auto locator = std::make_shared<const JsonLocator>(text);
    if (!parsed.isObject()) {
        ErrorList errors(displayName, locator.get());
        const QJsonValue found = parsed.isArray() ? QJsonValue(parsed.array()) : QJsonValue();
        errors.add(root,
                   QStringLiteral("文件的最外层应为对象 {…}，实际为%1").arg(ObjectReader::describeZh(found)),
                   QStringLiteral("the top level must be an object {…}, found %1")
                       .arg(ObjectReader::describeEn(found)));
        return failure(errors);
    }
    JsonReadResult result;
    result.document = JsonDocument{text, parsed.object(), std::move(locator)};
    return result;
}

} // namespace xz::show
