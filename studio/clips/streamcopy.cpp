#include "streamcopy.h"

#include "clipslog.h"
#include "cutrules.h"
#include "gstpipeline.h"
#include "outputfile.h"

#include <QFileInfo>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <gst/base/gstaggregator.h>
#include <mutex>
#include <vector>

namespace xz::clips {
namespace {

using cut::kEpsilon;
using cut::kForever;
using cut::ns;

// How long the copy may see nothing at all before it counts as stuck.
constexpr qint64 kStallMs = 5000;

struct Stream {
    gst::PadPtr pad; // the demuxer's
    gulong block = 0;
    bool video = false;
    bool audio = false;
};

// Shared between the application thread and the demuxer's streaming thread.
struct CopyState {
    GstClockTimeDiff in = 0;
    GstClockTimeDiff out = kForever;
    GstClockTimeDiff frameNs = 0;
    ProgressFn progress;
    // An MP4's muxer, which keeps room for the index at the start once the seek says where the clip begins;
    // the clip ends by `end` at the latest, and no stream has more than `samplesPerSec` samples a second.
    GstElement* indexMux = nullptr;
    GstClockTimeDiff end = kForever;
    double samplesPerSec = 0;

    std::mutex mutex;
    std::condition_variable announced; // every stream is there (no-more-pads)
    std::vector<Stream> streams;
    bool allPads = false;
    std::atomic<bool> unsuitable{false};   // hand the trim back to the general trimmer
    std::atomic<qint64> lastActivityMs{0}; // when a probe last saw anything (the stall watch)
    std::atomic<int> eosSeen{0};

