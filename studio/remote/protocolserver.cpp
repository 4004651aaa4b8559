#include "protocolserver.h"

#include "clientsession.h"
#include "logging.h"
#include "msgpack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <cmath>

Q_LOGGING_CATEGORY(lcRemote, "xz.remote", QtInfoMsg)

namespace xz::remote {
namespace {

// A close frame carries at most 123 bytes of reason (RFC 6455 5.5.1).
QString closeReason(const QString& reason) {
    QByteArray utf8 = reason.toUtf8();
    if (utf8.size() <= 123)
        return reason;
    utf8.truncate(123);
    // Cut at a whole character.
    while (!utf8.isEmpty() && (static_cast<unsigned char>(utf8.back()) & 0xC0) == 0x80)
        utf8.chop(1);
    if (!utf8.isEmpty() && static_cast<unsigned char>(utf8.back()) >= 0xC0)
        utf8.chop(1);
    return QString::fromUtf8(utf8);
}

// nlohmann's is_number_unsigned for a JSON number as Qt parses it (all numbers are doubles there).
bool isUnsigned(const QJsonValue& value, double maximum = 4294967295.0) {
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return number >= 0 && number <= maximum && std::floor(number) == number;
}

} // namespace

ProtocolServer::ProtocolServer(const QString& password, const QString& obsVersion, Limits limits,
                               QObject* parent)
    : QObject(parent), auth_(password), obsVersion_(obsVersion), limits_(limits),
      server_(QStringLiteral("xiaozhan"), QWebSocketServer::NonSecureMode) {
    // A client that asks for neither gets JSON, as from obs-websocket.
    server_.setSupportedSubprotocols(
        {QStringLiteral("obswebsocket.json"), QStringLiteral("obswebsocket.msgpack")});
    connect(&server_, &QWebSocketServer::newConnection, this, &ProtocolServer::onNewConnection);
    drainTimer_.setSingleShot(true);
    connect(&drainTimer_, &QTimer::timeout, this, &ProtocolServer::drain);

    registerRequest(QStringLiteral("GetVersion"), [this](const Request& r) { return getVersion(r); });
    registerRequest(QStringLiteral("Sleep"), &ProtocolServer::sleep);
    registerRequest(QStringLiteral("CallVendorRequest"),
                    [this](const Request& r) { return callVendorRequest(r); });
    registerRequest(QStringLiteral("BroadcastCustomEvent"),
                    [this](const Request& r) { return broadcastCustomEvent(r); });
}

ProtocolServer::~ProtocolServer() {
    if (!shutDown_)
        shutDown();
    sessions_.clear();
}

bool ProtocolServer::listen(const QHostAddress& address, quint16 port, QString* error) {
    if (!server_.listen(address, port)) {
        *error = server_.errorString();
        return false;
    }
    qCInfo(lcRemote).noquote() << "obs-websocket server listening on" << address.toString()
                               << server_.serverPort()
                               << (auth_.required() ? "with a password" : "without a password");
    return true;
}

quint16 ProtocolServer::port() const {
    return server_.serverPort();
}

bool ProtocolServer::listening() const {
    return server_.isListening();
}

void ProtocolServer::registerRequest(const QString& requestType, Handler handler) {
    handlers_[requestType] = std::move(handler);
}

void ProtocolServer::registerVendorRequest(const QString& vendorName, const QString& requestType,
                                           VendorHandler handler) {
    vendors_[vendorName][requestType] = std::move(handler);
}

QStringList ProtocolServer::requestTypes() const {
    QStringList types;
    for (const auto& [type, handler] : handlers_)
        types.append(type);
    return types;
}

int ProtocolServer::clientCount() const {
    int count = 0;
    for (const auto& session : sessions_)
        if (!session->gone)
            ++count;
    return count;
}

// --- connections -------------------------------------------------------------------------------------------

void ProtocolServer::onNewConnection() {
    while (QWebSocket* socket = server_.nextPendingConnection()) {
        if (shutDown_ || clientCount() >= limits_.maxClients) {
            qCWarning(lcRemote).noquote()
                << "refusing a remote client from" << socket->peerAddress().toString()
                << (shutDown_ ? "(shutting down)" : "(too many clients)");
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            socket->close(
                QWebSocketProtocol::CloseCodePolicyViolated,
                shutDown_
                    ? QStringLiteral("The studio is shutting down.")
                    : QStringLiteral("Too many clients are connected (at most %1).").arg(limits_.maxClients));
            continue;
        }
        socket->setMaxAllowedIncomingFrameSize(limits_.maxMessageBytes);
        socket->setMaxAllowedIncomingMessageSize(limits_.maxMessageBytes);
        auto session =
            std::make_unique<Session>(socket, auth_.required() ? Authenticator::newChallenge() : QString());
        Session* raw = session.get();
        sessions_.push_back(std::move(session));
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, raw](const QString& text) { onMessage(raw, text.toUtf8(), false); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, raw](const QByteArray& data) { onMessage(raw, data, true); });
        connect(socket, &QWebSocket::disconnected, this, [this, raw] { onDisconnected(raw); });
        qCInfo(lcRemote).noquote() << "remote client connected from" << raw->peer()
                                   << (raw->msgpack ? "(MessagePack)" : "(JSON)");

