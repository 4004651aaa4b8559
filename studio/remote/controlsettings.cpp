#include "controlsettings.h"

namespace xz::remote {

std::optional<ControlSettings> ControlSettings::parse(const QString& port, const QString& password,
                                                      const QString& address,
                                                      std::optional<UserError>* error) {
    ControlSettings settings;
    bool ok = false;
    const uint value = port.trimmed().toUInt(&ok);
    if (!ok || value > 65535) {
        *error = UserError{
            QStringLiteral("--control-port 需要 0 到 65535 之间的端口号，而不是“%1”").arg(port),
            QStringLiteral("--control-port needs a port number from 0 to 65535, not '%1'").arg(port),
            QStringLiteral("--control-port")};
        return std::nullopt;
    }
    settings.port = static_cast<quint16>(value);
    settings.password = password;
    if (!address.trimmed().isEmpty() && !settings.address.setAddress(address.trimmed())) {
        *error = UserError{
            QStringLiteral("--control-address 需要一个 IP 地址（如 0.0.0.0 或 192.168.1.20），而不是“%1”")
                .arg(address),
            QStringLiteral(
                "--control-address needs an IP address (such as 0.0.0.0 or 192.168.1.20), not '%1'")
                .arg(address),
            QStringLiteral("--control-address")};
        return std::nullopt;
    }
    if ((*error = settings.check()))
        return std::nullopt;
    return settings;
}

std::optional<UserError> ControlSettings::check() const {
    if (address.isLoopback() || !password.isEmpty())
        return std::nullopt;
    return UserError{
        QStringLiteral("遥控端口要对其他电脑开放（--control-address %1）时必须设置密码：请加上 "
                       "--control-password 密码")
            .arg(address.toString()),
        QStringLiteral("opening remote control to other computers (--control-address %1) needs a password: "
                       "add --control-password PASSWORD")
            .arg(address.toString()),
        QStringLiteral("--control-password")};
}

} // namespace xz::remote