    // Written by the probes (the demuxer's thread), read after the pipeline has stopped.
    GstClockTimeDiff videoBase = -1;
    GstClockTimeDiff videoMaxPts = -1;
    GstClockTimeDiff audioBase = -1;
    GstClockTimeDiff audioFrameNs = 0;
    std::optional<cut::SoundCut> sound; // from the sound's segment on
    CopiedSpan span;
};

GstPadProbeReturn holdUntilSeeked(GstPad*, GstPadProbeInfo*, gpointer) {
    return GST_PAD_PROBE_OK;
}

void onPadAdded(GstElement*, GstPad* pad, gpointer data) {
    auto* state = static_cast<CopyState*>(data);
    Stream stream;
    stream.pad.reset(GST_PAD(gst_object_ref(pad)));
    // Held at the demuxer until the seek to the in-point: nothing from the file's start reaches anything.
    stream.block =
        gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BLOCK_DOWNSTREAM, holdUntilSeeked, nullptr, nullptr);
    std::lock_guard lock(state->mutex);
    state->streams.push_back(std::move(stream));
}

void onNoMorePads(GstElement*, gpointer data) {
    auto* state = static_cast<CopyState*>(data);
    {
        std::lock_guard lock(state->mutex);
        state->allPads = true;
    }
    state->announced.notify_all();
}

// The muxer asks for the file to be flushed to disk after each write of its index (SYNC_AFTER), which keeps a
// recording playable through a crash; a clip being cut is thrown away on one, so the two to four flushes of
// the whole file are not made.
GstPadProbeReturn withoutFlushes(GstPad*, GstPadProbeInfo* info, gpointer) {
    GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (GST_BUFFER_FLAG_IS_SET(buffer, GST_BUFFER_FLAG_SYNC_AFTER)) {
        buffer = gst_buffer_make_writable(buffer);
        GST_BUFFER_FLAG_UNSET(buffer, GST_BUFFER_FLAG_SYNC_AFTER);
        GST_PAD_PROBE_INFO_DATA(info) = buffer;
    }
    return GST_PAD_PROBE_OK;
}

GstClockTimeDiff segmentStart(GstEvent* event) {
    const GstSegment* segment = nullptr;
    gst_event_parse_segment(event, &segment);
    return GstClockTimeDiff(segment->start);
}

qint64 nowMs() {
    return g_get_monotonic_time() / 1000;
}

// What both cuts note of an event: a stream's end, and where its segment starts (the first one is the
// seek's).
void noteEvent(CopyState* state, GstEvent* event, GstClockTimeDiff* base) {
    if (GST_EVENT_TYPE(event) == GST_EVENT_EOS)
        ++state->eosSeen;
    else if (GST_EVENT_TYPE(event) == GST_EVENT_SEGMENT && *base < 0)
        *base = segmentStart(event);
}

// The cut of the picture stream: from the keyframe the seek landed on to the out-point (exclusive).
GstPadProbeReturn cutVideo(GstPad*, GstPadProbeInfo* info, gpointer data) {
    auto* state = static_cast<CopyState*>(data);
    state->lastActivityMs = nowMs();
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        const bool started = state->videoBase >= 0;
        noteEvent(state, GST_PAD_PROBE_INFO_EVENT(info), &state->videoBase);
        // The seek's segment comes before any sample, and the muxer starts its file on the first samples
        // of every stream.
        if (!started && state->videoBase >= 0 && state->indexMux)
            cut::reserveIndex(state->indexMux, state->end - state->videoBase + GST_SECOND,
                              state->samplesPerSec);
        return GST_PAD_PROBE_OK;
    }
    GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (state->unsuitable || !GST_BUFFER_PTS_IS_VALID(buffer))
        return GST_PAD_PROBE_DROP;
    const auto pts = GstClockTimeDiff(GST_BUFFER_PTS(buffer));
    CopiedSpan& span = state->span;
    if (span.frames == 0) {
        // The seek must have landed on a keyframe where the segment starts; otherwise the general trimmer
        // looks for one itself.
        const bool keyframe = !GST_BUFFER_FLAG_IS_SET(buffer, GST_BUFFER_FLAG_DELTA_UNIT);
        if (!keyframe || state->videoBase < 0 || std::llabs(pts - state->videoBase) > kEpsilon) {
            state->unsuitable = true;
            return GST_PAD_PROBE_DROP;
        }
    }
    if (pts < state->videoMaxPts) {
        state->unsuitable = true; // reordered pictures (B-frames): decode times would have to be rebuilt
        return GST_PAD_PROBE_DROP;
    }
    state->videoMaxPts = pts;
    if (pts >= state->out - kEpsilon)
        return GST_PAD_PROBE_DROP;
    buffer = gst_buffer_make_writable(buffer);
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    GST_BUFFER_DTS(buffer) = GST_BUFFER_PTS(buffer); // nothing is reordered
    if (!GST_BUFFER_DURATION_IS_VALID(buffer))
        GST_BUFFER_DURATION(buffer) = GstClockTime(state->frameNs);
    ++span.frames;
    if (span.firstPts < 0)
        span.firstPts = pts;
    span.lastEnd = std::max<qint64>(span.lastEnd, pts + GstClockTimeDiff(GST_BUFFER_DURATION(buffer)));
    if (state->progress && state->out != kForever && state->out > state->in)
        state->progress(std::clamp(double(pts - state->in) / double(state->out - state->in), 0.0, 1.0));
    return GST_PAD_PROBE_OK;
}

// The cut of the sound: whole AAC frames nearest to the cut instants (never more than half a frame off), the
// first one moved onto the clip's start when it begins a little early, every one with its duration (the
// muxer sizes the last sample from it).
GstPadProbeReturn cutAudio(GstPad*, GstPadProbeInfo* info, gpointer data) {
    auto* state = static_cast<CopyState*>(data);
    state->lastActivityMs = nowMs();
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        GstEvent* event = GST_PAD_PROBE_INFO_EVENT(info);
        noteEvent(state, event, &state->audioBase);
        if (GST_EVENT_TYPE(event) == GST_EVENT_SEGMENT && !state->sound)
            state->sound.emplace(state->audioBase, state->out);
        if (GST_EVENT_TYPE(event) == GST_EVENT_CAPS) {
            GstCaps* caps = nullptr;
            gst_event_parse_caps(event, &caps);
            state->audioFrameNs = cut::aacFrameDuration(caps);
        }
        return GST_PAD_PROBE_OK;
    }
    GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (state->unsuitable || !GST_BUFFER_PTS_IS_VALID(buffer) || !state->sound)
        return GST_PAD_PROBE_DROP;
    const auto pts = GstClockTimeDiff(GST_BUFFER_PTS(buffer));
    GstClockTimeDiff duration =
        GST_BUFFER_DURATION_IS_VALID(buffer) ? GstClockTimeDiff(GST_BUFFER_DURATION(buffer)) : 0;
    if (duration <= 0)
        duration = state->audioFrameNs; // Matroska often stores AAC blocks without one
    GstClockTimeDiff placed = 0;
    if (state->sound->place(pts, duration, &placed) != cut::SoundCut::Verdict::Keep)
        return GST_PAD_PROBE_DROP;
    buffer = gst_buffer_make_writable(buffer);
    GST_PAD_PROBE_INFO_DATA(info) = buffer;
    GST_BUFFER_PTS(buffer) = GstClockTime(placed);
    GST_BUFFER_DTS(buffer) = GST_BUFFER_PTS(buffer);
    GST_BUFFER_DURATION(buffer) = GstClockTime(duration);
    state->span.audioDurationSec += double(duration) / GST_SECOND;
    return GST_PAD_PROBE_OK;
}

