#include "redact.h"

#include <QRegularExpression>
#include <QUrl>

namespace xz {

void Redactor::addSecret(const QString& secret) {
    // Very short values would blank out ordinary words; nobody uses a 1-3 character key.
    if (secret.size() >= 4 && !secrets_.contains(secret))
        secrets_.append(secret);
}

QString Redactor::redact(QString text) const {
    for (const QString& secret : secrets_)
        text.replace(secret, QStringLiteral("***"));
    return text;
}

QString Redactor::redactUrl(const QString& url) {
    QUrl parsed(url);
    if (!parsed.isValid() || parsed.scheme().isEmpty())
        return QStringLiteral("***");
    if (!parsed.password().isEmpty())
        parsed.setPassword(QStringLiteral("***"));
    if (parsed.hasQuery())
        parsed.setQuery(QStringLiteral("***"));
    QString path = parsed.path();
    const bool isRtmp = parsed.scheme().startsWith(QStringLiteral("rtmp"));
    const qsizetype lastSlash = path.lastIndexOf(QLatin1Char('/'));
    // rtmp://host/app/KEY: everything after the application name is the key.
    if (isRtmp && lastSlash > 0 && lastSlash + 1 < path.size())
        path = path.left(lastSlash + 1) + QStringLiteral("***");
    parsed.setPath(path);
    return parsed.toString(QUrl::FullyEncoded).replace(QStringLiteral("%2A%2A%2A"), QStringLiteral("***"));
}

QString Redactor::redactUrlsIn(const QString& text) {
    static const QRegularExpression url(QStringLiteral(R"([A-Za-z][A-Za-z0-9+.-]*://[^\s"'<>\])]+)"));
    QString result;
    qsizetype last = 0;
    for (const QRegularExpressionMatch& match : url.globalMatch(text)) {
        result += text.mid(last, match.capturedStart() - last) + redactUrl(match.captured());
        last = match.capturedEnd();
    }
    return result + text.mid(last);
}

} // namespace xz
