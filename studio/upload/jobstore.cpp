#include "jobstore.h"

#include "paths.h"
#include "sqlitedb.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace xz::upload {
namespace {

using sqlite::bind;
using sqlite::Statement;
using sqlite::text;

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString hashtagsJson(const QStringList& tags) {
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

constexpr const char* kColumns =
    "id, path, size, mtime_ms, sha256, target, title, hashtags, state, reason_zh, reason_en, detail, "
    "attempts, "
    "failures, next_attempt_ms, session, confirmed_offset, remote_id, created_ms, updated_ms";

UploadJob readJob(sqlite3_stmt* s) {
    UploadJob j;
    j.id = sqlite3_column_int64(s, 0);
    j.path = text(s, 1);
    j.size = sqlite3_column_int64(s, 2);
    j.mtimeMs = sqlite3_column_int64(s, 3);
    j.sha256Hex = text(s, 4).toLatin1();
    j.target = text(s, 5);
    j.title = text(s, 6);
    for (const QJsonValue& v : QJsonDocument::fromJson(text(s, 7).toUtf8()).array())
        j.hashtags << v.toString();
    // An unknown state (a newer version wrote it) is shown as failed rather than silently retried.
    j.state = stateFromKey(text(s, 8)).value_or(JobState::Failed);
    j.reasonZh = text(s, 9);
    j.reasonEn = text(s, 10);
    j.detail = text(s, 11);
    j.attempts = sqlite3_column_int(s, 12);
    j.failures = sqlite3_column_int(s, 13);
    j.nextAttemptMs = sqlite3_column_int64(s, 14);
    j.session = QJsonDocument::fromJson(text(s, 15).toUtf8()).object();
    j.confirmedOffset = sqlite3_column_int64(s, 16);
    j.remoteId = text(s, 17);
    j.createdMs = sqlite3_column_int64(s, 18);
    j.updatedMs = sqlite3_column_int64(s, 19);
    return j;
}

} // namespace

JobStore::JobStore(QString path) : path_(std::move(path)) {}
JobStore::~JobStore() = default;

QString JobStore::defaultPath() {
    return xz::paths::dataDir() + QStringLiteral("/upload-queue.sqlite");
}

UploadError JobStore::dbError(const QString& what) const {
    return UploadError::fatal(QStringLiteral("上传队列数据库出错：%1").arg(path_),
                              QStringLiteral("upload queue database error: %1").arg(path_),
                              what + QStringLiteral(": ") + sqlite::lastError(db_.get()));
}

Result<bool> JobStore::exec(const char* sql) const {
    if (const QString error = sqlite::exec(db_.get(), sql); !error.isEmpty())
        return dbError(error);
    return true;
}

Result<std::unique_ptr<JobStore>> JobStore::open(const QString& path) {
    std::unique_ptr<JobStore> store(new JobStore(path));
    // WAL lets `upload list` read while `upload run` writes; FULL makes each commit durable before we move
    // on (both set by sqlite::open).
    const char* schema = "CREATE TABLE IF NOT EXISTS jobs("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL,"
                         " sha256 TEXT NOT NULL, target TEXT NOT NULL,"
                         " title TEXT NOT NULL DEFAULT '', hashtags TEXT NOT NULL DEFAULT '[]',"
                         " state TEXT NOT NULL, reason_zh TEXT NOT NULL DEFAULT '',"
                         " reason_en TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',"
                         " attempts INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,"
                         " next_attempt_ms INTEGER NOT NULL DEFAULT 0, session TEXT NOT NULL DEFAULT '{}',"
                         " confirmed_offset INTEGER NOT NULL DEFAULT 0, remote_id TEXT NOT NULL DEFAULT '',"
                         " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);"
                         "CREATE INDEX IF NOT EXISTS jobs_by_content ON jobs(sha256, target);"
                         "PRAGMA user_version=1;";
    if (const QString error = sqlite::open(path, schema, &store->db_); !error.isEmpty())
        return store->dbError(error);
    return store;
}

Result<JobStore::AddResult> JobStore::add(UploadJob job, bool force) {
    if (auto ok = exec("BEGIN IMMEDIATE"); !ok)
        return ok.error();
    auto rollback = [this](UploadError e) {
        exec("ROLLBACK");
        return e;
    };
    AddResult result;
    if (!force) {
        sqlite3_stmt* raw = nullptr;
        const QByteArray sql = QByteArray("SELECT ") + kColumns +
                               " FROM jobs WHERE sha256 = ?1 AND target = ?2 ORDER BY id DESC";
        sqlite3_prepare_v2(db_.get(), sql.constData(), -1, &raw, nullptr);
        Statement select(raw);
        if (!select)
            return rollback(dbError(QStringLiteral("select duplicates")));
        bind(raw, 1, job.sha256Hex);
        bind(raw, 2, job.target);
        std::optional<UploadJob> existing;
        std::optional<UploadJob> done;
        while (sqlite3_step(raw) == SQLITE_ROW) {
            UploadJob j = readJob(raw);
            if (j.state == JobState::Done)
                done = done ? done : std::optional(j);
            else if (!existing)
                existing = j;
        }
        if (done) {
            exec("COMMIT");
            return AddResult{AddOutcome::AlreadyUploaded, *done};
        }
        if (existing) {
            if (existing->state == JobState::Failed || existing->state == JobState::Cancelled) {
                existing->state = JobState::Queued;
                existing->failures = 0;
                existing->nextAttemptMs = 0;
                existing->reasonZh.clear();
                existing->reasonEn.clear();
                existing->detail.clear();
                existing->path = job.path;
                existing->mtimeMs = job.mtimeMs;
                if (!job.title.isEmpty())
                    existing->title = job.title;
                if (!job.hashtags.isEmpty())
                    existing->hashtags = job.hashtags;
                if (auto saved = save(*existing); !saved)
                    return rollback(saved.error());
                exec("COMMIT");
                return AddResult{AddOutcome::Requeued, *existing};
            }
            exec("COMMIT");
            return AddResult{AddOutcome::AlreadyQueued, *existing};
        }
    }
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(
        db_.get(),
        "INSERT INTO jobs(path, size, mtime_ms, sha256, target, title, hashtags, state, created_ms,"
        " updated_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', ?8, ?8)",
        -1, &raw, nullptr);
    Statement insert(raw);
    if (!insert)
        return rollback(dbError(QStringLiteral("prepare insert")));
    job.createdMs = job.updatedMs = nowMs();
    bind(raw, 1, job.path);
    bind(raw, 2, job.size);
    bind(raw, 3, job.mtimeMs);
    bind(raw, 4, job.sha256Hex);
    bind(raw, 5, job.target);
    bind(raw, 6, job.title);
    bind(raw, 7, hashtagsJson(job.hashtags));
    bind(raw, 8, job.createdMs);
    if (sqlite3_step(raw) != SQLITE_DONE)
        return rollback(dbError(QStringLiteral("insert")));
    job.id = sqlite3_last_insert_rowid(db_.get());
    job.state = JobState::Queued;
    if (auto ok = exec("COMMIT"); !ok)
        return rollback(ok.error());
    result.outcome = AddOutcome::Added;
    result.job = job;
    return result;
}

Result<bool> JobStore::save(const UploadJob& job) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(
        db_.get(),
        "UPDATE jobs SET path=?2, mtime_ms=?3, title=?4, hashtags=?5, state=?6, reason_zh=?7,"
        " reason_en=?8, detail=?9, attempts=?10, failures=?11, next_attempt_ms=?12, session=?13,"
        " confirmed_offset=?14, remote_id=?15, updated_ms=?16 WHERE id=?1",
        -1, &raw, nullptr);
    Statement update(raw);
    if (!update)
        return dbError(QStringLiteral("prepare update"));
    bind(raw, 1, job.id);
    bind(raw, 2, job.path);
    bind(raw, 3, job.mtimeMs);
    bind(raw, 4, job.title);
    bind(raw, 5, hashtagsJson(job.hashtags));
    bind(raw, 6, stateKey(job.state));
    bind(raw, 7, job.reasonZh);
    bind(raw, 8, job.reasonEn);
    bind(raw, 9, job.detail);
    bind(raw, 10, qint64(job.attempts));
    bind(raw, 11, qint64(job.failures));
    bind(raw, 12, job.nextAttemptMs);
    bind(raw, 13, QJsonDocument(job.session).toJson(QJsonDocument::Compact));
    bind(raw, 14, job.confirmedOffset);
    bind(raw, 15, job.remoteId);
    bind(raw, 16, job.updatedMs > 0 ? job.updatedMs : nowMs());
    if (sqlite3_step(raw) != SQLITE_DONE)
        return dbError(QStringLiteral("update job %1").arg(job.id));
    return true;
}

