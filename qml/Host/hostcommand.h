// `xiaozhan host [--connect HOST:PORT] [--password PW] [--fullscreen]`: the host's screen alone, on a second
// machine in the room (or a second screen of the studio's own), mirroring the studio's rundown over its
// remote-control port (default 127.0.0.1:4455). Bad values get a bilingual error naming the option and value
// (never the password), and exit code 2.
#pragma once

#include "usererror.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace xz::ui {

struct HostOptions {
    static constexpr quint16 kDefaultPort = 4455;
    QString hostName = QStringLiteral("127.0.0.1");
    quint16 port = kDefaultPort;
    QString password;
    bool fullscreen = false;
    bool help = false;

    static std::optional<HostOptions> parse(const QStringList& args, std::optional<UserError>* error);
    static QString usage();
};

int runHostCommand(const QStringList& args);

} // namespace xz::ui
