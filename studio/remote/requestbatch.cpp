#include "requestbatch.h"

#include <cmath>

namespace xz::remote {

RequestBatch::RequestBatch(QJsonValue requestId, ExecutionType execution, bool haltOnFailure,
                           QJsonArray requests, QJsonObject variables, double frameIntervalMs,
                           Execute execute, QObject* parent)
    : QObject(parent), requestId_(std::move(requestId)), execution_(execution), haltOnFailure_(haltOnFailure),
      requests_(std::move(requests)), variables_(std::move(variables)), frameIntervalMs_(frameIntervalMs),
      execute_(std::move(execute)) {
    sleep_.setSingleShot(true);
    sleep_.setTimerType(Qt::PreciseTimer);
    connect(&sleep_, &QTimer::timeout, this, &RequestBatch::awake);
    done_ = requests_.isEmpty();
}

QJsonObject RequestBatch::resultJson(const QJsonObject& request, const RequestResult& result) {
    QJsonObject status{{QStringLiteral("result"), result.succeeded()},
                       {QStringLiteral("code"), static_cast<int>(result.status)}};
    if (!result.comment.isEmpty())
        status.insert(QStringLiteral("comment"), result.comment);
    const QJsonValue type = request.value(QStringLiteral("requestType"));
    QJsonObject entry{{QStringLiteral("requestType"), type.isString() ? type.toString() : QString()},
                      {QStringLiteral("requestStatus"), status}};
    const QJsonValue id = request.value(QStringLiteral("requestId"));
    if (!id.isUndefined() && !id.isNull())
        entry.insert(QStringLiteral("requestId"), id);
    if (result.data)
        entry.insert(QStringLiteral("responseData"), *result.data);
    return entry;
}

// `{"inputName": "micName"}` sets requestData.inputName to the batch variable micName.
void RequestBatch::applyInputVariables(QJsonObject& requestData, const QJsonObject& request) const {
    const QJsonObject inputs = request.value(QStringLiteral("inputVariables")).toObject();
    if (variables_.isEmpty())
        return;
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        if (it.value().isString() && variables_.contains(it.value().toString()))
            requestData.insert(it.key(), variables_.value(it.value().toString()));
}

// `{"micName": "inputName"}` keeps responseData.inputName as the batch variable micName.
void RequestBatch::keepOutputVariables(const QJsonObject& request, const RequestResult& result) {
    if (!result.data)
        return;
    const QJsonObject outputs = request.value(QStringLiteral("outputVariables")).toObject();
    for (auto it = outputs.begin(); it != outputs.end(); ++it)
        if (it.value().isString() && result.data->contains(it.value().toString()))
            variables_.insert(it.key(), result.data->value(it.value().toString()));
}

bool RequestBatch::runNext() {
    if (done_ || sleeping())
        return false;
    const QJsonObject entry = requests_.at(next_++).toObject();
    const QJsonValue type = entry.value(QStringLiteral("requestType"));
    QJsonValue data = entry.value(QStringLiteral("requestData"));
    if (!variables_.isEmpty() && (data.isObject() || data.isNull() || data.isUndefined())) {
        QJsonObject object = data.toObject();
        applyInputVariables(object, entry);
        if (!object.isEmpty())
            data = object;
    }
    const Request request(type.isString() ? type.toString() : QString(), data, execution_);
    const RequestResult result = execute_(request);
    keepOutputVariables(entry, result);
    results_.append(resultJson(entry, result));
    done_ = next_ >= requests_.size() || (haltOnFailure_ && !result.succeeded());
    // A trailing SerialRealtime Sleep still delays the answer, as obs-websocket's blocking sleep does.
    if (result.sleepMs > 0)
        sleep_.start(result.sleepMs);
    else if (!done_ && result.sleepFrames > 0)
        sleep_.start(static_cast<int>(std::lround(result.sleepFrames * frameIntervalMs_)));
    return true;
}

QJsonObject RequestBatch::responseData() const {
    return QJsonObject{{QStringLiteral("requestId"), requestId_}, {QStringLiteral("results"), results_}};
}

} // namespace xz::remote
