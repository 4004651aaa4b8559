// Loudness by EBU R128 (libebur128): integrated loudness and true peak of a clip, and the plan that brings a
// clip to a preset's target: one gain (applied with GStreamer's `volume`) plus a gain-reduction envelope,
// computed from the measured true peaks of 10 ms blocks, that keeps the true peak under the ceiling. Both
// passes see the same samples, so the limiter knows every peak before it comes (look-ahead without delay).
#pragma once

#include "canceltoken.h"
#include "clipresult.h"

#include <QJsonObject>
#include <QString>
#include <memory>
#include <vector>

#include <ebur128.h>

namespace xz::clips {

struct LoudnessFigures {
    bool valid = false;          // false when there is no audio or too little to measure
    double integratedLufs = -70; // -70 for silence (R128's absolute gate)
    double truePeakDbtp = -100;
    QJsonObject toJson() const;
};

class LoudnessMeter {
public:
    // `blockPeaks`: also remember each 10 ms block's true peak (linear) for the limiter.
    LoudnessMeter(int rate, int channels, bool blockPeaks);
    ~LoudnessMeter();
    void add(const float* interleaved, qsizetype frames);
    LoudnessFigures figures() const;
    const std::vector<float>& blockPeaks() const { return peaks_; }
    const std::vector<float>& blockEnergies() const { return energies_; } // mean square per block
    int blockFrames() const { return blockFrames_; }

private:
    struct Free {
        void operator()(ebur128_state* state) const;
    };
    std::unique_ptr<ebur128_state, Free> state_;
    int channels_;
    int blockFrames_;
    bool keepPeaks_;
    std::vector<float> pending_; // an unfinished block
    std::vector<float> peaks_;
    std::vector<float> energies_;
    void flushBlock(const float* data, qsizetype frames);
};

class LoudnessPlan {
public:
    // Gain to `targetLufs`; the envelope holds true peaks at `ceilingDbtp` minus a margin for the encoder.
    // With limiting, the gain grows by what the envelope takes away (estimated from the block energies), so
    // the finished clip still reaches the target.
    LoudnessPlan(const LoudnessFigures& measured, const std::vector<float>& blockPeaks,
                 const std::vector<float>& blockEnergies, int blockFrames, double targetLufs,
                 double ceilingDbtp);
    double gainDb() const { return gainDb_; }
    bool limits() const { return limits_; }
    // Multiplies `frames` interleaved samples starting at clip sample `first` by the envelope (not the gain).
    void applyEnvelope(float* interleaved, qsizetype frames, int channels, qint64 first) const;

private:
    void planEnvelope(const std::vector<float>& blockPeaks, double gainDb, double threshold);
    double gainDb_ = 0;
    bool limits_ = false;
    int blockFrames_;
    std::vector<float> envelope_; // gain at the start of each block
};

// Measures a whole file's audio (or [inSec, outSec) of it).
Result<LoudnessFigures> measureLoudness(const QString& path, double inSec, double outSec,
                                        const CancelToken& cancel, std::vector<float>* blockPeaks = nullptr,
                                        std::vector<float>* blockEnergies = nullptr,
                                        int* blockFrames = nullptr);

} // namespace xz::clips
