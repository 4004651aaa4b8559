// Cancelling a running trim, export or preview job from another thread (Ctrl+C, the Editor's cancel button):
// the job polls the flag between buffers and removes whatever it had half written.
#pragma once

#include <atomic>
#include <memory>

namespace xz::clips {

class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
    void cancel() const { flag_->store(true); }
    bool isCancelled() const { return flag_->load(); }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
};

} // namespace xz::clips
