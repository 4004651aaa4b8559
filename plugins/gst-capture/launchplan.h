// Turns a user's pipeline description (which ends where the plugin's own sinks attach) into the full
// gst-launch description with the plugin's appsinks. Pure string work, testable without GStreamer running.
//
// Two forms are accepted:
//  - a single branch left open at the end: "v4l2src device=/dev/video0" (video) or "pulsesrc" (audio);
//    the plugin appends its video (or, for audio sources, audio) sink;
//  - branches that name the plugin's sinks explicitly with `vsink.` and `asink.`, for sources with both:
//    "uridecodebin uri=file:///a.mp4 name=d  d. ! vsink.  d. ! asink."
#pragma once

#include "capturestatus.h"

#include <QString>
#include <optional>

namespace xz::capture {

enum class MediaKind {
    Video = 1, // the open end carries video
    Audio,     // the open end carries audio (a microphone)
};

struct LaunchPlan {
    QString description; // what gst_parse_launch receives
    bool video = false;  // the plugin's video appsink is part of it
    bool audio = false;  // the plugin's audio appsink is part of it
};

inline constexpr const char* kVideoSinkName = "xz_video";
inline constexpr const char* kAudioSinkName = "xz_audio";

// Whether the plugin puts a queue (a streaming thread of its own) in front of each of its sinks. Live
// sources need one: it drops stale buffers instead of holding the device back. A description whose
// branches already run on their own threads (decodebin's multiqueue) can do without that extra hop.
enum class BranchThreads {
    Own = 1,
    FromDescription,
};

std::optional<LaunchPlan> planLaunch(const QString& userDescription, MediaKind kind, CaptureError* error,
                                     BranchThreads threads = BranchThreads::Own);

} // namespace xz::capture
