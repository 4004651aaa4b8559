// MessagePack for obs-websocket's second encoding (subprotocol obswebsocket.msgpack, binary frames), which
// obs-websocket-js uses by default under Node.js, and so Bitfocus Companion. Only JSON's types travel:
// nil, booleans, integers, floats, strings, arrays and maps with string keys, as obs-websocket's own
// nlohmann::json::from_msgpack accepts them. Decoding checks every length against what is there, so a
// malformed or hostile message is refused, never read past its end.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace xz::remote {

class MsgPack {
public:
    static QByteArray encode(const QJsonValue& value);
    // The one value the bytes hold; nullopt with the reason when they are not exactly one.
    static std::optional<QJsonValue> decode(const QByteArray& bytes, QString* error);

    // Deeper nesting than this is refused (a few bytes could otherwise ask for a deep recursion).
    static constexpr int kMaxDepth = 64;
};

} // namespace xz::remote
