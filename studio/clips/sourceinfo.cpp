#include "sourceinfo.h"

#include "gstinit.h"
#include "gstpipeline.h"
#include "gstptr.h"

#include <QFile>
#include <QFileInfo>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

namespace xz::clips {
namespace {

QString capsName(GstCaps* caps) {
    if (!caps || gst_caps_is_empty(caps))
        return {};
    return QString::fromUtf8(gst_structure_get_name(gst_caps_get_structure(caps, 0)));
}

UserError unreadable(const QString& path, const QString& detail) {
    const QString name = QFileInfo(path).fileName();
    return UserError{
        QStringLiteral("无法读取这个文件（已损坏或不是视频/音频）：%1").arg(name),
        QStringLiteral("cannot read this file (damaged, or not a video or audio file): %1").arg(name),
        detail};
}

// parsebin exposes a stream's pad once its parsed caps are final: they are taken there, and the stream goes
// nowhere after (the demuxer never fails on an unlinked pad). Runs on parsebin's streaming thread.
struct ProbeState {
    GstElement* pipeline = nullptr;
    std::mutex mutex;
    std::condition_variable added;
    std::vector<gst::CapsPtr> streams;
};

void onPadAdded(GstElement*, GstPad* pad, gpointer data) {
    auto* state = static_cast<ProbeState*>(data);
    GstCaps* caps = gst_pad_get_current_caps(pad);
    if (!caps)
        caps = gst_pad_query_caps(pad, nullptr);
    linkToFakesink(state->pipeline, pad);
    {
        std::lock_guard lock(state->mutex);
        state->streams.emplace_back(caps);
    }
    state->added.notify_all();
}

QString errorText(GstMessage* message) {
    GError* raw = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &raw, &debug);
    gst::ErrorPtr error(raw);
    gst::GCharPtr details(debug);
    return QString::fromUtf8(error ? error->message : "error");
}

} // namespace

QString codecName(GstCaps* caps) {
    const QString kind = capsName(caps);
    if (kind == QLatin1String("audio/mpeg")) {
        const GstStructure* s = gst_caps_get_structure(caps, 0);
        gint version = 0, layer = 0;
        gst_structure_get_int(s, "mpegversion", &version);
        gst_structure_get_int(s, "layer", &layer);
        return version == 1 ? (layer == 3 ? QStringLiteral("mp3") : QStringLiteral("mp2"))
                            : QStringLiteral("aac");
    }
    QString name = kind;
    name.remove(QStringLiteral("video/x-"))
        .remove(QStringLiteral("audio/x-"))
        .remove(QStringLiteral("audio/"));
    return name;
}

