// Small live pictures for the control surface: the program, any scene that is not on air (the preview), and
// scene-button thumbnails, without a native window. Drawn on libobs' graphics thread at the start of each
// frame, only for what someone watches (nothing at all when no one does):
//  - the program is the canvas libobs has just composited (its render texture), scaled down: it costs one
//    small draw, nothing is rendered twice;
//  - a scene is rendered straight into a small target, so it costs a fraction of a full-size render;
//  - each picture is read back in BGRA (QImage::Format_RGB32) on the next tick, so the GPU never waits and
//    the program picture reaches its watcher about when the outputs get the same frame.
// Pictures are handed to each watcher's sink on the graphics thread: sinks must only copy and return.
#pragma once

#include <QImage>
#include <QSize>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <obs.hpp>
#include <vector>

struct gs_texture_render;
struct gs_stage_surface;

namespace xz::engine {

class MonitorHub {
public:
    using Sink = std::function<void(const QImage& frame)>;
    using FeedId = int;

    MonitorHub();
    ~MonitorHub();
    MonitorHub(const MonitorHub&) = delete;
    MonitorHub& operator=(const MonitorHub&) = delete;

    // The program picture at `size`, every `everyNthFrame` rendered frames.
    FeedId watchProgram(QSize size, int everyNthFrame, Sink sink);
    // A scene (or any source) at `size`; retarget() moves the feed to another one (the preview changing).
    FeedId watchSource(obs_source_t* source, QSize size, int everyNthFrame, Sink sink);
    void retarget(FeedId feed, obs_source_t* source);
    // After this returns the sink is never called again.
    void unwatch(FeedId feed);
    int feedCount() const;

private:
    struct Gpu;
    struct Feed {
        bool program = false;
        OBSSource source; // held while watched
        QSize size;
        int everyNth = 1;
        int phase = 0;
        Sink sink;
        std::unique_ptr<Gpu> gpu;
    };

    static void onTick(void* param, float seconds);
    void drawFeeds();
    void handOver(Feed& feed); // the copy drawn on the previous tick, to the sink
    void draw(Feed& feed, uint32_t baseWidth, uint32_t baseHeight);
    void releaseGpu(std::unique_ptr<Gpu> gpu); // under mutex_; freed on the graphics thread

    mutable std::mutex mutex_;
    std::map<FeedId, Feed> feeds_;
    std::vector<std::unique_ptr<Gpu>> retired_;
    FeedId nextId_ = 1;
    uint64_t frame_ = 0;
};

} // namespace xz::engine
