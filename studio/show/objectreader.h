// Typed, path-aware access to one JSON object of a show file. Every read reports a wrong type or a missing
// required member to the ErrorList, and remembers which members were read so that leftovers (typos such as
// "widht") are reported instead of silently ignored.
#pragma once

#include "errorlist.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <optional>

namespace xz::show {

enum class Need { Optional, Required };

class ObjectReader {
public:
    ObjectReader(QJsonObject object, QString path, ErrorList& errors);

    const QString& path() const { return path_; }
    QString pathOf(const QString& key) const;
    bool has(const QString& key) const { return object_.contains(key); }

    std::optional<QString> string(const QString& key, Need need);
    std::optional<int> integer(const QString& key, Need need);
    std::optional<double> number(const QString& key, Need need);
    std::optional<bool> boolean(const QString& key, Need need);
    std::optional<QJsonObject> object(const QString& key, Need need);
    std::optional<QJsonArray> array(const QString& key, Need need);
    // The raw value, type unchecked (for members that accept more than one type).
    std::optional<QJsonValue> value(const QString& key, Need need);

    // Reports every member that was not read. Members named in `otherKinds` exist in the format but not for
    // this object's kind (e.g. "text" on an image source), which gets a more helpful message.
    // Members starting with '_' are comments and always allowed.
    void reportUnread(const QSet<QString>& otherKinds = {}, const QString& kind = {});

    // "字符串" / "a string" etc. for a JSON value, with the value itself for scalars.
    static QString describeZh(const QJsonValue& value);
    static QString describeEn(const QJsonValue& value);

private:
    std::optional<QJsonValue> fetch(const QString& key, Need need);
    void wrongType(const QString& key, const QJsonValue& value, const QString& expectedZh,
                   const QString& expectedEn);

    QJsonObject object_;
    QString path_;
    ErrorList& errors_;
    QSet<QString> read_;
};

} // namespace xz::show
