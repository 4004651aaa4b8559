// Only one process uploads from the queue at a time (two would upload the same clip twice). An flock on a
// file in the data directory: the kernel releases it when the process dies, even by SIGKILL.
#pragma once

#include "uniquefd.h"
#include "uploaderror.h"

#include <memory>

namespace xz::upload {

class RunLock {
public:
    static Result<std::unique_ptr<RunLock>> acquire(const QString& path = defaultPath());
    static QString defaultPath();

private:
    explicit RunLock(UniqueFd fd) : fd_(std::move(fd)) {}
    UniqueFd fd_;
};

} // namespace xz::upload
