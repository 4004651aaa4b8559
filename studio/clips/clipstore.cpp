#include "clipstore.h"

#include "paths.h"
#include "sqlitedb.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <sqlite3.h>

namespace xz::clips {
namespace {

using sqlite::bind;
using sqlite::Statement;
using sqlite::text;

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
void bind(sqlite3_stmt* s, int i, const QJsonObject& v) {
    bind(s, i, QString::fromUtf8(QJsonDocument(v).toJson(QJsonDocument::Compact)));
}
QJsonObject object(sqlite3_stmt* s, int column) {
    return QJsonDocument::fromJson(text(s, column).toUtf8()).object();
}

constexpr const char* kClipColumns =
    "id, recording, in_s, out_s, title, hashtags, cover_s, preset, fill, crop_x, created_ms, updated_ms";
constexpr const char* kJobColumns =
    "id, kind, request, state, progress, result, error_zh, error_en, error_detail, created_ms, updated_ms";

Clip readClip(sqlite3_stmt* s) {
    Clip c;
    c.id = sqlite3_column_int64(s, 0);
    c.recording = text(s, 1);
    c.inSec = sqlite3_column_double(s, 2);
    c.outSec = sqlite3_column_double(s, 3);
    c.title = text(s, 4);
    for (const QJsonValue& v : QJsonDocument::fromJson(text(s, 5).toUtf8()).array())
        c.hashtags << v.toString();
    c.coverSec = sqlite3_column_double(s, 6);
    c.preset = text(s, 7);
    c.fill = text(s, 8);
    c.cropX = sqlite3_column_double(s, 9);
    c.createdMs = sqlite3_column_int64(s, 10);
    c.updatedMs = sqlite3_column_int64(s, 11);
    return c;
}

ClipJob readJob(sqlite3_stmt* s) {
    ClipJob j;
    j.id = sqlite3_column_int64(s, 0);
    j.kind = text(s, 1) == QLatin1String("export") ? ClipJob::Kind::Export : ClipJob::Kind::Trim;
    j.request = object(s, 2);
    // A state a newer version wrote is shown as failed rather than run again.
    j.state = jobStateFromKey(text(s, 3)).value_or(JobState::Failed);
    j.progress = sqlite3_column_double(s, 4);
    j.result = object(s, 5);
    j.errorZh = text(s, 6);
    j.errorEn = text(s, 7);
    j.errorDetail = text(s, 8);
    j.createdMs = sqlite3_column_int64(s, 9);
    j.updatedMs = sqlite3_column_int64(s, 10);
    return j;
}

} // namespace

QString jobStateKey(JobState state) {
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("queued");
    case JobState::Running:
        return QStringLiteral("running");
    case JobState::Done:
        return QStringLiteral("done");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Cancelled:
        return QStringLiteral("cancelled");
    case JobState::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<JobState> jobStateFromKey(const QString& key) {
    for (JobState s : {JobState::Queued, JobState::Running, JobState::Done, JobState::Failed,
                       JobState::Cancelled, JobState::Interrupted})
        if (jobStateKey(s) == key)
            return s;
    return std::nullopt;
}

UploadDetails ClipJob::upload() const {
    const QJsonObject json = request.value(QStringLiteral("upload")).toObject();
    UploadDetails details;
    details.title = json.value(QStringLiteral("title")).toString();
    for (const QJsonValue& tag : json.value(QStringLiteral("hashtags")).toArray())
        details.hashtags << tag.toString();
    return details;
}

QString jobStateText(JobState state) {
    switch (state) {
    case JobState::Queued:
        return QStringLiteral("排队中 / queued");
    case JobState::Running:
        return QStringLiteral("处理中 / working");
    case JobState::Done:
        return QStringLiteral("完成 / done");
    case JobState::Failed:
        return QStringLiteral("失败 / failed");
    case JobState::Cancelled:
        return QStringLiteral("已取消 / cancelled");
    case JobState::Interrupted:
        return QStringLiteral("被中断 / interrupted");
    }
    return {};
}

ClipStore::ClipStore(QString path) : path_(std::move(path)) {}
ClipStore::~ClipStore() = default;

QString ClipStore::defaultPath() {
    return xz::paths::dataDir() + QStringLiteral("/clips.sqlite");
}

UserError ClipStore::dbError(const QString& what) const {
    return UserError{QStringLiteral("剪辑库数据库出错：%1").arg(path_),
                     QStringLiteral("clip library database error: %1").arg(path_),
                     what + QStringLiteral(": ") + sqlite::lastError(db_.get())};
}

Result<bool> ClipStore::exec(const char* sql) const {
    if (const QString error = sqlite::exec(db_.get(), sql); !error.isEmpty())
        return dbError(error);
    return true;
}

Result<std::unique_ptr<ClipStore>> ClipStore::open(const QString& path) {
    std::unique_ptr<ClipStore> store(new ClipStore(path));
    const char* schema =
        "CREATE TABLE IF NOT EXISTS clips("
        " id INTEGER PRIMARY KEY AUTOINCREMENT, recording TEXT NOT NULL,"
        " in_s REAL NOT NULL, out_s REAL NOT NULL, title TEXT NOT NULL DEFAULT '',"
        " hashtags TEXT NOT NULL DEFAULT '[]', cover_s REAL NOT NULL DEFAULT -1,"
        " preset TEXT NOT NULL, fill TEXT NOT NULL DEFAULT 'crop', crop_x REAL NOT NULL DEFAULT 0.5,"
        " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);"
        "CREATE INDEX IF NOT EXISTS clips_by_recording ON clips(recording);"
        "CREATE TABLE IF NOT EXISTS jobs("
        " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, request TEXT NOT NULL,"
        " state TEXT NOT NULL, progress REAL NOT NULL DEFAULT 0, result TEXT NOT NULL DEFAULT '{}',"
        " error_zh TEXT NOT NULL DEFAULT '', error_en TEXT NOT NULL DEFAULT '',"
        " error_detail TEXT NOT NULL DEFAULT '',"
        " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);"
        "PRAGMA user_version=1;";
    if (const QString error = sqlite::open(path, schema, &store->db_); !error.isEmpty())
        return store->dbError(error);
    return store;
}

Result<Clip> ClipStore::addClip(Clip clip) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(
        db_.get(),
        "INSERT INTO clips(recording, in_s, out_s, title, hashtags, cover_s, preset, fill, crop_x,"
        " created_ms, updated_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        -1, &raw, nullptr);
    Statement insert(raw);
    if (!insert)
        return dbError(QStringLiteral("prepare insert clip"));
    clip.createdMs = clip.updatedMs = nowMs();
    bind(raw, 1, clip.recording);
    bind(raw, 2, clip.inSec);
    bind(raw, 3, clip.outSec);
    bind(raw, 4, clip.title);
    bind(raw, 5,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(clip.hashtags)).toJson(QJsonDocument::Compact)));
    bind(raw, 6, clip.coverSec);
    bind(raw, 7, clip.preset);
    bind(raw, 8, clip.fill);
    bind(raw, 9, clip.cropX);
    bind(raw, 10, clip.createdMs);
    if (sqlite3_step(raw) != SQLITE_DONE)
        return dbError(QStringLiteral("insert clip"));
    clip.id = sqlite3_last_insert_rowid(db_.get());
    return clip;
}

