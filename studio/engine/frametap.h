// Copies program frames (channel 0, after compositing) at a small size in RGBA, for monitors, tests and the
// take-latency benchmark. libobs calls back on its video thread: this class only fills a mutex-guarded
// buffer there and calls an optional plain-function observer, never a QObject.
#pragma once

#include <QImage>
#include <QMutex>
#include <cstdint>
#include <functional>

struct video_data;

namespace xz::engine {

struct TappedFrame {
    QImage image;             // RGBA8888 at the tap's size
    uint64_t timestampNs = 0; // libobs render time of the frame
    uint64_t sequence = 0;    // frames seen since the tap started
};

class FrameTap {
public:
    // Called on the video thread for every frame, after the buffer is updated. Must be quick and thread-safe.
    using Observer = std::function<void(const TappedFrame&)>;

    FrameTap(int width, int height, Observer observer = {});
    ~FrameTap();

    FrameTap(const FrameTap&) = delete;
    FrameTap& operator=(const FrameTap&) = delete;

    TappedFrame latest() const;

private:
    static void onFrame(void* param, video_data* frame);

    int width_;
    int height_;
    Observer observer_;
    mutable QMutex mutex_;
    TappedFrame latest_;
};

} // namespace xz::engine
