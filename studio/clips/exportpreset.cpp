#include "exportpreset.h"

namespace xz::clips {

const QList<ExportPreset>& ExportPreset::all() {
    // -14 LUFS and -1 dBTP: what short-video platforms normalise to; speech for phones and loudspeakers at
    // -16 LUFS (the usual target for spoken audio), the same ceiling.
    static const QList<ExportPreset> presets = {
        {QStringLiteral("douyin-vertical"),
         Kind::Vertical,
         1080,
         1920,
         -14,
         -1,
         {QStringLiteral("mp4")},
         QStringLiteral("抖音竖屏 1080x1920"),
         QStringLiteral("Douyin vertical 1080x1920")},
        {QStringLiteral("landscape-1080p"),
         Kind::Landscape,
         1920,
         1080,
         -14,
         -1,
         {QStringLiteral("mp4")},
         QStringLiteral("横屏 1920x1080"),
         QStringLiteral("landscape 1920x1080")},
        {QStringLiteral("audio-only"),
         Kind::AudioOnly,
         0,
         0,
         -16,
         -1,
         {QStringLiteral("m4a"), QStringLiteral("mp3")},
         QStringLiteral("仅声音（M4A 或 MP3）"),
         QStringLiteral("audio only (M4A or MP3)")},
    };
    return presets;
}

const ExportPreset* ExportPreset::find(const QString& name) {
    for (const ExportPreset& preset : all())
        if (preset.name == name)
            return &preset;
    return nullptr;
}

QStringList ExportPreset::names() {
    QStringList list;
    for (const ExportPreset& preset : all())
        list << preset.name;
    return list;
}

} // namespace xz::clips