// Whether the demuxer's caps already say all the muxer needs: the codec configuration, the picture size and
// whole access units in AVC form, or the sound's rate and channels in raw AAC form. Matroska's do: a parser
// would only read every sample once more (a third of the demuxer thread's time).
bool needsNoParser(GstCaps* caps, bool video) {
    if (!caps || gst_caps_get_size(caps) == 0)
        return false;
    const GstStructure* s = gst_caps_get_structure(caps, 0);
    if (!gst_structure_has_field(s, "codec_data"))
        return false;
    gint a = 0, b = 0;
    if (video)
        return gst_structure_get_int(s, "width", &a) && gst_structure_get_int(s, "height", &b) &&
               g_strcmp0(gst_structure_get_string(s, "stream-format"), "avc") == 0 &&
               g_strcmp0(gst_structure_get_string(s, "alignment"), "au") == 0;
    return gst_structure_get_int(s, "rate", &a) && gst_structure_get_int(s, "channels", &b) &&
           g_strcmp0(gst_structure_get_string(s, "stream-format"), "raw") == 0;
}

// The rest of one stream's way to the muxer, linked in: a parser if the caps need one, and a queue if the
// muxer takes one sample per stream at a time (matroskamux); an aggregator (mp4mux) holds the interleaving
// span at its own pads (see run), so the demuxer's thread hands the samples straight to it.
bool linkBranch(GstElement* pipeline, GstElement* mux, Stream& stream) {
    GstPad* muxPad = gst_element_request_pad_simple(mux, stream.video ? "video_%u" : "audio_%u");
    if (!muxPad)
        return false;
    gst::PadPtr ownedMuxPad(muxPad);
    gst::CapsPtr caps(gst_pad_get_current_caps(stream.pad.get()));
    QStringList elements;
    if (!needsNoParser(caps.get(), stream.video))
        elements << (stream.video ? QStringLiteral("h264parse ! video/x-h264,stream-format=avc,alignment=au")
                                  : QStringLiteral("aacparse"));
    if (!GST_IS_AGGREGATOR(mux))
        elements << QLatin1String(cut::kInterleaveQueue);
    if (elements.isEmpty())
        return gst_pad_link(stream.pad.get(), muxPad) == GST_PAD_LINK_OK;
    GError* raw = nullptr;
    GstElement* bin =
        gst_parse_bin_from_description(elements.join(QStringLiteral(" ! ")).toUtf8().constData(), TRUE, &raw);
    gst::ErrorPtr error(raw);
    if (!bin)
        return false;
    gst_bin_add(GST_BIN(pipeline), bin);
    gst::PadPtr binSrc(gst_element_get_static_pad(bin, "src"));
    gst::PadPtr binSink(gst_element_get_static_pad(bin, "sink"));
    if (gst_pad_link(binSrc.get(), muxPad) != GST_PAD_LINK_OK)
        return false;
    gst_element_sync_state_with_parent(bin);
    return gst_pad_link(stream.pad.get(), binSink.get()) == GST_PAD_LINK_OK;
}

} // namespace

