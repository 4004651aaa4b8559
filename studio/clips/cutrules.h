// What every cut agrees on, the one-pipeline stream copy and the general trimmer alike, so both land on the
// same pictures and the same sound: times in nanoseconds, compared to the half millisecond (Matroska stores
// milliseconds, so 2.5 s and frame 75 of a 30 fps recording are the same instant), whole AAC frames chosen by
// their midpoints, and the queue that bridges a file's interleaving.
#pragma once

#include <gst/gst.h>
#include <limits>
#include <optional>

namespace xz::clips::cut {

constexpr GstClockTimeDiff kEpsilon = GST_MSECOND / 2;
constexpr GstClockTimeDiff kForever = std::numeric_limits<GstClockTimeDiff>::max() / 4;

// Enough compressed data per stream to bridge any sane interleaving (10 s), without a limit in buffers or
// bytes.
constexpr const char* kInterleaveQueue =
    "queue max-size-time=10000000000 max-size-bytes=0 max-size-buffers=0";

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