        QJsonObject hello{{QStringLiteral("obsWebSocketVersion"), QLatin1String(kObsWebSocketVersion)},
                          {QStringLiteral("rpcVersion"), kRpcVersion}};
        if (auth_.required())
            hello.insert(QStringLiteral("authentication"),
                         QJsonObject{{QStringLiteral("challenge"), raw->challenge()},
                                     {QStringLiteral("salt"), auth_.salt()}});
        send(*raw, OpCode::Hello, hello);
    }
}

void ProtocolServer::onMessage(Session* session, const QByteArray& message, bool binary) {
    if (session->closing || session->gone)
        return;
    if (binary != session->msgpack)
        return close(
            *session, CloseCode::MessageDecodeError,
            session->msgpack
                ? QStringLiteral("Your session encoding is set to MsgPack, but a text message was received.")
                : QStringLiteral("Your session encoding is set to Json, but a binary message was received."));
    if (static_cast<int>(session->queue.size()) >= limits_.maxQueuedMessages ||
        session->queuedBytes + message.size() > limits_.maxQueuedBytes) {
        qCWarning(lcRemote).noquote() << "remote client" << session->peer() << "sent requests faster than the"
                                      << "studio answers them; its queue is full";
        close(*session, CloseCode::PolicyViolated,
              QStringLiteral("Too many requests are waiting (at most %1): slow down.")
                  .arg(limits_.maxQueuedMessages));
        return;
    }
    session->queue.push_back(message);
    session->queuedBytes += message.size();
    scheduleDrain();
}

void ProtocolServer::onDisconnected(Session* session) {
    if (session->gone)
        return;
    const bool wasIdentified = session->identified;
    session->gone = true;
    session->queue.clear();
    qCInfo(lcRemote).noquote() << "remote client" << session->peer() << "left, close code"
                               << session->socket()->closeCode();
    // Not now: this may run inside a close() called from the drain loop, which walks the sessions.
    QMetaObject::invokeMethod(this, &ProtocolServer::reap, Qt::QueuedConnection);
    if (wasIdentified)
        emit subscriptionsChanged();
}

void ProtocolServer::reap() {
    std::erase_if(sessions_, [](const std::unique_ptr<Session>& session) { return session->gone; });
    if (nextSession_ >= sessions_.size())
        nextSession_ = 0;
}

void ProtocolServer::close(Session& session, CloseCode code, const QString& reason) {
    if (session.closing || session.gone)
        return;
    qCInfo(lcRemote).noquote() << "closing remote client" << session.peer() << "with"
                               << static_cast<int>(code) << reason;
    const bool wasIdentified = session.identified;
    session.closing = true;
    session.queue.clear();
    session.queuedBytes = 0;
    session.socket()->close(static_cast<QWebSocketProtocol::CloseCode>(static_cast<int>(code)),
                            closeReason(reason));
    if (wasIdentified)
        emit subscriptionsChanged();
}

void ProtocolServer::shutDown() {
    if (shutDown_)
        return;
    broadcast(subscription::General, QStringLiteral("ExitStarted"));
    shutDown_ = true;
    for (const auto& session : sessions_) {
        close(*session, CloseCode::GoingAway, QStringLiteral("The studio is shutting down."));
        session->socket()->flush();
    }
    server_.close();
    drainTimer_.stop();
}

// --- the drain loop ----------------------------------------------------------------------------------------

void ProtocolServer::scheduleDrain() {
    if (!drainTimer_.isActive() && !shutDown_)
        drainTimer_.start(0);
}

