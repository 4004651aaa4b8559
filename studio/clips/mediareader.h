// Reads one media file as separate streams of samples the studio can act on buffer by buffer: the first video
// and the first audio stream, each either as parsed compressed access units (for stream copy) or decoded and
// converted by a chain the caller names (for re-encoding, thumbnails, loudness and waveforms). Streams not
// asked for are parsed and thrown away, never decoded. Each stream has its own thread and a generous queue
// of compressed data, so a file whose audio and video are muxed far apart cannot stall the other stream.
#pragma once

#include "canceltoken.h"
#include "clipresult.h"
#include "gstpipeline.h"

#include <QString>
#include <memory>

namespace xz::clips {

struct ReaderStream {
    enum class Mode { Off = 1, Compressed, Decoded };
    Mode mode = Mode::Off;
    // Compressed: elements after the parser (ending in the caps wanted). Decoded: elements after the decoder.
    QString chain;
};

class MediaReader {
public:
    enum class Stream { Video = 1, Audio };

    // Opens the file and prerolls (paused at the start). Ask only for streams the file has (SourceInfo): the
    // reader waits until each one asked for is linked.
    static Result<std::unique_ptr<MediaReader>> open(const QString& path, ReaderStream video,
                                                     ReaderStream audio);
    ~MediaReader();

    bool has(Stream stream) const;
    // A flushing seek (the reader is paused or playing); stopSec < 0 reads to the end.
    std::optional<UserError> seek(double startSec, double stopSec, GstSeekFlags flags);
    std::optional<UserError> play();

    // The next sample of a stream, waiting for it; null at the end of the stream, on error or cancellation
    // (then error() or the token says which).
    gst::SamplePtr pull(Stream stream, const CancelToken& cancel);
    // Paused reading: the one sample a stream prerolled after the last seek (thumbnails decode just that).
    gst::SamplePtr preroll(Stream stream);
    std::optional<UserError> error();

private:
    struct Branch;
    explicit MediaReader(std::unique_ptr<GstPipeline> pipeline);
    static void onPadAdded(GstElement*, GstPad* pad, gpointer self);
    static gst::SamplePtr inStreamTime(gst::SamplePtr sample);

    std::unique_ptr<GstPipeline> pipeline_;
    QString path_;
    std::unique_ptr<Branch> video_;
    std::unique_ptr<Branch> audio_;
};

} // namespace xz::clips
