// Maps JSON paths back to where they are written in the file, because QJsonDocument forgets positions and
// volunteers editing a show by hand need "line 42, column 7", not just "$.scenes[2]".
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace xz::show {

struct TextPosition {
    int line = 0;   // 1-based; 0 = unknown
    int column = 0; // 1-based, counted in characters (Unicode code points), not bytes
};

class JsonLocator {
public:
    struct DuplicateKey {
        QString path;     // path of the repeated member
        qsizetype offset; // byte offset of the second occurrence's key
        qsizetype firstOffset;
    };

    // `utf8` must be a document QJsonDocument accepted; anything else yields an empty map.
    explicit JsonLocator(const QByteArray& utf8);

    // Where the value at `path` starts; for a path that is not in the file (a missing member) the nearest
    // ancestor that is, so "missing field" errors point at the object that lacks it.
    TextPosition positionOf(const QString& path) const;
    bool contains(const QString& path) const { return offsets_.contains(path); }
    const QList<DuplicateKey>& duplicateKeys() const { return duplicates_; }

    // Line and column of a byte offset in UTF-8 text (multi-byte characters count as one column).
    static TextPosition positionAt(const QByteArray& utf8, qsizetype byteOffset);

private:
    class Scanner;
    QByteArray text_;
    QHash<QString, qsizetype> offsets_;
    QList<DuplicateKey> duplicates_;
};

} // namespace xz::show
