// Cutting a stretch out of a recording without re-encoding what need not be. Fast: stream copy from the
// keyframe at or before the in-point (it says where it landed). Exact: frame-exact, in inclusive and out
// exclusive; only the pictures between the in-point and the next IDR are re-encoded (matching the source's
// size, rate and profile, under their own parameter-set ids), everything after is copied, timestamps run on
// without a seam, and the audio is copied frame by frame from the same instants. Sources that cannot be cut
// that way (B-frames, 10-bit or 4:2:2, variable frame rate, open GOPs) are re-encoded whole, with a note.
#pragma once

#include "canceltoken.h"
#include "clipnote.h"
#include "clipresult.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace xz::clips {

struct TrimRequest {
    QString input;
    QString output; // .mp4, .mov, .m4v or .mkv
    double inSec = 0;
    double outSec = -1; // < 0: to the end
    bool exact = false;
    bool overwrite = false;
    // Re-encode the whole clip even when a smart cut is possible (the benchmark's reference).
    bool alwaysReencode = false;
};

struct TrimResult {
    enum class Method { StreamCopy = 1, SmartCut, Reencode };
    QString output;
    double requestedIn = 0;
    double requestedOut = 0;
    double actualIn = 0;  // in the recording's time
    double actualOut = 0; // exclusive
    qint64 frames = 0;
    qint64 reencodedFrames = 0;
    double durationSec = 0;      // video
    double audioDurationSec = 0; // 0 without audio
    Method method = Method::StreamCopy;
    QList<ClipNote> notes;

    static QString methodName(Method method);
    QJsonObject toJson() const;
};

// Called from worker threads with the share done so far (0..1).
using ProgressFn = std::function<void(double)>;

class Trimmer {
public:
    static Result<TrimResult> trim(const TrimRequest& request, const CancelToken& cancel,
                                   const ProgressFn& progress = {});
};

} // namespace xz::clips
