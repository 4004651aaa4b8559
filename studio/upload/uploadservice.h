// The upload queue as a running service, for whoever runs it: `xiaozhan upload run` and the Uploads view.
// Owns, in order, the configuration (secrets registered for redaction), the one-runner lock, the queue
// database, the transfers, the targets, the scheduler and the view's model. Adding a file fingerprints it off
// the calling thread (a long recording takes a while to hash) and reports on the caller's thread.
#pragma once

#include "curltransport.h"
#include "jobstore.h"
#include "runlock.h"
#include "targetfactory.h"
#include "uploadconfig.h"
#include "uploadlistmodel.h"
#include "uploadqueue.h"

#include <QObject>
#include <functional>
#include <memory>

namespace xz::upload {

class UploadService : public QObject {
    Q_OBJECT
public:
    // Opens everything and starts uploading. Another process already uploading from this queue (an
    // `upload run` in a terminal) is an error saying so, as is a damaged config or database.
    static Result<std::unique_ptr<UploadService>> start(QObject* parent = nullptr);
    ~UploadService() override;

    UploadQueue& queue() { return *queue_; }
    UploadListModel& model() { return *model_; }
    const UploadConfig& config() const { return *config_; }

    struct Added {
        JobStore::AddOutcome outcome;
        UploadJob job;
    };
    // Queues a file for a target; `done` runs on this object's thread with the result.
    void add(const QString& path, const QString& target, const QString& title, const QStringList& hashtags,
             bool force, std::function<void(Result<Added>)> done);

private:
    UploadService(QObject* parent) : QObject(parent) {}

    std::unique_ptr<UploadConfig> config_;
    std::unique_ptr<RunLock> lock_;
    std::unique_ptr<JobStore> store_;
    std::unique_ptr<CurlTransport> transport_;
    std::unique_ptr<TargetFactory> factory_;
    std::unique_ptr<UploadQueue> queue_;
    std::unique_ptr<UploadListModel> model_;
};

} // namespace xz::upload
