// Where an upload and its credentials may go: only to the origin (scheme, host, port) of the endpoint the
// user configured, and over TLS unless that origin is this machine or the user allowed plain HTTP. It is the
// one place that decides whether a URL may be called: every target attaches its secrets through attach(), and
// every URL a server names in a reply (a tus Location) goes through resolveServerUrl() before a byte is sent
// to it, so a reply can neither send the token or the clip to another host nor downgrade https to http.
#pragma once

#include "httptypes.h"
#include "uploaderror.h"

#include <QUrl>

#include <optional>

namespace xz::upload {

class CredentialScope {
public:
    CredentialScope(const QUrl& endpoint, bool allowInsecureHttp);

    static bool isLoopbackHost(const QString& host);
    // An error when sending a secret to url would expose it on the network (plain HTTP to another machine).
    static std::optional<UploadError> checkCanCarrySecret(const QUrl& url, bool allowInsecureHttp);

    // A URL a server named in its reply to requestUrl: relative references are resolved (RFC 3986) against
    // requestUrl; the result must stay on the endpoint's scheme, host and port.
    Result<QString> resolveServerUrl(const QString& requestUrl, const QByteArray& named) const;
    // An error unless url is on the endpoint's origin (whatever is sent: the clip itself may be private).
    std::optional<UploadError> checkSameOrigin(const QUrl& url) const;
    // checkSameOrigin(), and a secret may travel to url.
    std::optional<UploadError> checkCanSendSecret(const QUrl& url) const;
    // Puts the secret header on the request, after checkCanSendSecret() on its URL.
    std::optional<UploadError> attach(HttpRequest& request, const QByteArray& header,
                                      const QByteArray& secret) const;

private:
    QUrl endpoint_;
    bool allowInsecureHttp_ = false;
};

} // namespace xz::upload
