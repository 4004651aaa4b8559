#include "clipcommand.h"

#include "clipjobqueue.h"
#include "clipstore.h"
#include "exportpreset.h"
#include "signalwatcher.h"
#include "timeparse.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <unistd.h>

namespace xz::clips {
namespace {

void err(const QString& text) {
    std::fputs((text + QLatin1Char('\n')).toUtf8().constData(), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonObject& json) {
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

struct Parsed {
    QString input;
    QString output;
    std::optional<double> from;
    std::optional<double> to;
    bool exact = false;
    bool force = false;
    QString preset;
    QString fill = QStringLiteral("crop");
    std::optional<double> cropX;
    QString title;
    std::optional<double> cover;
    QString problem; // a usage error
};

Parsed parse(const QStringList& args, bool exporting) {
    Parsed p;
    for (int i = 0; i < args.size() && p.problem.isEmpty(); ++i) {
        const QString& a = args[i];
        auto value = [&](const char* what) -> std::optional<QString> {
            if (i + 1 >= args.size()) {
                p.problem = QStringLiteral("%1 需要一个值 / %1 needs a value").arg(a);
                Q_UNUSED(what);
                return std::nullopt;
            }
            return args[++i];
        };
        auto time = [&](std::optional<double>& into) {
            if (auto text = value("time")) {
                into = xz::parseSeconds(*text);
                if (!into)
                    p.problem = QStringLiteral(
                                    "%1 的时间格式不对：“%2”（应为秒数如 12.5，或 HH:MM:SS.mmm）/ %1: not a "
                                    "time: \"%2\" (seconds such as 12.5, or HH:MM:SS.mmm)")
                                    .arg(a, *text);
            }
        };
        if (a == QLatin1String("--from")) {
            time(p.from);
        } else if (a == QLatin1String("--to")) {
            time(p.to);
        } else if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            if (auto v = value("file"))
                p.output = *v;
        } else if (a == QLatin1String("--force")) {
            p.force = true;
        } else if (!exporting && a == QLatin1String("--exact")) {
            p.exact = true;
        } else if (exporting && a == QLatin1String("--preset")) {
            if (auto v = value("name"))
                p.preset = *v;
        } else if (exporting && a == QLatin1String("--fill")) {
            if (auto v = value("mode")) {
                p.fill = *v;
                if (p.fill != QLatin1String("crop") && p.fill != QLatin1String("blur"))
                    p.problem =
                        QStringLiteral("--fill 只能是 crop 或 blur：“%1” / --fill is crop or blur: \"%1\"")
                            .arg(*v);
            }
        } else if (exporting && a == QLatin1String("--crop-x")) {
            if (auto v = value("fraction")) {
                bool ok = false;
                const double x = v->toDouble(&ok);
                if (!ok || x < 0 || x > 1)
                    p.problem = QStringLiteral(
                                    "--crop-x 应为 0 到 1 之间的数：“%1” / --crop-x is a number from 0 to 1: "
                                    "\"%1\"")
                                    .arg(*v);
                p.cropX = x;
            }
        } else if (exporting && a == QLatin1String("--title")) {
            if (auto v = value("text"))
                p.title = *v;
        } else if (exporting && a == QLatin1String("--cover")) {
            time(p.cover);
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            p.problem = QStringLiteral("未知选项 / unknown option: %1").arg(a);
        } else if (p.input.isEmpty()) {
            p.input = a;
        } else {
            p.problem = QStringLiteral("只能处理一个文件 / one input file at a time: %1").arg(a);
        }
    }
    if (!p.problem.isEmpty())
        return p;
    if (p.input.isEmpty())
        p.problem = QStringLiteral("缺少输入文件 / missing INPUT");
    else if (p.output.isEmpty())
        p.problem = QStringLiteral("缺少 -o 输出文件 / missing -o OUTPUT");
    else if (!exporting && (!p.from || !p.to))
        p.problem = QStringLiteral("剪切需要 --from 和 --to / trim needs --from and --to");
    else if (exporting && p.preset.isEmpty())
        p.problem = QStringLiteral("缺少 --preset / missing --preset NAME");
    else if (exporting && !ExportPreset::find(p.preset))
        p.problem = QStringLiteral("没有这个预设：%1（可用：%2）/ no such preset: %1 (there are: %2)")
                        .arg(p.preset, ExportPreset::names().join(QStringLiteral(", ")));
    else if (exporting && p.cropX && p.fill != QLatin1String("crop"))
        p.problem = QStringLiteral("--crop-x 只用于 --fill crop / --crop-x goes with --fill crop");
    return p;
}

int usage(bool exporting, const QString& problem) {
    err(problem);
    if (exporting)
        err(QStringLiteral(
                "用法 / usage: xiaozhan export INPUT --preset NAME [--from T --to T] [--fill crop|blur] "
                "[--crop-x FRACTION] [--title TEXT] [--cover T] [--force] -o OUTPUT\n"
                "  presets: %1")
                .arg(ExportPreset::names().join(QStringLiteral(", "))));
    else
        err(QStringLiteral("用法 / usage: xiaozhan trim INPUT --from T --to T [--exact] [--force] -o OUTPUT\n"
                           "  T: seconds (12.5) or HH:MM:SS.mmm"));
    return 2;
}

// Runs one job through the persistent queue and reports it.
int runJob(bool exporting, const Parsed& p) {
    const QString command = exporting ? QStringLiteral("export") : QStringLiteral("trim");
    auto failed = [&](const UserError& e) {
        err(e.toString());
        printJson({{QStringLiteral("ok"), false},
                   {QStringLiteral("command"), command},
                   {QStringLiteral("input"), p.input},
                   {QStringLiteral("error"), QJsonObject{{QStringLiteral("zh"), e.messageZh},
                                                         {QStringLiteral("en"), e.messageEn},
                                                         {QStringLiteral("detail"), e.detail}}}});
        return 1;
    };
    auto store = ClipStore::open();
    if (!store)
        return failed(store.error());
    ClipJobQueue queue(**store);
    Result<qint64> id = qint64(0);
    if (exporting) {
        ExportRequest r;
        r.input = p.input;
        r.output = p.output;
        r.preset = p.preset;
        r.inSec = p.from.value_or(0);
        r.outSec = p.to.value_or(-1);
        r.fill = p.fill == QLatin1String("blur") ? ExportRequest::Fill::Blur : ExportRequest::Fill::Crop;
        r.cropX = p.cropX.value_or(0.5);
        r.title = p.title;
        r.coverSec = p.cover.value_or(-1);
        r.overwrite = p.force;
        id = queue.enqueueExport(r);
    } else {
        TrimRequest r;
        r.input = p.input;
        r.output = p.output;
        r.inSec = *p.from;
        r.outSec = *p.to;
        r.exact = p.exact;
        r.overwrite = p.force;
        id = queue.enqueueTrim(r);
    }
    if (!id)
        return failed(id.error());

    const bool interactive = ::isatty(STDERR_FILENO) == 1;
    QEventLoop loop;
    xz::SignalWatcher stopSignals;
    QObject::connect(&stopSignals, &xz::SignalWatcher::stopRequested, &loop, [&] { queue.cancel(*id); });
    QElapsedTimer lastDraw;
    lastDraw.start();
    QObject::connect(&queue, &ClipJobQueue::progressChanged, &loop, [&](qint64 job, double fraction) {
        if (!interactive || job != *id || lastDraw.elapsed() < 200)
            return;
        lastDraw.restart();
        const int width = 30;
        const int filled = int(fraction * width + 0.5);
        const QString bar = QString(filled, QChar(0x2588)) + QString(width - filled, QChar(0x2591));
        std::fputs(QStringLiteral("\r\033[K%1 %2%  %3")
                       .arg(bar)
                       .arg(int(fraction * 100), 3)
                       .arg(QFileInfo(p.output).fileName())
                       .toUtf8()
                       .constData(),
                   stderr);
        std::fflush(stderr);
    });
    QObject::connect(&queue, &ClipJobQueue::jobFinished, &loop, [&](qint64 job, bool) {
        if (job == *id)
            loop.quit();
    });
    if (auto started = queue.start(); !started)
        return failed(started.error());
    if (!queue.job(*id)->isFinished())
        loop.exec();
    if (interactive) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
    const ClipJob job = *queue.job(*id);
    if (job.state != JobState::Done)
        return failed(UserError{job.errorZh, job.errorEn, job.errorDetail});
    QJsonObject json = job.result;
    json.insert(QStringLiteral("ok"), true);
    json.insert(QStringLiteral("command"), command);
    json.insert(QStringLiteral("input"), p.input);
    json.insert(QStringLiteral("job"), job.id);
    for (const QJsonValue& note : json.value(QStringLiteral("notes")).toArray())
        err(note.toObject().value(QStringLiteral("zh")).toString() + QStringLiteral(" / ") +
            note.toObject().value(QStringLiteral("en")).toString());
    printJson(json);
    return 0;
}

} // namespace

int runTrimCommand(const QStringList& args) {
    const Parsed p = parse(args, false);
    if (!p.problem.isEmpty())
        return usage(false, p.problem);
    return runJob(false, p);
}

int runExportCommand(const QStringList& args) {
    const Parsed p = parse(args, true);
    if (!p.problem.isEmpty())
        return usage(true, p.problem);
    return runJob(true, p);
}

} // namespace xz::clips
