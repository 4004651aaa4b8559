#include "loudness.h"

#include "mediareader.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <ebur128.h>

namespace xz::clips {
namespace {

constexpr int kRate = 48000;
constexpr double kEncoderMarginDb = 0.6; // AAC and MP3 add overshoot; leave room under the ceiling
constexpr double kReleaseDbPerSec = 30;
constexpr double kAttackDbPerBlock = 3;

double round1(double value) {
    return std::round(value * 10) / 10;
}

} // namespace

QJsonObject LoudnessFigures::toJson() const {
    return {{QStringLiteral("integratedLufs"), round1(integratedLufs)},
            {QStringLiteral("truePeakDbtp"), round1(truePeakDbtp)}};
}

void LoudnessMeter::Free::operator()(ebur128_state* state) const {
    ebur128_destroy(&state);
}

LoudnessMeter::LoudnessMeter(int rate, int channels, bool blockPeaks)
    : state_(ebur128_init(unsigned(channels), unsigned(rate), EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK)),
      channels_(channels), blockFrames_(rate / 100), keepPeaks_(blockPeaks) {}

LoudnessMeter::~LoudnessMeter() = default;

void LoudnessMeter::flushBlock(const float* data, qsizetype frames) {
    ebur128_add_frames_float(state_.get(), data, size_t(frames));
    if (!keepPeaks_)
        return;
    double peak = 0;
    for (int c = 0; c < channels_; ++c) {
        double channelPeak = 0;
        ebur128_prev_true_peak(state_.get(), unsigned(c), &channelPeak);
        peak = std::max(peak, channelPeak);
    }
    peaks_.push_back(float(peak));
    double energy = 0;
    for (qsizetype i = 0; i < frames * channels_; ++i)
        energy += double(data[i]) * data[i];
    energies_.push_back(float(energy / std::max<qsizetype>(1, frames)));
}

void LoudnessMeter::add(const float* interleaved, qsizetype frames) {
    if (!keepPeaks_) {
        ebur128_add_frames_float(state_.get(), interleaved, size_t(frames));
        return;
    }
    // Blocks line up with the clip's start, whatever size the decoder's buffers have.
    qsizetype at = 0;
    if (!pending_.empty()) {
        const qsizetype need = blockFrames_ - qsizetype(pending_.size()) / channels_;
        const qsizetype take = std::min(need, frames);
        pending_.insert(pending_.end(), interleaved, interleaved + take * channels_);
        at = take;
        if (qsizetype(pending_.size()) / channels_ == blockFrames_) {
            flushBlock(pending_.data(), blockFrames_);
            pending_.clear();
        }
    }
    while (frames - at >= blockFrames_) {
        flushBlock(interleaved + at * channels_, blockFrames_);
        at += blockFrames_;
    }
    pending_.insert(pending_.end(), interleaved + at * channels_, interleaved + frames * channels_);
}

LoudnessFigures LoudnessMeter::figures() const {
    LoudnessFigures figures;
    if (!pending_.empty()) {
        // The last, short block still counts (const-cast: libebur128 keeps its state through a plain
        // pointer).
        auto* self = const_cast<LoudnessMeter*>(this);
        self->flushBlock(pending_.data(), qsizetype(pending_.size()) / channels_);
        self->pending_.clear();
    }
    double integrated = 0;
    if (ebur128_loudness_global(state_.get(), &integrated) != EBUR128_SUCCESS)
        return figures;
    double peak = 0;
    for (int c = 0; c < channels_; ++c) {
        double channelPeak = 0;
        ebur128_true_peak(state_.get(), unsigned(c), &channelPeak);
        peak = std::max(peak, channelPeak);
    }
    figures.valid = std::isfinite(integrated);
    figures.integratedLufs = std::isfinite(integrated) ? integrated : -70;
    figures.truePeakDbtp = peak > 0 ? 20 * std::log10(peak) : -100;
    return figures;
}

LoudnessPlan::LoudnessPlan(const LoudnessFigures& measured, const std::vector<float>& blockPeaks,
                           const std::vector<float>& blockEnergies, int blockFrames, double targetLufs,
                           double ceilingDbtp)
    : blockFrames_(blockFrames) {
    // Silence is not raised by 50 dB: below R128's gate there is nothing to normalise.
    gainDb_ = measured.valid && measured.integratedLufs > -60 ? targetLufs - measured.integratedLufs : 0;
    const double threshold = std::pow(10.0, (ceilingDbtp - kEncoderMarginDb) / 20);
    planEnvelope(blockPeaks, gainDb_, threshold);
    // What limiting takes from the loudness, estimated the way R128 integrates (400 ms windows every 100 ms,
    // relative gate 10 LU under their mean) on the unweighted block energies; a few rounds settle it, since a
    // higher gain limits more.
    auto integrated = [&](bool limited) {
        const size_t window = 40, hop = 10, n = std::min(blockEnergies.size(), envelope_.size() - 1);
        std::vector<double> windows;
        for (size_t start = 0; start + window <= n || (start == 0 && n > 0); start += hop) {
            double sum = 0;
            const size_t end = std::min(n, start + window);
            for (size_t b = start; b < end; ++b) {
                const double g = limited ? 0.5 * (envelope_[b] + envelope_[b + 1]) : 1.0;
                sum += blockEnergies[b] * g * g;
            }
            windows.push_back(sum / double(end - start));
            if (end == n)
                break;
        }
        double mean = 0;
        for (double w : windows)
            mean += w;
        mean /= std::max<size_t>(1, windows.size());
        double gated = 0;
        size_t count = 0;
        for (double w : windows)
            if (w >= mean * 0.1) {
                gated += w;
                ++count;
            }
        return count ? 10 * std::log10(std::max(gated / double(count), 1e-12)) : -100.0;
    };
    const double unlimited = integrated(false);
    for (int round = 0; round < 6 && limits_; ++round) {
        const double lostDb =
            unlimited - integrated(true) - (gainDb_ - (targetLufs - measured.integratedLufs));
        if (std::abs(lostDb) < 0.1)
            break;
        gainDb_ += lostDb;
        planEnvelope(blockPeaks, gainDb_, threshold);
    }
}

void LoudnessPlan::planEnvelope(const std::vector<float>& blockPeaks, double gainDb, double threshold) {
    const double gain = std::pow(10.0, gainDb / 20);
    const size_t n = blockPeaks.size();
    std::vector<float> need(n, 1.0f);
    limits_ = false;
    for (size_t b = 0; b < n; ++b) {
        const double peak = double(blockPeaks[b]) * gain;
        if (peak > threshold) {
            need[b] = float(threshold / peak);
            limits_ = true;
        }
    }
    envelope_.assign(n + 1, 1.0f);
    if (!limits_)
        return;
    // The gain at a block's start may not exceed what it or the block before needs, so that a straight line
    // between two starts stays under both blocks' limits.
    for (size_t b = 0; b <= n; ++b) {
        float value = 1.0f;
        if (b < n)
            value = std::min(value, need[b]);
        if (b > 0)
            value = std::min(value, need[b - 1]);
        envelope_[b] = value;
    }
    const double blockSec = double(blockFrames_) / kRate;
    const double attack = std::pow(10.0, -kAttackDbPerBlock / 20);
    const double release = std::pow(10.0, -kReleaseDbPerSec * blockSec / 20);
    for (size_t b = n; b-- > 0;) // fall into a reduction over a few blocks (look-ahead)
        envelope_[b] = std::min(envelope_[b], float(envelope_[b + 1] / attack));
    for (size_t b = 1; b <= n; ++b) // and come back quickly but smoothly
        envelope_[b] = std::min(envelope_[b], float(std::min(1.0, envelope_[b - 1] / release)));
}

void LoudnessPlan::applyEnvelope(float* interleaved, qsizetype frames, int channels, qint64 first) const {
    if (!limits_)
        return;
    for (qsizetype i = 0; i < frames; ++i) {
        const qint64 sample = first + i;
        const size_t block =
            size_t(std::clamp<qint64>(sample / blockFrames_, 0, qint64(envelope_.size()) - 2));
        const double t = double(sample - qint64(block) * blockFrames_) / blockFrames_;
        const float g =
            float(envelope_[block] + (envelope_[block + 1] - envelope_[block]) * std::clamp(t, 0.0, 1.0));
        for (int c = 0; c < channels; ++c)
            interleaved[i * channels + c] *= g;
    }
}

Result<LoudnessFigures> measureLoudness(const QString& path, double inSec, double outSec,
                                        const CancelToken& cancel, std::vector<float>* blockPeaks,
                                        std::vector<float>* blockEnergies, int* blockFrames) {
    ReaderStream audio{ReaderStream::Mode::Decoded,
                       QStringLiteral("audioconvert ! audioresample ! audio/x-raw,format=F32LE,rate=48000,"
                                      "channels=2,layout=interleaved")};
    auto reader = MediaReader::open(path, {}, audio);
    if (!reader)
        return reader.error();
    if (inSec > 0 || outSec >= 0)
        if (auto error = (*reader)->seek(inSec, outSec, GST_SEEK_FLAG_ACCURATE))
            return *error;
    if (auto error = (*reader)->play())
        return *error;
    LoudnessMeter meter(kRate, 2, blockPeaks != nullptr);
    while (gst::SamplePtr sample = (*reader)->pull(MediaReader::Stream::Audio, cancel)) {
        GstBuffer* buffer = gst_sample_get_buffer(sample.get());
        GstMapInfo map;
        if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
            continue;
        meter.add(reinterpret_cast<const float*>(map.data), qsizetype(map.size / (2 * sizeof(float))));
        gst_buffer_unmap(buffer, &map);
    }
    if (cancel.isCancelled())
        return UserError{QStringLiteral("已取消"), QStringLiteral("cancelled"), path};
    if (auto error = (*reader)->error())
        return *error;
    LoudnessFigures figures = meter.figures();
    if (blockPeaks) {
        *blockPeaks = meter.blockPeaks();
        if (blockEnergies)
            *blockEnergies = meter.blockEnergies();
        if (blockFrames)
            *blockFrames = meter.blockFrames();
    }
    return figures;
}

} // namespace xz::clips