Result<SourceInfo> SourceProbe::probe(const QString& path) {
    const QFileInfo file(path);
    const QString name = file.fileName();
    if (!file.exists())
        return UserError{
            QStringLiteral("找不到文件：%1").arg(path), QStringLiteral("file not found: %1").arg(path), {}};
    if (!file.isFile() || !file.isReadable())
        return UserError{QStringLiteral("无法读取文件：%1").arg(path),
                         QStringLiteral("cannot read the file: %1").arg(path),
                         {}};
    if (file.size() == 0)
        return UserError{QStringLiteral("文件是空的（0 字节）：%1").arg(name),
                         QStringLiteral("the file is empty (0 bytes): %1").arg(name), path};
    gst::ensureGstInitialised();
    // Demuxed and parsed, never decoded: a probe costs no decoder (loading libav alone took longer than a
    // fast trim's copying) and reads only the file's head.
    ProbeState state;
    gst::ElementPtr pipeline(gst_pipeline_new(nullptr));
    GstElement* source = gst_element_factory_make("filesrc", nullptr);
    GstElement* parse = gst_element_factory_make("parsebin", nullptr);
    if (!pipeline || !source || !parse)
        return unreadable(path, QStringLiteral("filesrc or parsebin is missing"));
    state.pipeline = pipeline.get();
    g_object_set(source, "location", QFile::encodeName(file.absoluteFilePath()).constData(), nullptr);
    gst_bin_add_many(GST_BIN(pipeline.get()), source, parse, nullptr);
    gst_element_link(source, parse);
    g_signal_connect(parse, "pad-added", G_CALLBACK(onPadAdded), &state);
    const auto stop = [&] { gst_element_set_state(pipeline.get(), GST_STATE_NULL); };
    gst::BusPtr bus(gst_element_get_bus(pipeline.get()));
    const gint64 deadline = g_get_monotonic_time() + 15 * G_TIME_SPAN_SECOND;
    if (gst_element_set_state(pipeline.get(), GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE) {
        gst::MessagePtr error(gst_bus_pop_filtered(bus.get(), GST_MESSAGE_ERROR));
        stop();
        return unreadable(path, error ? errorText(error.get()) : QStringLiteral("cannot start reading"));
    }
    // parsebin announces the streams it found (a stream collection), then exposes a pad for each. An error
    // or the deadline ends the wait.
    const auto failure = [&]() -> std::optional<QString> {
        if (gst::MessagePtr message{gst_bus_pop_filtered(bus.get(), GST_MESSAGE_ERROR)})
            return errorText(message.get());
        if (g_get_monotonic_time() > deadline)
            return QStringLiteral("timed out reading the file's streams");
        return std::nullopt;
    };
    guint expected = 0;
    while (expected == 0) {
        gst::MessagePtr message{gst_bus_timed_pop_filtered(
            bus.get(), 20 * GST_MSECOND, GstMessageType(GST_MESSAGE_ERROR | GST_MESSAGE_STREAM_COLLECTION))};
        if (message && GST_MESSAGE_TYPE(message.get()) == GST_MESSAGE_ERROR) {
            stop();
            return unreadable(path, errorText(message.get()));
        }
        if (message && GST_MESSAGE_SRC(message.get()) == GST_OBJECT(parse)) {
            GstStreamCollection* raw = nullptr;
            gst_message_parse_stream_collection(message.get(), &raw);
            expected = raw ? gst_stream_collection_get_size(raw) : 0;
            if (raw)
                gst_object_unref(raw);
            if (expected == 0) {
                stop();
                return unreadable(path, QStringLiteral("no audio or video stream"));
            }
        } else if (auto why = failure()) {
            stop();
            return unreadable(path, *why);
        }
    }
    std::vector<gst::CapsPtr> streams;
    for (;;) {
        {
            std::unique_lock lock(state.mutex);
            if (state.added.wait_for(lock, std::chrono::milliseconds(20),
                                     [&] { return state.streams.size() >= expected; })) {
                streams = std::move(state.streams);
                break;
            }
        }
        if (auto why = failure()) {
            stop();
            return unreadable(path, *why);
        }
    }
    gint64 duration = -1;
    if (!gst_element_query_duration(pipeline.get(), GST_FORMAT_TIME, &duration))
        duration = -1;
    // The container's type, as typefind named it for parsebin.
    QString container;
    if (GstElement* typefind = gst_bin_get_by_name(GST_BIN(parse), "typefind")) {
        gst::ElementPtr owned(typefind);
        GstCaps* found = nullptr;
        g_object_get(typefind, "caps", &found, nullptr);
        gst::CapsPtr caps(found);
        container = capsName(caps.get());
    }
    stop();

    SourceInfo info;
    info.path = path;
    info.durationSec = duration > 0 ? double(duration) / GST_SECOND : 0;
    if (container == QLatin1String("video/x-matroska") || container == QLatin1String("video/webm") ||
        container == QLatin1String("audio/x-matroska") || container == QLatin1String("audio/webm"))
        info.container = QStringLiteral("matroska");
    else if (container == QLatin1String("video/quicktime") || container == QLatin1String("audio/x-m4a"))
        info.container = QStringLiteral("mp4");
    else
        info.container = container;
    for (const gst::CapsPtr& caps : streams) {
        if (!caps || gst_caps_is_empty(caps.get()))
            continue;
        const QString kind = capsName(caps.get());
        const GstStructure* s = gst_caps_get_structure(caps.get(), 0);
        if (kind.startsWith(QLatin1String("video/")) && !info.hasVideo) {
            info.hasVideo = true;
            gst_structure_get_int(s, "width", &info.width);
            gst_structure_get_int(s, "height", &info.height);
            if (!gst_structure_get_fraction(s, "framerate", &info.fpsNum, &info.fpsDen) || info.fpsDen <= 0) {
                info.fpsNum = 0;
                info.fpsDen = 1;
            }
            // A variable-rate stream may declare its timing clock (1000000000/1) as its rate.
            if (double(info.fpsNum) / info.fpsDen > 240)
                info.fpsNum = 0;
            info.videoCodec = codecName(caps.get());
            if (const gchar* profile = gst_structure_get_string(s, "profile"))
                info.profile = QString::fromUtf8(profile);
            if (const gchar* chroma = gst_structure_get_string(s, "chroma-format"))
                info.chromaFormat = QString::fromUtf8(chroma);
            guint depth = 0;
            if (gst_structure_get_uint(s, "bit-depth-luma", &depth) && depth > 0)
                info.bitDepth = int(depth);
            else if (info.profile.contains(QLatin1String("10")))
                info.bitDepth = 10;
        } else if (kind.startsWith(QLatin1String("audio/")) && !info.hasAudio) {
            info.hasAudio = true;
            gst_structure_get_int(s, "rate", &info.audioRate);
            gst_structure_get_int(s, "channels", &info.audioChannels);
            info.audioCodec = codecName(caps.get());
        }
    }
    if (!info.hasVideo && !info.hasAudio)
        return unreadable(path, QStringLiteral("no audio or video stream"));
    return info;
}

} // namespace xz::clips
