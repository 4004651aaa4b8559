#include "framemapping.h"

#include <algorithm>
#include <iterator>

namespace xz::capture {

video_format obsFormatFor(GstVideoFormat format) {
    switch (format) {
    case GST_VIDEO_FORMAT_I420:
        return VIDEO_FORMAT_I420;
    case GST_VIDEO_FORMAT_NV12:
        return VIDEO_FORMAT_NV12;
    case GST_VIDEO_FORMAT_YUY2:
        return VIDEO_FORMAT_YUY2;
    case GST_VIDEO_FORMAT_UYVY:
        return VIDEO_FORMAT_UYVY;
    case GST_VIDEO_FORMAT_YVYU:
        return VIDEO_FORMAT_YVYU;
    case GST_VIDEO_FORMAT_BGRA:
        return VIDEO_FORMAT_BGRA;
    case GST_VIDEO_FORMAT_BGRx:
        return VIDEO_FORMAT_BGRX;
    case GST_VIDEO_FORMAT_RGBA:
        return VIDEO_FORMAT_RGBA;
    case GST_VIDEO_FORMAT_Y42B:
        return VIDEO_FORMAT_I422;
    case GST_VIDEO_FORMAT_Y444:
        return VIDEO_FORMAT_I444;
    case GST_VIDEO_FORMAT_GRAY8:
        return VIDEO_FORMAT_Y800;
    // 10-bit phones and HDMI grabbers: libobs converts these on the GPU, cheaper than videoconvert on the
    // CPU.
    case GST_VIDEO_FORMAT_I420_10LE:
        return VIDEO_FORMAT_I010;
    case GST_VIDEO_FORMAT_P010_10LE:
        return VIDEO_FORMAT_P010;
    case GST_VIDEO_FORMAT_I422_10LE:
        return VIDEO_FORMAT_I210;
    default:
        return VIDEO_FORMAT_NONE;
    }
}

std::optional<FrameLayout> frameLayoutFor(const GstVideoInfo& info) {
    FrameLayout layout;
    layout.format = obsFormatFor(GST_VIDEO_INFO_FORMAT(&info));
    if (layout.format == VIDEO_FORMAT_NONE)
        return std::nullopt;
    if (!GST_VIDEO_INFO_IS_YUV(&info)) {
        // libobs treats RGB frames as full range and ignores the matrix.
        layout.fullRange = true;
        std::fill(std::begin(layout.rangeMax), std::end(layout.rangeMax), 1.0f);
        layout.colorMatrix[0] = layout.colorMatrix[5] = layout.colorMatrix[10] = layout.colorMatrix[15] =
            1.0f;
        return layout;
    }
    const GstVideoColorimetry& colour = info.colorimetry;
    // Cameras that say nothing are BT.601 at SD sizes and BT.709 above, as GStreamer itself assumes.
    video_colorspace space = info.height >= 720 ? VIDEO_CS_709 : VIDEO_CS_601;
    if (colour.matrix == GST_VIDEO_COLOR_MATRIX_BT601 || colour.matrix == GST_VIDEO_COLOR_MATRIX_SMPTE240M ||
        colour.matrix == GST_VIDEO_COLOR_MATRIX_FCC)
        space = VIDEO_CS_601;
    else if (colour.matrix == GST_VIDEO_COLOR_MATRIX_BT709 || colour.matrix == GST_VIDEO_COLOR_MATRIX_BT2020)
        space = VIDEO_CS_709; // BT.2020 SDR is rare from these cameras; 709 is the close, safe choice
    const video_range_type range =
        colour.range == GST_VIDEO_COLOR_RANGE_0_255 ? VIDEO_RANGE_FULL : VIDEO_RANGE_PARTIAL;
    layout.fullRange = range == VIDEO_RANGE_FULL;
    if (!video_format_get_parameters_for_format(space, range, layout.format, layout.colorMatrix,
                                                layout.rangeMin, layout.rangeMax))
        return std::nullopt;
    return layout;
}

} // namespace xz::capture
