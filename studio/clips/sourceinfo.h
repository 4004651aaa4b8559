// What a recording or a phone clip holds, learnt before any work starts (demuxed and parsed, never decoded):
// container, duration, the first video and audio stream and their parameters. Turns missing, empty, damaged
// and unsupported files into one clear error naming the file, so trim and export never start on them.
#pragma once

#include "clipresult.h"

#include <QString>
#include <gst/gst.h>

namespace xz::clips {

struct SourceInfo {
    QString path;
    QString container;      // "matroska", "mp4" (also .mov/.m4a), or the caps name of anything else
    double durationSec = 0; // 0 when the file does not say (e.g. a recording cut short by a crash)
    bool hasVideo = false;
    QString videoCodec; // "h264", "h265", ... (the caps name without "video/x-")
    int width = 0;
    int height = 0;
    int fpsNum = 0; // 0/1 when the container calls the rate variable or unknown
    int fpsDen = 1;
    QString profile;  // H.264 profile as GStreamer names it ("main", "high", "high-10", ...)
    int bitDepth = 8; // luma bit depth
    QString chromaFormat = QStringLiteral("4:2:0");
    bool hasAudio = false;
    QString audioCodec; // "aac", "mp3", "opus", ...
    int audioRate = 0;
    int audioChannels = 0;

    double frameDurationSec() const { return fpsNum > 0 ? double(fpsDen) / fpsNum : 1.0 / 30; }
};

// A stream's codec as SourceInfo names it ("h264", "aac", "mp3", ...; empty for no caps).
QString codecName(GstCaps* caps);

class SourceProbe {
public:
    static Result<SourceInfo> probe(const QString& path);
};

} // namespace xz::clips
