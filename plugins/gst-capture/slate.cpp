#include "slate.h"

#include "obstext.h"

#include <algorithm>

namespace xz::capture {
namespace {

void drawRect(gs_eparam_t* color, uint32_t argb, float x, float y, uint32_t w, uint32_t h) {
    gs_effect_set_color(color, argb);
    gs_matrix_push();
    gs_matrix_translate3f(x, y, 0.0f);
    gs_draw_sprite(nullptr, 0, w, h);
    gs_matrix_pop();
}

} // namespace

Slate::Slate(const QString& sourceName) {
    if (!obs_source_get_display_name(media::kTextSourceId))
        return;
    OBSDataAutoRelease settings = obs_data_create();
    text_ = obs_source_create_private(media::kTextSourceId,
                                      (sourceName + QStringLiteral(":slate")).toUtf8().constData(), settings);
}

Slate::~Slate() = default;

void Slate::setText(const QString& text, uint32_t height) {
    if (!text_)
        return;
    media::TextStyle style;
    style.size = static_cast<int>(std::max<uint32_t>(20, height / 14));
    OBSDataAutoRelease settings = media::textSettings(text, style);
    obs_source_update(text_, settings);
}

void Slate::render(uint32_t width, uint32_t height) {
    // The card's colours are sRGB values: written as they are, not encoded again by an sRGB framebuffer.
    const bool previousSrgb = gs_framebuffer_srgb_enabled();
    gs_enable_framebuffer_srgb(false);
    gs_effect_t* solid = obs_get_base_effect(OBS_EFFECT_SOLID);
    gs_eparam_t* color = gs_effect_get_param_by_name(solid, "color");
    gs_technique_t* technique = gs_effect_get_technique(solid, "Solid");
    gs_technique_begin(technique);
    gs_technique_begin_pass(technique, 0);
    drawRect(color, kSlateBackgroundArgb, 0.0f, 0.0f, width, height);
    const uint32_t band = std::max<uint32_t>(4, height / 40);
    drawRect(color, kSlateBandArgb, 0.0f, 0.0f, width, band);
    drawRect(color, kSlateBandArgb, 0.0f, static_cast<float>(height - band), width, band);
    gs_technique_end_pass(technique);
    gs_technique_end(technique);
    gs_enable_framebuffer_srgb(previousSrgb);

    if (!text_)
        return;
    const uint32_t textWidth = obs_source_get_width(text_);
    const uint32_t textHeight = obs_source_get_height(text_);
    if (textWidth == 0 || textHeight == 0)
        return;
    // Centred, shrunk (never grown) to fit: a long failure message must stay readable on a small monitor.
    const float scale = std::min(1.0f, static_cast<float>(width) * 0.8f / static_cast<float>(textWidth));
    gs_matrix_push();
    gs_matrix_translate3f((static_cast<float>(width) - static_cast<float>(textWidth) * scale) / 2.0f,
                          (static_cast<float>(height) - static_cast<float>(textHeight) * scale) / 2.0f, 0.0f);
    gs_matrix_scale3f(scale, scale, 1.0f);
    obs_source_video_render(text_);
    gs_matrix_pop();
}

} // namespace xz::capture
