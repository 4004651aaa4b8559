// Where a recording's time starts. A recording's file begins at the first video packet its output keeps
// (a keyframe: an output joining encoders that already run waits for one, up to 2 s), not when recording was
// asked for. A tiny output of ours joins the same encoders at the same moment, goes through the same
// keyframe wait and A/V interleaving, and remembers that first packet's time: the studio's clock at the
// recording's first frame, so markers dropped during the show land on the right frame of the file.
#pragma once

#include <cstdint>
#include <obs.hpp>
#include <optional>

namespace xz::engine {

class EncoderSet;

class RecordingClock {
public:
    static void registerOutputType(); // once per libobs start (ObsRuntime does it)

    explicit RecordingClock(EncoderSet& encoders);
    ~RecordingClock();

    RecordingClock(const RecordingClock&) = delete;
    RecordingClock& operator=(const RecordingClock&) = delete;

    bool start();
    void stop();
    // libobs' clock (os_gettime_ns) at the first frame; nullopt until that frame is encoded.
    std::optional<uint64_t> firstFrameNs() const;
    // Seconds of recording at libobs time `ns` (nullopt before the first frame).
    std::optional<double> secondsAt(uint64_t ns) const;

private:
    OBSOutputAutoRelease output_;
};

} // namespace xz::engine
