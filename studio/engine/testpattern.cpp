#include "testpattern.h"

#include <cmath>
#include <obs-module.h>

namespace xz::engine {
namespace {

struct TestPattern {
    uint32_t width = 1280;
    uint32_t height = 720;
    uint32_t tintArgb = 0xff336699;
    float phase = 0.0f; // 0..1: how far the bars have scrolled
};

// SMPTE-like bar colours (ARGB), at 75% so they stay legal in limited range.
constexpr uint32_t kBars[] = {0xffbfbfbf, 0xffbfbf00, 0xff00bfbf, 0xff00bf00,
                              0xffbf00bf, 0xffbf0000, 0xff0000bf};
constexpr int kBarCount = sizeof kBars / sizeof kBars[0];

void drawRect(gs_eparam_t* color, uint32_t argb, float x, float y, uint32_t w, uint32_t h) {
    gs_effect_set_color(color, argb);
    gs_matrix_push();
    gs_matrix_translate3f(x, y, 0.0f);
    gs_draw_sprite(nullptr, 0, w, h);
    gs_matrix_pop();
}

void update(void* data, obs_data_t* settings) {
    auto* pattern = static_cast<TestPattern*>(data);
    pattern->width = static_cast<uint32_t>(obs_data_get_int(settings, "width"));
    pattern->height = static_cast<uint32_t>(obs_data_get_int(settings, "height"));
    pattern->tintArgb = static_cast<uint32_t>(obs_data_get_int(settings, "tint")) | 0xff000000u;
}

void* create(obs_data_t* settings, obs_source_t*) {
    auto* pattern = new TestPattern;
    update(pattern, settings);
    return pattern;
}

void destroy(void* data) {
    delete static_cast<TestPattern*>(data);
}

void defaults(obs_data_t* settings) {
    obs_data_set_default_int(settings, "width", 1280);
    obs_data_set_default_int(settings, "height", 720);
    obs_data_set_default_int(settings, "tint", 0x336699);
}

void tick(void* data, float seconds) {
    auto* pattern = static_cast<TestPattern*>(data);
    pattern->phase = std::fmod(pattern->phase + seconds * 0.125f, 1.0f); // one full scroll every 8 s
}

void render(void* data, gs_effect_t*) {
    auto* pattern = static_cast<TestPattern*>(data);
    gs_effect_t* solid = obs_get_base_effect(OBS_EFFECT_SOLID);
    gs_eparam_t* color = gs_effect_get_param_by_name(solid, "color");
    gs_technique_t* technique = gs_effect_get_technique(solid, "Solid");

    const uint32_t w = pattern->width;
    const uint32_t h = pattern->height;
    const uint32_t barsHeight = h * 2 / 3;
    const uint32_t barWidth = (w + kBarCount - 1) / kBarCount;
    const float offset = pattern->phase * static_cast<float>(w);

    gs_technique_begin(technique);
    gs_technique_begin_pass(technique, 0);
    // Bars scroll right and wrap: draw each bar twice, one canvas-width apart.
    for (int i = 0; i < kBarCount; ++i) {
        const float x = static_cast<float>(i * barWidth) + offset;
        drawRect(color, kBars[i], x, 0.0f, barWidth, barsHeight);
        drawRect(color, kBars[i], x - static_cast<float>(w), 0.0f, barWidth, barsHeight);
    }
    // The lower third carries the camera's own tint so cameras are told apart; the label goes on top of it.
    drawRect(color, pattern->tintArgb, 0.0f, static_cast<float>(barsHeight), w, h - barsHeight);
    gs_technique_end_pass(technique);
    gs_technique_end(technique);
}

uint32_t width(void* data) {
    return static_cast<TestPattern*>(data)->width;
}
uint32_t height(void* data) {
    return static_cast<TestPattern*>(data)->height;
}
const char* name(void*) {
    return "Xiaozhan test pattern";
}

} // namespace

void registerTestPatternSource() {
    obs_source_info info{};
    info.id = kTestPatternSourceId;
    info.type = OBS_SOURCE_TYPE_INPUT;
    info.output_flags = OBS_SOURCE_VIDEO;
    info.get_name = name;
    info.create = create;
    info.destroy = destroy;
    info.update = update;
    info.get_defaults = defaults;
    info.video_tick = tick;
    info.video_render = render;
    info.get_width = width;
    info.get_height = height;
    obs_register_source(&info);
}

} // namespace xz::engine