void ProtocolServer::drain() {
    const auto finishBatch = [this](Session& session) {
        if (session.batch && session.batch->finished() && !session.closing && !session.gone) {
            send(session, OpCode::RequestBatchResponse, session.batch->responseData());
            session.batch.reset();
        }
    };
    int budget = limits_.requestsPerTurn;
    // Round robin, one message (or one batch request) per client per round, until the budget is spent.
    while (budget > 0) {
        bool ran = false;
        const size_t count = sessions_.size();
        for (size_t i = 0; i < count && budget > 0; ++i) {
            Session& session = *sessions_[(nextSession_ + i) % count];
            if (!session.hasWork())
                continue;
            if (session.batch) {
                session.batch->runNext();
            } else {
                const QByteArray message = std::move(session.queue.front());
                session.queue.pop_front();
                session.queuedBytes -= message.size();
                process(session, message);
            }
            finishBatch(session);
            --budget;
            ran = true;
        }
        if (count > 0)
            nextSession_ = (nextSession_ + 1) % count;
        if (!ran)
            break;
    }
    for (const auto& session : sessions_) {
        finishBatch(*session);
        if (session->hasWork())
            scheduleDrain();
    }
}

// --- messages ----------------------------------------------------------------------------------------------

void ProtocolServer::process(Session& session, const QByteArray& bytes) {
    ++session.incomingMessages;
    QJsonValue decoded;
    if (session.msgpack) {
        QString error;
        const std::optional<QJsonValue> value = MsgPack::decode(bytes, &error);
        if (!value)
            return close(session, CloseCode::MessageDecodeError,
                         QStringLiteral("Unable to decode MsgPack: %1").arg(error));
        decoded = *value;
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return close(session, CloseCode::MessageDecodeError,
                         QStringLiteral("Unable to decode Json: %1 at offset %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
        decoded = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }
    if (!decoded.isObject())
        return close(session, CloseCode::MessageDecodeError,
                     QStringLiteral("You sent a non-object payload."));
    const QJsonObject message = decoded.toObject();
    if (!session.identified && message.contains(QStringLiteral("request-type")))
        return close(
            session, CloseCode::UnsupportedRpcVersion,
            QStringLiteral("You appear to be attempting to connect with the pre-5.0.0 plugin protocol. "
                           "Check to make sure your client is updated."));
    const QJsonValue op = message.value(QStringLiteral("op"));
    if (op.isUndefined())
        return close(session, CloseCode::UnknownOpCode, QStringLiteral("Your request is missing an `op`."));
    if (!op.isDouble())
        return close(session, CloseCode::UnknownOpCode, QStringLiteral("Your `op` is not a number."));
    const QJsonValue data = message.value(QStringLiteral("d"));
    if (!data.isObject()) {
        if (data.isNull() || data.isUndefined())
            return close(session, CloseCode::MissingDataField,
                         QStringLiteral("Your payload is missing data (`d`)."));
        return close(session, CloseCode::InvalidDataFieldType,
                     QStringLiteral("Your payload's data (`d`) is not an object."));
    }
    const double opNumber = op.toDouble();
    const int opCode = std::floor(opNumber) == opNumber ? static_cast<int>(opNumber) : -1;
    if (!session.identified && opCode != static_cast<int>(OpCode::Identify))
        return close(session, CloseCode::NotIdentified,
                     QStringLiteral("You attempted to send a non-Identify message while not identified."));
    switch (static_cast<OpCode>(opCode)) {
    case OpCode::Identify:
        return identify(session, data.toObject());
    case OpCode::Reidentify:
        return reidentify(session, data.toObject());
    case OpCode::Request:
        return request(session, data.toObject());
    case OpCode::RequestBatch:
        return requestBatch(session, data.toObject());
    default:
        return close(session, CloseCode::UnknownOpCode,
                     QStringLiteral("Unknown OpCode: %1").arg(QString::number(opNumber)));
    }
}

bool ProtocolServer::applySessionParameters(Session& session, const QJsonObject& data) {
    if (!data.contains(QStringLiteral("eventSubscriptions")))
        return true;
    const QJsonValue subscriptions = data.value(QStringLiteral("eventSubscriptions"));
    if (!isUnsigned(subscriptions)) {
        close(session, CloseCode::InvalidDataFieldType,
              QStringLiteral("Your `eventSubscriptions` is not an unsigned number."));
        return false;
    }
    session.subscriptions = static_cast<uint32_t>(subscriptions.toDouble());
    return true;
}

void ProtocolServer::identify(Session& session, const QJsonObject& data) {
    if (session.identified)
        return close(session, CloseCode::AlreadyIdentified,
                     QStringLiteral("You are already Identified with the obs-websocket server."));
    if (auth_.required()) {
        const QJsonValue authentication = data.value(QStringLiteral("authentication"));
        if (authentication.isUndefined())
            return close(session, CloseCode::AuthenticationFailed,
                         QStringLiteral("Your payload's data is missing an `authentication` string, however "
                                        "authentication is required."));
        if (!authentication.isString() || !auth_.accepts(session.challenge(), authentication.toString())) {
            qCWarning(lcRemote).noquote() << "remote client" << session.peer() << "gave a wrong password";
            return close(session, CloseCode::AuthenticationFailed, QStringLiteral("Authentication failed."));
        }
    }
    const QJsonValue rpcVersion = data.value(QStringLiteral("rpcVersion"));
    if (rpcVersion.isUndefined())
        return close(session, CloseCode::MissingDataField,
                     QStringLiteral("Your payload's data is missing an `rpcVersion`."));
    if (!isUnsigned(rpcVersion, 255))
        return close(session, CloseCode::InvalidDataFieldType,
                     QStringLiteral("Your `rpcVersion` is not an unsigned number."));
    if (rpcVersion.toInt() != kRpcVersion)
        return close(session, CloseCode::UnsupportedRpcVersion,
                     QStringLiteral("Your requested RPC version is not supported by this server."));
    if (!applySessionParameters(session, data))
        return;
    session.identified = true;
    session.rpcVersion = kRpcVersion;
    qCInfo(lcRemote).noquote() << "remote client" << session.peer() << "identified, event subscriptions"
                               << session.subscriptions;
    send(session, OpCode::Identified,
         QJsonObject{{QStringLiteral("negotiatedRpcVersion"), session.rpcVersion}});
    emit subscriptionsChanged();
}

void ProtocolServer::reidentify(Session& session, const QJsonObject& data) {
    if (!applySessionParameters(session, data))
        return;
    send(session, OpCode::Identified,
         QJsonObject{{QStringLiteral("negotiatedRpcVersion"), session.rpcVersion}});
    emit subscriptionsChanged();
}

void ProtocolServer::request(Session& session, const QJsonObject& data) {
    if (!data.contains(QStringLiteral("requestId")))
        return close(session, CloseCode::MissingDataField,
                     QStringLiteral("Your payload data is missing a `requestId`."));
    const QJsonValue type = data.value(QStringLiteral("requestType"));
    if (type.isUndefined())
        return close(session, CloseCode::MissingDataField,
                     QStringLiteral("Your payload's data is missing an `requestType`."));
    if (!type.isString())
        return close(session, CloseCode::InvalidDataFieldType,
                     QStringLiteral("Your `requestType` is not a string."));
    const RequestResult result =
        execute(session, Request(type.toString(), data.value(QStringLiteral("requestData"))));
    QJsonObject response = RequestBatch::resultJson(data, result);
    response.insert(QStringLiteral("requestId"), data.value(QStringLiteral("requestId")));
    send(session, OpCode::RequestResponse, response);
}

void ProtocolServer::requestBatch(Session& session, const QJsonObject& data) {
    if (!data.contains(QStringLiteral("requestId")))
        return close(session, CloseCode::MissingDataField,
                     QStringLiteral("Your payload data is missing a `requestId`."));
    ExecutionType execution = ExecutionType::SerialRealtime;
    const QJsonValue executionType = data.value(QStringLiteral("executionType"));
    if (!executionType.isUndefined() && !executionType.isNull()) {
        if (!isUnsigned(executionType))
            return close(session, CloseCode::InvalidDataFieldType,
                         QStringLiteral("Your `executionType` is not a number."));
        const int value = executionType.toInt();
        if (value > static_cast<int>(ExecutionType::Parallel))
            return close(session, CloseCode::InvalidDataFieldValue,
                         QStringLiteral("Your `executionType` has an invalid value."));
        execution = static_cast<ExecutionType>(value);
    }
    const QJsonValue variables = data.value(QStringLiteral("variables"));
    if (!variables.isUndefined() && !variables.isNull() && !variables.isObject())
        return close(session, CloseCode::InvalidDataFieldType,
                     QStringLiteral("Your `variables` is not an object."));
    bool haltOnFailure = false;
    const QJsonValue halt = data.value(QStringLiteral("haltOnFailure"));
    if (!halt.isUndefined() && !halt.isNull()) {
        if (!halt.isBool())
            return close(session, CloseCode::InvalidDataFieldType,
                         QStringLiteral("Your `haltOnFailure` is not a boolean."));
        haltOnFailure = halt.toBool();
    }
    const QJsonValue requests = data.value(QStringLiteral("requests"));
    if (requests.isUndefined())
        return close(session, CloseCode::MissingDataField,
                     QStringLiteral("Your payload data is missing a `requests`."));
    if (!requests.isArray())
        return close(session, CloseCode::InvalidDataFieldType,
                     QStringLiteral("Your `requests` is not an array."));

    if (execution == ExecutionType::Parallel) {
        // Everything here runs on the show's main thread, one request after another: there is no parallel
        // execution to offer, so each request says so instead of pretending.
        QJsonArray results;
        const RequestResult unsupported = RequestResult::error(
            RequestStatus::UnsupportedRequestBatchExecutionType,
            QStringLiteral(
                "Parallel batches are not supported by this server; use SerialRealtime or SerialFrame."));
        for (const QJsonValue& entry : requests.toArray())
            results.append(RequestBatch::resultJson(entry.toObject(), unsupported));
        return send(session, OpCode::RequestBatchResponse,
                    QJsonObject{{QStringLiteral("requestId"), data.value(QStringLiteral("requestId"))},
                                {QStringLiteral("results"), results}});
    }
    session.batch =
        std::make_unique<RequestBatch>(data.value(QStringLiteral("requestId")), execution, haltOnFailure,
                                       requests.toArray(), variables.toObject(), frameIntervalMs_,
                                       [this, &session](const Request& r) { return execute(session, r); });
    connect(session.batch.get(), &RequestBatch::awake, this, &ProtocolServer::scheduleDrain);
}

RequestResult ProtocolServer::execute(Session& session, const Request& given) {
    if (given.type.isEmpty())
        return RequestResult::error(RequestStatus::MissingRequestType,
                                    QStringLiteral("Your request's `requestType` may not be empty."));
    const auto handler = handlers_.find(given.type);
    if (handler == handlers_.end())
        return RequestResult::error(RequestStatus::UnknownRequestType,
                                    QStringLiteral("Your request type is not valid."));
    Request request = given;
    request.incomingMessages = session.incomingMessages;
    request.outgoingMessages = session.outgoingMessages;
    return handler->second(request);
}

void ProtocolServer::send(Session& session, OpCode op, const QJsonObject& data) {
    const QJsonObject message{{QStringLiteral("op"), static_cast<int>(op)}, {QStringLiteral("d"), data}};
    if (session.msgpack)
        sendEncoded(session, {}, MsgPack::encode(message));
    else
        sendEncoded(session, QJsonDocument(message).toJson(QJsonDocument::Compact), {});
}

void ProtocolServer::sendEncoded(Session& session, const QByteArray& json, const QByteArray& msgpack) {
    if (session.closing || session.gone)
        return;
    if (session.msgpack)
        session.socket()->sendBinaryMessage(msgpack);
    else
        session.socket()->sendTextMessage(QString::fromUtf8(json));
    ++session.outgoingMessages;
}

// --- events ------------------------------------------------------------------------------------------------

void ProtocolServer::broadcast(uint32_t intent, const QString& eventType, const QJsonObject& eventData) {
    if (shutDown_)
        return;
    // Encoded once per encoding, for the first client that wants it.
    QJsonObject message;
    QByteArray json, msgpack;
    for (const auto& session : sessions_) {
        if (!session->identified || session->closing || session->gone || !(session->subscriptions & intent))
            continue;
        if (intent == subscription::InputVolumeMeters &&
            session->socket()->bytesToWrite() > limits_.maxMeterBacklogBytes)
            continue; // a slow client skips meter frames rather than piling them up
        if (message.isEmpty()) {
            QJsonObject d{{QStringLiteral("eventType"), eventType},
                          {QStringLiteral("eventIntent"), static_cast<double>(intent)}};
            if (!eventData.isEmpty())
                d.insert(QStringLiteral("eventData"), eventData);
            message = QJsonObject{{QStringLiteral("op"), static_cast<int>(OpCode::Event)},
                                  {QStringLiteral("d"), d}};
        }
        if (session->msgpack && msgpack.isEmpty())
            msgpack = MsgPack::encode(message);
        if (!session->msgpack && json.isEmpty())
            json = QJsonDocument(message).toJson(QJsonDocument::Compact);
        sendEncoded(*session, json, msgpack);
    }
}

void ProtocolServer::emitVendorEvent(const QString& vendorName, const QString& eventType,
                                     const QJsonObject& eventData) {
    broadcast(subscription::Vendors, QStringLiteral("VendorEvent"),
              QJsonObject{{QStringLiteral("vendorName"), vendorName},
                          {QStringLiteral("eventType"), eventType},
                          {QStringLiteral("eventData"), eventData}});
}

bool ProtocolServer::anySubscribed(uint32_t intent) const {
    for (const auto& session : sessions_)
        if (session->identified && !session->closing && !session->gone && (session->subscriptions & intent))
            return true;
    return false;
}

// --- the requests every obs-websocket server answers -------------------------------------------------------

RequestResult ProtocolServer::getVersion(const Request&) const {
    return RequestResult::ok(QJsonObject{
        {QStringLiteral("obsVersion"), obsVersion_},
        {QStringLiteral("obsWebSocketVersion"), QLatin1String(kObsWebSocketVersion)},
        {QStringLiteral("rpcVersion"), kRpcVersion},
        {QStringLiteral("availableRequests"), QJsonArray::fromStringList(requestTypes())},
        // No screenshots: GetSourceScreenshot is not offered, so no image format is either.
        {QStringLiteral("supportedImageFormats"), QJsonArray()},
        {QStringLiteral("platform"), QSysInfo::productType()},
        {QStringLiteral("platformDescription"), QSysInfo::prettyProductName()},
    });
}

RequestResult ProtocolServer::sleep(const Request& request) {
    RequestResult result;
    if (request.execution == ExecutionType::SerialRealtime) {
        if (auto error = request.requireNumber(QStringLiteral("sleepMillis"), 0, 50000))
            return *error;
        result.sleepMs = request.value(QStringLiteral("sleepMillis")).toInt();
        return result;
    }
    if (request.execution == ExecutionType::SerialFrame) {
        if (auto error = request.requireNumber(QStringLiteral("sleepFrames"), 0, 10000))
            return *error;
        result.sleepFrames = request.value(QStringLiteral("sleepFrames")).toInt();
        return result;
    }
    return RequestResult::error(RequestStatus::UnsupportedRequestBatchExecutionType);
}

RequestResult ProtocolServer::callVendorRequest(const Request& request) const {
    if (auto error = request.requireString(QStringLiteral("vendorName")))
        return *error;
    if (auto error = request.requireString(QStringLiteral("requestType")))
        return *error;
    QJsonObject requestData;
    if (request.contains(QStringLiteral("requestData"))) {
        if (auto error = request.optionalObject(QStringLiteral("requestData"), true))
            return *error;
        requestData = request.value(QStringLiteral("requestData")).toObject();
    }
    const QString vendorName = request.value(QStringLiteral("vendorName")).toString();
    const QString requestType = request.value(QStringLiteral("requestType")).toString();
    const auto vendor = vendors_.find(vendorName);
    if (vendor == vendors_.end())
        return RequestResult::error(RequestStatus::ResourceNotFound,
                                    QStringLiteral("No vendor was found by that name."));
    const auto handler = vendor->second.find(requestType);
    if (handler == vendor->second.end())
        return RequestResult::error(RequestStatus::ResourceNotFound,
                                    QStringLiteral("No request was found by that name."));
    return RequestResult::ok(QJsonObject{{QStringLiteral("vendorName"), vendorName},
                                         {QStringLiteral("requestType"), requestType},
                                         {QStringLiteral("responseData"), handler->second(requestData)}});
}

RequestResult ProtocolServer::broadcastCustomEvent(const Request& request) {
    if (auto error = request.requireObject(QStringLiteral("eventData")))
        return *error;
    broadcast(subscription::General, QStringLiteral("CustomEvent"),
              request.value(QStringLiteral("eventData")).toObject());
    return RequestResult::ok();
}

} // namespace xz::remote
