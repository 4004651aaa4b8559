#include "clipjobqueue.h"

#include "clipslog.h"
#include "paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <chrono>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <sys/file.h>
#include <unistd.h>

namespace xz::clips {
namespace {

// Holds the cross-process run lock for one job; the kernel drops it if the process dies.
class RunLock {
public:
    // Waits for the lock, giving up when cancelled.
    static std::unique_ptr<RunLock> acquire(const CancelToken& cancel) {
        QDir().mkpath(QFileInfo(ClipJobQueue::lockPath()).absolutePath());
        const int fd = ::open(QFile::encodeName(ClipJobQueue::lockPath()).constData(),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return nullptr;
        while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            if (cancel.isCancelled()) {
                ::close(fd);
                return nullptr;
            }
            ::usleep(100'000);
        }
        return std::unique_ptr<RunLock>(new RunLock(fd));
    }
    static bool heldElsewhere() {
        const int fd = ::open(QFile::encodeName(ClipJobQueue::lockPath()).constData(),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return false;
        const bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        ::close(fd);
        return busy;
    }
    ~RunLock() { ::close(fd_); }

private:
    explicit RunLock(int fd) : fd_(fd) {}
    int fd_;
};

QString fillKey(ExportRequest::Fill fill) {
    return fill == ExportRequest::Fill::Blur ? QStringLiteral("blur") : QStringLiteral("crop");
}

// Lets a progress figure through when 50 ms have passed since the last one, or when it reaches the end.
class ProgressThrottle {
public:
    bool due(double fraction) {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (fraction < 1.0 && started_ && now - last_ < std::chrono::milliseconds(50))
            return false;
        started_ = true;
        last_ = now;
        return true;
    }

private:
    std::mutex mutex_;
    bool started_ = false;
    std::chrono::steady_clock::time_point last_;
};

} // namespace

ClipJobQueue::ClipJobQueue(ClipStore& store, QObject* parent) : QObject(parent), store_(store) {}

ClipJobQueue::~ClipJobQueue() {
    runningCancel_.cancel();
    if (worker_.joinable())
        worker_.join();
}

QString ClipJobQueue::lockPath() {
    return xz::paths::dataDir() + QStringLiteral("/clip-jobs.lock");
}

QJsonObject ClipJobQueue::toJson(const TrimRequest& r) {
    return {{QStringLiteral("input"), r.input},
            {QStringLiteral("output"), r.output},
            {QStringLiteral("in"), r.inSec},
            {QStringLiteral("out"), r.outSec},
            {QStringLiteral("exact"), r.exact},
            {QStringLiteral("overwrite"), r.overwrite},
            {QStringLiteral("alwaysReencode"), r.alwaysReencode}};
}

QJsonObject ClipJobQueue::toJson(const ExportRequest& r) {
    return {{QStringLiteral("input"), r.input},    {QStringLiteral("output"), r.output},
            {QStringLiteral("preset"), r.preset},  {QStringLiteral("in"), r.inSec},
            {QStringLiteral("out"), r.outSec},     {QStringLiteral("fill"), fillKey(r.fill)},
            {QStringLiteral("cropX"), r.cropX},    {QStringLiteral("title"), r.title},
            {QStringLiteral("cover"), r.coverSec}, {QStringLiteral("overwrite"), r.overwrite}};
}

TrimRequest ClipJobQueue::trimRequestFrom(const QJsonObject& j) {
    TrimRequest r;
    r.input = j.value(QStringLiteral("input")).toString();
    r.output = j.value(QStringLiteral("output")).toString();
    r.inSec = j.value(QStringLiteral("in")).toDouble();
    r.outSec = j.value(QStringLiteral("out")).toDouble(-1);
    r.exact = j.value(QStringLiteral("exact")).toBool();
    r.overwrite = j.value(QStringLiteral("overwrite")).toBool();
    r.alwaysReencode = j.value(QStringLiteral("alwaysReencode")).toBool();
    return r;
}

ExportRequest ClipJobQueue::exportRequestFrom(const QJsonObject& j) {
    ExportRequest r;
    r.input = j.value(QStringLiteral("input")).toString();
    r.output = j.value(QStringLiteral("output")).toString();
    r.preset = j.value(QStringLiteral("preset")).toString();
    r.inSec = j.value(QStringLiteral("in")).toDouble();
    r.outSec = j.value(QStringLiteral("out")).toDouble(-1);
    r.fill = j.value(QStringLiteral("fill")).toString() == QLatin1String("blur") ? ExportRequest::Fill::Blur
                                                                                 : ExportRequest::Fill::Crop;
    r.cropX = j.value(QStringLiteral("cropX")).toDouble(0.5);
    r.title = j.value(QStringLiteral("title")).toString();
    r.coverSec = j.value(QStringLiteral("cover")).toDouble(-1);
    r.overwrite = j.value(QStringLiteral("overwrite")).toBool();
    return r;
}

Result<bool> ClipJobQueue::start() {
    // Another process holding the run lock is running its job right now: its "running" row is true.
    if (!RunLock::heldElsewhere()) {
        auto before = store_.jobs();
        if (!before)
            return before.error();
        if (auto marked = store_.markInterrupted(); !marked)
            return marked.error();
        // What the vanished process was writing is a hidden temporary file beside the output: remove it.
        for (const ClipJob& job : *before) {
            if (job.state != JobState::Running)
                continue;
            const QFileInfo output(job.output());
            const QStringList partials =
                QDir(output.absolutePath())
                    .entryList(
                        {QStringLiteral(".%1.partial-*.%2").arg(output.completeBaseName(), output.suffix())},
                        QDir::Files | QDir::Hidden);
            for (const QString& name : partials)
                QFile::remove(output.absolutePath() + QLatin1Char('/') + name);
        }
    }
    auto all = store_.jobs();
    if (!all)
        return all.error();
    for (ClipJob& job : *all)
        jobs_[job.id] = job;
    started_ = true;
    runNext();
    return true;
}

Result<qint64> ClipJobQueue::enqueue(ClipJob job) {
    auto added = store_.addJob(std::move(job));
    if (!added)
        return added.error();
    jobs_[added->id] = *added;
    emit jobAdded(added->id);
    if (started_)
        runNext();
    return added->id;
}

Result<qint64> ClipJobQueue::enqueueTrim(const TrimRequest& request) {
    ClipJob job;
    job.kind = ClipJob::Kind::Trim;
    job.request = toJson(request);
    return enqueue(job);
}

Result<qint64> ClipJobQueue::enqueueExport(const ExportRequest& request, const UploadDetails& upload) {
    ClipJob job;
    job.kind = ClipJob::Kind::Export;
    job.request = toJson(request);
    if (!upload.title.isEmpty() || !upload.hashtags.isEmpty())
        job.request.insert(
            QStringLiteral("upload"),
            QJsonObject{{QStringLiteral("title"), upload.title},
                        {QStringLiteral("hashtags"), QJsonArray::fromStringList(upload.hashtags)}});
    return enqueue(job);
}

bool ClipJobQueue::cancel(qint64 id) {
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.isFinished())
        return false;
    if (id == running_) {
        runningCancel_.cancel();
        return true;
    }
    it->second.state = JobState::Cancelled;
    save(it->second);
    emit jobChanged(id);
    emit jobFinished(id, false);
    return true;
}

std::vector<ClipJob> ClipJobQueue::jobs() const {
    std::vector<ClipJob> list;
    for (const auto& [id, job] : jobs_)
        list.push_back(job);
    return list;
}

std::optional<ClipJob> ClipJobQueue::job(qint64 id) const {
    auto it = jobs_.find(id);
    return it == jobs_.end() ? std::nullopt : std::optional<ClipJob>(it->second);
}

void ClipJobQueue::save(const ClipJob& job) {
    if (auto saved = store_.saveJob(job); !saved)
        qCWarning(lcClips) << saved.error().toString();
}

void ClipJobQueue::runNext() {
    if (running_ != 0)
        return;
    auto next = std::find_if(jobs_.begin(), jobs_.end(),
                             [](const auto& entry) { return entry.second.state == JobState::Queued; });
    if (next == jobs_.end())
        return;
    if (worker_.joinable())
        worker_.join();
    ClipJob& job = next->second;
    running_ = job.id;
    runningCancel_ = CancelToken();
    job.state = JobState::Running;
    job.progress = 0;
    save(job);
    emit jobChanged(job.id);

    const ClipJob snapshot = job;
    const CancelToken cancel = runningCancel_;
    QPointer<ClipJobQueue> self(this);
    worker_ = std::thread([this, self, snapshot, cancel] {
        // Called for every picture from the job's threads: passed on to this thread at most every 50 ms
        // (and at the end), since each hand-over wakes the event loop; a fast trim calls it 1800 times.
        auto throttle = std::make_shared<ProgressThrottle>();
        auto progress = [this, self, id = snapshot.id, throttle](double fraction) {
            if (!throttle->due(fraction))
                return;
            QMetaObject::invokeMethod(
                this,
                [this, self, id, fraction] {
                    if (!self)
                        return;
                    auto it = jobs_.find(id);
                    if (it == jobs_.end())
                        return;
                    it->second.progress = fraction;
                    emit progressChanged(id, fraction);
                },
                Qt::QueuedConnection);
        };
        QJsonObject result;
        UserError error;
        JobState state = JobState::Done;
        auto lock = RunLock::acquire(cancel);
        if (!lock) {
            state = cancel.isCancelled() ? JobState::Cancelled : JobState::Failed;
            error = {QStringLiteral("无法取得剪辑任务锁"), QStringLiteral("cannot take the clip job lock"),
                     lockPath()};
        } else if (snapshot.kind == ClipJob::Kind::Trim) {
            auto trimmed = Trimmer::trim(trimRequestFrom(snapshot.request), cancel, progress);
            if (trimmed)
                result = trimmed->toJson();
            else
                error = trimmed.error();
        } else {
            auto exported = Exporter::exportClip(exportRequestFrom(snapshot.request), cancel, progress);
            if (exported)
                result = exported->toJson();
            else
                error = exported.error();
        }
        if (lock && result.isEmpty())
            state = cancel.isCancelled() ? JobState::Cancelled : JobState::Failed;
        QMetaObject::invokeMethod(
            this,
            [this, self, id = snapshot.id, state, result, error] {
                if (self)
                    finish(id, state, result, error);
            },
            Qt::QueuedConnection);
    });
}

void ClipJobQueue::finish(qint64 id, JobState state, QJsonObject result, UserError error) {
    auto it = jobs_.find(id);
    if (it != jobs_.end()) {
        ClipJob& job = it->second;
        job.state = state;
        job.result = result;
        job.errorZh = error.messageZh;
        job.errorEn = error.messageEn;
        job.errorDetail = error.detail;
        if (state == JobState::Done)
            job.progress = 1;
        save(job);
        emit jobChanged(id);
    }
    running_ = 0;
    emit jobFinished(id, state == JobState::Done);
    runNext();
}

} // namespace xz::clips
