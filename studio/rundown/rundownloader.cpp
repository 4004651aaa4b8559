#include "rundownloader.h"

#include "errorlist.h"
#include "jsondocument.h"
#include "jsonpath.h"
#include "logging.h"
#include "paths.h"
#include "rundownparser.h"

#include <QDir>
#include <QFileInfo>

Q_LOGGING_CATEGORY(lcRundown, "xz.rundown", QtInfoMsg)

namespace xz::rundown {
namespace {

const show::FileKind kRundownFile{QStringLiteral("节目单文件"), QStringLiteral("rundown file")};

bool isPath(const QString& nameOrFile) {
    return nameOrFile.contains(u'/') || nameOrFile.endsWith(QStringLiteral(".json"));
}

RundownLoadResult failure(QList<FileError> errors) {
    RundownLoadResult result;
    result.errors = std::move(errors);
    for (const FileError& error : result.errors)
        qCDebug(lcRundown).noquote() << error.toString();
    return result;
}

// The show the rundown is written for, or nullopt with the reason in `errors` (the show file's own errors
// when it does not load, so they can be fixed there).
std::optional<show::Show> loadShow(const QString& nameOrFile, const QString& baseDir, const QString& jsonPath,
                                   show::ErrorList& errors, QList<FileError>& showErrors) {
    const QString path = RundownLoader::resolveShowPath(nameOrFile, baseDir, paths::scenesDir());
    show::LoadResult loaded = show::ShowLoader::loadFile(path);
    if (loaded.ok())
        return std::move(loaded.show);
    errors.add(
        jsonPath,
        QStringLiteral("节目 “%1” 无法载入（%2），无法检查场景引用").arg(nameOrFile, QDir::cleanPath(path)),
        QStringLiteral("show \"%1\" cannot be loaded (%2), so scene references cannot be checked")
            .arg(nameOrFile, QDir::cleanPath(path)));
    showErrors += loaded.errors;
    return std::nullopt;
}

} // namespace

RundownLoadResult RundownLoader::loadFile(const QString& path, const QString& showOverride) {
    const QFileInfo info(path);
    const show::JsonReadResult read = show::JsonDocumentReader::readFile(path, kRundownFile);
    if (!read.document)
        return failure(read.errors);
    RundownLoadResult result = loadJson(read.document->text, path, info.absolutePath(), showOverride);
    if (result.rundown)
        result.rundown->filePath = info.absoluteFilePath();
    return result;
}

RundownLoadResult RundownLoader::loadJson(const QByteArray& json, const QString& displayName,
                                          const QString& baseDir, const QString& showOverride) {
    const show::JsonReadResult read = show::JsonDocumentReader::parse(json, displayName, kRundownFile);
    if (!read.document)
        return failure(read.errors);
    const show::JsonDocument& document = *read.document;
    show::ErrorList errors(displayName, document.locator.get());
    document.reportDuplicateKeys(errors);

    // The show comes first: the segments are checked against it.
    const QString showKey = QStringLiteral("show");
    const QString showPath = show::jsonpath::member(show::jsonpath::kRoot.toString(), showKey);
    const QString written = document.root.value(showKey).toString();
    QString showName = written;
    if (!showOverride.isEmpty()) {
        if (!written.isEmpty() && written != showOverride &&
            QFileInfo(resolveShowPath(written, baseDir, paths::scenesDir())).absoluteFilePath() !=
                QFileInfo(resolveShowPath(showOverride, QDir::currentPath(), paths::scenesDir()))
                    .absoluteFilePath())
            errors.add(
                showPath,
                QStringLiteral("节目单是为节目 “%1” 写的，但指定了 --show %2").arg(written, showOverride),
                QStringLiteral("the rundown is written for show \"%1\", but --show %2 was given")
                    .arg(written, showOverride));
        showName = showOverride;
    }
    QList<FileError> showErrors;
    std::optional<show::Show> show;
    if (!showName.isEmpty() && errors.isEmpty())
        show = loadShow(showName, showOverride.isEmpty() ? baseDir : QDir::currentPath(), showPath, errors,
                        showErrors);

    RundownParser parser(errors, show ? &*show : nullptr);
    Rundown rundown = parser.parse(document.root);
    if (!errors.isEmpty())
        return failure(errors.sorted() + showErrors);

    rundown.filePath = QDir(baseDir).absoluteFilePath(QFileInfo(displayName).fileName());
    if (show && rundown.show.isEmpty())
        rundown.show = show->id;
    RundownLoadResult result;
    result.rundown = std::move(rundown);
    result.show = std::move(show);
    return result;
}

QString RundownLoader::resolveRundownPath(const QString& nameOrFile, const QString& scenesDir) {
    if (isPath(nameOrFile)) {
        if (QFileInfo(nameOrFile).isDir())
            return QDir(nameOrFile).filePath(QStringLiteral("rundown.json"));
        return nameOrFile;
    }
    return QDir(scenesDir).filePath(nameOrFile + QStringLiteral("/rundown.json"));
}

QString RundownLoader::resolveShowPath(const QString& nameOrFile, const QString& baseDir,
                                       const QString& scenesDir) {
    if (isPath(nameOrFile))
        return show::ShowLoader::resolveShowPath(QDir(baseDir).absoluteFilePath(nameOrFile), scenesDir);
    return show::ShowLoader::resolveShowPath(nameOrFile, scenesDir);
}

} // namespace xz::rundown