Result<bool> ClipStore::updateClip(const Clip& clip) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(db_.get(),
                       "UPDATE clips SET recording=?2, in_s=?3, out_s=?4, title=?5, hashtags=?6, cover_s=?7,"
                       " preset=?8, fill=?9, crop_x=?10, updated_ms=?11 WHERE id=?1",
                       -1, &raw, nullptr);
    Statement update(raw);
    if (!update)
        return dbError(QStringLiteral("prepare update clip"));
    bind(raw, 1, clip.id);
    bind(raw, 2, clip.recording);
    bind(raw, 3, clip.inSec);
    bind(raw, 4, clip.outSec);
    bind(raw, 5, clip.title);
    bind(raw, 6,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(clip.hashtags)).toJson(QJsonDocument::Compact)));
    bind(raw, 7, clip.coverSec);
    bind(raw, 8, clip.preset);
    bind(raw, 9, clip.fill);
    bind(raw, 10, clip.cropX);
    bind(raw, 11, nowMs());
    if (sqlite3_step(raw) != SQLITE_DONE)
        return dbError(QStringLiteral("update clip %1").arg(clip.id));
    return sqlite3_changes(db_.get()) == 1;
}

Result<bool> ClipStore::removeClip(qint64 id) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(db_.get(), "DELETE FROM clips WHERE id=?1", -1, &raw, nullptr);
    Statement remove(raw);
    if (!remove)
        return dbError(QStringLiteral("prepare delete clip"));
    bind(raw, 1, id);
    if (sqlite3_step(raw) != SQLITE_DONE)
        return dbError(QStringLiteral("delete clip %1").arg(id));
    return sqlite3_changes(db_.get()) == 1;
}

