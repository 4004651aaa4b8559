// Trims and exports run here, one at a time (also across processes: an flock in the data directory), in the
// order they were asked for, on a worker thread, with progress and results delivered on the queue's own
// thread. Every state change is saved first, so after a crash or a restart a job that was running shows as
// "interrupted" (its half-written output is a hidden temporary file, removed or never renamed), never as
// running or done. Scheduling only: what the jobs do is Trimmer's and Exporter's.
#pragma once

#include "canceltoken.h"
#include "clipjob.h"
#include "clipstore.h"
#include "exporter.h"
#include "trimmer.h"

#include <QObject>
#include <map>
#include <thread>

namespace xz::clips {

class ClipJobQueue : public QObject {
    Q_OBJECT
public:
    explicit ClipJobQueue(ClipStore& store, QObject* parent = nullptr);
    ~ClipJobQueue() override; // cancels a running job and waits for it

    // Loads the jobs, marks those a vanished process left running as interrupted, starts the queued ones.
    Result<bool> start();
    Result<qint64> enqueueTrim(const TrimRequest& request);
    // `upload`: the title and hashtags the clip goes to the upload queue with, once exported.
    Result<qint64> enqueueExport(const ExportRequest& request, const UploadDetails& upload = {});
    // Queued: cancelled at once. Running: stopped, its partial output removed. Finished: false.
    bool cancel(qint64 id);

    std::vector<ClipJob> jobs() const;
    std::optional<ClipJob> job(qint64 id) const;

    static QString lockPath(); // xz::paths::dataDir()/clip-jobs.lock

    static QJsonObject toJson(const TrimRequest& request);
    static QJsonObject toJson(const ExportRequest& request);
    static TrimRequest trimRequestFrom(const QJsonObject& json);
    static ExportRequest exportRequestFrom(const QJsonObject& json);

signals:
    void jobAdded(qint64 id);
    void jobChanged(qint64 id);
    void progressChanged(qint64 id, double fraction);
    void jobFinished(qint64 id, bool ok);

private:
    Result<qint64> enqueue(ClipJob job);
    void runNext();
    void finish(qint64 id, JobState state, QJsonObject result, UserError error);
    void save(const ClipJob& job);

    ClipStore& store_;
    std::map<qint64, ClipJob> jobs_;
    qint64 running_ = 0;
    CancelToken runningCancel_;
    std::thread worker_;
    bool started_ = false;
};

} // namespace xz::clips
