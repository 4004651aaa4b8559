// What an independent tool (ffprobe/ffmpeg) says about a media file the studio wrote.
#pragma once

#include <QList>
#include <QString>

namespace xz::testing {

struct MediaInfo {
    bool readable = false;
    double durationSec = 0; // container duration (0 if the container has none, e.g. after a crash)
    int width = 0;
    int height = 0;
    double fps = 0;
    bool hasVideo = false;
    bool hasAudio = false;
    QString error;
};

MediaInfo probeMedia(const QString& path);
// Decodes the whole video stream and returns the timestamp of the last decodable frame, in seconds.
double decodableSeconds(const QString& path);
// Presentation times of all video packets, in seconds, in decode order.
QList<double> videoPacketTimes(const QString& path);

} // namespace xz::testing
