#include "clientsession.h"

namespace xz::remote {

Session::Session(QWebSocket* socket, QString challenge)
    : socket_(socket),
      peer_(QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort())),
      challenge_(std::move(challenge)) {
    msgpack = socket->subprotocol() == QLatin1String("obswebsocket.msgpack");
}

Session::~Session() {
    // The socket may still be delivering queued signals: it goes when the event loop is next idle.
    socket_->disconnect();
    socket_->abort();
    socket_->deleteLater();
}

} // namespace xz::remote
