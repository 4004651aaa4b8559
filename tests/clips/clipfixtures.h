// Test media made with GStreamer for the clips suites: every picture carries its frame number as a bar code
// (16 columns, black = 0, white = 1) that survives H.264 and is read back from ffmpeg's decode; a flash (the
// lower half turns white) goes with a beep on the same frame for A/V sync; a steady tone at a known level for
// loudness. Also the independent checks: ffmpeg decodes, ffprobe reads, ffmpeg's ebur128 filter measures.
#pragma once

#include <QList>
#include <QString>
#include <QVector>

namespace xz::testing {

struct ClipSpec {
    enum class Container { Mkv = 1, Mp4 };
    enum class Audio { None = 1, Tone, Beeps };
    Container container = Container::Mkv;
    int width = 320;
    int height = 180;
    int fps = 30;
    int frames = 300;
    int keyInterval = 60; // frames
    int bframes = 0;
    bool tenBit = false;
    bool variableRate = false; // steps alternate 25 ms and 41.7 ms (a phone's timing, 30 fps on average)
    Audio audio = Audio::Tone;
    double toneDbfs = -20;  // peak of the tone
    QList<int> flashFrames; // with Audio::Beeps: a 1 kHz beep starts at each of these frames
    double bedDbfs = -200;  // with Audio::Beeps: a steady 440 Hz tone under the beeps (-200: silence)
    QString profile = QStringLiteral("main");
};

// Writes the clip; returns an empty string or what went wrong.
QString makeClip(const QString& path, const ClipSpec& spec);

// The frame numbers of every decoded picture, in presentation order (-1 where the bar code is unreadable).
QList<int> decodeFrameNumbers(const QString& path, int width, int height);
// Times (s) of the pictures whose lower half is lit.
QList<double> flashTimes(const QString& path, int width, int height);
// Mono 48 kHz samples as ffmpeg decodes them.
QVector<float> decodeAudio(const QString& path);
// Times (s) where a beep starts (after at least 0.2 s of quiet).
QList<double> beepTimes(const QVector<float>& samples);

struct Loudness {
    double integratedLufs = 0;
    double truePeakDbtp = 0;
    bool ok = false;
};
// ffmpeg's own EBU R128 measurement (an independent check of the studio's libebur128 figures).
Loudness ffmpegLoudness(const QString& path);

// Presentation times (s) of the decoded pictures, in presentation order (ffprobe).
QList<double> frameTimes(const QString& path);

// Packet flags from ffprobe: true for keyframes, in decode order.
QList<bool> videoKeyframes(const QString& path);

} // namespace xz::testing
