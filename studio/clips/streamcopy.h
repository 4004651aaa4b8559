// A fast trim in one pipeline: demuxer, queue, muxer (a parser between when the demuxer's caps lack what the
// muxer needs). The cut is a key-unit seek of the demuxer
// (it lands on the keyframe at or before the in-point) and a probe on each stream that keeps what falls
// inside it, so no sample crosses into the application and back: the general trimmer's reader and writer
// hand every sample over twice, which made a 60 s cut cost about twice ffmpeg's time. It handles what the
// studio records: Matroska with H.264 whose pictures are stored in order, with AAC sound or none. Anything
// else (MP4, reordered pictures, other sound, a seek that does not land on a keyframe) is handed back to the
// general trimmer before a byte is kept.
#pragma once

#include "canceltoken.h"
#include "clipresult.h"
#include "sourceinfo.h"
#include "trimmer.h"

#include <QString>
#include <optional>

namespace xz::clips {

class OutputFile;

// What a trim copied, in the recording's time (nanoseconds); the trimmer words the result from it.
struct CopiedSpan {
    qint64 frames = 0;
    qint64 firstPts = -1; // the first picture's time
    qint64 lastEnd = -1;  // the end of the last picture
    double audioDurationSec = 0;
    bool audioCopied = false;
    bool endedEarly = false; // the file ended before the out-point
};

class StreamCopy {
public:
    // nullopt: this source needs the general trimmer (nothing was kept; it writes the output file afresh).
    static Result<std::optional<CopiedSpan>> run(const TrimRequest& request, const SourceInfo& source,
                                                 OutputFile& output, const CancelToken& cancel,
                                                 const ProgressFn& progress);
};

} // namespace xz::clips
