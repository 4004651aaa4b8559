// What every cut agrees on, the one-pipeline stream copy and the general trimmer alike, so both land on the
// same pictures and the same sound: times in nanoseconds, compared to the half millisecond (Matroska stores
// milliseconds, so 2.5 s and frame 75 of a 30 fps recording are the same instant), whole AAC frames chosen by
// their midpoints, and the queue that bridges a file's interleaving.
#pragma once

#include <QString>
#include <gst/gst.h>
#include <limits>
#include <optional>

namespace xz::clips::cut {

constexpr GstClockTimeDiff kEpsilon = GST_MSECOND / 2;
constexpr GstClockTimeDiff kForever = std::numeric_limits<GstClockTimeDiff>::max() / 4;

// Enough compressed data per stream to bridge any sane interleaving, without a limit in buffers or bytes:
// as a queue, or held at an aggregating muxer's pads (its latency).
constexpr GstClockTime kInterleaveSpan = 10 * GST_SECOND;
constexpr const char* kInterleaveQueue =
    "queue max-size-time=10000000000 max-size-bytes=0 max-size-buffers=0";
static_assert(kInterleaveSpan == 10000000000, "kInterleaveQueue says the same span");

// Where an MP4's index goes. First either way (a web player starts before the whole file is there): written
// after the samples into a second pass over the file (faststart), or into room kept for it at the start,
// which the caller sizes with reserveIndex before the first sample reaches the muxer.
enum class IndexPlacement { SecondPass, Reserved };

// The muxer (named "mux") for an output file's extension: Matroska for .mkv, MP4 otherwise.
QString muxerFor(const QString& extension, IndexPlacement placement = IndexPlacement::SecondPass);

// Keeps room at the start of an MP4 for the index of `duration` of streams showing at most `samplesPerSec`
// samples a second each (the muxer fails if the index outgrows it, so both are upper bounds).
void reserveIndex(GstElement* mux, GstClockTimeDiff duration, double samplesPerSec);

GstClockTimeDiff ns(double seconds);
double sec(GstClockTimeDiff nanoseconds);

// The length of one AAC frame (1024 samples) at the rate the caps give; 0 when they give none.
GstClockTimeDiff aacFrameDuration(GstCaps* caps);

// The sound of a cut from `start` to `out` (exclusive): whole AAC frames nearest to the two instants (never
// more than half a frame off), all moved by the amount that puts the first one on `start` when it begins a
// little early.
class SoundCut {
public:
    enum class Verdict { Before, Keep, After };
    SoundCut(GstClockTimeDiff start, GstClockTimeDiff out) : start_(start), out_(out) {}
    // For a frame at `pts` lasting `duration`: where it falls; for a kept frame `*placed` is its new time.
    Verdict place(GstClockTimeDiff pts, GstClockTimeDiff duration, GstClockTimeDiff* placed);

private:
    GstClockTimeDiff start_;
    GstClockTimeDiff out_;
    GstClockTimeDiff shift_ = -1;
};

} // namespace xz::clips::cut
