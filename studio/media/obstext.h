// libobs text items (FreeType 2 text sources) as every part of the studio makes them: show captions and lower
// thirds, a camera's test-pattern label, a capture source's slate. One place decides the font, the settings
// libobs wants and how colours are written.
#pragma once

#include <QString>
#include <cstdint>
#include <obs.hpp>

namespace xz::media {

inline constexpr const char* kTextSourceId = "text_ft2_source_v2";

struct TextStyle {
    QString face = QStringLiteral("Noto Sans CJK SC"); // bundled CJK font: Chinese never renders as boxes
    QString style = QStringLiteral("Bold");
    int size = 48;
    uint32_t colorAbgr = 0xffffffff; // libobs' 0xAABBGGRR
    bool outline = false;
    bool dropShadow = false;
};

// Settings for a kTextSourceId source showing `text` in `style`.
OBSDataAutoRelease textSettings(const QString& text, const TextStyle& style);

} // namespace xz::media
