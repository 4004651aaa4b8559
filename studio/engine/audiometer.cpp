#include "audiometer.h"

#include <algorithm>
#include <cmath>
#include <obs.h>
#include <util/platform.h>

namespace xz::engine {

void LevelKeeper::update(float peakDb, float rmsDb, uint64_t ns) {
    const double elapsedSec = lastNs_ && ns > lastNs_ ? static_cast<double>(ns - lastNs_) / 1e9 : 0.0;
    lastNs_ = ns;
    const float fallen =
        peak_.load(std::memory_order_relaxed) - kDecayDbPerSec * static_cast<float>(elapsedSec);
    peak_.store(std::max(peakDb, fallen), std::memory_order_relaxed);
    rms_.store(rmsDb, std::memory_order_relaxed);
    const bool holdExpired = static_cast<double>(ns - holdSinceNs_) / 1e9 > kHoldSec;
    if (peakDb >= hold_.load(std::memory_order_relaxed) || holdExpired) {
        hold_.store(peakDb, std::memory_order_relaxed);
        holdSinceNs_ = ns;
    }
    if (peakDb >= kClipDb)
        clipSinceNs_ = ns;
    clipping_.store(clipSinceNs_ && static_cast<double>(ns - clipSinceNs_) / 1e9 <= kHoldSec,
                    std::memory_order_relaxed);
}

AudioLevels LevelKeeper::read() const {
    AudioLevels levels;
    levels.peakDb = peak_.load(std::memory_order_relaxed);
    levels.rmsDb = rms_.load(std::memory_order_relaxed);
    levels.holdDb = hold_.load(std::memory_order_relaxed);
    levels.clipping = clipping_.load(std::memory_order_relaxed);
    return levels;
}

SourceMeter::SourceMeter(obs_source_t* source) {
    meter_ = obs_volmeter_create(OBS_FADER_LOG);
    obs_volmeter_add_callback(meter_, onLevels, this);
    obs_volmeter_attach_source(meter_, source);
}

SourceMeter::~SourceMeter() {
    // Removing the callback takes the meter's lock: once it returns no callback runs.
    obs_volmeter_remove_callback(meter_, onLevels, this);
    obs_volmeter_detach_source(meter_);
    obs_volmeter_destroy(meter_);
}

void SourceMeter::onLevels(void* param, const float magnitude[], const float peak[], const float[]) {
    auto* self = static_cast<SourceMeter*>(param);
    float loudest = LevelKeeper::kSilenceDb;
    float rms = LevelKeeper::kSilenceDb;
    for (int channel = 0; channel < MAX_AUDIO_CHANNELS; ++channel) {
        loudest = std::max(loudest, peak[channel]);
        rms = std::max(rms, magnitude[channel]);
    }
    self->keeper_.update(loudest, rms, os_gettime_ns());
}

MixMeter::MixMeter() : channels_(static_cast<int>(audio_output_get_channels(obs_get_audio()))) {
    obs_add_raw_audio_callback(0, nullptr, onAudio, this);
}

MixMeter::~MixMeter() {
    obs_remove_raw_audio_callback(0, onAudio, this);
}

void MixMeter::onAudio(void* param, size_t, audio_data* data) {
    auto* self = static_cast<MixMeter*>(param);
    float peak = 0.0f;
    double sumSquares = 0.0;
    // Planar float, one plane per speaker channel of the mix (the planes after those are not audio).
    const int channels = std::min(self->channels_, MAX_AV_PLANES);
    for (int channel = 0; channel < channels; ++channel) {
        const auto* samples = reinterpret_cast<const float*>(data->data[channel]);
        if (!samples)
            continue;
        for (uint32_t i = 0; i < data->frames; ++i) {
            peak = std::max(peak, std::abs(samples[i]));
            sumSquares += static_cast<double>(samples[i]) * samples[i];
        }
    }
    const double count = static_cast<double>(data->frames) * std::max(1, channels);
    const float rms = count > 0 ? static_cast<float>(std::sqrt(sumSquares / count)) : 0.0f;
    self->keeper_.update(obs_mul_to_db(peak), obs_mul_to_db(rms), data->timestamp);
}

QString formatDb(float db) {
    if (!std::isfinite(db) || db < -96.0f)
        return QStringLiteral("-∞ dB");
    return QStringLiteral("%1 dB").arg(static_cast<double>(db), 0, 'f', 1);
}

} // namespace xz::engine
