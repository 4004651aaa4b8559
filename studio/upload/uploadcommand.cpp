#include "uploadcommand.h"

#include "jobbuilder.h"
#include "jobstore.h"
#include "progressprinter.h"
#include "uploadconfig.h"
#include "uploadqueue.h"
#include "uploadservice.h"

#include "redact.h"
#include "signalwatcher.h"

#include <QEventLoop>

#include <cstdio>
#include <unistd.h>

namespace xz::upload {
namespace {

void out(const QString& text) {
    std::fputs((text + QLatin1Char('\n')).toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void err(const QString& text) {
    std::fputs((text + QLatin1Char('\n')).toUtf8().constData(), stderr);
    std::fflush(stderr);
}

int fail(const UploadError& e) {
    err(e.message());
    if (!e.detail.isEmpty())
        err(QStringLiteral("  (%1)").arg(e.detail));
    return 1;
}

int usage(const QString& problem = {}) {
    if (!problem.isEmpty())
        err(problem);
    err(QStringLiteral(
        "用法 / usage:\n"
        "  xiaozhan upload add FILE --target URL [--title TEXT] [--hashtag TAG]... [--force]\n"
        "  xiaozhan upload run [--until-empty]\n"
        "  xiaozhan upload list\n"
        "targets: tus+https://host/files/  douyin://ACCOUNT  https://host/dir/  post+https://host/form  "
        "file:///dir"));
    return 2;
}

int addCommand(const QStringList& args) {
    QString file, target, title;
    QStringList hashtags;
    bool force = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&](QString& into) {
            if (i + 1 >= args.size())
                return false;
            into = args[++i];
            return true;
        };
        if (a == QLatin1String("--target")) {
            if (!value(target))
                return usage(QStringLiteral("--target 需要一个地址 / --target needs a URL"));
        } else if (a == QLatin1String("--title")) {
            if (!value(title))
                return usage(QStringLiteral("--title 需要文字 / --title needs text"));
        } else if (a == QLatin1String("--hashtag")) {
            QString tag;
            if (!value(tag))
                return usage(QStringLiteral("--hashtag 需要话题 / --hashtag needs a tag"));
            hashtags << tag;
        } else if (a == QLatin1String("--force")) {
            force = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            return usage(QStringLiteral("未知选项 / unknown option: %1").arg(a));
        } else if (file.isEmpty()) {
            file = a;
        } else {
            return usage(QStringLiteral("只能加入一个文件 / one file at a time: %1").arg(a));
        }
    }
    if (file.isEmpty())
        return usage(QStringLiteral("缺少文件 / missing FILE"));
    if (target.isEmpty())
        return usage(QStringLiteral("缺少 --target / missing --target URL"));

    auto config = UploadConfig::load();
    if (!config)
        return fail(config.error());
    auto job = JobBuilder::fromFile(file, target, title, hashtags, *config);
    if (!job)
        return fail(job.error());
    auto store = JobStore::open(JobStore::defaultPath());
    if (!store)
        return fail(store.error());
    auto added = (*store)->add(*job, force);
    if (!added)
        return fail(added.error());
    const UploadJob& j = added->job;
    const QString shownTarget = Redactor::redactUrl(j.target);
    switch (added->outcome) {
    case JobStore::AddOutcome::Added:
        out(QStringLiteral("已加入上传队列 / queued: #%1 %2 → %3").arg(j.id).arg(j.fileName(), shownTarget));
        break;
    case JobStore::AddOutcome::Requeued:
        out(QStringLiteral("已重新加入上传队列 / queued again: #%1 %2 → %3")
                .arg(j.id)
                .arg(j.fileName(), shownTarget));
        break;
    case JobStore::AddOutcome::AlreadyQueued:
        out(QStringLiteral("同一文件已在队列中 / the same file is already queued: #%1 (%2)")
                .arg(j.id)
                .arg(stateText(j.state)));
        break;
    case JobStore::AddOutcome::AlreadyUploaded:
        out(QStringLiteral(
                "同一文件已上传过，未重复加入（如需再次上传请加 --force）/ already uploaded as #%1, not "
                "queued again (use --force to upload it again)")
                .arg(j.id));
        break;
    }
    return 0;
}

int runCommand(const QStringList& args) {
    bool untilEmpty = false;
    for (const QString& a : args) {
        if (a == QLatin1String("--until-empty"))
            untilEmpty = true;
        else
            return usage(QStringLiteral("未知选项 / unknown option: %1").arg(a));
    }
    auto service = UploadService::start();
    if (!service)
        return fail(service.error());
    UploadQueue& queue = (*service)->queue();
    ProgressPrinter printer(queue, stderr, ::isatty(STDERR_FILENO) == 1);
    QEventLoop loop;
    // Ctrl+C ends the run through the event loop, so the queue stops cleanly (the database is crash-safe
    // anyway; this only makes stopping tidy).
    xz::SignalWatcher stopSignals;
    QObject::connect(&stopSignals, &xz::SignalWatcher::stopRequested, &loop, [&loop] { loop.exit(130); });
    int done = 0, failed = 0;
    QObject::connect(&queue, &UploadQueue::jobFinished, &loop,
                     [&](qint64, bool ok) { ++(ok ? done : failed); });
    if (untilEmpty)
        QObject::connect(
            &queue, &UploadQueue::drained, &loop, [&loop] { loop.exit(0); }, Qt::QueuedConnection);
    if (untilEmpty && !queue.hasWork()) {
        out(QStringLiteral("没有待上传的文件 / nothing to upload"));
        return 0;
    }
    const int code = loop.exec();
    queue.stop();
    out(QStringLiteral("完成 %1 个，失败 %2 个 / %1 uploaded, %2 failed").arg(done).arg(failed));
    if (code != 0)
        return code;
    return failed > 0 ? 3 : 0;
}

int listCommand() {
    auto store = JobStore::open(JobStore::defaultPath());
    if (!store)
        return fail(store.error());
    auto jobs = (*store)->all();
    if (!jobs)
        return fail(jobs.error());
    if (jobs->empty()) {
        out(QStringLiteral("上传队列为空 / the upload queue is empty"));
        return 0;
    }
    for (const UploadJob& j : *jobs) {
        const int percent =
            j.size > 0 ? int(j.confirmedOffset * 100 / j.size) : (j.state == JobState::Done ? 100 : 0);
        out(QStringLiteral("#%1  %2  %3%  %4  %5  → %6")
                .arg(j.id, 4)
                .arg(stateText(j.state), -20)
                .arg(j.state == JobState::Done ? 100 : percent, 3)
                .arg(ProgressPrinter::formatBytes(double(j.size)), 9)
                .arg(j.title.isEmpty() ? j.fileName() : j.title, Redactor::redactUrl(j.target)));
        if (!j.reasonZh.isEmpty())
            out(QStringLiteral("       %1 %2")
                    .arg(j.state == JobState::Queued ? QStringLiteral("上次错误 / last error:")
                                                     : QStringLiteral("原因 / reason:"),
                         j.reason()));
    }
    return 0;
}

} // namespace

int runUploadCommand(const QStringList& args) {
    if (args.isEmpty())
        return usage();
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("add"))
        return addCommand(rest);
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("list"))
        return listCommand();
    if (command == QLatin1String("help") || command == QLatin1String("--help")) {
        usage();
        return 0;
    }
    return usage(QStringLiteral("未知的子命令 / unknown subcommand: %1").arg(command));
}

} // namespace xz::upload
