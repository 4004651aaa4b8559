#include "capturepipeline.h"

#include "capturelogging.h"
#include "redact.h"

#include <gst/audio/audio.h>
#include <iterator>
#include <util/platform.h>

namespace xz::capture {
namespace {

// Set once any pipeline with SRT elements has started (see srtLibraryInUse()).
std::atomic<bool> srtStarted{false};

// GStreamer's messages quote locations verbatim, and an RTMP or SRT address can carry a key or passphrase.
QString fromUtf8(const char* text) {
    return text ? Redactor::redactUrlsIn(QString::fromUtf8(text)) : QString();
}

// libav's video decoders default to frame threading, which holds back one frame per thread (latency a phone's
// picture does not need) and costs more CPU in hand-offs than 720p or 1080p decoding needs in parallelism.
// Slice threading decodes each frame as it comes.
void preferSliceThreading(GstElement* element) {
    GstElementFactory* factory = gst_element_get_factory(element);
    if (!factory || !g_str_has_prefix(GST_OBJECT_NAME(factory), "avdec_") ||
        !g_object_class_find_property(G_OBJECT_GET_CLASS(element), "thread-type"))
        return;
    gst_util_set_object_arg(G_OBJECT(element), "thread-type", "slice");
}

void onDeepElementAdded(GstBin*, GstBin*, GstElement* element, gpointer) {
    preferSliceThreading(element);
}

// appsink answers the allocation query with nothing, so decoders that need padded frames (libav's want
// their own strides and a margin below the picture) decode into a private pool and copy every frame into a
// plain buffer. Saying the sink understands GstVideoMeta lets them hand over their own buffers; frames are
// mapped with gst_video_frame_map, which honours the meta, and libobs' copy stays the only one.
GstPadProbeReturn acceptVideoMeta(GstPad*, GstPadProbeInfo* info, gpointer) {
    GstQuery* query = GST_PAD_PROBE_INFO_QUERY(info);
    if (GST_QUERY_TYPE(query) == GST_QUERY_ALLOCATION &&
        !gst_query_find_allocation_meta(query, GST_VIDEO_META_API_TYPE, nullptr))
        gst_query_add_allocation_meta(query, GST_VIDEO_META_API_TYPE, nullptr);
    return GST_PAD_PROBE_OK;
}

// One wording for a device gone, however it went (an error from the source, or the sound server moving away).
CaptureError deviceDisconnected(const QString& detail) {
    return {QStringLiteral("设备已断开（被拔出？）"),
            QStringLiteral("the device was disconnected (unplugged?)"), detail, false};
}

constexpr const char* kDeviceMovedMessage = "xz-device-moved";

// PulseAudio moves a recording to another microphone when the chosen one is pulled out, and pulsesrc carries
// on without an error: the presenter's USB microphone would silently become the laptop's. A pulsesrc told
// to use a particular device reports the move here (from PulseAudio's thread); the pipeline ends the run so
// the source shows the loss and retries the chosen device.
void onPulseDeviceChanged(GstElement* source, GParamSpec*, gpointer) {
    gchar* rawWanted = nullptr;
    gchar* rawCurrent = nullptr;
    g_object_get(source, "device", &rawWanted, "current-device", &rawCurrent, nullptr);
    const gst::GCharPtr wanted(rawWanted);
    const gst::GCharPtr current(rawCurrent);
    if (!wanted || !current || g_strcmp0(wanted.get(), current.get()) == 0)
        return;
    GstStructure* moved = gst_structure_new(kDeviceMovedMessage, "wanted", G_TYPE_STRING, wanted.get(),
                                            "current", G_TYPE_STRING, current.get(), nullptr);
    gst_element_post_message(source, gst_message_new_application(GST_OBJECT(source), moved));
}

void watchForMovedDevice(GstElement* element) {
    GstElementFactory* factory = gst_element_get_factory(element);
    if (!factory || g_strcmp0(GST_OBJECT_NAME(factory), "pulsesrc") != 0)
        return;
    gchar* rawWanted = nullptr;
    g_object_get(element, "device", &rawWanted, nullptr);
    const gst::GCharPtr wanted(rawWanted);
    if (wanted) // without a device it follows the system default on purpose
        g_signal_connect(element, "notify::current-device", G_CALLBACK(onPulseDeviceChanged), nullptr);
}

} // namespace

CaptureError describeParseError(const GError* error, const QString& description) {
    const QString detail = fromUtf8(error ? error->message : nullptr);
    CaptureError result{QStringLiteral("采集管道无效"), QStringLiteral("the capture pipeline is invalid"),
                        detail, true};
    if (!error || error->domain != GST_PARSE_ERROR)
        return result;
    switch (error->code) {
    case GST_PARSE_ERROR_SYNTAX:
        result.messageZh = QStringLiteral("采集管道语法错误");
        result.messageEn = QStringLiteral("syntax error in the capture pipeline");
        break;
    case GST_PARSE_ERROR_NO_SUCH_ELEMENT:
        result.messageZh = QStringLiteral("采集管道里有未知的元素（插件未安装或名字写错）");
        result.messageEn =
            QStringLiteral("unknown element in the capture pipeline (plugin not installed or misspelt)");
        break;
    case GST_PARSE_ERROR_NO_SUCH_PROPERTY:
    case GST_PARSE_ERROR_COULD_NOT_SET_PROPERTY:
        result.messageZh = QStringLiteral("采集管道里的属性无效");
        result.messageEn = QStringLiteral("invalid property in the capture pipeline");
        break;
    case GST_PARSE_ERROR_LINK:
        result.messageZh = QStringLiteral("采集管道的元素无法连接（格式不匹配）");
        result.messageEn =
            QStringLiteral("capture pipeline elements cannot be linked (formats do not match)");
        break;
    default:
        break;
    }
    Q_UNUSED(description);
    return result;
}

CaptureError describeRuntimeError(const GError* error, const QString& debug, const QString& element) {
    QString detail = fromUtf8(error ? error->message : nullptr);
    if (!element.isEmpty())
        detail = element + QStringLiteral(": ") + detail;
    if (!debug.isEmpty())
        detail += QStringLiteral(" [") + Redactor::redactUrlsIn(debug.section(QLatin1Char('\n'), -1)) +
                  QLatin1Char(']');
    CaptureError result{QStringLiteral("采集管道出错"), QStringLiteral("the capture pipeline failed"), detail,
                        false};
    if (!error)
        return result;
    if (error->domain == GST_RESOURCE_ERROR) {
        switch (error->code) {
        case GST_RESOURCE_ERROR_NOT_FOUND:
        case GST_RESOURCE_ERROR_OPEN_READ:
        case GST_RESOURCE_ERROR_OPEN_READ_WRITE:
        case GST_RESOURCE_ERROR_OPEN_WRITE:
            result.messageZh = QStringLiteral("设备或文件不存在，或无法打开");
            result.messageEn = QStringLiteral("the device or file does not exist or cannot be opened");
            break;
        case GST_RESOURCE_ERROR_BUSY:
            result.messageZh = QStringLiteral("设备正被其他程序占用");
            result.messageEn = QStringLiteral("the device is busy (used by another program)");
            break;
        case GST_RESOURCE_ERROR_READ:
        case GST_RESOURCE_ERROR_SETTINGS:
            result.messageZh = QStringLiteral("无法从设备或网络读取");
            result.messageEn = QStringLiteral("cannot read from the device or network");
            break;
        default:
            break;
        }
    } else if (error->domain == GST_STREAM_ERROR) {
        if (error->code == GST_STREAM_ERROR_FORMAT || error->code == GST_STREAM_ERROR_WRONG_TYPE ||
            error->code == GST_STREAM_ERROR_DECODE || error->code == GST_STREAM_ERROR_DEMUX) {
            result.messageZh = QStringLiteral("信号格式无法识别或已损坏");
            result.messageEn = QStringLiteral("the signal's format is not recognised or is damaged");
        }
    } else if (error->domain == GST_CORE_ERROR && error->code == GST_CORE_ERROR_MISSING_PLUGIN) {
        result.messageZh = QStringLiteral("缺少解码插件");
        result.messageEn = QStringLiteral("a decoder plugin is missing");
    }
    // pulsesrc when its microphone is pulled out while recording ("Disconnected: Entity killed").
    if (detail.contains(QLatin1String("Entity killed")) || detail.contains(QLatin1String("No such entity")))
        result = deviceDisconnected(detail);
    // pulsesrc when no sound server runs on this machine (a fresh PC, a service not started).
    if (element.startsWith(QLatin1String("pulsesrc")) &&
        detail.contains(QLatin1String("Failed to connect"))) {
        result.messageZh = QStringLiteral("声音服务（PulseAudio）没有运行，话筒无法使用");
        result.messageEn = QStringLiteral("the sound server (PulseAudio) is not running: no microphone");
    }
    // A stream with nowhere to go: typically a file or sender without the picture (or sound) asked for.
    if (detail.contains(QLatin1String("not-linked"))) {
        result.messageZh = QStringLiteral("信号里没有需要的画面或声音");
        result.messageEn = QStringLiteral("the signal lacks the picture or sound asked for");
    }
    // Negotiation failures arrive as a flow error whose text says "not-negotiated".
    if (detail.contains(QLatin1String("not-negotiated")) ||
        detail.contains(QLatin1String("not negotiated"))) {
        result.messageZh = QStringLiteral("格式协商失败（caps 缺失或不可能满足）");
        result.messageEn =
            QStringLiteral("format negotiation failed (caps missing or impossible to satisfy)");
    }
    return result;
}

std::unique_ptr<CapturePipeline> CapturePipeline::create(const LaunchPlan& plan, Sinks sinks,
                                                         CaptureError* error) {
    std::unique_ptr<CapturePipeline> pipeline(new CapturePipeline);
    pipeline->sinks_ = std::move(sinks);
    pipeline->description_ = plan.description;
    GError* rawError = nullptr;
    // FATAL_ERRORS: a missing element fails the parse instead of returning a half-built pipeline.
    GstElement* parsed = gst_parse_launch_full(plan.description.toUtf8().constData(), nullptr,
                                               GST_PARSE_FLAG_FATAL_ERRORS, &rawError);
    gst::ErrorPtr parseError(rawError);
    // The result is floating: sink it so the unique_ptr holds the one real reference.
    if (parsed && g_object_is_floating(parsed))
        gst_object_ref_sink(parsed);
    gst::ElementPtr element(parsed);
    if (parseError || !element) {
        *error = describeParseError(parseError.get(), plan.description);
        return nullptr;
    }
    if (!GST_IS_PIPELINE(element.get())) {
        // A single element parses to itself; wrap it so it has a bus and a clock.
        GstElement* bin = GST_ELEMENT(gst_object_ref_sink(gst_pipeline_new(nullptr)));
        gst_bin_add(GST_BIN(bin), element.get()); // the bin takes a reference of its own
        element.reset(bin);
    }
    pipeline->pipeline_ = std::move(element);
    // Decoders written in the description exist now; decodebin adds its own later.
    GstIterator* elements = gst_bin_iterate_recurse(GST_BIN(pipeline->pipeline_.get()));
    gst_iterator_foreach(
        elements,
        [](const GValue* value, gpointer) {
            GstElement* child = GST_ELEMENT(g_value_get_object(value));
            preferSliceThreading(child);
            watchForMovedDevice(child);
        },
        nullptr);
    gst_iterator_free(elements);
    g_signal_connect(pipeline->pipeline_.get(), "deep-element-added", G_CALLBACK(onDeepElementAdded),
                     nullptr);
    pipeline->bus_.reset(gst_element_get_bus(pipeline->pipeline_.get()));
    // The system clock is CLOCK_MONOTONIC, the clock os_gettime_ns reads: buffer times map onto libobs' clock
    // by a constant, and a device clock (pulsesrc's) is slaved to it rather than the other way round.
    pipeline->clock_.reset(gst_system_clock_obtain());
    gst_pipeline_use_clock(GST_PIPELINE(pipeline->pipeline_.get()), pipeline->clock_.get());

    if (plan.video && !pipeline->attachSink(kVideoSinkName, true, error))
        return nullptr;
    if (plan.audio && !pipeline->attachSink(kAudioSinkName, false, error))
        return nullptr;
    return pipeline;
}

bool CapturePipeline::attachSink(const char* name, bool video, CaptureError* error) {
    gst::ElementPtr sink(gst_bin_get_by_name(GST_BIN(pipeline_.get()), name));
    if (!sink || !GST_IS_APP_SINK(sink.get())) {
        *error = {QStringLiteral("采集管道无法接上输出"),
                  QStringLiteral("the capture pipeline has no place for the output"), QLatin1String(name),
                  true};
        return false;
    }
    GstAppSinkCallbacks callbacks{};
    callbacks.new_sample = video ? &CapturePipeline::onVideoSample : &CapturePipeline::onAudioSample;
    gst_app_sink_set_callbacks(GST_APP_SINK(sink.get()), &callbacks, this, nullptr);
    if (video) {
        gst::PadPtr pad(gst_element_get_static_pad(sink.get(), "sink"));
        gst_pad_add_probe(pad.get(), GST_PAD_PROBE_TYPE_QUERY_DOWNSTREAM, &acceptVideoMeta, nullptr, nullptr);
    }
    return true;
}

CapturePipeline::~CapturePipeline() {
    if (pipeline_) {
        // Returns once every streaming thread has stopped, so no callback can reach a released source.
        gst_element_set_state(pipeline_.get(), GST_STATE_NULL);
    }
}

bool CapturePipeline::srtUsed() {
    return srtStarted.load();
}

bool CapturePipeline::play(CaptureError* error, bool loop) {
    if (description_.contains(QLatin1String("srtsrc")) || description_.contains(QLatin1String("srtsink")))
        srtStarted = true;
    // Live sources (cameras, microphones, network) answer PAUSED with NO_PREROLL. Only they get leaky queues,
    // which drop old buffers rather than stall the device; a file must be paced by the sink instead, or the
    // decoder races ahead, the queue throws most frames away and the picture stalls.
    const GstStateChangeReturn paused = gst_element_set_state(pipeline_.get(), GST_STATE_PAUSED);
    live_ = paused == GST_STATE_CHANGE_NO_PREROLL;
    if (paused != GST_STATE_CHANGE_FAILURE && !live_) {
        keepEveryBuffer();
        if (loop)
            loopBySeek_ = startSegmentLoop();
    }
    if (paused != GST_STATE_CHANGE_FAILURE &&
        gst_element_set_state(pipeline_.get(), GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE)
        return true;
    // The reason is on the bus (a device that does not exist fails right here).
    if (waitForEvent(std::chrono::milliseconds(0), error) == Event::None)
        *error = {QStringLiteral("采集管道无法启动"), QStringLiteral("the capture pipeline cannot start"),
                  QString(), false};
    return false;
}

bool CapturePipeline::startSegmentLoop() {
    // A segment seek needs the pipeline prerolled. A file prerolls in milliseconds; one that takes longer
    // than this (or never prerolls) plays without the seek and, if it ends, is restarted by the supervisor.
    constexpr GstClockTime kPrerollWait = 2 * GST_SECOND;
    if (gst_element_get_state(pipeline_.get(), nullptr, nullptr, kPrerollWait) != GST_STATE_CHANGE_SUCCESS)
        return false;
    // With SEGMENT the end posts SEGMENT_DONE instead of EOS, and the next seek can be queued without a
    // flush.
    return gst_element_seek(pipeline_.get(), 1.0, GST_FORMAT_TIME,
                            static_cast<GstSeekFlags>(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_SEGMENT),
                            GST_SEEK_TYPE_SET, 0, GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE);
}

void CapturePipeline::keepEveryBuffer() {
    for (const char* queueName : {"vsink", "asink"}) {
        gst::ElementPtr queue(gst_bin_get_by_name(GST_BIN(pipeline_.get()), queueName));
        // Without a queue of the plugin's own the name belongs to the converter
        // (BranchThreads::FromDescription).
        if (queue && g_object_class_find_property(G_OBJECT_GET_CLASS(queue.get()), "leaky"))
            g_object_set(queue.get(), "leaky", 0, nullptr);
    }
}

CapturePipeline::Event CapturePipeline::waitForEvent(std::chrono::milliseconds timeout, CaptureError* error) {
    const auto types = static_cast<GstMessageType>(GST_MESSAGE_ERROR | GST_MESSAGE_EOS |
                                                   GST_MESSAGE_APPLICATION | GST_MESSAGE_SEGMENT_DONE);
    gst::MessagePtr message(gst_bus_timed_pop_filtered(
        bus_.get(), static_cast<GstClockTime>(timeout.count()) * GST_MSECOND, types));
    if (!message)
        return Event::None;
    if (GST_MESSAGE_TYPE(message.get()) == GST_MESSAGE_APPLICATION) {
        const GstStructure* structure = gst_message_get_structure(message.get());
        if (!gst_structure_has_name(structure, kDeviceMovedMessage))
            return Event::Flowing;
        *error = deviceDisconnected(QStringLiteral("the sound server moved the recording from %1 to %2")
                                        .arg(fromUtf8(gst_structure_get_string(structure, "wanted")),
                                             fromUtf8(gst_structure_get_string(structure, "current"))));
        return Event::Error;
    }
    if (GST_MESSAGE_TYPE(message.get()) == GST_MESSAGE_SEGMENT_DONE) {
        if (!loopBySeek_)
            return Event::None; // a segment seek made by an element of the description itself
        // Not flushing: what is queued plays out and the start follows it seamlessly.
        if (gst_element_seek(pipeline_.get(), 1.0, GST_FORMAT_TIME, GST_SEEK_FLAG_SEGMENT, GST_SEEK_TYPE_SET,
                             0, GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE))
            return Event::Looped;
        *error = {QStringLiteral("信号已结束"), QStringLiteral("the signal ended"),
                  QStringLiteral("end of the file (it cannot seek back to the start)"), false};
        return Event::EndOfStream;
    }
    if (GST_MESSAGE_TYPE(message.get()) == GST_MESSAGE_EOS) {
        *error = {QStringLiteral("信号已结束"), QStringLiteral("the signal ended"),
                  QStringLiteral("end of stream"), false};
        return Event::EndOfStream;
    }
    GError* rawError = nullptr;
    gchar* rawDebug = nullptr;
    gst_message_parse_error(message.get(), &rawError, &rawDebug);
    gst::ErrorPtr gerror(rawError);
    gst::GCharPtr debug(rawDebug);
    const QString element = GST_MESSAGE_SRC(message.get())
                                ? fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message.get())))
                                : QString();
    *error = describeRuntimeError(gerror.get(), fromUtf8(debug.get()), element);
    return Event::Error;
}

