// The scheduler: picks queued jobs up to the concurrency limit, verifies each file is still what was queued,
// runs an attempt through its target, persists every checkpoint, and applies the failure policy (retry with
// backoff, or fail with the reason). Lives on one thread; targets and transport call back on that thread.
#pragma once

#include "backoff.h"
#include "jobbuilder.h"
#include "jobstore.h"
#include "uploadconfig.h"
#include "uploadtarget.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace xz::upload {

class UploadQueue : public QObject {
    Q_OBJECT
public:
    using TargetMaker = std::function<Result<std::shared_ptr<UploadTarget>>(const QString& target)>;

    struct Live {
        qint64 bytes = 0;          // on the server plus in flight
        double bytesPerSecond = 0; // over the last few seconds
        qint64 etaSeconds = -1;    // -1: unknown
    };

    UploadQueue(JobStore& store, TargetMaker makeTarget, QueueLimits limits, QObject* parent = nullptr);
    ~UploadQueue() override;

    // Requeues what a crash interrupted, loads the queue and starts uploading. Jobs that other processes add
    // (`xiaozhan upload add`) are picked up by polling the database.
    Result<bool> start();
    // Stops every attempt; the jobs stay "uploading" in the database and resume on the next start().
    void stop();

    Result<JobStore::AddResult> add(const UploadJob& job, bool force);

    Q_INVOKABLE bool pause(qint64 id);
    Q_INVOKABLE bool resume(qint64 id);
    Q_INVOKABLE bool retry(qint64 id);
    Q_INVOKABLE bool cancel(qint64 id);

    std::vector<UploadJob> jobs() const;
    std::optional<UploadJob> job(qint64 id) const;
    Live live(qint64 id) const;
    int activeCount() const { return int(active_.size()); }
    int peakActive() const { return peakActive_; }
    // True while something is queued (now or for a retry) or uploading.
    bool hasWork() const;
    void setPollInterval(int ms) { pollTimer_.setInterval(ms); }

signals:
    void jobAdded(qint64 id);
    void jobChanged(qint64 id);
    void jobFinished(qint64 id, bool ok);
    void drained(); // nothing queued or uploading any more (paused, done and failed jobs remain)
    void storageError(const QString& message);

private:
    struct Active {
        int generation = 0;
        std::shared_ptr<UploadTarget> target;
        std::shared_ptr<std::atomic_bool> cancelHash;
        qint64 startOffset = 0;
        bool progressed = false;
        qint64 bytes = 0;
        std::deque<std::pair<qint64, qint64>> samples; // (ms, bytes)
    };

    void schedule();
    void startJob(qint64 id);
    void onVerified(qint64 id, int generation, Result<QByteArray> hash, FileStamp stamp);
    void launch(qint64 id);
    void onCheckpoint(qint64 id, int generation, const QJsonObject& session, qint64 offset);
    void onAttemptFinished(qint64 id, int generation, const TargetOutcome& outcome);
    void finishAttempt(qint64 id, int generation, TargetOutcome outcome); // deferred to the event loop
    void stopActive(qint64 id);
    bool isCurrent(qint64 id, int generation) const;
    void persist(UploadJob& job);
    void reload();
    void sampleProgress();
    void checkDrained();

    JobStore& store_;
    TargetMaker makeTarget_;
    QueueLimits limits_;
    Backoff backoff_;
    std::map<qint64, UploadJob> jobs_;
    std::map<qint64, Active> active_;
    std::map<qint64, FileStamp> verified_; // files hashed in this run and unchanged since
    std::map<qint64, Live> live_;
    QTimer wakeTimer_;
    QTimer pollTimer_;
    QTimer progressTimer_;
    QElapsedTimer clock_;
    QThreadPool hashPool_;
    bool running_ = false;
    bool drainedSent_ = false;
    int generation_ = 0;
    int peakActive_ = 0;
};

} // namespace xz::upload
