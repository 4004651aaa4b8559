#include "encoderset.h"

#include <obs.h>

namespace xz::engine {

std::unique_ptr<EncoderSet> EncoderSet::create(const EncoderSettings& settings,
                                               std::optional<EngineError>* error) {
    std::unique_ptr<EncoderSet> set(new EncoderSet);
    OBSDataAutoRelease video = obs_data_create();
    obs_data_set_string(video, "rate_control", "CBR");
    obs_data_set_int(video, "bitrate", settings.videoBitrateKbps);
    obs_data_set_int(video, "keyint_sec", settings.keyframeIntervalSec);
    obs_data_set_string(video, "preset", settings.x264Preset);
    obs_data_set_string(video, "profile", "main");
    // No B-frames: Matroska stores no decode times, and without B-frames a recording remuxes to MP4 (and is
    // cut frame-exactly later) with correct timing. It also shaves latency off the live stream.
    obs_data_set_string(video, "x264opts", "bframes=0");
    set->video_ = obs_video_encoder_create("obs_x264", "xz-h264", video, nullptr);

    OBSDataAutoRelease audio = obs_data_create();
    obs_data_set_int(audio, "bitrate", settings.audioBitrateKbps);
    set->audio_ = obs_audio_encoder_create("ffmpeg_aac", "xz-aac", audio, 0, nullptr);

    if (!set->video_ || !set->audio_) {
        *error = EngineError{QStringLiteral("编码器不可用"), QStringLiteral("the encoders are not available"),
                             QStringLiteral("obs_x264 / ffmpeg_aac")};
        return nullptr;
    }
    obs_encoder_set_video(set->video_, obs_get_video());
    obs_encoder_set_audio(set->audio_, obs_get_audio());
    return set;
}

} // namespace xz::engine
