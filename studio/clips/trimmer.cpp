#include "trimmer.h"

#include "avcconfig.h"
#include "clipslog.h"
#include "cutrules.h"
#include "gstpipeline.h"
#include "mediareader.h"
#include "outputfile.h"
#include "sourceinfo.h"
#include "streamcopy.h"

#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <future>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <limits>
#include <mutex>
#include <thread>

namespace xz::clips {
namespace {

using cut::aacFrameDuration;
using cut::kEpsilon;
using cut::kForever;
using cut::ns;
using cut::sec;

struct BufferUnref {
    void operator()(GstBuffer* buffer) const { gst_buffer_unref(buffer); }
};
using BufferPtr = std::unique_ptr<GstBuffer, BufferUnref>;

QString s3(double seconds) {
    return QString::number(seconds, 'f', 3);
}

bool isKeyframe(GstBuffer* buffer) {
    return !GST_BUFFER_FLAG_IS_SET(buffer, GST_BUFFER_FLAG_DELTA_UNIT);
}
GstClockTimeDiff ptsOf(GstBuffer* buffer) {
    return GST_BUFFER_PTS_IS_VALID(buffer) ? GstClockTimeDiff(GST_BUFFER_PTS(buffer)) : -1;
}
// Decode time, or the presentation time when the container stores none and nothing reorders.
GstClockTimeDiff dtsOf(GstBuffer* buffer) {
    return GST_BUFFER_DTS_IS_VALID(buffer) ? GstClockTimeDiff(GST_BUFFER_DTS(buffer)) : ptsOf(buffer);
}

std::optional<AvcConfig> configOf(GstCaps* caps) {
    const GValue* value = gst_structure_get_value(gst_caps_get_structure(caps, 0), "codec_data");
    if (!value || !GST_VALUE_HOLDS_BUFFER(value))
        return std::nullopt;
    GstBuffer* buffer = gst_value_get_buffer(value);
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
        return std::nullopt;
    const QByteArray bytes(reinterpret_cast<const char*>(map.data), qsizetype(map.size));
    gst_buffer_unmap(buffer, &map);
    return AvcConfig::parse(bytes);
}

gst::CapsPtr withConfig(GstCaps* caps, const AvcConfig& config) {
    gst::CapsPtr copy(gst_caps_copy(caps));
    const QByteArray bytes = config.serialize();
    GstBuffer* buffer = gst_buffer_new_memdup(bytes.constData(), gsize(bytes.size()));
    gst_caps_set_simple(copy.get(), "codec_data", GST_TYPE_BUFFER, buffer, nullptr);
    gst_buffer_unref(buffer);
    return copy;
}

// Why a source cannot be smart-cut, or empty when it can.
struct Verdict {
    QString zh;
    QString en;
    bool canSmartCut() const { return en.isEmpty(); }
};

struct Timeline {
    bool valid = false;
    GstClockTimeDiff base = 0; // source time that becomes output time `lead`
    GstClockTimeDiff lead = 0; // room for decode times before the first picture (copied B-frames)
};

// Words what a trim did: the checks on what came out, then the result with its notes (where a fast cut
// landed, where it ended, what was re-encoded, sound that could not come along). Commits the output.
Result<TrimResult> finishTrim(TrimResult result, const CopiedSpan& span, const TrimRequest& request,
                              const SourceInfo& source, OutputFile& output) {
    result.frames = span.frames;
    result.audioDurationSec = span.audioDurationSec;
    if (result.frames == 0)
        return UserError{QStringLiteral("这段范围里没有画面"),
                         QStringLiteral("there are no pictures in this range"),
                         QFileInfo(source.path).fileName()};
    if (span.endedEarly)
        return UserError{
            QStringLiteral("录像只能读到 %1 秒，文件可能不完整：%2")
                .arg(s3(sec(span.lastEnd)), QFileInfo(source.path).fileName()),
            QStringLiteral("the recording can only be read up to %1 s; the file may be incomplete: %2")
                .arg(s3(sec(span.lastEnd)), QFileInfo(source.path).fileName()),
            {}};
    if (auto error = output.commit())
        return *error;

    result.output = output.finalPath();
    result.requestedIn = request.inSec;
    result.requestedOut = request.outSec >= 0 ? request.outSec : sec(span.lastEnd);
    result.actualIn = sec(span.firstPts);
    result.actualOut = sec(span.lastEnd);
    result.durationSec = sec(span.lastEnd - span.firstPts);
    const double frame = source.frameDurationSec();
    if (std::abs(result.actualIn - result.requestedIn) > 0.0005 &&
        result.method == TrimResult::Method::StreamCopy)
        result.notes.prepend(
            {QStringLiteral("快速剪切从关键帧开始：实际起点 %1 秒（要求 %2 秒，提前 %3 秒）")
                 .arg(s3(result.actualIn), s3(result.requestedIn), s3(result.requestedIn - result.actualIn)),
             QStringLiteral("a fast cut starts on a keyframe: it starts at %1 s (asked for %2 s, "
                            "%3 s earlier); use --exact for a frame-exact start")
                 .arg(s3(result.actualIn), s3(result.requestedIn),
                      s3(result.requestedIn - result.actualIn))});
    if (request.outSec >= 0 && std::abs(result.actualOut - result.requestedOut) > frame * 0.5 + 0.0005)
        result.notes.append({QStringLiteral("实际终点 %1 秒（要求 %2 秒）")
                                 .arg(s3(result.actualOut), s3(result.requestedOut)),
                             QStringLiteral("it ends at %1 s (asked for %2 s)")
                                 .arg(s3(result.actualOut), s3(result.requestedOut))});
    if (result.method == TrimResult::Method::SmartCut && result.reencodedFrames > 0)
        result.notes.append({QStringLiteral("只重新编码了开头 %1 帧，其余 %2 帧直接复制")
                                 .arg(result.reencodedFrames)
                                 .arg(result.frames - result.reencodedFrames),
                             QStringLiteral("re-encoded only the first %1 frames; copied the other %2")
                                 .arg(result.reencodedFrames)
                                 .arg(result.frames - result.reencodedFrames)});
    if (source.hasAudio && !span.audioCopied)
        result.notes.append(
            {QStringLiteral("源文件的声音（%1）无法直接复制，剪出的片段没有声音；请用导出")
                 .arg(source.audioCodec),
             QStringLiteral("the source's audio (%1) cannot be copied, so the clip is silent; use "
                            "export instead")
                 .arg(source.audioCodec)});
    return result;
}

class TrimJob {
public:
    TrimJob(const TrimRequest& request, SourceInfo source, const CancelToken& cancel, ProgressFn progress)
        : request_(request), source_(std::move(source)), cancel_(cancel), progress_(std::move(progress)),
          in_(ns(request.inSec)), out_(request.outSec >= 0 ? ns(request.outSec) : kForever) {}

