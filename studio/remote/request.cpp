#include "request.h"

namespace xz::remote {
namespace {

// obs-websocket prints limits with std::to_string: "0.000000".
QString limitText(double value) {
    return QString::number(value, 'f', 6);
}

} // namespace

Request::Request(QString type, const QJsonValue& data, ExecutionType execution)
    : type(std::move(type)), execution(execution), hasData(data.isObject()), data(data.toObject()) {}

bool Request::contains(const QString& key) const {
    const QJsonValue value = data.value(key);
    return !value.isUndefined() && !value.isNull();
}

FieldError Request::requirePresent(const QString& key) const {
    if (!hasData)
        return RequestResult::error(RequestStatus::MissingRequestData,
                                    QStringLiteral("Your request data is missing or invalid (non-object)"));
    if (!contains(key))
        return RequestResult::error(RequestStatus::MissingRequestField,
                                    QStringLiteral("Your request is missing the `%1` field.").arg(key));
    return std::nullopt;
}

FieldError Request::optionalString(const QString& key, bool allowEmpty) const {
    const QJsonValue value = data.value(key);
    if (!value.isString())
        return RequestResult::error(RequestStatus::InvalidRequestFieldType,
                                    QStringLiteral("The field value of `%1` must be a string.").arg(key));
    if (!allowEmpty && value.toString().isEmpty())
        return RequestResult::error(RequestStatus::RequestFieldEmpty,
                                    QStringLiteral("The field value of `%1` must not be empty.").arg(key));
    return std::nullopt;
}

FieldError Request::requireString(const QString& key, bool allowEmpty) const {
    if (auto error = requirePresent(key))
        return error;
    return optionalString(key, allowEmpty);
}

FieldError Request::optionalNumber(const QString& key, double minimum, double maximum) const {
    const QJsonValue value = data.value(key);
    if (!value.isDouble())
        return RequestResult::error(RequestStatus::InvalidRequestFieldType,
                                    QStringLiteral("The field value of `%1` must be a number.").arg(key));
    const double number = value.toDouble();
    if (number < minimum)
        return RequestResult::error(RequestStatus::RequestFieldOutOfRange,
                                    QStringLiteral("The field value of `%1` is below the minimum of `%2`")
                                        .arg(key, limitText(minimum)));
    if (number > maximum)
        return RequestResult::error(RequestStatus::RequestFieldOutOfRange,
                                    QStringLiteral("The field value of `%1` is above the maximum of `%2`")
                                        .arg(key, limitText(maximum)));
    return std::nullopt;
}

FieldError Request::requireNumber(const QString& key, double minimum, double maximum) const {
    if (auto error = requirePresent(key))
        return error;
    return optionalNumber(key, minimum, maximum);
}

FieldError Request::optionalBoolean(const QString& key) const {
    if (!data.value(key).isBool())
        return RequestResult::error(RequestStatus::InvalidRequestFieldType,
                                    QStringLiteral("The field value of `%1` must be boolean.").arg(key));
    return std::nullopt;
}

FieldError Request::requireBoolean(const QString& key) const {
    if (auto error = requirePresent(key))
        return error;
    return optionalBoolean(key);
}

FieldError Request::optionalObject(const QString& key, bool allowEmpty) const {
    const QJsonValue value = data.value(key);
    if (!value.isObject())
        return RequestResult::error(RequestStatus::InvalidRequestFieldType,
                                    QStringLiteral("The field value of `%1` must be an object.").arg(key));
    if (!allowEmpty && value.toObject().isEmpty())
        return RequestResult::error(RequestStatus::RequestFieldEmpty,
                                    QStringLiteral("The field value of `%1` must not be empty.").arg(key));
    return std::nullopt;
}

FieldError Request::requireObject(const QString& key, bool allowEmpty) const {
    if (auto error = requirePresent(key))
        return error;
    return optionalObject(key, allowEmpty);
}

} // namespace xz::remote
