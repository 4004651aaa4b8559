// The failure policy for one HTTP exchange: what can succeed if tried again (timeouts, resets, 5xx, 429)
// and what cannot (403, 404, 413, TLS failures), with the server's own words kept for the user.
#pragma once

#include "httptypes.h"
#include "uploaderror.h"

#include <QDateTime>

#include <optional>

namespace xz {
class Redactor;
}

namespace xz::upload {

class HttpFailure {
public:
    // No error for a 2xx reply. Everything in the result has passed through redactor.
    static std::optional<UploadError> classify(const HttpResponse& response, const Redactor& redactor,
                                               qint64 maxRetryAfterMs);

    // Retry-After as seconds or an HTTP date, clamped to [0, maxMs]; unset when missing or unparsable.
    static std::optional<qint64> parseRetryAfter(const QByteArray& value, qint64 maxMs,
                                                 const QDateTime& now = QDateTime::currentDateTimeUtc());

    // The message a server put in its error body (JSON "message"/"description"/"error", else the text).
    static QString serverMessage(const HttpResponse& response);
};

} // namespace xz::upload