    Result<TrimResult> run(OutputFile& output);

private:
    void fail(UserError error) {
        std::lock_guard lock(mutex_);
        if (!failure_)
            failure_ = std::move(error);
        stop_.cancel();
    }
    BufferPtr pullVideo() {
        gst::SamplePtr sample = reader_->pull(MediaReader::Stream::Video, stop_);
        if (!sample)
            return nullptr;
        if (!videoCaps_)
            videoCaps_.reset(gst_caps_ref(gst_sample_get_caps(sample.get())));
        return BufferPtr(gst_buffer_ref(gst_sample_get_buffer(sample.get())));
    }
    bool isIdr(GstBuffer* buffer) const {
        GstMapInfo map;
        if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
            return false;
        const bool idr =
            accessUnitHasIdr(map.data, qsizetype(map.size), sourceConfig_ ? sourceConfig_->lengthSize : 4);
        gst_buffer_unmap(buffer, &map);
        return idr;
    }
    void videoMain();
    void audioMain();
    Verdict judge(const std::vector<BufferPtr>& gop, GstBuffer* nextKey, bool reorders) const;
    void setTimeline(Timeline timeline) {
        timeline_ = timeline;
        timelinePromise_.set_value(timeline);
    }
    bool pushVideo(BufferPtr buffer, GstClockTimeDiff sourcePts, GstClockTimeDiff sourceDts, bool copied);
    bool setVideoCaps(GstCaps* caps);
    bool transcode(const std::vector<BufferPtr>& head, GstClockTimeDiff windowEnd,
                   const std::function<BufferPtr()>& more, bool smart);
    void report(GstClockTimeDiff sourceTime) {
        if (!progress_ || out_ == kForever || out_ <= in_)
            return;
        progress_(std::clamp(double(sourceTime - in_) / double(out_ - in_), 0.0, 1.0));
    }

    const TrimRequest& request_;
    SourceInfo source_;
    CancelToken cancel_;
    ProgressFn progress_;
    const GstClockTimeDiff in_;
    const GstClockTimeDiff out_;

    CancelToken stop_; // set on cancellation or the first failure; every thread watches it
    std::unique_ptr<MediaReader> reader_;
    std::unique_ptr<GstPipeline> writer_;
    GstElement* videoSrc_ = nullptr;
    GstElement* audioSrc_ = nullptr;
    gst::CapsPtr videoCaps_;
    bool videoCapsSet_ = false;
    std::promise<Timeline> timelinePromise_;
    Timeline timeline_;

