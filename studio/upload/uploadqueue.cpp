#include "uploadqueue.h"

#include "digest.h"
#include "uploadlog.h"

#include <QDateTime>

namespace xz::upload {
namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
// Rate and ETA average over this window: long enough to be steady, short enough to follow a change.
constexpr qint64 kRateWindowMs = 5'000;

} // namespace

UploadQueue::UploadQueue(JobStore& store, TargetMaker makeTarget, QueueLimits limits, QObject* parent)
    : QObject(parent), store_(store), makeTarget_(std::move(makeTarget)), limits_(limits),
      backoff_(limits.backoffBaseMs, limits.backoffCapMs) {
    clock_.start();
    wakeTimer_.setSingleShot(true);
    connect(&wakeTimer_, &QTimer::timeout, this, &UploadQueue::schedule);
    pollTimer_.setInterval(2'000);
    connect(&pollTimer_, &QTimer::timeout, this, &UploadQueue::reload);
    progressTimer_.setInterval(250);
    connect(&progressTimer_, &QTimer::timeout, this, &UploadQueue::sampleProgress);
    // Hashing is disk-bound; two at a time keeps the disk busy without thrashing it.
    hashPool_.setMaxThreadCount(2);
}

UploadQueue::~UploadQueue() {
    stop();
    hashPool_.waitForDone();
}

Result<bool> UploadQueue::start() {
    if (auto requeued = store_.requeueInterrupted(); !requeued)
        return requeued.error();
    else if (*requeued > 0)
        qCInfo(lcUpload) << *requeued << "interrupted upload(s) will resume from the server's offset";
    auto all = store_.all();
    if (!all)
        return all.error();
    for (UploadJob& job : *all) {
        const qint64 id = job.id;
        const bool isNew = !jobs_.contains(id);
        jobs_[id] = std::move(job);
        if (isNew)
            emit jobAdded(id);
    }
    running_ = true;
    drainedSent_ = false;
    pollTimer_.start();
    progressTimer_.start();
    schedule();
    return true;
}

void UploadQueue::stop() {
    running_ = false;
    wakeTimer_.stop();
    pollTimer_.stop();
    progressTimer_.stop();
    std::vector<qint64> ids;
    for (const auto& [id, a] : active_)
        ids.push_back(id);
    for (qint64 id : ids)
        stopActive(id);
}

Result<JobStore::AddResult> UploadQueue::add(const UploadJob& job, bool force) {
    auto added = store_.add(job, force);
    if (added)
        reload();
    return added;
}

bool UploadQueue::hasWork() const {
    if (!active_.empty())
        return true;
    for (const auto& [id, job] : jobs_) {
        if (job.state == JobState::Queued)
            return true;
    }
    return false;
}

std::vector<UploadJob> UploadQueue::jobs() const {
    std::vector<UploadJob> out;
    out.reserve(jobs_.size());
    for (const auto& [id, job] : jobs_)
        out.push_back(job);
    return out;
}

std::optional<UploadJob> UploadQueue::job(qint64 id) const {
    auto it = jobs_.find(id);
    return it == jobs_.end() ? std::nullopt : std::optional(it->second);
}

UploadQueue::Live UploadQueue::live(qint64 id) const {
    if (auto it = live_.find(id); it != live_.end() && active_.contains(id))
        return it->second;
    auto job = jobs_.find(id);
    Live l;
    if (job != jobs_.end())
        l.bytes = job->second.state == JobState::Done ? job->second.size : job->second.confirmedOffset;
    return l;
}

bool UploadQueue::isCurrent(qint64 id, int generation) const {
    auto it = active_.find(id);
    return it != active_.end() && it->second.generation == generation;
}

void UploadQueue::persist(UploadJob& job) {
    // Stamped here so reload() can tell our own writes from another process's.
    job.updatedMs = nowMs();
    if (auto saved = store_.save(job); !saved) {
        qCCritical(lcUpload) << saved.error().describe();
        emit storageError(saved.error().message());
    }
}

void UploadQueue::schedule() {
    if (!running_)
        return;
    const qint64 now = nowMs();
    qint64 nextWake = 0;
    std::vector<qint64> toStart;
    for (const auto& [id, job] : jobs_) {
        if (job.state != JobState::Queued || active_.contains(id))
            continue;
        if (job.nextAttemptMs > now) {
            nextWake = nextWake == 0 ? job.nextAttemptMs : std::min(nextWake, job.nextAttemptMs);
            continue;
        }
        if (int(active_.size() + toStart.size()) < limits_.concurrency)
            toStart.push_back(id);
    }
    for (qint64 id : toStart)
        startJob(id);
    if (nextWake > 0)
        wakeTimer_.start(int(std::clamp<qint64>(nextWake - now, 1, 3'600'000)));
    else
        wakeTimer_.stop();
    checkDrained();
}

void UploadQueue::checkDrained() {
    if (hasWork()) {
        drainedSent_ = false;
    } else if (!drainedSent_) {
        drainedSent_ = true;
        emit drained();
    }
}

void UploadQueue::startJob(qint64 id) {
    UploadJob& job = jobs_[id];
    job.state = JobState::Uploading;
    ++job.attempts;
    persist(job);

    Active& a = active_[id];
    a.generation = ++generation_;
    a.startOffset = job.confirmedOffset;
    a.bytes = job.confirmedOffset;
    a.cancelHash = std::make_shared<std::atomic_bool>(false);
    live_[id] = Live{job.confirmedOffset, 0, -1};
    peakActive_ = std::max(peakActive_, int(active_.size()));
    emit jobChanged(id);

    const int generation = a.generation;
    const auto stamp = JobBuilder::stamp(job.path);
    if (!stamp)
        return finishAttempt(id, generation, TargetOutcome{false, {}, stamp.error()});
    if (auto unreadable = JobBuilder::checkReadable(job.path))
        return finishAttempt(id, generation, TargetOutcome{false, {}, *unreadable});
    auto verified = verified_.find(id);
    if (verified != verified_.end() && verified->second == *stamp)
        return launch(id);
    // Hash off the event loop: a 2 GB clip takes a second or more, and the UI must not freeze meanwhile.
    const QString path = job.path;
    const FileStamp fileStamp = *stamp;
    std::shared_ptr<std::atomic_bool> cancel = a.cancelHash;
    hashPool_.start([this, id, generation, path, fileStamp, cancel] {
        Result<QByteArray> hash = Digest::ofFile(Digest::Algorithm::Sha256, path, 0, -1, cancel.get());
        QMetaObject::invokeMethod(
            this, [this, id, generation, hash, fileStamp] { onVerified(id, generation, hash, fileStamp); },
            Qt::QueuedConnection);
    });
}

void UploadQueue::onVerified(qint64 id, int generation, Result<QByteArray> hash, FileStamp stamp) {
    if (!isCurrent(id, generation))
        return;
    if (!hash)
        return finishAttempt(id, generation, TargetOutcome{false, {}, hash.error()});
    const UploadJob& job = jobs_[id];
    if (hash->toHex() != job.sha256Hex || stamp.size != job.size) {
        return finishAttempt(
            id, generation,
            TargetOutcome{
                false,
                {},
                UploadError::fatal(
                    QStringLiteral("文件在加入队列后被修改过，已停止上传以免传出混合内容：%1").arg(job.path),
                    QStringLiteral("the file changed after it was queued; stopped rather "
                                   "than upload a mix: %1")
                        .arg(job.path),
                    QStringLiteral("sha256 queued %1, now %2")
                        .arg(QString::fromLatin1(job.sha256Hex), QString::fromLatin1(hash->toHex())))});
    }
    verified_[id] = stamp;
    launch(id);
}

void UploadQueue::launch(qint64 id) {
    Active& a = active_[id];
    const int generation = a.generation;
    const UploadJob& job = jobs_[id];
    auto target = makeTarget_(job.target);
    if (!target)
        return finishAttempt(id, generation, TargetOutcome{false, {}, target.error()});
    a.target = *target;

    TargetJob targetJob;
    targetJob.id = job.id;
    targetJob.path = job.path;
    targetJob.size = job.size;
    targetJob.sha256Hex = job.sha256Hex;
    targetJob.title = job.title;
    targetJob.hashtags = job.hashtags;
    targetJob.session = job.session;
    targetJob.confirmedOffset = job.confirmedOffset;

    UploadTarget::Callbacks callbacks;
    callbacks.checkpoint = [this, id, generation](const QJsonObject& session, qint64 offset) {
        onCheckpoint(id, generation, session, offset);
    };
    callbacks.progress = [this, id, generation](qint64 bytes) {
        if (auto it = active_.find(id); it != active_.end() && it->second.generation == generation)
            it->second.bytes = bytes;
    };
    callbacks.finished = [this, id, generation](const TargetOutcome& outcome) {
        finishAttempt(id, generation, outcome);
    };
    qCDebug(lcUpload) << "job" << id << "attempt" << job.attempts << "from offset" << job.confirmedOffset;
    a.target->start(targetJob, std::move(callbacks));
}

void UploadQueue::onCheckpoint(qint64 id, int generation, const QJsonObject& session, qint64 offset) {
    if (!isCurrent(id, generation))
        return;
    Active& a = active_[id];
    UploadJob& job = jobs_[id];
    if (offset > a.startOffset)
        a.progressed = true;
    job.session = session;
    job.confirmedOffset = offset;
    // Synchronous on purpose: the target sends nothing more until the server's word is on disk.
    persist(job);
}

void UploadQueue::finishAttempt(qint64 id, int generation, TargetOutcome outcome) {
    // Always through the event loop: the target that reports may still be on the stack, and scheduling the
    // next job from here could recurse once per queued job.
    QMetaObject::invokeMethod(
        this, [this, id, generation, outcome] { onAttemptFinished(id, generation, outcome); },
        Qt::QueuedConnection);
}

void UploadQueue::onAttemptFinished(qint64 id, int generation, const TargetOutcome& outcome) {
    if (!isCurrent(id, generation))
        return;
    const bool progressed = active_[id].progressed;
    active_.erase(id);
    live_.erase(id);
    UploadJob& job = jobs_[id];
    const UploadError& e = outcome.error;
    if (outcome.ok) {
        job.state = JobState::Done;
        job.remoteId = outcome.remoteId;
        job.confirmedOffset = job.size;
        job.failures = 0;
        job.reasonZh.clear();
        job.reasonEn.clear();
        job.detail.clear();
        qCInfo(lcUpload) << "job" << id << "done:" << job.fileName();
    } else if (e.kind == UploadError::Kind::Retryable || e.kind == UploadError::Kind::SessionExpired) {
        job.failures = progressed ? 1 : job.failures + 1;
        job.detail = e.detail;
        if (job.failures >= limits_.maxAttempts) {
            job.state = JobState::Failed;
            job.reasonZh = QStringLiteral("连续 %1 次尝试失败：%2").arg(job.failures).arg(e.zh);
            job.reasonEn = QStringLiteral("failed %1 attempts in a row: %2").arg(job.failures).arg(e.en);
            qCWarning(lcUpload) << "job" << id << "failed for good:" << e.describe();
        } else {
            job.state = JobState::Queued;
            const qint64 delay = e.retryAfterMs ? *e.retryAfterMs : backoff_.delayMs(job.failures);
            job.nextAttemptMs = nowMs() + delay;
            job.reasonZh = e.zh;
            job.reasonEn = e.en;
            qCInfo(lcUpload) << "job" << id << "will retry in" << delay << "ms:" << e.describe();
        }
    } else {
        job.state = JobState::Failed;
        job.reasonZh = e.zh;
        job.reasonEn = e.en;
        job.detail = e.detail;
        qCWarning(lcUpload) << "job" << id << "failed:" << e.describe();
    }
    persist(job);
    emit jobChanged(id);
    if (job.state == JobState::Done || job.state == JobState::Failed)
        emit jobFinished(id, job.state == JobState::Done);
    schedule();
}

void UploadQueue::stopActive(qint64 id) {
    auto it = active_.find(id);
    if (it == active_.end())
        return;
    Active a = std::move(it->second);
    active_.erase(it);
    live_.erase(id);
    if (a.cancelHash)
        *a.cancelHash = true;
    if (a.target) {
        a.target->abort();
        // Destroyed from the event loop: we may have been called from inside one of its callbacks.
        QTimer::singleShot(0, this, [target = a.target] {});
    }
}

bool UploadQueue::pause(qint64 id) {
    auto it = jobs_.find(id);
    if (it == jobs_.end() ||
        (it->second.state != JobState::Queued && it->second.state != JobState::Uploading))
        return false;
    stopActive(id);
    it->second.state = JobState::Paused;
    persist(it->second);
    emit jobChanged(id);
    schedule();
    return true;
}

bool UploadQueue::resume(qint64 id) {
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.state != JobState::Paused)
        return false;
    it->second.state = JobState::Queued;
    it->second.nextAttemptMs = 0;
    it->second.failures = 0;
    persist(it->second);
    emit jobChanged(id);
    schedule();
    return true;
}

