#include "cutrules.h"

#include <cmath>

namespace xz::clips::cut {

GstClockTimeDiff ns(double seconds) {
    return GstClockTimeDiff(std::llround(seconds * GST_SECOND));
}

double sec(GstClockTimeDiff nanoseconds) {
    return double(nanoseconds) / GST_SECOND;
}

GstClockTimeDiff aacFrameDuration(GstCaps* caps) {
    gint rate = 0;
    if (caps && gst_caps_get_size(caps) > 0)
        gst_structure_get_int(gst_caps_get_structure(caps, 0), "rate", &rate);
    return rate > 0 ? GstClockTimeDiff(gst_util_uint64_scale_int(1024, GST_SECOND, rate)) : 0;
}

SoundCut::Verdict SoundCut::place(GstClockTimeDiff pts, GstClockTimeDiff duration, GstClockTimeDiff* placed) {
    if (pts + duration / 2 < start_)
        return Verdict::Before;
    if (pts + duration / 2 >= out_)
        return Verdict::After;
    if (shift_ < 0)
        shift_ = pts < start_ ? start_ - pts : 0;
    *placed = pts + shift_;
    return Verdict::Keep;
}

} // namespace xz::clips::cut
