// Secrets (stream keys, tokens, passwords) must never reach logs, summaries or error text.
// Everything that prints a URL or a server reply passes it through here first.
#pragma once

#include <QString>
#include <QStringList>

namespace xz {

class Redactor {
public:
    // Registers a secret value; every later redact() call replaces it with "***".
    void addSecret(const QString& secret);
    QString redact(QString text) const;

    // An RTMP URL's last path segment is the stream key ("rtmp://host/app/KEY"); query strings and
    // user:password@ are secrets too. Returns the URL with those parts replaced by "***".
    static QString redactUrl(const QString& url);
    // Every URL inside free text (a library's error message, say) passed through redactUrl().
    static QString redactUrlsIn(const QString& text);

private:
    QStringList secrets_;
};

} // namespace xz
