#include "frametap.h"

#include <obs.h>

namespace xz::engine {

FrameTap::FrameTap(int width, int height, Observer observer)
    : width_(width), height_(height), observer_(std::move(observer)) {
    video_scale_info conversion{};
    conversion.format = VIDEO_FORMAT_RGBA;
    conversion.width = static_cast<uint32_t>(width);
    conversion.height = static_cast<uint32_t>(height);
    conversion.range = VIDEO_RANGE_FULL;
    conversion.colorspace = VIDEO_CS_709;
    obs_add_raw_video_callback(&conversion, onFrame, this);
}

FrameTap::~FrameTap() {
    // Removal takes the video output's lock, so no callback is running once this returns.
    obs_remove_raw_video_callback(onFrame, this);
}

TappedFrame FrameTap::latest() const {
    QMutexLocker lock(&mutex_);
    return latest_;
}

void FrameTap::onFrame(void* param, video_data* frame) {
    auto* tap = static_cast<FrameTap*>(param);
    QImage image(tap->width_, tap->height_, QImage::Format_RGBA8888);
    for (int y = 0; y < tap->height_; ++y)
        memcpy(image.scanLine(y), frame->data[0] + static_cast<size_t>(y) * frame->linesize[0],
               static_cast<size_t>(tap->width_) * 4);
    TappedFrame tapped;
    {
        QMutexLocker lock(&tap->mutex_);
        tap->latest_.image = image;
        tap->latest_.timestampNs = frame->timestamp;
        ++tap->latest_.sequence;
        tapped = tap->latest_;
    }
    if (tap->observer_)
        tap->observer_(tapped);
}

} // namespace xz::engine
