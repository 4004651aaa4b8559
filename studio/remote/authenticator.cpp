#include "authenticator.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace xz::remote {
namespace {

QString sha256Base64(const QByteArray& data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toBase64());
}

} // namespace

Authenticator::Authenticator(const QString& password) : required_(!password.isEmpty()) {
    if (!required_)
        return;
    salt_ = randomBase64();
    secret_ = sha256Base64(password.toUtf8() + salt_.toUtf8());
}

QString Authenticator::randomBase64() {
    // 32 random bytes, base64: what obs-websocket sends for both salt and challenge.
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64());
}

QString Authenticator::newChallenge() {
    return randomBase64();
}

bool Authenticator::accepts(const QString& challenge, const QString& authentication) const {
    if (!required_)
        return true;
    const QByteArray expected = sha256Base64(secret_.toUtf8() + challenge.toUtf8()).toLatin1();
    const QByteArray given = authentication.toUtf8();
    if (given.size() != expected.size())
        return false;
    // Constant time: how long a wrong answer takes says nothing about how much of it was right.
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i] ^ given[i]);
    return difference == 0;
}

QString Authenticator::authenticationString(const QString& password, const QString& salt,
                                            const QString& challenge) {
    const QString secret = sha256Base64(password.toUtf8() + salt.toUtf8());
    return sha256Base64(secret.toUtf8() + challenge.toUtf8());
}

} // namespace xz::remote
