// One SQLite file the studio keeps (the clip library, the upload queue): opened the one way both need it:
// WAL, so `upload list` or the Editor reads while another process writes; synchronous=FULL, so a commit is on
// disk before the program moves on and a power cut leaves the old or the new state; a 10 s wait when another
// process holds the lock. Statements and the database have owners that finalize and close them. Errors stay
// the owner's to word: these return SQLite's own message.
#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace xz::sqlite {

struct CloseDatabase {
    void operator()(sqlite3* db) const;
};
struct FinalizeStatement {
    void operator()(sqlite3_stmt* statement) const;
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// Creates the folder and the file if needed, sets the pragmas above and runs `schema` (CREATE ... IF NOT
// EXISTS, the user_version). `db` is set even on failure, so the caller can word sqlite3_errmsg.
QString open(const QString& path, const char* schema, Database* db);
// Runs statements without results; empty on success, else SQLite's message.
QString exec(sqlite3* db, const char* sql);
// Null when SQLite refuses the statement (see sqlite3_errmsg).
Statement prepare(sqlite3* db, const char* sql);
// The latest error text of the connection.
QString lastError(sqlite3* db);

void bind(sqlite3_stmt* statement, int index, const QString& value);
void bind(sqlite3_stmt* statement, int index, const QByteArray& utf8);
void bind(sqlite3_stmt* statement, int index, qint64 value);
void bind(sqlite3_stmt* statement, int index, double value);
QString text(sqlite3_stmt* statement, int column);

} // namespace xz::sqlite
