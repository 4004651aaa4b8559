// The seam between the targets and the network: targets describe requests, a transport carries them.
// CurlTransport is the real one; tests can inject another, so queue scheduling is testable offline.
#pragma once

#include "httptypes.h"

#include <functional>

namespace xz::upload {

class Transport {
public:
    using Id = quint64;
    using Done = std::function<void(const HttpResponse&)>;
    using Progress = std::function<void(qint64 bytesSent)>;

    virtual ~Transport() = default;

    // Starts the request; done runs later on the caller's thread, exactly once unless cancelled.
    virtual Id send(HttpRequest request, Done done, Progress progress = {}) = 0;
    // Stops the request; its done callback will not run.
    virtual void cancel(Id id) = 0;
};

} // namespace xz::upload
