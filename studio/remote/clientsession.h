// One connected obs-websocket client: its socket, whether and how it identified, what it subscribed to,
// the messages it sent that wait for their turn (bounded by the server), the batch it is running, and the
// message counters GetStats reports.
#pragma once

#include "protocol.h"
#include "requestbatch.h"

#include <QString>
#include <QWebSocket>
#include <deque>
#include <memory>

namespace xz::remote {

class Session {
public:
    Session(QWebSocket* socket, QString challenge);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    QWebSocket* socket() const { return socket_; }
    QString peer() const { return peer_; }
    QString challenge() const { return challenge_; }

    // obswebsocket.msgpack: MessagePack in binary frames; otherwise JSON in text frames.
    bool msgpack = false;
    bool identified = false;
    int rpcVersion = kRpcVersion;
    uint32_t subscriptions = subscription::All;
    // Closed by the server (a close code was sent) or gone: nothing more is read from or sent to it.
    bool closing = false;
    bool gone = false;

    std::deque<QByteArray>
        queue; // messages received (UTF-8 JSON or MessagePack), not yet processed, in order
    qint64 queuedBytes = 0;
    std::unique_ptr<RequestBatch> batch; // at most one runs per client, in order with its other messages
    quint64 incomingMessages = 0;
    quint64 outgoingMessages = 0;

    bool hasWork() const {
        return !closing && !gone && ((batch && !batch->sleeping()) || (!batch && !queue.empty()));
    }

private:
    QWebSocket* socket_;
    QString peer_;
    QString challenge_;
};

} // namespace xz::remote
