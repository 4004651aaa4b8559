// The obs-websocket protocol v5 over Qt WebSockets, on the thread that owns it (the main thread, next to
// the Studio), in both of its encodings (JSON text frames, or MessagePack binary frames when the client asks
// for obswebsocket.msgpack, as obs-websocket-js does under Node.js): Hello/Identify with authentication,
// Reidentify, requests and request batches dispatched to registered handlers, events fanned out to the
// clients subscribed to them, and vendor requests/events.
//
// It knows nothing of the studio, so it is tested without libobs. Limits keep the show safe from any
// client: messages over a size cap are refused by the socket (close 1009); each client's messages wait in a
// bounded queue that is drained a few requests per event-loop turn, round robin over the clients; a client
// that overfills its queue, or one client too many, is closed with 1008. Nothing a client sends can block the
// main thread for more than a few requests.
#pragma once

#include "authenticator.h"
#include "request.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QWebSocketServer>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace xz::remote {

class Session;

class ProtocolServer : public QObject {
    Q_OBJECT
public:
    struct Limits {
        quint64 maxMessageBytes = 1024 * 1024; // per message and per frame
        int maxQueuedMessages = 256;           // per client, waiting for their turn
        qint64 maxQueuedBytes = 4 * 1024 * 1024;
        int maxClients = 32;
        int requestsPerTurn = 4; // requests run per event-loop turn, over all clients
        // A client whose socket has this much unsent data gets no meter events until it catches up.
        qint64 maxMeterBacklogBytes = 256 * 1024;
    };
    using Handler = std::function<RequestResult(const Request&)>;
    using VendorHandler = std::function<QJsonObject(const QJsonObject&)>;

    // obsVersion: what GetVersion reports as the engine's version (libobs').
    ProtocolServer(const QString& password, const QString& obsVersion, Limits limits,
                   QObject* parent = nullptr);
    ProtocolServer(const QString& password, const QString& obsVersion, QObject* parent = nullptr)
        : ProtocolServer(password, obsVersion, Limits{}, parent) {}
    ~ProtocolServer() override;

    // Listens; false (with Qt's reason in *error) when the address or port cannot be had.
    bool listen(const QHostAddress& address, quint16 port, QString* error);
    quint16 port() const;
    bool listening() const;

    void registerRequest(const QString& requestType, Handler handler);
    void registerVendorRequest(const QString& vendorName, const QString& requestType, VendorHandler handler);
    QStringList requestTypes() const;

    // An event to every identified client subscribed to `intent`. eventData is left out when empty.
    void broadcast(uint32_t intent, const QString& eventType, const QJsonObject& eventData = {});
    void emitVendorEvent(const QString& vendorName, const QString& eventType, const QJsonObject& eventData);
    // Whether any identified client subscribed to `intent` (the studio only samples meters for someone).
    bool anySubscribed(uint32_t intent) const;
    int clientCount() const;

    // SerialFrame batches sleep in frames of this length.
    void setFrameIntervalMs(double ms) { frameIntervalMs_ = ms; }

    // The studio is going away: ExitStarted to everyone, then every client is closed (1001) and the
    // server stops listening. Sent data is flushed to the sockets at once.
    void shutDown();

signals:
    // A client identified, reidentified or left: subscriptions may have changed.
    void subscriptionsChanged();

private:
    void onNewConnection();
    void onMessage(Session* session, const QByteArray& message, bool binary);
    void onDisconnected(Session* session);
    void scheduleDrain();
    void drain();
    void reap();
    void process(Session& session, const QByteArray& message);
    void identify(Session& session, const QJsonObject& data);
    void reidentify(Session& session, const QJsonObject& data);
    void request(Session& session, const QJsonObject& data);
    void requestBatch(Session& session, const QJsonObject& data);
    bool applySessionParameters(Session& session, const QJsonObject& data);
    RequestResult execute(Session& session, const Request& request);
    void send(Session& session, OpCode op, const QJsonObject& data);
    void sendEncoded(Session& session, const QByteArray& json, const QByteArray& msgpack);
    void close(Session& session, CloseCode code, const QString& reason);
    Session* find(QWebSocket* socket) const;

    RequestResult getVersion(const Request& request) const;
    RequestResult callVendorRequest(const Request& request) const;
    RequestResult broadcastCustomEvent(const Request& request);
    static RequestResult sleep(const Request& request);

    Authenticator auth_;
    QString obsVersion_;
    Limits limits_;
    QWebSocketServer server_;
    std::vector<std::unique_ptr<Session>> sessions_;
    size_t nextSession_ = 0; // round robin: who runs first in the next turn
    std::map<QString, Handler> handlers_;
    std::map<QString, std::map<QString, VendorHandler>> vendors_;
    QTimer drainTimer_;
    double frameIntervalMs_ = 1000.0 / 30.0;
    bool shutDown_ = false;
};

} // namespace xz::remote
