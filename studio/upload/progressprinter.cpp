#include "progressprinter.h"

#include "uploadlistmodel.h"
#include "uploadqueue.h"

namespace xz::upload {

ProgressPrinter::ProgressPrinter(UploadQueue& queue, std::FILE* out, bool interactive, QObject* parent)
    : QObject(parent), queue_(queue), out_(out), interactive_(interactive) {
    connect(&queue_, &UploadQueue::jobFinished, this, &ProgressPrinter::onFinished);
    if (interactive_) {
        connect(&timer_, &QTimer::timeout, this, &ProgressPrinter::redraw);
        timer_.start(250);
    }
}

ProgressPrinter::~ProgressPrinter() {
    clearLine();
}

QString ProgressPrinter::formatBytes(double bytes) {
    static const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', unit == 0 ? 0 : 1).arg(QLatin1String(units[unit]));
}

QString ProgressPrinter::barLine(double fraction, double bytesPerSecond, qint64 etaSeconds,
                                 const QString& label, int width) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int filled = int(fraction * width + 0.5);
    const QString bar = QString(filled, QChar(0x2588)) + QString(width - filled, QChar(0x2591));
    return QStringLiteral("%1 %2%  %3/s  剩余/ETA %4  %5")
        .arg(bar)
        .arg(int(fraction * 100), 3)
        .arg(formatBytes(bytesPerSecond), 9)
        .arg(UploadListModel::formatDuration(etaSeconds))
        .arg(label);
}

void ProgressPrinter::clearLine() {
    if (lineShown_) {
        std::fputs("\r\033[K", out_);
        std::fflush(out_);
        lineShown_ = false;
    }
}

void ProgressPrinter::print(const QString& text) {
    clearLine();
    std::fputs(text.toUtf8().constData(), out_);
    std::fputc('\n', out_);
    std::fflush(out_);
}

void ProgressPrinter::redraw() {
    qint64 total = 0, done = 0;
    double rate = 0;
    QStringList names;
    int waiting = 0;
    for (const UploadJob& job : queue_.jobs()) {
        if (job.state == JobState::Uploading) {
            const UploadQueue::Live live = queue_.live(job.id);
            total += job.size;
            done += live.bytes;
            rate += live.bytesPerSecond;
            names << (job.title.isEmpty() ? job.fileName() : job.title);
        } else if (job.state == JobState::Queued) {
            ++waiting;
        }
    }
    if (names.isEmpty()) {
        clearLine();
        return;
    }
    const qint64 eta = rate > 0 ? qint64(double(total - done) / rate + 0.5) : -1;
    QString label = names.join(QStringLiteral(", "));
    if (waiting > 0)
        label += QStringLiteral("  (+%1 排队/queued)").arg(waiting);
    if (label.size() > 40)
        label = label.left(39) + QChar(0x2026);
    const QString line = barLine(total > 0 ? double(done) / double(total) : 0, rate, eta, label, 24);
    std::fputs(("\r\033[K" + line).toUtf8().constData(), out_);
    std::fflush(out_);
    lineShown_ = true;
}

void ProgressPrinter::onFinished(qint64 id, bool ok) {
    const auto job = queue_.job(id);
    if (!job)
        return;
    const QString name = job->title.isEmpty() ? job->fileName() : job->title;
    if (ok)
        print(QStringLiteral("✓ 已上传 / uploaded: #%1 %2").arg(id).arg(name));
    else
        print(QStringLiteral("✗ 失败 / failed: #%1 %2 — %3").arg(id).arg(name, job->reason()));
}

} // namespace xz::upload