    std::mutex mutex_;
    std::optional<UserError> failure_;
    TrimResult result_;
    GstClockTimeDiff firstPts_ = -1;
    GstClockTimeDiff lastEnd_ = -1;
    bool videoEndedEarly_ = false;
    bool reorders_ = false;
    std::optional<AvcConfig> sourceConfig_;
    int encoderSpsId_ = 1;
};

Verdict TrimJob::judge(const std::vector<BufferPtr>& gop, GstBuffer* nextKey, bool reorders) const {
    if (reorders)
        return {QStringLiteral("源视频含 B 帧（画面顺序与解码顺序不同）"),
                QStringLiteral("the source uses B-frames (pictures are stored out of order)")};
    if (source_.bitDepth > 8)
        return {QStringLiteral("源视频是 %1 位色深").arg(source_.bitDepth),
                QStringLiteral("the source is %1-bit video").arg(source_.bitDepth)};
    if (source_.chromaFormat != QLatin1String("4:2:0"))
        return {QStringLiteral("源视频的色度格式是 %1").arg(source_.chromaFormat),
                QStringLiteral("the source's chroma format is %1").arg(source_.chromaFormat)};
    static const QStringList smartProfiles = {QStringLiteral("constrained-baseline"),
                                              QStringLiteral("baseline"), QStringLiteral("main"),
                                              QStringLiteral("high")};
    if (!smartProfiles.contains(source_.profile))
        return {QStringLiteral("源视频的 H.264 档次是 %1").arg(source_.profile),
                QStringLiteral("the source's H.264 profile is %1").arg(source_.profile)};
    if (!sourceConfig_ || sourceConfig_->lengthSize != 4)
        return {QStringLiteral("源视频的编码配置不常见"),
                QStringLiteral("the source's codec configuration is unusual")};
    // Constant frame rate: every step between pictures is the nominal one (within Matroska's millisecond).
    if (source_.fpsNum <= 0)
        return {QStringLiteral("源视频是可变帧率"), QStringLiteral("the source has a variable frame rate")};
    std::vector<GstClockTimeDiff> times;
    for (const BufferPtr& buffer : gop)
        times.push_back(ptsOf(buffer.get()));
    std::sort(times.begin(), times.end());
    const double nominal = double(GST_SECOND) * source_.fpsDen / source_.fpsNum;
    const double tolerance = std::max(1.5 * GST_MSECOND, 0.1 * nominal);
    for (size_t i = 1; i < times.size(); ++i)
        if (std::abs(double(times[i] - times[i - 1]) - nominal) > tolerance)
            return {QStringLiteral("源视频是可变帧率"),
                    QStringLiteral("the source has a variable frame rate")};
    if (nextKey) {
        GstMapInfo map;
        bool idr = false;
        if (gst_buffer_map(nextKey, &map, GST_MAP_READ)) {
            idr = accessUnitHasIdr(map.data, qsizetype(map.size), sourceConfig_->lengthSize);
            gst_buffer_unmap(nextKey, &map);
        }
        if (!idr)
            return {QStringLiteral("源视频的关键帧不是 IDR 帧（开放式 GOP）"),
                    QStringLiteral("the source's keyframes are not IDR frames (open GOPs)")};
    }
    return {};
}

bool TrimJob::setVideoCaps(GstCaps* caps) {
    if (videoCapsSet_)
        return true;
    gst_app_src_set_caps(GST_APP_SRC(videoSrc_), caps);
    videoCapsSet_ = true;
    return true;
}

bool TrimJob::pushVideo(BufferPtr buffer, GstClockTimeDiff sourcePts, GstClockTimeDiff sourceDts,
                        bool copied) {
    GstBuffer* out = gst_buffer_make_writable(buffer.release());
    const GstClockTimeDiff pts = sourcePts - timeline_.base + timeline_.lead;
    const GstClockTimeDiff dts = copied && reorders_ ? sourceDts - timeline_.base + timeline_.lead : pts;
    GST_BUFFER_PTS(out) = GstClockTime(std::max<GstClockTimeDiff>(0, pts));
    GST_BUFFER_DTS(out) = GstClockTime(std::max<GstClockTimeDiff>(0, dts));
    GstClockTimeDiff duration = GST_BUFFER_DURATION_IS_VALID(out) ? GstClockTimeDiff(GST_BUFFER_DURATION(out))
                                                                  : ns(source_.frameDurationSec());
    GST_BUFFER_DURATION(out) = GstClockTime(duration);
    {
        std::lock_guard lock(mutex_);
        ++result_.frames;
        if (!copied)
            ++result_.reencodedFrames;
        if (firstPts_ < 0 || sourcePts < firstPts_)
            firstPts_ = sourcePts;
        lastEnd_ = std::max(lastEnd_, sourcePts + duration);
    }
    report(sourcePts);
    const GstFlowReturn flow = gst_app_src_push_buffer(GST_APP_SRC(videoSrc_), out);
    if (flow != GST_FLOW_OK && !stop_.isCancelled())
        fail(UserError{QStringLiteral("写入视频失败"), QStringLiteral("writing the video failed"),
                       QString::fromUtf8(gst_flow_get_name(flow))});
    return flow == GST_FLOW_OK;
}

// Decodes `head` (and whatever `more` still delivers), keeps the pictures in [in, windowEnd) and encodes them
// with x264 into the writer. `smart`: a few pictures joined to copied ones (the source's profile, its own
// parameter-set ids); otherwise the whole clip (High profile, a keyframe every two seconds).
bool TrimJob::transcode(const std::vector<BufferPtr>& head, GstClockTimeDiff windowEnd,
                        const std::function<BufferPtr()>& more, bool smart) {
    const int keyInterval = std::max(1, int(std::lround(2.0 / source_.frameDurationSec())));
    QString encoder;
    if (smart) {
        const QSet<int> used = sourceConfig_->spsIds() + sourceConfig_->ppsIds();
        while (used.contains(encoderSpsId_) && encoderSpsId_ < 31)
            ++encoderSpsId_;
        encoder =
            QStringLiteral("x264enc speed-preset=faster pass=qual quantizer=18 bframes=0 key-int-max=100000 "
                           "option-string=\"sps-id=%1\" ! video/x-h264,stream-format=avc,alignment=au,"
                           "profile=%2")
                .arg(encoderSpsId_)
                .arg(source_.profile);
    } else {
        encoder =
            QStringLiteral("x264enc speed-preset=faster pass=qual quantizer=20 bframes=0 key-int-max=%1 ! "
                           "video/x-h264,stream-format=avc,alignment=au,profile=high")
                .arg(keyInterval);
    }
    // A variable-rate stream declares no rate (0/1) or its timing clock's (1000000000/1); x264 would take it
    // for the picture rate and starve every picture of bits. It is told a plausible one; the pictures keep
    // their own timestamps.
    gint rateNum = 0, rateDen = 1;
    gst_structure_get_fraction(gst_caps_get_structure(videoCaps_.get(), 0), "framerate", &rateNum, &rateDen);
    const bool plausible = rateNum > 0 && rateDen > 0 && double(rateNum) / rateDen <= 240;
    const QString rateFix =
        plausible ? QString() : QStringLiteral("capssetter caps=video/x-raw,framerate=30/1 ! ");
    auto launched = GstPipeline::launch(
        QStringLiteral("appsrc name=src format=time block=true max-bytes=16000000 ! avdec_h264 ! "
                       "videoconvert name=conv ! video/x-raw,format=I420 ! %2%1 ! "
                       "appsink name=out sync=false max-buffers=0 enable-last-sample=false")
            .arg(encoder)
            .arg(rateFix));
    if (!launched) {
        fail(launched.error());
        return false;
    }
    std::unique_ptr<GstPipeline> pipeline = std::move(*launched);
    pipeline->setFileForErrors(QFileInfo(source_.path).fileName());
    GstElement* src = pipeline->element("src");
    gst_app_src_set_caps(GST_APP_SRC(src), videoCaps_.get());

    struct Window {
        GstClockTimeDiff start, end, base, lead;
    };
    auto* window = new Window{in_, windowEnd, timeline_.base, timeline_.lead};
    gst::PadPtr convPad(gst_element_get_static_pad(pipeline->element("conv"), "sink"));
    gst_pad_add_probe(
        convPad.get(), GST_PAD_PROBE_TYPE_BUFFER,
        [](GstPad*, GstPadProbeInfo* info, gpointer data) {
            const auto* w = static_cast<Window*>(data);
            GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
            const GstClockTimeDiff pts = ptsOf(buffer);
            if (pts < w->start - kEpsilon || pts >= w->end - kEpsilon)
                return GST_PAD_PROBE_DROP;
            buffer = gst_buffer_make_writable(buffer);
            // The encoder counts from the clip's start (x264 mis-handles a variable-rate stream that starts
            // late); the output is moved back to source time for pushVideo.
            GST_BUFFER_PTS(buffer) = GstClockTime(std::max<GstClockTimeDiff>(0, pts - w->start));
            GST_BUFFER_DTS(buffer) = GST_CLOCK_TIME_NONE;
            GST_PAD_PROBE_INFO_DATA(info) = buffer;
            return GST_PAD_PROBE_OK;
        },
        window, [](gpointer data) { delete static_cast<Window*>(data); });

    struct Context {
        TrimJob* job;
        bool smart;
    } context{this, smart};
    GstAppSinkCallbacks callbacks{};
    callbacks.new_sample = [](GstAppSink* sink, gpointer data) -> GstFlowReturn {
        auto* ctx = static_cast<Context*>(data);
        TrimJob* job = ctx->job;
        gst::SamplePtr sample(gst_app_sink_pull_sample(sink));
        if (!sample)
            return GST_FLOW_EOS;
        if (!job->videoCapsSet_) {
            GstCaps* encoded = gst_sample_get_caps(sample.get());
            if (ctx->smart) {
                const auto encoderConfig = configOf(encoded);
                if (!encoderConfig) {
                    job->fail(UserError{QStringLiteral("重新编码失败"), QStringLiteral("re-encoding failed"),
                                        QStringLiteral("x264enc gave no codec_data")});
                    return GST_FLOW_ERROR;
                }
                job->setVideoCaps(
                    withConfig(job->videoCaps_.get(), job->sourceConfig_->mergedWith(*encoderConfig)).get());
            } else {
                job->setVideoCaps(encoded);
            }
        }
        GstBuffer* buffer = gst_sample_get_buffer(sample.get());
        // x264enc moves its output segment (room for negative decode times); running time is the input's.
        const GstClockTimeDiff pts =
            job->in_ + GstClockTimeDiff(gst_segment_to_running_time(gst_sample_get_segment(sample.get()),
                                                                    GST_FORMAT_TIME, GST_BUFFER_PTS(buffer)));
        return job->pushVideo(BufferPtr(gst_buffer_ref(buffer)), pts, pts, false) ? GST_FLOW_OK
                                                                                  : GST_FLOW_ERROR;
    };
    gst_app_sink_set_callbacks(GST_APP_SINK(pipeline->element("out")), &callbacks, &context, nullptr);

    if (auto error = pipeline->setState(GST_STATE_PLAYING, 0)) {
        fail(*error);
        return false;
    }
    auto feed = [&](GstBuffer* buffer) {
        return gst_app_src_push_buffer(GST_APP_SRC(src), gst_buffer_ref(buffer)) == GST_FLOW_OK;
    };
    for (const BufferPtr& buffer : head)
        if (!feed(buffer.get()))
            break;
    if (more)
        while (BufferPtr buffer = more())
            if (!feed(buffer.get()))
                break;
    gst_app_src_end_of_stream(GST_APP_SRC(src));
    if (auto error = pipeline->waitForEos(stop_)) {
        if (!stop_.isCancelled())
            fail(*error);
        return false;
    }
    pipeline->setState(GST_STATE_NULL);
    return true;
}

void TrimJob::videoMain() {
    auto endVideo = [this] { gst_app_src_end_of_stream(GST_APP_SRC(videoSrc_)); };
    BufferPtr first = pullVideo();
    while (first && !isKeyframe(first.get()))
        first = pullVideo();
    if (!first) {
        if (!stop_.isCancelled())
            fail(reader_->error().value_or(
                UserError{QStringLiteral("在 %1 秒附近找不到可用的画面").arg(s3(request_.inSec)),
                          QStringLiteral("no usable picture near %1 s").arg(s3(request_.inSec)),
                          QFileInfo(source_.path).fileName()}));
        setTimeline({});
        endVideo();
        return;
    }
    sourceConfig_ = configOf(videoCaps_.get());
    const GstClockTimeDiff keyPts = ptsOf(first.get());

    // The first GOP (up to the next IDR) tells whether pictures are reordered and where copying can start.
    std::vector<BufferPtr> gop;
    GstClockTimeDiff maxPts = -1;
    BufferPtr nextKey;
    gop.push_back(std::move(first));
    maxPts = keyPts;
    bool ended = false;
    while (true) {
        BufferPtr buffer = pullVideo();
        if (!buffer) {
            ended = true;
            break;
        }
        // The copied part starts at an IDR: other keyframes (x264 puts I-frames on scene cuts) are re-encoded
        // with the head. A GOP is read for at most ten seconds.
        if (isKeyframe(buffer.get()) &&
            (isIdr(buffer.get()) || ptsOf(buffer.get()) - keyPts > 10 * GstClockTimeDiff(GST_SECOND))) {
            nextKey = std::move(buffer);
            break;
        }
        const GstClockTimeDiff pts = ptsOf(buffer.get());
        if (pts < maxPts)
            reorders_ = true;
        maxPts = std::max(maxPts, pts);
        gop.push_back(std::move(buffer));
    }
    if (stop_.isCancelled()) {
        setTimeline({});
        endVideo();
        return;
    }
    // Matroska stores no decode times. With reordered pictures they are rebuilt as a constant-rate sequence
    // that starts early enough for every picture to be decoded before it is shown.
    const bool synthesiseDts = reorders_ && !GST_BUFFER_DTS_IS_VALID(gop.front().get());
    qint64 delayFrames = 0;
    if (synthesiseDts) {
        std::vector<GstClockTimeDiff> sorted;
        for (const BufferPtr& buffer : gop)
            sorted.push_back(ptsOf(buffer.get()));
        std::sort(sorted.begin(), sorted.end());
        for (size_t i = 0; i < gop.size(); ++i) {
            const auto rank =
                std::lower_bound(sorted.begin(), sorted.end(), ptsOf(gop[i].get())) - sorted.begin();
            delayFrames = std::max<qint64>(delayFrames, qint64(i) - rank);
        }
    }
    const GstClockTimeDiff frameNs = ns(source_.frameDurationSec());
    qint64 decodeIndex = 0;
    auto decodeTime = [&](GstBuffer* buffer) {
        return synthesiseDts ? keyPts + (decodeIndex - delayFrames) * frameNs : dtsOf(buffer);
    };
    const GstClockTimeDiff keyDts = synthesiseDts ? keyPts - delayFrames * frameNs : dtsOf(gop.front().get());

    // Pulls the rest of the stream in decode order, the GOP's next keyframe first.
    auto next = [&]() -> BufferPtr {
        if (nextKey)
            return std::move(nextKey);
        if (ended)
            return nullptr;
        BufferPtr buffer = pullVideo();
        if (!buffer)
            ended = true;
        return buffer;
    };
    // Copies pictures in decode order up to the out-point: by presentation time when nothing reorders, by
    // decode time otherwise (so every copied picture keeps the pictures it refers to).
    auto copyFrom = [&](std::vector<BufferPtr>* pending) {
        auto take = [&](BufferPtr buffer) {
            const GstClockTimeDiff pts = ptsOf(buffer.get());
            const GstClockTimeDiff dts = decodeTime(buffer.get());
            ++decodeIndex;
            if ((reorders_ ? dts : pts) >= out_ - kEpsilon)
                return false;
            if (pts < keyPts) // leading pictures of an open GOP: they refer to what was cut away
                return true;
            return pushVideo(std::move(buffer), pts, dts, true);
        };
        if (pending)
            for (BufferPtr& buffer : *pending)
                if (!take(std::move(buffer)))
                    return;
        while (BufferPtr buffer = next())
            if (!take(std::move(buffer)))
                return;
    };

    if (!request_.exact) {
        result_.method = TrimResult::Method::StreamCopy;
        Timeline timeline{true, keyPts, 0};
        if (reorders_ && keyDts < keyPts)
            timeline.lead = keyPts - keyDts;
        setTimeline(timeline);
        setVideoCaps(videoCaps_.get());
        copyFrom(&gop);
    } else {
        setTimeline({true, in_, 0});
        const bool headless = std::llabs(keyPts - in_) <= kEpsilon;
        const Verdict verdict =
            judge(gop, nextKey ? nextKey.get() : (headless ? gop.front().get() : nullptr), reorders_);
        if (verdict.canSmartCut() && !request_.alwaysReencode) {
            result_.method = TrimResult::Method::SmartCut;
            if (headless) {
                setVideoCaps(videoCaps_.get());
                copyFrom(&gop);
            } else {
                const GstClockTimeDiff copyStart = nextKey ? ptsOf(nextKey.get()) : kForever;
                if (transcode(gop, std::min(out_, copyStart), {}, true) && copyStart < out_)
                    copyFrom(nullptr);
            }
        } else {
            result_.method = TrimResult::Method::Reencode;
            if (request_.alwaysReencode)
                result_.notes.append(
                    {QStringLiteral("按要求整段重新编码"), QStringLiteral("re-encoded whole, as asked")});
            else
                result_.notes.append(
                    {verdict.zh + QStringLiteral("，无法只重编码切点附近，已整段重新编码（逐帧精确）"),
                     verdict.en + QStringLiteral(", so the clip was re-encoded whole (still "
                                                 "frame-exact)")});
            // Every picture shown before the out-point is decoded before it in decode order.
            const GstClockTimeDiff feedEnd =
                out_ == kForever ? kForever : out_ + (reorders_ ? GST_SECOND : 0);
            transcode(
                gop, out_,
                [&]() -> BufferPtr {
                    BufferPtr buffer = next();
                    if (buffer && dtsOf(buffer.get()) >= feedEnd - kEpsilon)
                        return nullptr;
                    return buffer;
                },
                false);
        }
    }
    {
        std::lock_guard lock(mutex_);
        videoEndedEarly_ =
            ended && out_ != kForever && lastEnd_ < out_ - ns(1.5 * source_.frameDurationSec());
    }
    endVideo();
}

void TrimJob::audioMain() {
    auto endAudio = [this] { gst_app_src_end_of_stream(GST_APP_SRC(audioSrc_)); };
    std::future<Timeline> future = timelinePromise_.get_future();
    while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
        if (stop_.isCancelled()) {
            endAudio();
            return;
        }
    const Timeline timeline = future.get();
    if (!timeline.valid) {
        endAudio();
        return;
    }
    const GstClockTimeDiff start = timeline.base;
    cut::SoundCut sound(start, out_);
    bool capsSet = false;
    double pushed = 0;
    while (gst::SamplePtr sample = reader_->pull(MediaReader::Stream::Audio, stop_)) {
        GstBuffer* buffer = gst_sample_get_buffer(sample.get());
        const GstClockTimeDiff pts = ptsOf(buffer);
        // Matroska often leaves AAC buffers without a duration (the studio's own recordings do): an AAC
        // frame is 1024 samples at the stream's rate.
        GstClockTimeDiff duration =
            GST_BUFFER_DURATION_IS_VALID(buffer) ? GstClockTimeDiff(GST_BUFFER_DURATION(buffer)) : 0;
        if (duration <= 0)
            duration = aacFrameDuration(gst_sample_get_caps(sample.get()));
        GstClockTimeDiff placed = 0;
        const auto verdict = sound.place(pts, duration, &placed);
        if (verdict == cut::SoundCut::Verdict::Before)
            continue;
        if (verdict == cut::SoundCut::Verdict::After)
            break;
        if (!capsSet) {
            gst_app_src_set_caps(GST_APP_SRC(audioSrc_), gst_sample_get_caps(sample.get()));
            capsSet = true;
        }
        GstBuffer* out = gst_buffer_make_writable(gst_buffer_ref(buffer));
        GST_BUFFER_PTS(out) = GstClockTime(placed - start + timeline.lead);
        GST_BUFFER_DTS(out) = GST_BUFFER_PTS(out);
        // The muxer sizes the last sample from it: without one the clip's sound ends a frame early.
        GST_BUFFER_DURATION(out) = GstClockTime(duration);
        pushed += sec(duration);
        if (gst_app_src_push_buffer(GST_APP_SRC(audioSrc_), out) != GST_FLOW_OK)
            break;
    }
    {
        std::lock_guard lock(mutex_);
        result_.audioDurationSec = pushed;
    }
    endAudio();
}

Result<TrimResult> TrimJob::run(OutputFile& output) {
    const bool withAudio = source_.hasAudio && source_.audioCodec == QLatin1String("aac");
    ReaderStream video{ReaderStream::Mode::Compressed,
                       QStringLiteral("video/x-h264,stream-format=avc,alignment=au")};
    ReaderStream audio;
    if (withAudio)
        audio = {ReaderStream::Mode::Compressed,
                 QStringLiteral("audio/mpeg,mpegversion=4,stream-format=raw")};
    auto reader = MediaReader::open(source_.path, video, audio);
    if (!reader)
        return reader.error();
    reader_ = std::move(*reader);
    if (!reader_->has(MediaReader::Stream::Video))
        return UserError{
            QStringLiteral("读不出视频画面：%1").arg(QFileInfo(source_.path).fileName()),
            QStringLiteral("cannot read the video pictures: %1").arg(QFileInfo(source_.path).fileName()),
            {}};
    const bool hasAudio = reader_->has(MediaReader::Stream::Audio);
    // Seek to the keyframe at or before the in-point; read a little past the out-point so decode order can
    // finish what presentation order needs.
    const double stop = request_.outSec >= 0 ? request_.outSec + 2.0 : -1;
    if (auto error = reader_->seek(request_.inSec, stop,
                                   GstSeekFlags(GST_SEEK_FLAG_KEY_UNIT | GST_SEEK_FLAG_SNAP_BEFORE)))
        return *error;

    QString description =
        QStringLiteral("appsrc name=v format=time block=true max-bytes=64000000 ! mux.video_0 ");
    if (hasAudio)
        description +=
            QStringLiteral("appsrc name=a format=time block=true max-bytes=16000000 ! mux.audio_0 ");
    description += cut::muxerFor(output.extension()) + QStringLiteral(" ! filesink name=sink");
    auto writer = GstPipeline::launch(description);
    if (!writer)
        return writer.error();
    writer_ = std::move(*writer);
    writer_->setFileForErrors(output.finalPath());
    setLocation(writer_->element("sink"), output.partialPath());
    videoSrc_ = writer_->element("v");
    audioSrc_ = hasAudio ? writer_->element("a") : nullptr;
    if (auto error = writer_->setState(GST_STATE_PLAYING, 0))
        return *error;
    if (auto error = reader_->play())
        return *error;

    std::thread videoThread([this] { videoMain(); });
    std::thread audioThread;
    if (hasAudio)
        audioThread = std::thread([this] { audioMain(); });
    auto watch = [this] {
        if (cancel_.isCancelled())
            stop_.cancel();
        if (auto error = reader_->error())
            fail(*error);
    };
    std::optional<UserError> written = writer_->waitForEos(stop_, watch);
    stop_.cancel();                    // done or not, the stream threads stop now
    writer_->setState(GST_STATE_NULL); // unblocks a thread pushing into it
    videoThread.join();
    if (audioThread.joinable())
        audioThread.join();
    reader_.reset();
    if (cancel_.isCancelled())
        return UserError{QStringLiteral("已取消，未保存"), QStringLiteral("cancelled; nothing was saved"),
                         output.finalPath()};
    if (failure_)
        return *failure_;
    if (written)
        return *written;
    CopiedSpan span;
    span.frames = result_.frames;
    span.firstPts = firstPts_;
    span.lastEnd = lastEnd_;
    span.audioDurationSec = result_.audioDurationSec;
    span.audioCopied = hasAudio;
    span.endedEarly = videoEndedEarly_;
    return finishTrim(result_, span, request_, source_, output);
}

} // namespace

QString TrimResult::methodName(Method method) {
    switch (method) {
    case Method::StreamCopy:
        return QStringLiteral("stream-copy");
    case Method::SmartCut:
        return QStringLiteral("smart-cut");
    case Method::Reencode:
        return QStringLiteral("re-encode");
    }
    return {};
}

QJsonObject TrimResult::toJson() const {
    QJsonArray noteList;
    for (const ClipNote& note : notes)
        noteList.append(note.toJson());
    auto rounded = [](double v) { return std::round(v * 1000) / 1000; };
    return {{QStringLiteral("output"), output},
            {QStringLiteral("method"), methodName(method)},
            {QStringLiteral("requested"), QJsonObject{{QStringLiteral("in"), rounded(requestedIn)},
                                                      {QStringLiteral("out"), rounded(requestedOut)}}},
            {QStringLiteral("actual"), QJsonObject{{QStringLiteral("in"), rounded(actualIn)},
                                                   {QStringLiteral("out"), rounded(actualOut)}}},
            {QStringLiteral("frames"), frames},
            {QStringLiteral("reencodedFrames"), reencodedFrames},
            {QStringLiteral("duration"), rounded(durationSec)},
            {QStringLiteral("audioDuration"), rounded(audioDurationSec)},
            {QStringLiteral("notes"), noteList}};
}

Result<TrimResult> Trimmer::trim(const TrimRequest& request, const CancelToken& cancel,
                                 const ProgressFn& progress) {
    auto source = SourceProbe::probe(request.input);
    if (!source)
        return source.error();
    const QString name = QFileInfo(request.input).fileName();
    if (!source->hasVideo)
        return UserError{
            QStringLiteral("这个文件没有视频画面，无法剪切视频；请用导出的 audio-only 预设：%1").arg(name),
            QStringLiteral("this file has no video to trim; export it with the audio-only preset: %1")
                .arg(name),
            {}};
    if (source->videoCodec != QLatin1String("h264"))
        return UserError{QStringLiteral("剪切只支持 H.264 视频（这个文件是 %1）；请用导出：%2")
                             .arg(source->videoCodec, name),
                         QStringLiteral("trimming copies H.264 video only (this file has %1); use export: %2")
                             .arg(source->videoCodec, name),
                         {}};
    if (auto error = checkRange(*source, request.inSec, request.outSec))
        return *error;
    auto output = OutputFile::prepare(
        request.input, request.output, request.overwrite,
        {QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("m4v"), QStringLiteral("mkv")});
    if (!output)
        return output.error();
    if (!request.exact) {
        TrimResult result;
        result.method = TrimResult::Method::StreamCopy;
        auto copied = StreamCopy::run(request, *source, *output, cancel, progress);
        if (!copied)
            return copied.error();
        if (*copied)
            return finishTrim(result, **copied, request, *source, *output);
        qCDebug(lcClips) << "fast trim through the general trimmer:" << request.input;
    }
    TrimJob job(request, *source, cancel, progress);
    return job.run(*output);
}

} // namespace xz::clips