bool UploadQueue::retry(qint64 id) {
    auto it = jobs_.find(id);
    if (it == jobs_.end() ||
        (it->second.state != JobState::Failed && it->second.state != JobState::Cancelled))
        return false;
    UploadJob& job = it->second;
    job.state = JobState::Queued;
    job.nextAttemptMs = 0;
    job.failures = 0;
    job.reasonZh.clear();
    job.reasonEn.clear();
    job.detail.clear();
    verified_.erase(id); // the user may have fixed the file: look again
    persist(job);
    emit jobChanged(id);
    schedule();
    return true;
}

bool UploadQueue::cancel(qint64 id) {
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.state == JobState::Done || it->second.state == JobState::Cancelled)
        return false;
    stopActive(id);
    it->second.state = JobState::Cancelled;
    persist(it->second);
    emit jobChanged(id);
    schedule();
    return true;
}

void UploadQueue::reload() {
    auto all = store_.all();
    if (!all) {
        emit storageError(all.error().message());
        return;
    }
    for (UploadJob& fresh : *all) {
        const qint64 id = fresh.id;
        auto it = jobs_.find(id);
        if (it == jobs_.end()) {
            jobs_.emplace(id, std::move(fresh));
            emit jobAdded(id);
        } else if (!active_.contains(id) && fresh.updatedMs != it->second.updatedMs) {
            // Changed by another process (`upload add` requeued a failed job, say).
            it->second = std::move(fresh);
            emit jobChanged(id);
        }
    }
    schedule();
}

void UploadQueue::sampleProgress() {
    const qint64 now = clock_.elapsed();
    for (auto& [id, a] : active_) {
        a.samples.emplace_back(now, a.bytes);
        while (a.samples.size() > 2 && now - a.samples.front().first > kRateWindowMs)
            a.samples.pop_front();
        Live l;
        l.bytes = a.bytes;
        const auto& [t0, b0] = a.samples.front();
        if (now > t0 && a.bytes > b0) {
            l.bytesPerSecond = double(a.bytes - b0) * 1000.0 / double(now - t0);
            l.etaSeconds = qint64(double(jobs_[id].size - a.bytes) / l.bytesPerSecond + 0.5);
        }
        Live& old = live_[id];
        const bool changed = old.bytes != l.bytes || old.etaSeconds != l.etaSeconds;
        old = l;
        if (changed)
            emit jobChanged(id);
    }
}

} // namespace xz::upload
