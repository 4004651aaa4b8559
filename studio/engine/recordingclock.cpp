#include "recordingclock.h"

#include "encoderset.h"

#include <atomic>
#include <obs.h>
#include <util/platform.h>

namespace xz::engine {
namespace {

constexpr const char* kClockOutputId = "xz_recording_clock";

// The output's private data holds what it learns: libobs may still deliver a packet while the output is
// stopping, and the data lives until libobs destroys the output (after it has fully stopped).
struct ClockOutput {
    obs_output_t* output = nullptr;
    std::atomic<int64_t> firstUsec{0};
};

ClockOutput* dataOf(obs_output_t* output) {
    return static_cast<ClockOutput*>(obs_obj_get_data(output));
}

const char* clockName(void*) {
    return "Xiaozhan recording clock";
}
void* clockCreate(obs_data_t*, obs_output_t* output) {
    auto* data = new ClockOutput;
    data->output = output;
    return data;
}
void clockDestroy(void* data) {
    delete static_cast<ClockOutput*>(data);
}
bool clockStart(void* data) {
    auto* clock = static_cast<ClockOutput*>(data);
    if (!obs_output_can_begin_data_capture(clock->output, 0))
        return false;
    if (!obs_output_initialize_encoders(clock->output, 0))
        return false;
    return obs_output_begin_data_capture(clock->output, 0);
}
void clockStop(void* data, uint64_t) {
    obs_output_end_data_capture(static_cast<ClockOutput*>(data)->output);
}
void clockPacket(void* data, encoder_packet* packet) {
    if (packet->type != OBS_ENCODER_VIDEO)
        return;
    int64_t none = 0;
    static_cast<ClockOutput*>(data)->firstUsec.compare_exchange_strong(none, packet->sys_dts_usec);
}

} // namespace

void RecordingClock::registerOutputType() {
    obs_output_info info{};
    info.id = kClockOutputId;
    info.flags = OBS_OUTPUT_AV | OBS_OUTPUT_ENCODED;
    info.get_name = clockName;
    info.create = clockCreate;
    info.destroy = clockDestroy;
    info.start = clockStart;
    info.stop = clockStop;
    info.encoded_packet = clockPacket;
    obs_register_output(&info);
}

RecordingClock::RecordingClock(EncoderSet& encoders) {
    output_ = obs_output_create(kClockOutputId, "xz-recording-clock", nullptr, nullptr);
    if (!output_)
        return;
    obs_output_set_video_encoder(output_, encoders.video());
    obs_output_set_audio_encoder(output_, encoders.audio(), 0);
}

RecordingClock::~RecordingClock() {
    stop();
}

bool RecordingClock::start() {
    if (!output_)
        return false;
    dataOf(output_)->firstUsec = 0;
    return obs_output_start(output_);
}

void RecordingClock::stop() {
    // Nothing to flush: stop at once. What the clock learnt stays readable until the next start.
    if (output_ && obs_output_active(output_))
        obs_output_force_stop(output_);
}

std::optional<uint64_t> RecordingClock::firstFrameNs() const {
    const int64_t usec = output_ ? dataOf(output_)->firstUsec.load() : 0;
    if (usec <= 0)
        return std::nullopt;
    return static_cast<uint64_t>(usec) * 1000;
}

std::optional<double> RecordingClock::secondsAt(uint64_t ns) const {
    const std::optional<uint64_t> first = firstFrameNs();
    if (!first)
        return std::nullopt;
    return (static_cast<double>(ns) - static_cast<double>(*first)) / 1e9;
}

} // namespace xz::engine
