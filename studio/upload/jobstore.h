// The persistent queue: one SQLite database (WAL, synchronous=FULL) under the data directory. Every state
// change is one transaction, so a crash or power cut at any instant leaves either the old or the new state,
// never a mix.
#pragma once

#include "uploaderror.h"
#include "uploadjob.h"

#include <memory>
#include <vector>

#include "sqlitedb.h"

namespace xz::upload {

class JobStore {
public:
    enum class AddOutcome {
        Added = 1,
        AlreadyQueued,   // same content, same target, still waiting or uploading
        AlreadyUploaded, // same content, same target, done: not uploaded twice unless forced
        Requeued,        // same content, same target, had failed or been cancelled: queued again
    };
    struct AddResult {
        AddOutcome outcome = AddOutcome::Added;
        UploadJob job;
    };

    static Result<std::unique_ptr<JobStore>> open(const QString& path);
    // The queue database for this installation: xz::paths::dataDir()/upload-queue.sqlite.
    static QString defaultPath();
    ~JobStore();

    // Dedup and insert happen in one IMMEDIATE transaction, so two `upload add` runs cannot race.
    Result<AddResult> add(UploadJob job, bool force);
    // Writes every mutable field of the job (state, reason, attempts, session, offset...) atomically.
    Result<bool> save(const UploadJob& job);
    Result<std::vector<UploadJob>> all() const;
    Result<std::optional<UploadJob>> get(qint64 id) const;
    // At start-up: jobs left "uploading" by a crash go back to the queue; they resume from the server's
    // offset.
    Result<int> requeueInterrupted();

private:
    explicit JobStore(QString path);
    Result<bool> exec(const char* sql) const;
    UploadError dbError(const QString& what) const;

    sqlite::Database db_;
    QString path_;
};

} // namespace xz::upload
