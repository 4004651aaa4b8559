// What `--control-port PORT [--control-password PW] [--control-address ADDR]` (or the same fields in the
// settings) ask of the remote-control server, checked before anything listens: a port, an address that
// defaults to this computer only (127.0.0.1), and a password, which is required as soon as the address lets
// other computers in. Errors are bilingual, name the option and never repeat the password.
#pragma once

#include "usererror.h"

#include <QHostAddress>
#include <QString>
#include <optional>

namespace xz::remote {

struct ControlSettings {
    quint16 port = 0; // 0: the system picks a free port (tests); RemoteServer::port() says which
    QString password; // empty: no authentication, which only loopback allows
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);

    // From the command line's strings; `address` empty means 127.0.0.1.
    static std::optional<ControlSettings> parse(const QString& port, const QString& password,
                                                const QString& address, std::optional<UserError>* error);
    // The password rule: any address but loopback needs one.
    std::optional<UserError> check() const;
};

} // namespace xz::remote
