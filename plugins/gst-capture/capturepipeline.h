// One run of a capture pipeline: parsed from a LaunchPlan, its appsinks feeding libobs-ready frames and
// audio to plain callbacks on GStreamer's streaming threads. It does not restart itself: CaptureSource's
// supervisor thread decides that. Destroying it stops the pipeline and waits for the streaming threads, so
// no callback runs after the destructor returns.
#pragma once

#include "capturestatus.h"
#include "framemapping.h"
#include "gstptr.h"
#include "launchplan.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <gst/app/gstappsink.h>
#include <memory>
#include <mutex>
#include <obs.h>

namespace xz::capture {

// What a delivered buffer looked like, for tests and the benchmark (streaming thread, keep it quick).
struct BufferProbe {
    bool video = false;
    uint64_t clockNs = 0; // the buffer's time on the pipeline clock (base time + running time)
    uint64_t obsNs = 0;   // the same moment on libobs' clock (os_gettime_ns), what libobs receives
    const obs_source_frame* frame = nullptr; // video only
    uint32_t audioFrames = 0;                // audio only
    uint32_t sampleRate = 0;
};

class CapturePipeline {
public:
    struct Sinks {
        std::function<void(const obs_source_frame&)> video;
        std::function<void(const obs_source_audio&)> audio;
        std::function<void(const BufferProbe&)> probe; // optional
    };
    enum class Event {
        None = 1,
        Error,
        EndOfStream,
        Flowing, // the first buffer arrived (posted by the streaming thread, so "live" is not late by a poll)
        Looped,  // a looped file reached its end and went back to the start without stopping
    };

    static std::unique_ptr<CapturePipeline> create(const LaunchPlan& plan, Sinks sinks, CaptureError* error);
    // Whether a pipeline with SRT elements was started in this process (see srtLibraryInUse()).
    static bool srtUsed();
    ~CapturePipeline();

    CapturePipeline(const CapturePipeline&) = delete;
    CapturePipeline& operator=(const CapturePipeline&) = delete;

    // Starts the pipeline. With `loop`, a file that can seek loops by segment seeks: the running time goes
    // on across the loops, so there is no gap, no new pipeline and no stall at the seam.
    bool play(CaptureError* error, bool loop = false);
    // A live source (camera, microphone, network) produces data as time passes; anything else prerolls.
    bool isLive() const { return live_; }
    // Waits up to `timeout` for an error or end of stream on the bus.
    Event waitForEvent(std::chrono::milliseconds timeout, CaptureError* error);

    // libobs time of the last buffer that arrived (0: none yet).
    uint64_t lastBufferNs() const { return lastBufferNs_.load(); }
    uint64_t videoFrames() const { return videoFrames_.load(); }
    uint64_t audioBuffers() const { return audioBuffers_.load(); }

private:
    void keepEveryBuffer();
    bool startSegmentLoop();
    CapturePipeline() = default;
    bool attachSink(const char* name, bool video, CaptureError* error);
    static GstFlowReturn onVideoSample(GstAppSink* sink, gpointer self);
    static GstFlowReturn onAudioSample(GstAppSink* sink, gpointer self);
    void deliverVideo(GstSample* sample);
    void deliverAudio(GstSample* sample);
    uint64_t toObsTime(GstBuffer* buffer, const GstSegment* segment, uint64_t* clockNs) const;

    Sinks sinks_;
    QString description_;
    gst::ElementPtr pipeline_;
    gst::BusPtr bus_;
    gst::ClockPtr clock_;
    // Caps are the same for thousands of frames: the layout is worked out once per caps change.
    std::mutex layoutMutex_;
    gst::CapsPtr videoCaps_;
    GstVideoInfo videoInfo_{};
    std::optional<FrameLayout> layout_;
    void noteBuffer();

    bool live_ = false;
    bool loopBySeek_ = false;
    std::atomic<bool> flowing_{false};
    std::atomic<uint64_t> lastBufferNs_{0};
    std::atomic<uint64_t> videoFrames_{0};
    std::atomic<uint64_t> audioBuffers_{0};
};

// GStreamer's GError (from parsing or from the bus) as a message a volunteer can act on.
CaptureError describeParseError(const GError* error, const QString& description);
CaptureError describeRuntimeError(const GError* error, const QString& debug, const QString& element);

} // namespace xz::capture