uint64_t CapturePipeline::toObsTime(GstBuffer* buffer, const GstSegment* segment, uint64_t* clockNs) const {
    const uint64_t now = os_gettime_ns();
    *clockNs = 0;
    const GstClockTime pts = GST_BUFFER_PTS(buffer);
    if (!GST_CLOCK_TIME_IS_VALID(pts) || !segment)
        return now;
    const GstClockTime running = gst_segment_to_running_time(segment, GST_FORMAT_TIME, pts);
    if (!GST_CLOCK_TIME_IS_VALID(running))
        return now;
    const GstClockTime clockTime = gst_element_get_base_time(pipeline_.get()) + running;
    *clockNs = clockTime;
    // Usually 0 (both are CLOCK_MONOTONIC); measured rather than assumed in case the system clock type
    // differs.
    const int64_t offset = static_cast<int64_t>(now) - static_cast<int64_t>(gst_clock_get_time(clock_.get()));
    return static_cast<uint64_t>(static_cast<int64_t>(clockTime) + offset);
}

GstFlowReturn CapturePipeline::onVideoSample(GstAppSink* sink, gpointer self) {
    gst::SamplePtr sample(gst_app_sink_pull_sample(sink));
    if (sample)
        static_cast<CapturePipeline*>(self)->deliverVideo(sample.get());
    return GST_FLOW_OK;
}

