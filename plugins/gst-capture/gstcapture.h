// The capture plugin as the engine sees it: register the source type once after libobs starts, create
// sources of kGstCaptureSourceId with a "device" setting (a pipeline description or a preset spec), and read
// their state. State changes are also emitted as the libobs signal
//   void capture_state(ptr source, int state, string message)
// on the source's signal handler, from a capture thread: receivers hop to their own thread.
#pragma once

#include "capturepipeline.h"
#include "capturestatus.h"

#include <functional>
#include <optional>

struct obs_source;
typedef struct obs_source obs_source_t;

namespace xz::capture {

inline constexpr const char* kGstCaptureSourceId = "xz_gst_capture";

// Settings of a kGstCaptureSourceId source.
inline constexpr const char* kSettingDevice = "device"; // pipeline description or "preset:NAME key=value ..."
inline constexpr const char* kSettingAudio =
    "audio"; // the description's open end carries audio (a microphone)
inline constexpr const char* kSettingLabel = "label"; // shown on the slate
inline constexpr const char* kSettingWidth = "width"; // size the picture is fitted into (0: the video's own)
inline constexpr const char* kSettingHeight = "height";
inline constexpr const char* kSettingStallMs = "stall_ms"; // no data this long while live = signal lost
// Waits between restarts: the first, doubling up to the maximum. A device plugged in cuts any wait short.
inline constexpr const char* kSettingRetryFirstMs = "retry_first_ms";
inline constexpr const char* kSettingRetryMaxMs = "retry_max_ms";

void registerGstCaptureSource();

// Null when `source` is not a capture source (or is being destroyed).
std::optional<CaptureStatus> captureStatus(obs_source_t* source);
// Called for every buffer on a streaming thread (tests and the benchmark); empty function to remove.
bool setBufferProbe(obs_source_t* source, std::function<void(const BufferProbe&)> probe);
// True once GStreamer's SRT elements ran in this process. Debian 12 then holds two builds of libsrt (gnutls
// via GStreamer and libavformat, openssl via obs-ffmpeg) whose static destructors free the same objects twice
// at exit (SIGSEGV after main returns): such a process should flush and _exit() once its work is done.
bool srtLibraryInUse();

// Parses a device string without running it, for a precise error before the show starts.
std::optional<CaptureError> checkDevice(const QString& device, bool audio = false);

} // namespace xz::capture
