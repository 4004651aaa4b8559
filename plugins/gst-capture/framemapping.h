// How a negotiated GStreamer raw format maps to libobs: the pixel format and the colour matrix and range
// (so a full-range or BT.601 camera is not shown washed out or with shifted colours).
#pragma once

#include <gst/video/video.h>
#include <obs.h>
#include <optional>

namespace xz::capture {

struct FrameLayout {
    video_format format = VIDEO_FORMAT_NONE;
    bool fullRange = false;
    float colorMatrix[16] = {};
    float rangeMin[3] = {};
    float rangeMax[3] = {};
};

video_format obsFormatFor(GstVideoFormat format);
// Fails for formats libobs cannot show (the appsink caps never let them through; this is the second guard).
std::optional<FrameLayout> frameLayoutFor(const GstVideoInfo& info);

} // namespace xz::capture
