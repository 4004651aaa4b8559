#include "streamtarget.h"

#include <QUrl>

namespace xz::engine {

QString StreamTarget::redacted() const {
    return key.isEmpty() ? server : server + QStringLiteral("/***");
}

std::optional<StreamTarget> StreamTarget::parse(const QString& url, std::optional<EngineError>* error) {
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    // Errors show only where the address points, never its path or query (where keys live).
    const QString shown =
        parsed.isValid() ? scheme + QStringLiteral("://") + parsed.host() : QStringLiteral("?");
    if (!parsed.isValid() || (scheme != QLatin1String("rtmp") && scheme != QLatin1String("rtmps")) ||
        parsed.host().isEmpty()) {
        *error = EngineError{QStringLiteral("直播地址无效，应为 rtmp://服务器/应用/推流码"),
                             QStringLiteral("invalid stream address; expected rtmp://server/app/key"), shown};
        return std::nullopt;
    }
    // The application name is the first path segment; everything after it is the key (keys may hold '/').
    const QString path = parsed.path();
    const qsizetype appEnd = path.indexOf(QLatin1Char('/'), 1);
    StreamTarget target;
    QUrl server = parsed;
    server.setQuery(QString());
    if (appEnd < 0) {
        server.setPath(path);
    } else {
        server.setPath(path.left(appEnd));
        target.key = path.mid(appEnd + 1);
    }
    if (server.path().size() <= 1) {
        *error =
            EngineError{QStringLiteral("直播地址缺少应用名（如 /live）"),
                        QStringLiteral("the stream address has no application name (such as /live)"), shown};
        return std::nullopt;
    }
    if (parsed.hasQuery())
        target.key += QLatin1Char('?') + parsed.query();
    target.server = server.toString();
    return target;
}

} // namespace xz::engine
