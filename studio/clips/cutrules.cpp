#include "cutrules.h"

#include <algorithm>
#include <cmath>

namespace xz::clips::cut {

QString muxerFor(const QString& extension, IndexPlacement placement) {
    if (extension == QLatin1String("mkv"))
        return QStringLiteral("matroskamux name=mux writing-app=xiaozhan");
    return placement == IndexPlacement::Reserved ? QStringLiteral("mp4mux name=mux")
                                                 : QStringLiteral("mp4mux name=mux faststart=true");
}

void reserveIndex(GstElement* mux, GstClockTimeDiff duration, double samplesPerSec) {
    // Pictures stored in order cost the index at most 16 bytes each (size 4, time 8 when every duration
    // differs, as Matroska's millisecond times make them, 4 more when every one is a keyframe), and each
    // stream's quarter-second chunks 20 bytes each. The muxer keeps this room twice (it could rewrite the
    // index while recording), so a 60 s clip at 30 pictures and 47 sound frames a second wastes about
    // 180 KB of its 19 MB against a second pass over the whole file.
    // (The property stops at 10000 bytes, 617 samples a second; beyond that the muxer may run out of room,
    // and the caller starts over with the second pass.)
    const guint bytesPerSec = guint(std::min(std::ceil(samplesPerSec) * 16 + 128, 10000.0));
    g_object_set(mux, "reserved-bytes-per-sec", bytesPerSec, "reserved-max-duration", guint64(duration),
                 nullptr);
}

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
