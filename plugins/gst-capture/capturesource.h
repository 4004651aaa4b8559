// The libobs side of a capture source. libobs owns it (create/destroy callbacks); a supervisor thread owns
// the GStreamer pipeline, restarts it with backoff after an error, end of stream or a stalled signal, and
// publishes the state. Frames go to a private async child source; the capture source draws that child when
// live and the slate otherwise, so a lost signal never freezes on the last frame.
#pragma once

#include "capturepipeline.h"
#include "capturestatus.h"
#include "presets.h"
#include "slate.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <obs.hpp>
#include <thread>

namespace xz::capture {

class CaptureSource {
public:
    CaptureSource(obs_data_t* settings, obs_source_t* self);
    ~CaptureSource();

    CaptureSource(const CaptureSource&) = delete;
    CaptureSource& operator=(const CaptureSource&) = delete;

    // Any thread, never blocks: the supervisor picks the new settings up and restarts the pipeline.
    void update(obs_data_t* settings);
    void render();
    uint32_t width() const;
    uint32_t height() const;
    void enumActiveChildren(obs_source_enum_proc_t callback, void* param);

    CaptureStatus status() const;
    void setProbe(std::function<void(const BufferProbe&)> probe);

    static void registerTypes();
    static CaptureSource* fromSource(obs_source_t* source); // under the registry lock held by the caller
    static std::mutex& registryMutex();

private:
    struct Config {
        QString device;
        bool audio = false;
        QString label;
        uint32_t width = 0;
        uint32_t height = 0;
        int stallMs = 1500;
        int retryFirstMs = 250;
        int retryMaxMs = 2000;
    };

    void supervise();
    void runConfig(const Config& config, uint64_t generation);
    bool leaving(uint64_t generation) const; // under mutex_
    bool waitFor(std::chrono::milliseconds delay, uint64_t generation);
    // Publishes a state (slate, status, the capture_state signal). A repeated state is not signalled again
    // unless `announce` says it begins anew (a reconfigured source starting over).
    void setState(CaptureState state, const CaptureError& error, const QString& label, bool announce = false);
    CapturePipeline::Sinks makeSinks();

    obs_source_t* self_;
    OBSSourceAutoRelease frames_;
    std::unique_ptr<Slate> slate_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    Config config_;
    uint64_t generation_ = 0;
    bool stopping_ = false;
    bool deviceArrived_ = false; // a device was plugged in: cut the backoff short
    CaptureStatus status_;
    std::function<void(const BufferProbe&)> probe_;
    std::mutex probeMutex_;

    std::atomic<CaptureState> state_{CaptureState::Starting};
    QString lastLogged_; // the supervisor thread's own: what it last warned about
    std::atomic<uint32_t> width_{0};
    std::atomic<uint32_t> height_{0};
    std::atomic<bool> hasVideo_{true};
    std::thread supervisor_;
};

} // namespace xz::capture
