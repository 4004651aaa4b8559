#include "rundowncommand.h"

#include "atomicfile.h"
#include "csvimporter.h"
#include "ontimeimporter.h"
#include "paths.h"
#include "rundownloader.h"
#include "rundownwriter.h"
#include "showloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace xz::rundown {
namespace {

const QString kUsage =
    QStringLiteral("用法 / usage:\n"
                   "  xiaozhan rundown check FILE|NAME [--show NAME] [--json]\n"
                   "  xiaozhan rundown import FILE.csv|ONTIME.json [--show NAME] [--rundown ID] -o OUT.json");

void printOut(const QString& text) {
    fprintf(stdout, "%s\n", text.toUtf8().constData());
}

void printErr(const QString& text) {
    fprintf(stderr, "%s\n", text.toUtf8().constData());
}

int usage() {
    printErr(kUsage);
    return 2;
}

int printErrors(const QList<FileError>& errors) {
    for (const FileError& error : errors)
        printErr(error.toString());
    printErr(QStringLiteral("%1 个错误 / %1 error(s)").arg(errors.size()));
    return 1;
}

// Options after the positional argument: --show NAME, --rundown ID, -o OUT, --json.
struct Options {
    QString file;
    QString show;
    QString rundownId;
    QString output;
    bool json = false;
};

std::optional<Options> parseOptions(const QStringList& args, bool allowJson, bool allowImport) {
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--show") && hasValue)
            options.show = args[++i];
        else if (arg == QLatin1String("--json") && allowJson)
            options.json = true;
        else if (arg == QLatin1String("--rundown") && hasValue && allowImport)
            options.rundownId = args[++i];
        else if (arg == QLatin1String("-o") && hasValue && allowImport)
            options.output = args[++i];
        else if (!arg.startsWith(u'-') && options.file.isEmpty())
            options.file = arg;
        else
            return std::nullopt;
    }
    if (options.file.isEmpty())
        return std::nullopt;
    return options;
}

QString totalText(const Rundown& rundown) {
    return RundownWriter::formatDuration(rundown.totalMs());
}

int runCheck(const QStringList& args) {
    const auto options = parseOptions(args, true, false);
    if (!options)
        return usage();
    const QString path = RundownLoader::resolveRundownPath(options->file, paths::scenesDir());
    const RundownLoadResult result = RundownLoader::loadFile(path, options->show);
    if (!result.ok())
        return printErrors(result.errors);
    const Rundown& rundown = *result.rundown;
    if (options->json) {
        // Members in the documented order: title, segments, totalSeconds.
        const auto string = [](const QString& text) {
            const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
            return QString::fromUtf8(array.mid(1, array.size() - 2));
        };
        const auto number = [](qint64 ms) { return QString::number(double(ms) / 1000.0, 'g', 15); };
        QStringList segments;
        for (const Segment& segment : rundown.segments)
            segments << QStringLiteral("{\"title\":%1,\"durationSeconds\":%2,\"scene\":%3}")
                            .arg(string(segment.title), number(segment.durationMs),
                                 segment.sceneId.isEmpty() ? QStringLiteral("null")
                                                           : string(segment.sceneId));
        printOut(QStringLiteral("{\"title\":%1,\"segments\":[%2],\"totalSeconds\":%3}")
                     .arg(string(rundown.title), segments.join(u','), number(rundown.totalMs())));
        return 0;
    }
    const QString showText =
        result.show ? QStringLiteral("节目 / show: %1").arg(result.show->id)
                    : QStringLiteral("未指定节目，场景没有核对 / no show given: scenes not checked");
    printOut(QStringLiteral("正确 / OK: %1 《%2》 %3 个段落 / segments, 共 / total %4 (%5)")
                 .arg(path, rundown.title)
                 .arg(rundown.segments.size())
                 .arg(totalText(rundown), showText));
    return 0;
}

bool looksLikeJson(const QString& path) {
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        return true;
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) ||
        path.endsWith(QStringLiteral(".txt"), Qt::CaseInsensitive))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = file.read(256).trimmed();
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3).trimmed();
    return head.startsWith('{');
}

int runImport(const QStringList& args) {
    const auto options = parseOptions(args, false, true);
    if (!options || options->output.isEmpty())
        return usage();
    if (QFileInfo(options->output).absoluteFilePath() == QFileInfo(options->file).absoluteFilePath()) {
        printErr(QStringLiteral("输出文件不能是输入文件本身 / the output must not be the input file itself"));
        return 2;
    }
    std::optional<show::Show> show;
    if (!options->show.isEmpty()) {
        const show::LoadResult loaded =
            show::ShowLoader::loadFile(show::ShowLoader::resolveShowPath(options->show, paths::scenesDir()));
        if (!loaded.ok())
            return printErrors(loaded.errors);
        show = loaded.show;
    }
    const bool ontime = looksLikeJson(options->file);
    ImportResult imported = ontime ? OntimeImporter::importFile(options->file, options->rundownId)
                                   : CsvImporter::importFile(options->file, show ? &*show : nullptr);
    if (!imported.rundown)
        return printErrors(imported.errors);
    Rundown& rundown = *imported.rundown;
    if (show)
        rundown.show = show->id;

    // What is written must pass `rundown check` as it stands: read it back through the loader first.
    const QByteArray json = RundownWriter::toJson(rundown);
    const QFileInfo out(options->output);
    const RundownLoadResult check =
        RundownLoader::loadJson(json, options->output, out.absolutePath(), options->show);
    if (!check.ok())
        return printErrors(check.errors);
    if (const auto error = xz::AtomicFile::write(out.absoluteFilePath(), json)) {
        printErr(QStringLiteral("错误 / error: ") + error->toString());
        return 1;
    }
    for (const QString& note : imported.notes)
        printOut(QStringLiteral("说明 / note: ") + note);
    printOut(QStringLiteral("已导入 / imported: %1 《%2》 %3 个段落 / segments, 共 / total %4")
                 .arg(options->output, rundown.title)
                 .arg(rundown.segments.size())
                 .arg(totalText(rundown)));
    return 0;
}

} // namespace

int runRundownCommand(const QStringList& args) {
    if (args.isEmpty())
        return usage();
    const QStringList rest = args.mid(1);
    if (args.first() == QLatin1String("check"))
        return runCheck(rest);
    if (args.first() == QLatin1String("import"))
        return runImport(rest);
    return usage();
}

} // namespace xz::rundown
