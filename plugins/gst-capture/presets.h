// Capture presets a volunteer picks by name instead of writing a GStreamer pipeline. A source's device
// string is either a pipeline description or a preset spec:
//   preset:NAME key=value ...        e.g. preset:srt-listener port=9000
// Presets: usb-camera, microphone, srt-listener, rtmp-pull, media-file, test-pattern.
#pragma once

#include "capturestatus.h"
#include "launchplan.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace xz::capture {

struct PresetInfo {
    QString name;
    QString summaryZh;
    QString summaryEn;
    QStringList keys; // accepted keys; required ones are marked with a trailing '*'
};

// What a device string resolves to: the description the plugin runs and how it treats it.
struct CaptureRecipe {
    QString description;
    MediaKind kind = MediaKind::Video;
    bool loop = false; // end of stream starts it again at once instead of showing the slate (a looped file)
    BranchThreads threads = BranchThreads::Own;
};

const QList<PresetInfo>& presets();
bool isPresetSpec(const QString& device);
// Resolves a pipeline description or a preset spec; a bad preset spec gives a precise, permanent error.
std::optional<CaptureRecipe> resolveDevice(const QString& device, CaptureError* error);

} // namespace xz::capture
