#include "sqlitedb.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

namespace xz::sqlite {

void CloseDatabase::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

void FinalizeStatement::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

QString lastError(sqlite3* db) {
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory");
}

QString exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    const QString text = QString::fromUtf8(message ? message : "unknown");
    sqlite3_free(message);
    return text;
}

QString open(const QString& path, const char* schema, Database* db) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(QFile::encodeName(path).constData(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    db->reset(raw);
    if (rc != SQLITE_OK)
        return QStringLiteral("open: ") + lastError(raw);
    sqlite3_busy_timeout(raw, 10'000);
    if (QString error = exec(raw, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"); !error.isEmpty())
        return error;
    return exec(raw, schema);
}

Statement prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
    return Statement(raw);
}

void bind(sqlite3_stmt* statement, int index, const QString& value) {
    bind(statement, index, value.toUtf8());
}

void bind(sqlite3_stmt* statement, int index, const QByteArray& utf8) {
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void bind(sqlite3_stmt* statement, int index, qint64 value) {
    sqlite3_bind_int64(statement, index, value);
}

void bind(sqlite3_stmt* statement, int index, double value) {
    sqlite3_bind_double(statement, index, value);
}

QString text(sqlite3_stmt* statement, int column) {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(statement, column)) : QString();
}

} // namespace xz::sqlite
