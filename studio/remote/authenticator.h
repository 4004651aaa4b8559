// obs-websocket v5 authentication: the server keeps only secret = base64(sha256(password + salt)), sends
// every new client the salt and a fresh challenge, and expects
// base64(sha256(secret + challenge)) back in Identify. The password itself is dropped at construction, so
// it cannot leak into a log or a reply later.
#pragma once

#include <QString>

namespace xz::remote {

class Authenticator {
public:
    // An empty password means no authentication (only allowed on loopback; see ControlSettings).
    explicit Authenticator(const QString& password);

    bool required() const { return required_; }
    QString salt() const { return salt_; }
    // A new random challenge for one connection.
    static QString newChallenge();
    // Whether a client's authentication string answers this challenge (compared in constant time).
    bool accepts(const QString& challenge, const QString& authentication) const;

    // What a client computes from the password, the salt and the challenge (the test clients use it).
    static QString authenticationString(const QString& password, const QString& salt,
                                        const QString& challenge);

private:
    static QString randomBase64();
    bool required_ = false;
    QString salt_;
    QString secret_;
};

} // namespace xz::remote
