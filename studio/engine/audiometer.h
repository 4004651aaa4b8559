// Audio levels for the mixer and the remote meters: one meter per audio source (libobs' volmeter) and one
// on the program mix (libobs' mixed audio). Levels are computed on the audio thread for every packet and
// stored in atomics (peak, RMS and a 1.5 s peak hold, in dBFS); any number of readers take them at display
// rate. No signal, no lock and no allocation per audio packet.
#pragma once

#include <QString>
#include <atomic>
#include <cstdint>
#include <limits>
#include <obs.hpp>

namespace xz::engine {

struct AudioLevels {
    float peakDb = -std::numeric_limits<float>::infinity(); // decaying peak, what a meter bar shows
    float rmsDb = -std::numeric_limits<float>::infinity();
    float holdDb = -std::numeric_limits<float>::infinity(); // highest peak of the last 1.5 s
    bool clipping = false;                                  // at or above -0.5 dBFS in the last 1.5 s
};

// The level arithmetic shared by both kinds of meter (audio thread writes, anyone reads).
class LevelKeeper {
public:
    static constexpr float kSilenceDb = -std::numeric_limits<float>::infinity();
    static constexpr double kHoldSec = 1.5;
    static constexpr float kDecayDbPerSec = 20.0f; // a meter bar falls like a broadcast PPM, not in jumps
    static constexpr float kClipDb = -0.5f;

    // Audio thread: one packet's peak and RMS (dBFS) at libobs time `ns`.
    void update(float peakDb, float rmsDb, uint64_t ns);
    AudioLevels read() const;

private:
    std::atomic<float> peak_{kSilenceDb};
    std::atomic<float> rms_{kSilenceDb};
    std::atomic<float> hold_{kSilenceDb};
    std::atomic<bool> clipping_{false};
    // Only the audio thread touches these.
    uint64_t lastNs_ = 0;
    uint64_t holdSinceNs_ = 0;
    uint64_t clipSinceNs_ = 0;
};

// One audio source (a microphone, a camera with sound, a media clip), post-fader as viewers hear it.
class SourceMeter {
public:
    explicit SourceMeter(obs_source_t* source);
    ~SourceMeter();
    SourceMeter(const SourceMeter&) = delete;
    SourceMeter& operator=(const SourceMeter&) = delete;

    AudioLevels levels() const { return keeper_.read(); }

private:
    static void onLevels(void* param, const float magnitude[], const float peak[], const float inputPeak[]);

    obs_volmeter_t* meter_ = nullptr;
    LevelKeeper keeper_;
};

// The program mix: what the recording and the streams carry (libobs' first mix).
class MixMeter {
public:
    MixMeter();
    ~MixMeter();
    MixMeter(const MixMeter&) = delete;
    MixMeter& operator=(const MixMeter&) = delete;

    AudioLevels levels() const { return keeper_.read(); }

private:
    static void onAudio(void* param, size_t mixIndex, audio_data* data);

    const int channels_;
    LevelKeeper keeper_;
};

// dBFS as operators read it: "-12.3 dB", "-∞".
QString formatDb(float db);

} // namespace xz::engine
