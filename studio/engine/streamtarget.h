// An RTMP(S) address as a user types it ("rtmp://host/app/KEY") split into what libobs wants: the server
// URL and the stream key. The key is a secret: only redacted() may be shown anywhere.
#pragma once

#include "engineerror.h"

#include <QString>
#include <optional>

namespace xz::engine {

struct StreamTarget {
    QString server; // rtmp://host[:port]/app
    QString key;    // may be empty (some servers take none)

    QString redacted() const;
    static std::optional<StreamTarget> parse(const QString& url, std::optional<EngineError>* error);
};

} // namespace xz::engine
