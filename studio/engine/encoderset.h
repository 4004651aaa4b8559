// The H.264 + AAC encoder pair shared by the recording and every stream, as OBS does when quality settings
// match: one encode, so a 2-core PC can record and stream at once. A keyframe every 2 s, as platforms expect.
#pragma once

#include "engineerror.h"

#include <memory>
#include <obs.hpp>
#include <optional>

namespace xz::engine {

struct EncoderSettings {
    int videoBitrateKbps = 2500;
    int audioBitrateKbps = 160;
    int keyframeIntervalSec = 2;
    const char* x264Preset = "veryfast";
};

class EncoderSet {
public:
    static std::unique_ptr<EncoderSet> create(const EncoderSettings& settings,
                                              std::optional<EngineError>* error);

    obs_encoder_t* video() const { return video_; }
    obs_encoder_t* audio() const { return audio_; }

private:
    EncoderSet() = default;
    OBSEncoderAutoRelease video_;
    OBSEncoderAutoRelease audio_;
};

} // namespace xz::engine