GstFlowReturn CapturePipeline::onAudioSample(GstAppSink* sink, gpointer self) {
    gst::SamplePtr sample(gst_app_sink_pull_sample(sink));
    if (sample)
        static_cast<CapturePipeline*>(self)->deliverAudio(sample.get());
    return GST_FLOW_OK;
}

void CapturePipeline::deliverVideo(GstSample* sample) {
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    GstCaps* caps = gst_sample_get_caps(sample);
    if (!buffer || !caps)
        return;
    GstVideoInfo info;
    std::optional<FrameLayout> layout;
    {
        std::lock_guard lock(layoutMutex_);
        if (!videoCaps_ || !gst_caps_is_equal(videoCaps_.get(), caps)) {
            if (!gst_video_info_from_caps(&videoInfo_, caps))
                return;
            videoCaps_.reset(gst_caps_ref(caps));
            layout_ = frameLayoutFor(videoInfo_);
            if (!layout_)
                qCWarning(lcCapture) << "unsupported raw video format" << GST_VIDEO_INFO_NAME(&videoInfo_);
        }
        info = videoInfo_;
        layout = layout_;
    }
    if (!layout)
        return;
    // Mapping system memory is free; libobs copies the planes once into its own frame.
    GstVideoFrame mapped;
    if (!gst_video_frame_map(&mapped, &info, buffer, GST_MAP_READ))
        return;
    obs_source_frame frame{};
    for (guint plane = 0; plane < GST_VIDEO_FRAME_N_PLANES(&mapped) && plane < MAX_AV_PLANES; ++plane) {
        frame.data[plane] = static_cast<uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&mapped, plane));
        frame.linesize[plane] = static_cast<uint32_t>(GST_VIDEO_FRAME_PLANE_STRIDE(&mapped, plane));
    }
    frame.width = static_cast<uint32_t>(GST_VIDEO_FRAME_WIDTH(&mapped));
    frame.height = static_cast<uint32_t>(GST_VIDEO_FRAME_HEIGHT(&mapped));
    frame.format = layout->format;
    frame.full_range = layout->fullRange;
    std::copy(std::begin(layout->colorMatrix), std::end(layout->colorMatrix), frame.color_matrix);
    std::copy(std::begin(layout->rangeMin), std::end(layout->rangeMin), frame.color_range_min);
    std::copy(std::begin(layout->rangeMax), std::end(layout->rangeMax), frame.color_range_max);
    uint64_t clockNs = 0;
    frame.timestamp = toObsTime(buffer, gst_sample_get_segment(sample), &clockNs);
    if (sinks_.probe) {
        BufferProbe probe;
        probe.video = true;
        probe.clockNs = clockNs;
        probe.obsNs = frame.timestamp;
        probe.frame = &frame;
        sinks_.probe(probe);
    }
    if (sinks_.video)
        sinks_.video(frame);
    gst_video_frame_unmap(&mapped);
    ++videoFrames_;
    noteBuffer();
}