Result<std::vector<Clip>> ClipStore::clips(const QString& recording) const {
    sqlite3_stmt* raw = nullptr;
    const QByteArray sql = QByteArray("SELECT ") + kClipColumns + " FROM clips" +
                           (recording.isEmpty() ? "" : " WHERE recording=?1") +
                           " ORDER BY recording, in_s, id";
    sqlite3_prepare_v2(db_.get(), sql.constData(), -1, &raw, nullptr);
    Statement select(raw);
    if (!select)
        return dbError(QStringLiteral("select clips"));
    if (!recording.isEmpty())
        bind(raw, 1, recording);
    std::vector<Clip> list;
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
        list.push_back(readClip(raw));
    if (rc != SQLITE_DONE)
        return dbError(QStringLiteral("read clips"));
    return list;
}

Result<ClipJob> ClipStore::addJob(ClipJob job) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(
        db_.get(),
        "INSERT INTO jobs(kind, request, state, created_ms, updated_ms) VALUES(?1, ?2, ?3, ?4, ?4)", -1, &raw,
        nullptr);
    Statement insert(raw);
    if (!insert)
        return dbError(QStringLiteral("prepare insert job"));
    job.createdMs = job.updatedMs = nowMs();
    bind(raw, 1, job.kind == ClipJob::Kind::Export ? QStringLiteral("export") : QStringLiteral("trim"));
    bind(raw, 2, job.request);
    bind(raw, 3, jobStateKey(job.state));
    bind(raw, 4, job.createdMs);
    if (sqlite3_step(raw) != SQLITE_DONE)
        return dbError(QStringLiteral("insert job"));
    job.id = sqlite3_last_insert_rowid(db_.get());
    return job;
}

Result<bool> ClipStore::saveJob(const ClipJob& job) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(
        db_.get(),
        "UPDATE jobs SET state=?2, progress=?3, result=?4, error_zh=?5, error_en=?6, error_detail=?7,"
        " updated_ms=?8 WHERE id=?1",
        -1, &raw, nullptr);
    Statement update(raw);
    if (!update)
        return dbError(QStringLiteral("prepare update job"));
    bind(raw, 1, job.id);
    bind(raw, 2, jobStateKey(job.state));
    bind(raw, 3, job.progress);
    bind(raw, 4, job.result);
    bind(raw, 5, job.errorZh);
    bind(raw, 6, job.errorEn);
    bind(raw, 7, job.errorDetail);
    bind(raw, 8, nowMs());
    if (sqlite3_step(raw) != SQLITE_DONE)
        return dbError(QStringLiteral("update job %1").arg(job.id));
    return true;
}

Result<std::vector<ClipJob>> ClipStore::jobs() const {
    sqlite3_stmt* raw = nullptr;
    const QByteArray sql = QByteArray("SELECT ") + kJobColumns + " FROM jobs ORDER BY id";
    sqlite3_prepare_v2(db_.get(), sql.constData(), -1, &raw, nullptr);
    Statement select(raw);
    if (!select)
        return dbError(QStringLiteral("select jobs"));
    std::vector<ClipJob> list;
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
        list.push_back(readJob(raw));
    if (rc != SQLITE_DONE)
        return dbError(QStringLiteral("read jobs"));
    return list;
}

Result<std::optional<ClipJob>> ClipStore::job(qint64 id) const {
    sqlite3_stmt* raw = nullptr;
    const QByteArray sql = QByteArray("SELECT ") + kJobColumns + " FROM jobs WHERE id=?1";
    sqlite3_prepare_v2(db_.get(), sql.constData(), -1, &raw, nullptr);
    Statement select(raw);
    if (!select)
        return dbError(QStringLiteral("select job"));
    bind(raw, 1, id);
    const int rc = sqlite3_step(raw);
    if (rc == SQLITE_ROW)
        return std::optional<ClipJob>(readJob(raw));
    if (rc != SQLITE_DONE)
        return dbError(QStringLiteral("read job %1").arg(id));
    return std::optional<ClipJob>();
}

Result<int> ClipStore::markInterrupted() {
    if (auto ok = exec("UPDATE jobs SET state='interrupted', error_zh='程序在处理时停止了，未保存任何文件',"
                       " error_en='the program stopped while this job ran; nothing was saved'"
                       " WHERE state='running'");
        !ok)
        return ok.error();
    return sqlite3_changes(db_.get());
}

} // namespace xz::clips