Result<std::vector<UploadJob>> JobStore::all() const {
    sqlite3_stmt* raw = nullptr;
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM jobs ORDER BY id";
    sqlite3_prepare_v2(db_.get(), sql.constData(), -1, &raw, nullptr);
    Statement select(raw);
    if (!select)
        return dbError(QStringLiteral("select jobs"));
    std::vector<UploadJob> jobs;
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
        jobs.push_back(readJob(raw));
    if (rc != SQLITE_DONE)
        return dbError(QStringLiteral("read jobs"));
    return jobs;
}

Result<std::optional<UploadJob>> JobStore::get(qint64 id) const {
    sqlite3_stmt* raw = nullptr;
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM jobs WHERE id = ?1";
    sqlite3_prepare_v2(db_.get(), sql.constData(), -1, &raw, nullptr);
    Statement select(raw);
    if (!select)
        return dbError(QStringLiteral("select job"));
    bind(raw, 1, id);
    const int rc = sqlite3_step(raw);
    if (rc == SQLITE_ROW)
        return std::optional<UploadJob>(readJob(raw));
    if (rc != SQLITE_DONE)
        return dbError(QStringLiteral("read job %1").arg(id));
    return std::optional<UploadJob>();
}

Result<int> JobStore::requeueInterrupted() {
    if (auto ok = exec("UPDATE jobs SET state='queued' WHERE state='uploading'"); !ok)
        return ok.error();
    return sqlite3_changes(db_.get());
}

} // namespace xz::upload