Result<std::optional<CopiedSpan>> StreamCopy::run(const TrimRequest& request, const SourceInfo& source,
                                                  OutputFile& output, const CancelToken& cancel,
                                                  const ProgressFn& progress) {
    // Matroska only: qtdemux refuses a seek sent before its streams have prerolled, and most MP4s that come
    // here are phone footage with B-frames, which need the general trimmer anyway.
    if (source.container != QLatin1String("matroska") || source.videoCodec != QLatin1String("h264") ||
        (source.hasAudio && source.audioCodec != QLatin1String("aac")))
        return std::optional<CopiedSpan>();
    // Declared before the pipeline, so the pipeline (stopped when it goes) never outlives what its probes
    // use.
    CopyState state;
    state.in = ns(request.inSec);
    state.out = request.outSec >= 0 ? ns(request.outSec) : kForever;
    state.frameNs = ns(source.frameDurationSec());
    state.progress = progress;
    // An MP4's index goes into room kept at its start, sized when the seek says where the clip begins (see
    // cutVideo); a clip to the end of a recording that does not say how long it is gets the second pass.
    const bool mkv = output.extension() == QLatin1String("mkv");
    const GstClockTimeDiff stop = state.out == kForever ? -1 : state.out + GST_SECOND;
    const bool reserve = !mkv && (stop >= 0 || source.durationSec > 0);
    if (reserve) {
        state.end = stop >= 0 ? stop : ns(source.durationSec) + GST_SECOND;
        // Pictures a second (240 when the rate varies) or AAC frames of sound a second, whichever is more.
        const double pictures = source.fpsNum > 0 ? double(source.fpsNum) / source.fpsDen : 240.0;
        const double soundFrames = source.audioRate > 0 ? source.audioRate / 1024.0 : 100.0;
        state.samplesPerSec = std::max(pictures, source.hasAudio ? soundFrames : 0.0);
    }
    auto pipeline = GstPipeline::launch(
        QStringLiteral("filesrc name=src ! matroskademux name=demux  %1 ! filesink name=sink async=false")
            .arg(cut::muxerFor(output.extension(),
                               reserve ? cut::IndexPlacement::Reserved : cut::IndexPlacement::SecondPass)));
    if (!pipeline)
        return pipeline.error();
    GstPipeline& copy = **pipeline;
    copy.setFileForErrors(QFileInfo(source.path).fileName());
    setLocation(copy.element("src"), source.path);
    setLocation(copy.element("sink"), output.partialPath());
    gst::PadPtr sinkPad(gst_element_get_static_pad(copy.element("sink"), "sink"));
    gst_pad_add_probe(sinkPad.get(), GST_PAD_PROBE_TYPE_BUFFER, withoutFlushes, nullptr, nullptr);
    GstElement* demux = copy.element("demux");
    g_signal_connect(demux, "pad-added", G_CALLBACK(onPadAdded), &state);
    g_signal_connect(demux, "no-more-pads", G_CALLBACK(onNoMorePads), &state);
    if (auto error = copy.setState(GST_STATE_PAUSED, 0))
        return *error;
    // The demuxer has read the file's headers when it has announced every stream.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    std::vector<Stream> streams;
    for (;;) {
        {
            std::unique_lock lock(state.mutex);
            if (state.announced.wait_for(lock, std::chrono::milliseconds(50),
                                         [&] { return state.allPads; })) {
                streams = std::move(state.streams);
                break;
            }
        }
        if (auto error = copy.pendingError())
            return *error;
        if (cancel.isCancelled() || std::chrono::steady_clock::now() > deadline)
            return std::optional<CopiedSpan>(); // the general trimmer says what is wrong
    }
    bool haveVideo = false, haveAudio = false;
    for (Stream& stream : streams) {
        gst::CapsPtr caps(gst_pad_get_current_caps(stream.pad.get()));
        const QString codec = codecName(caps.get());
        if (!haveVideo && codec == QLatin1String("h264"))
            haveVideo = stream.video = true;
        else if (!haveAudio && codec == QLatin1String("aac"))
            haveAudio = stream.audio = true;
    }
    if (!haveVideo || haveAudio != source.hasAudio)
        return std::optional<CopiedSpan>();
    GstElement* mux = copy.element("mux");
    if (reserve)
        state.indexMux = mux;
    // The seek flushes the held streams and starts them again at the keyframe at or before the in-point; a
    // second past the out-point lets the last sound frame that straddles it arrive.
    if (!gst_element_seek(
            demux, 1.0, GST_FORMAT_TIME,
            GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT | GST_SEEK_FLAG_SNAP_BEFORE),
            GST_SEEK_TYPE_SET, state.in, stop < 0 ? GST_SEEK_TYPE_NONE : GST_SEEK_TYPE_SET, stop))
        return std::optional<CopiedSpan>();
    // An aggregator keeps a sample per stream unless told it may hold more: with the interleaving span as
    // its latency, each of its pads holds as much as a queue would (non-live, it never waits on a clock), and
    // the two queue threads, a third of the copy's time, are not needed.
    if (GST_IS_AGGREGATOR(mux))
        g_object_set(mux, "latency", guint64(cut::kInterleaveSpan), nullptr);
    for (Stream& stream : streams) {
        if (!stream.video && !stream.audio) {
            linkToFakesink(copy.get(), stream.pad.get());
            continue;
        }
        if (!linkBranch(copy.get(), mux, stream))
            return UserError{QStringLiteral("无法建立剪切流程"), QStringLiteral("cannot set up the cut"),
                             QFileInfo(source.path).fileName()};
        gst_pad_add_probe(stream.pad.get(),
                          GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
                          stream.video ? cutVideo : cutAudio, &state, nullptr);
    }
    // Playing before anything flows: with nothing to preroll (the file sink does not wait for data), the
    // pipeline is there at once, and the end of stream cannot reach the sink while the pipeline is still on
    // its way to playing (where it stayed unreported, once in a few dozen runs on a busy machine).
    if (auto error = copy.setState(GST_STATE_PLAYING))
        return *error;
    for (Stream& stream : streams)
        gst_pad_remove_probe(stream.pad.get(), stream.block);
    CancelToken stopWaiting;
    state.lastActivityMs = nowMs();
    bool stalled = false;
    // Done when the file sink has taken the end of stream (the muxer wrote its index before passing it on).
    // The pipeline's own end-of-stream message is not waited for: with branches linked in while paused it
    // failed to come, the sink already at the end, once in a few dozen runs on a busy machine.
    bool completed = false;
    const auto sinkHasEnded = [&] {
        GstEvent* eos = gst_pad_get_sticky_event(sinkPad.get(), GST_EVENT_EOS, 0);
        if (eos)
            gst_event_unref(eos);
        return eos != nullptr;
    };
    const auto watch = [&] {
        if (sinkHasEnded())
            completed = true;
        // A copy whose streams have seen nothing for seconds is stuck, however busy the machine: the general
        // trimmer does the cut instead (nothing of this attempt is kept). Once every stream has ended, only
        // the muxer's closing writes are left, which take as long as the disk needs.
        const bool streamsEnded = state.eosSeen >= int(haveVideo) + int(haveAudio);
        if (!completed && !streamsEnded && nowMs() - state.lastActivityMs > kStallMs) {
            stalled = true;
            qCWarning(lcClips) << "fast trim: the one-pipeline copy stalled after" << state.span.frames
                               << "pictures," << state.eosSeen.load()
                               << "streams ended; using the general trimmer";
        }
        if (cancel.isCancelled() || state.unsuitable || stalled || completed)
            stopWaiting.cancel();
    };
    std::optional<UserError> written = copy.waitForEos(stopWaiting, watch);
    if (completed && !cancel.isCancelled())
        written = copy.pendingError();
    copy.setState(GST_STATE_NULL); // the probes are done with `state` from here on
    if (cancel.isCancelled())
        return UserError{QStringLiteral("已取消，未保存"), QStringLiteral("cancelled; nothing was saved"),
                         output.finalPath()};
    if (state.unsuitable || stalled)
        return std::optional<CopiedSpan>();
    // The muxer itself failed (an index larger than the room kept for it, from a recording whose rate or
    // length said less than it holds): the general trimmer writes the index in a second pass.
    if (written && state.indexMux && copy.errorSource() == QLatin1String("mux")) {
        qCWarning(lcClips) << "fast trim: the muxer failed, using the general trimmer:" << written->detail;
        return std::optional<CopiedSpan>();
    }
    if (written)
        return *written;
    CopiedSpan span = state.span;
    span.audioCopied = haveAudio;
    span.endedEarly = state.out != kForever && span.lastEnd < state.out - ns(1.5 * source.frameDurationSec());
    return std::optional<CopiedSpan>(span);
}

} // namespace xz::clips
