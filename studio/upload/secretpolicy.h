// Credentials travel only over TLS, or to this very machine, unless the user explicitly allows plain HTTP.
#pragma once

#include "uploaderror.h"

#include <QUrl>

#include <optional>

namespace xz::upload {

class SecretPolicy {
public:
    static bool isLoopbackHost(const QString& host);
    // An error when sending a secret to url would expose it on the network.
    static std::optional<UploadError> checkCanCarrySecret(const QUrl& url, bool allowInsecureHttp);
};

} // namespace xz::upload
