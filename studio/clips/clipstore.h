// The clip library's database: clips and the trim/export job queue in one SQLite file under the data
// directory (WAL, synchronous=FULL, one transaction per change, as the upload queue does), so a crash or a
// power cut leaves either the old or the new state. It stores paths to recordings and never deletes files.
#pragma once

#include "clip.h"
#include "clipjob.h"
#include "clipresult.h"
#include "sqlitedb.h"

#include <memory>
#include <vector>

namespace xz::clips {

class ClipStore {
public:
    static Result<std::unique_ptr<ClipStore>> open(const QString& path = defaultPath());
    // xz::paths::dataDir()/clips.sqlite
    static QString defaultPath();
    ~ClipStore();

    Result<Clip> addClip(Clip clip);
    Result<bool> updateClip(const Clip& clip);
    // Removes the clip's row only: the recording and any exported file stay where they are.
    Result<bool> removeClip(qint64 id);
    Result<std::vector<Clip>> clips(const QString& recording = {}) const;

    Result<ClipJob> addJob(ClipJob job);
    Result<bool> saveJob(const ClipJob& job);
    Result<std::vector<ClipJob>> jobs() const;
    Result<std::optional<ClipJob>> job(qint64 id) const;
    // Jobs left running by a program that is gone become "interrupted"; returns how many.
    Result<int> markInterrupted();

private:
    explicit ClipStore(QString path);
    Result<bool> exec(const char* sql) const;
    UserError dbError(const QString& what) const;

    sqlite::Database db_;
    QString path_;
};

} // namespace xz::clips
