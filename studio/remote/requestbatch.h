// A RequestBatch (op 8) being worked through: its requests run in order, one at a time as the server's
// drain loop allows (a batch of thousands never holds the main thread), with batch variables passed from
// one request's answer to the next one's fields, haltOnFailure, and Sleep as a timer instead of a blocked
// thread: SerialRealtime sleeps sleepMillis, SerialFrame sleeps sleepFrames frame periods of the canvas.
#pragma once

#include "request.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <functional>

namespace xz::remote {

class RequestBatch : public QObject {
    Q_OBJECT
public:
    using Execute = std::function<RequestResult(const Request&)>;

    RequestBatch(QJsonValue requestId, ExecutionType execution, bool haltOnFailure, QJsonArray requests,
                 QJsonObject variables, double frameIntervalMs, Execute execute, QObject* parent = nullptr);

    // Runs the next request unless the batch sleeps or is done. Returns whether one ran.
    bool runNext();
    bool sleeping() const { return sleep_.isActive(); }
    bool finished() const { return done_ && !sleeping(); }
    // The RequestBatchResponse's data: requestId and one result per request that ran.
    QJsonObject responseData() const;

    // One result entry as obs-websocket builds it (also used for Parallel batches, which do not run).
    static QJsonObject resultJson(const QJsonObject& request, const RequestResult& result);

signals:
    // A Sleep is over: the batch has work again.
    void awake();

private:
    void applyInputVariables(QJsonObject& requestData, const QJsonObject& request) const;
    void keepOutputVariables(const QJsonObject& request, const RequestResult& result);

    QJsonValue requestId_;
    ExecutionType execution_;
    bool haltOnFailure_;
    QJsonArray requests_;
    QJsonObject variables_;
    double frameIntervalMs_;
    Execute execute_;
    qsizetype next_ = 0;
    bool done_ = false;
    QJsonArray results_;
    QTimer sleep_;
};

} // namespace xz::remote
