// One obs-websocket request as a handler sees it, with the protocol's own field checks (obs-websocket's
// Request::Validate*), and the result a handler gives back. Each check returns the exact status and comment
// obs-websocket answers with, so a client that handles OBS's errors handles ours.
#pragma once

#include "protocol.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace xz::remote {

struct RequestResult {
    RequestStatus status = RequestStatus::Success;
    QString comment;
    std::optional<QJsonObject> data; // responseData; absent when the request answers nothing
    // Sleep inside a batch: how long the batch waits before its next request.
    int sleepMs = 0;
    int sleepFrames = 0;

    bool succeeded() const { return status == RequestStatus::Success; }
    static RequestResult ok() { return {}; }
    static RequestResult ok(QJsonObject data) {
        RequestResult result;
        result.data = std::move(data);
        return result;
    }
    static RequestResult error(RequestStatus status, QString comment = {}) {
        RequestResult result;
        result.status = status;
        result.comment = std::move(comment);
        return result;
    }
};

// nullopt when a field is fine, otherwise the answer to send instead of running the request.
using FieldError = std::optional<RequestResult>;

class Request {
public:
    Request(QString type, const QJsonValue& data, ExecutionType execution = ExecutionType::None);

    QString type;
    ExecutionType execution;
    bool hasData; // requestData was an object (anything else reads as no data, as in obs-websocket)
    QJsonObject data;
    // The asking session's message counters (GetStats reports them).
    quint64 incomingMessages = 0;
    quint64 outgoingMessages = 0;

    // Present and not null, as obs-websocket's Request::Contains.
    bool contains(const QString& key) const;
    QJsonValue value(const QString& key) const { return data.value(key); }

    FieldError requireString(const QString& key, bool allowEmpty = false) const;
    FieldError optionalString(const QString& key, bool allowEmpty = false) const;
    FieldError requireNumber(const QString& key, double minimum = -1e300, double maximum = 1e300) const;
    FieldError optionalNumber(const QString& key, double minimum = -1e300, double maximum = 1e300) const;
    FieldError requireBoolean(const QString& key) const;
    FieldError optionalBoolean(const QString& key) const;
    FieldError requireObject(const QString& key, bool allowEmpty = false) const;
    FieldError optionalObject(const QString& key, bool allowEmpty = false) const;

private:
    FieldError requirePresent(const QString& key) const;
};

} // namespace xz::remote
