#include "objectreader.h"

#include "jsonpath.h"

#include <cmath>
#include <limits>

namespace xz::show {
namespace {

QString scalarText(const QJsonValue& value) {
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 1e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 10);
    }
    if (value.isString()) {
        QString s = value.toString();
        if (s.size() > 40)
            s = s.left(40) + QStringLiteral("…");
        return u'"' + s + u'"';
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace

ObjectReader::ObjectReader(QJsonObject object, QString path, ErrorList& errors)
    : object_(std::move(object)), path_(std::move(path)), errors_(errors) {}

QString ObjectReader::pathOf(const QString& key) const {
    return jsonpath::member(path_, key);
}

QString ObjectReader::describeZh(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("布尔值 ") + scalarText(value);
    case QJsonValue::Double:
        return QStringLiteral("数字 ") + scalarText(value);
    case QJsonValue::String:
        return QStringLiteral("字符串 ") + scalarText(value);
    case QJsonValue::Array:
        return QStringLiteral("数组");
    case QJsonValue::Object:
        return QStringLiteral("对象");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("空");
}

QString ObjectReader::describeEn(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("the boolean ") + scalarText(value);
    case QJsonValue::Double:
        return QStringLiteral("the number ") + scalarText(value);
    case QJsonValue::String:
        return QStringLiteral("the string ") + scalarText(value);
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

std::optional<QJsonValue> ObjectReader::fetch(const QString& key, Need need) {
    read_.insert(key);
    const auto it = object_.constFind(key);
    if (it == object_.constEnd()) {
        if (need == Need::Required)
            errors_.add(pathOf(key), QStringLiteral("缺少必填字段 “%1”").arg(key),
                        QStringLiteral("missing required field \"%1\"").arg(key));
        return std::nullopt;
    }
    return it.value();
}

void ObjectReader::wrongType(const QString& key, const QJsonValue& value, const QString& expectedZh,
                             const QString& expectedEn) {
    errors_.add(pathOf(key), QStringLiteral("应为%1，实际为%2").arg(expectedZh, describeZh(value)),
                QStringLiteral("expected %1, found %2").arg(expectedEn, describeEn(value)));
}

std::optional<QJsonValue> ObjectReader::value(const QString& key, Need need) {
    return fetch(key, need);
}

std::optional<QString> ObjectReader::string(const QString& key, Need need) {
    const auto v = fetch(key, need);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        wrongType(key, *v, QStringLiteral("字符串"), QStringLiteral("a string"));
        return std::nullopt;
    }
    return v->toString();
}

std::optional<double> ObjectReader::number(const QString& key, Need need) {
    const auto v = fetch(key, need);
    if (!v)
        return std::nullopt;
    if (!v->isDouble()) {
        wrongType(key, *v, QStringLiteral("数字"), QStringLiteral("a number"));
        return std::nullopt;
    }
    return v->toDouble();
}

std::optional<int> ObjectReader::integer(const QString& key, Need need) {
    const auto v = fetch(key, need);
    if (!v)
        return std::nullopt;
    const double d = v->toDouble();
    const bool integral = v->isDouble() && std::isfinite(d) && std::trunc(d) == d &&
                          d >= double(std::numeric_limits<int>::min()) &&
                          d <= double(std::numeric_limits<int>::max());
    if (!integral) {
        wrongType(key, *v, QStringLiteral("整数"), QStringLiteral("an integer"));
        return std::nullopt;
    }
    return static_cast<int>(d);
}

std::optional<bool> ObjectReader::boolean(const QString& key, Need need) {
    const auto v = fetch(key, need);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        wrongType(key, *v, QStringLiteral("布尔值 true 或 false"), QStringLiteral("true or false"));
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<QJsonObject> ObjectReader::object(const QString& key, Need need) {
    const auto v = fetch(key, need);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        wrongType(key, *v, QStringLiteral("对象 {…}"), QStringLiteral("an object {…}"));
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QJsonArray> ObjectReader::array(const QString& key, Need need) {
    const auto v = fetch(key, need);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        wrongType(key, *v, QStringLiteral("数组 […]"), QStringLiteral("an array […]"));
        return std::nullopt;
    }
    return v->toArray();
}

void ObjectReader::reportUnread(const QSet<QString>& otherKinds, const QString& kind) {
    // Sorted so the messages come out in a stable order (QJsonObject keys are sorted already).
    for (const QString& key : object_.keys()) {
        if (read_.contains(key) || key.startsWith(u'_'))
            continue;
        if (otherKinds.contains(key) && !kind.isEmpty())
            errors_.add(pathOf(key), QStringLiteral("字段 “%1” 不适用于 %2 类型").arg(key, kind),
                        QStringLiteral("field \"%1\" does not apply to kind \"%2\"").arg(key, kind));
        else
            errors_.add(pathOf(key), QStringLiteral("未知字段 “%1”").arg(key),
                        QStringLiteral("unknown field \"%1\"").arg(key));
    }
}

} // namespace xz::show
