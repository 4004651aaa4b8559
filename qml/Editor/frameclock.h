// The recording's frame grid. Every playhead, in and out point the editor sets sits on a frame boundary
// (first picture's time + k / fps), so what the editor sees is exactly what the frame-exact trim cuts (in
// inclusive, out exclusive); stepping moves whole frames (or one second, landing on a frame); times read as
// HH:MM:SS.mmm.
#pragma once

#include <QString>
#include <QtGlobal>

namespace xz::ui {

class FrameClock {
public:
    FrameClock() = default;
    // fpsNum 0 (a variable or unknown rate): a 30 fps grid. Pictures from `firstSec` until `endSec`.
    FrameClock(int fpsNum, int fpsDen, double firstSec, double endSec);

    double fps() const { return double(num_) / den_; }
    double frameDuration() const { return double(den_) / num_; }
    double durationSec() const { return durationSec_; }
    // Pictures in the recording; the last one starts at timeOf(frameCount() - 1).
    qint64 frameCount() const { return frames_; }
    double timeOf(qint64 frame) const { return first_ + double(frame) * den_ / num_; }
    // The boundary nearest to `sec`, as a frame number, within [0, frameCount()].
    qint64 nearestFrame(double sec) const;
    // A picture's start: nearest boundary within [0, frameCount() - 1] (the playhead, the in-point).
    double snapToPicture(double sec) const;
    // A cut's end: nearest boundary within [1, frameCount()] (the out-point, exclusive).
    double snapToEnd(double sec) const;
    // `frames` pictures on from the picture at `sec` (negative: back), kept inside the recording.
    double stepFrames(double sec, qint64 frames) const;
    double stepSeconds(double sec, double seconds) const;

    static QString format(double sec); // "00:01:02.500"

private:
    int num_ = 30;
    int den_ = 1;
    double first_ = 0;
    double durationSec_ = 0;
    qint64 frames_ = 0;
};

} // namespace xz::ui