void CapturePipeline::noteBuffer() {
    lastBufferNs_.store(os_gettime_ns());
    if (!flowing_.exchange(true))
        gst_bus_post(bus_.get(), gst_message_new_application(GST_OBJECT(pipeline_.get()),
                                                             gst_structure_new_empty("xz-flowing")));
}

void CapturePipeline::deliverAudio(GstSample* sample) {
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    GstCaps* caps = gst_sample_get_caps(sample);
    GstAudioInfo info;
    if (!buffer || !caps || !gst_audio_info_from_caps(&info, caps) || GST_AUDIO_INFO_BPF(&info) == 0)
        return;
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
        return;
    obs_source_audio audio{};
    audio.data[0] = map.data;
    audio.frames = static_cast<uint32_t>(map.size / static_cast<gsize>(GST_AUDIO_INFO_BPF(&info)));
    audio.speakers = GST_AUDIO_INFO_CHANNELS(&info) == 1 ? SPEAKERS_MONO : SPEAKERS_STEREO;
    audio.format = AUDIO_FORMAT_FLOAT;
    audio.samples_per_sec = static_cast<uint32_t>(GST_AUDIO_INFO_RATE(&info));
    uint64_t clockNs = 0;
    audio.timestamp = toObsTime(buffer, gst_sample_get_segment(sample), &clockNs);
    if (sinks_.probe) {
        BufferProbe probe;
        probe.clockNs = clockNs;
        probe.obsNs = audio.timestamp;
        probe.audioFrames = audio.frames;
        probe.sampleRate = audio.samples_per_sec;
        sinks_.probe(probe);
    }
    if (sinks_.audio && audio.frames > 0)
        sinks_.audio(audio);
    gst_buffer_unmap(buffer, &map);
    ++audioBuffers_;
    noteBuffer();
}

} // namespace xz::capture
