// A plain obs-websocket v5 client over a real socket (QWebSocket), written from the protocol document, for
// the remote-control tests: it connects, reads Hello, identifies (computing the authentication string),
// sends requests, batches or raw text, and keeps every message and the close code it was given. Waiting
// spins the event loop, so a server in the same thread keeps running meanwhile.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QWebSocket>
#include <optional>

namespace xz::remote::test {

class ObsClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 30000;
    static constexpr uint32_t kAllEvents = 0x7FF;

    // msgpack: ask for obswebsocket.msgpack and speak MessagePack in binary frames (as Companion does).
    explicit ObsClient(bool msgpack = false);
    ~ObsClient() override;

    // Connects and waits for Hello.
    bool open(quint16 port);
    QJsonObject hello() const { return hello_; }
    // Sends Identify (with the authentication string when Hello asked for one) and waits for Identified
    // or a close. Returns whether the client is identified.
    bool identify(const QString& password, std::optional<uint32_t> subscriptions = std::nullopt);
    bool reidentify(uint32_t subscriptions);

    void sendText(const QString& text);
    // In the session's encoding (JSON text or MessagePack binary).
    void sendJson(const QJsonObject& message);
    void sendRequest(const QString& requestId, const QString& type, const QJsonObject& data = {});
    // A request and its RequestResponse's data (empty when none came).
    QJsonObject request(const QString& type, const QJsonObject& data = {});
    // A batch and its RequestBatchResponse's data.
    QJsonObject batch(const QJsonArray& requests, bool haltOnFailure = false, int executionType = 0);
    // Waits for a RequestResponse or RequestBatchResponse with this id.
    std::optional<QJsonObject> waitForResponse(const QString& requestId, int timeoutMs = kTimeoutMs);

    // The d of every event received so far, oldest first, and waiting for one more of a type.
    QList<QJsonObject> events(const QString& eventType = {}) const;
    // The next event of this type not yet returned by waitForEvent (it may have arrived already).
    std::optional<QJsonObject> waitForEvent(const QString& eventType, int timeoutMs = kTimeoutMs);
    int countEvents(const QString& eventType) const { return static_cast<int>(events(eventType).size()); }
    void clearEvents() {
        events_.clear();
        eventTimes_.clear();
        consumed_.clear();
    }
    QList<qint64> eventTimesMs(const QString& eventType) const; // when each arrived

    bool waitForClose(int timeoutMs = kTimeoutMs);
    bool closed() const { return closed_; }
    int closeCode() const { return closeCode_; }
    QString closeReason() const { return closeReason_; }
    QWebSocket& socket() { return socket_; }

private:
    void onMessage(const QJsonObject& message);

    bool msgpack_;
    QWebSocket socket_;
    QJsonObject hello_;
    bool identified_ = false;
    int identifiedReplies_ = 0;
    QList<QJsonObject> events_;
    QList<QPair<QString, qint64>> eventTimes_;
    QMap<QString, int> consumed_;
    QList<QJsonObject> responses_;
    bool closed_ = false;
    int closeCode_ = 0;
    QString closeReason_;
    int nextId_ = 1;
};

} // namespace xz::remote::test
