#include "obsclient.h"

#include "authenticator.h"
#include "msgpack.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>
#include <QWebSocketHandshakeOptions>

namespace xz::remote::test {

ObsClient::ObsClient(bool msgpack) : msgpack_(msgpack) {
    connect(&socket_, &QWebSocket::textMessageReceived, this,
            [this](const QString& text) { onMessage(QJsonDocument::fromJson(text.toUtf8()).object()); });
    connect(&socket_, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& data) {
        QString error;
        onMessage(MsgPack::decode(data, &error).value_or(QJsonValue()).toObject());
    });
    connect(&socket_, &QWebSocket::disconnected, this, [this] {
        closed_ = true;
        closeCode_ = socket_.closeCode();
        closeReason_ = socket_.closeReason();
    });
}

ObsClient::~ObsClient() {
    socket_.abort();
}

bool ObsClient::open(quint16 port) {
    QWebSocketHandshakeOptions options;
    if (msgpack_)
        options.setSubprotocols({QStringLiteral("obswebsocket.msgpack")});
    socket_.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)), options);
    return QTest::qWaitFor([this] { return !hello_.isEmpty() || closed_; }, kTimeoutMs) && !hello_.isEmpty();
}

void ObsClient::onMessage(const QJsonObject& message) {
    const int op = message.value(QStringLiteral("op")).toInt(-1);
    const QJsonObject d = message.value(QStringLiteral("d")).toObject();
    switch (op) {
    case 0:
        hello_ = d;
        break;
    case 2:
        identified_ = true;
        ++identifiedReplies_;
        break;
    case 5:
        events_.append(d);
        eventTimes_.append(
            {d.value(QStringLiteral("eventType")).toString(), QDateTime::currentMSecsSinceEpoch()});
        break;
    case 7:
    case 9:
        responses_.append(d);
        break;
    default:
        break;
    }
}

bool ObsClient::identify(const QString& password, std::optional<uint32_t> subscriptions) {
    QJsonObject data{{QStringLiteral("rpcVersion"), 1}};
    const QJsonObject auth = hello_.value(QStringLiteral("authentication")).toObject();
    if (!auth.isEmpty())
        data.insert(QStringLiteral("authentication"),
                    Authenticator::authenticationString(password,
                                                        auth.value(QStringLiteral("salt")).toString(),
                                                        auth.value(QStringLiteral("challenge")).toString()));
    if (subscriptions)
        data.insert(QStringLiteral("eventSubscriptions"), static_cast<double>(*subscriptions));
    sendJson({{QStringLiteral("op"), 1}, {QStringLiteral("d"), data}});
    return QTest::qWaitFor([this] { return identified_ || closed_; }, kTimeoutMs) && identified_ && !closed_;
}

bool ObsClient::reidentify(uint32_t subscriptions) {
    const int before = identifiedReplies_;
    sendJson({{QStringLiteral("op"), 3},
              {QStringLiteral("d"),
               QJsonObject{{QStringLiteral("eventSubscriptions"), static_cast<double>(subscriptions)}}}});
    return QTest::qWaitFor([&] { return identifiedReplies_ > before || closed_; }, kTimeoutMs) && !closed_;
}

void ObsClient::sendText(const QString& text) {
    socket_.sendTextMessage(text);
}

void ObsClient::sendJson(const QJsonObject& message) {
    if (msgpack_)
        socket_.sendBinaryMessage(MsgPack::encode(message));
    else
        sendText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void ObsClient::sendRequest(const QString& requestId, const QString& type, const QJsonObject& data) {
    QJsonObject d{{QStringLiteral("requestType"), type}, {QStringLiteral("requestId"), requestId}};
    if (!data.isEmpty())
        d.insert(QStringLiteral("requestData"), data);
    sendJson({{QStringLiteral("op"), 6}, {QStringLiteral("d"), d}});
}

std::optional<QJsonObject> ObsClient::waitForResponse(const QString& requestId, int timeoutMs) {
    std::optional<QJsonObject> found;
    // Returns early, without an answer, when the connection closes.
    (void)QTest::qWaitFor(
        [&] {
            for (const QJsonObject& response : responses_)
                if (response.value(QStringLiteral("requestId")).toString() == requestId) {
                    found = response;
                    return true;
                }
            return closed_;
        },
        timeoutMs);
    return found;
}

QJsonObject ObsClient::request(const QString& type, const QJsonObject& data) {
    const QString id = QStringLiteral("r%1").arg(nextId_++);
    sendRequest(id, type, data);
    return waitForResponse(id).value_or(QJsonObject());
}

QJsonObject ObsClient::batch(const QJsonArray& requests, bool haltOnFailure, int executionType) {
    const QString id = QStringLiteral("b%1").arg(nextId_++);
    sendJson({{QStringLiteral("op"), 8},
              {QStringLiteral("d"), QJsonObject{{QStringLiteral("requestId"), id},
                                                {QStringLiteral("haltOnFailure"), haltOnFailure},
                                                {QStringLiteral("executionType"), executionType},
                                                {QStringLiteral("requests"), requests}}}});
    return waitForResponse(id).value_or(QJsonObject());
}

QList<QJsonObject> ObsClient::events(const QString& eventType) const {
    QList<QJsonObject> matching;
    for (const QJsonObject& event : events_)
        if (eventType.isEmpty() || event.value(QStringLiteral("eventType")).toString() == eventType)
            matching.append(event);
    return matching;
}

std::optional<QJsonObject> ObsClient::waitForEvent(const QString& eventType, int timeoutMs) {
    const int next = consumed_.value(eventType);
    if (!QTest::qWaitFor([&] { return countEvents(eventType) > next || closed_; }, timeoutMs) ||
        countEvents(eventType) <= next)
        return std::nullopt;
    consumed_[eventType] = next + 1;
    return events(eventType).at(next);
}

QList<qint64> ObsClient::eventTimesMs(const QString& eventType) const {
    QList<qint64> times;
    for (const auto& [type, ms] : eventTimes_)
        if (type == eventType)
            times.append(ms);
    return times;
}

bool ObsClient::waitForClose(int timeoutMs) {
    return QTest::qWaitFor([this] { return closed_; }, timeoutMs);
}

} // namespace xz::remote::test
