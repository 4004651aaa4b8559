#include "monitorhub.h"

#include <obs.h>

namespace xz::engine {

// What one feed needs on the GPU: a small target to draw into, and a staging surface its copy goes to. The
// copy is read on the next tick, whatever the feed's rate: by then libobs has flushed a whole frame, so the
// read does not wait for the GPU, and the picture is never held longer than one frame.
struct MonitorHub::Gpu {
    gs_texrender_t* target = nullptr;
    gs_stagesurf_t* stage = nullptr;
    bool pending = false; // a copy is in the stage and not handed over yet
    uint32_t width = 0;
    uint32_t height = 0;

    ~Gpu() {
        gs_texrender_destroy(target);
        gs_stagesurface_destroy(stage);
    }
};

MonitorHub::MonitorHub() {
    obs_add_tick_callback(onTick, this);
}

MonitorHub::~MonitorHub() {
    // Once removed (under libobs' callback lock) the graphics thread never calls onTick again.
    obs_remove_tick_callback(onTick, this);
    std::lock_guard lock(mutex_);
    obs_enter_graphics();
    for (auto& [id, feed] : feeds_)
        feed.gpu.reset();
    retired_.clear();
    obs_leave_graphics();
    for (auto& [id, feed] : feeds_)
        if (feed.source)
            obs_source_dec_showing(feed.source);
}

MonitorHub::FeedId MonitorHub::watchProgram(QSize size, int everyNthFrame, Sink sink) {
    std::lock_guard lock(mutex_);
    const FeedId id = nextId_++;
    Feed& feed = feeds_[id];
    feed.program = true;
    feed.size = size;
    feed.everyNth = std::max(1, everyNthFrame);
    feed.phase = id % feed.everyNth; // feeds of the same rate take turns, not the same frame
    feed.sink = std::move(sink);
    return id;
}

MonitorHub::FeedId MonitorHub::watchSource(obs_source_t* source, QSize size, int everyNthFrame, Sink sink) {
    // A scene someone looks at is "showing" (as OBS's preview is): media in it plays, cameras open.
    if (source)
        obs_source_inc_showing(source);
    std::lock_guard lock(mutex_);
    const FeedId id = nextId_++;
    Feed& feed = feeds_[id];
    feed.source = source;
    feed.size = size;
    feed.everyNth = std::max(1, everyNthFrame);
    feed.phase = id % feed.everyNth;
    feed.sink = std::move(sink);
    return id;
}

void MonitorHub::retarget(FeedId id, obs_source_t* source) {
    OBSSource previous;
    {
        std::lock_guard lock(mutex_);
        const auto it = feeds_.find(id);
        if (it == feeds_.end() || it->second.program || it->second.source.Get() == source)
            return;
        previous = it->second.source;
        it->second.source = source;
    }
    if (source)
        obs_source_inc_showing(source);
    if (previous)
        obs_source_dec_showing(previous);
}

void MonitorHub::unwatch(FeedId id) {
    OBSSource previous;
    {
        std::lock_guard lock(mutex_);
        const auto it = feeds_.find(id);
        if (it == feeds_.end())
            return;
        previous = it->second.source;
        releaseGpu(std::move(it->second.gpu));
        feeds_.erase(it);
    }
    if (previous)
        obs_source_dec_showing(previous);
}

int MonitorHub::feedCount() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(feeds_.size());
}

void MonitorHub::releaseGpu(std::unique_ptr<Gpu> gpu) {
    if (gpu)
        retired_.push_back(std::move(gpu));
}

void MonitorHub::onTick(void* param, float) {
    static_cast<MonitorHub*>(param)->drawFeeds();
}

void MonitorHub::drawFeeds() {
    std::lock_guard lock(mutex_);
    ++frame_;
    if (feeds_.empty() && retired_.empty())
        return; // nobody watches: no graphics work at all
    obs_video_info video{};
    if (!obs_get_video_info(&video))
        return;
    obs_enter_graphics();
    retired_.clear();
    for (auto& [id, feed] : feeds_) {
        handOver(feed);
        if (static_cast<int>(frame_ % static_cast<uint64_t>(feed.everyNth)) == feed.phase % feed.everyNth)
            draw(feed, video.base_width, video.base_height);
    }
    obs_leave_graphics();
}

void MonitorHub::handOver(Feed& feed) {
    if (!feed.gpu || !feed.gpu->pending)
        return;
    Gpu& gpu = *feed.gpu;
    gpu.pending = false;
    uint8_t* data = nullptr;
    uint32_t lineSize = 0;
    if (!gs_stagesurface_map(gpu.stage, &data, &lineSize))
        return;
    QImage frame(static_cast<int>(gpu.width), static_cast<int>(gpu.height), QImage::Format_RGB32);
    for (uint32_t y = 0; y < gpu.height; ++y)
        memcpy(frame.scanLine(static_cast<int>(y)), data + static_cast<size_t>(y) * lineSize,
               static_cast<size_t>(gpu.width) * 4);
    gs_stagesurface_unmap(gpu.stage);
    feed.sink(frame);
}

void MonitorHub::draw(Feed& feed, uint32_t baseWidth, uint32_t baseHeight) {
    const auto width = static_cast<uint32_t>(feed.size.width());
    const auto height = static_cast<uint32_t>(feed.size.height());
    if (!feed.gpu || feed.gpu->width != width || feed.gpu->height != height) {
        feed.gpu = std::make_unique<Gpu>();
        feed.gpu->target = gs_texrender_create(GS_BGRA, GS_ZS_NONE);
        feed.gpu->stage = gs_stagesurface_create(width, height, GS_BGRA);
        feed.gpu->width = width;
        feed.gpu->height = height;
    }
    Gpu& gpu = *feed.gpu;

    // The canvas (or the scene) mapped onto the small target. At the start of a frame libobs' render texture
    // still holds the frame it composited last: the one it reads back for the outputs during this frame.
    gs_texrender_reset(gpu.target);
    if (!gs_texrender_begin_with_color_space(gpu.target, width, height, GS_CS_SRGB))
        return;
    vec4 black;
    vec4_zero(&black);
    gs_clear(GS_CLEAR_COLOR, &black, 0.0f, 0);
    gs_ortho(0.0f, static_cast<float>(baseWidth), 0.0f, static_cast<float>(baseHeight), -100.0f, 100.0f);
    gs_blend_state_push();
    gs_blend_function(GS_BLEND_ONE, GS_BLEND_INVSRCALPHA);
    if (feed.program)
        obs_render_main_texture_src_color_only();
    else if (feed.source)
        obs_source_video_render(feed.source);
    gs_blend_state_pop();
    gs_texrender_end(gpu.target);
    gs_stage_texture(gpu.stage, gs_texrender_get_texture(gpu.target));
    gpu.pending = true;
}

} // namespace xz::engine
