#include "mediareader.h"

#include "clipslog.h"
#include "cutrules.h"

#include <QFileInfo>
#include <atomic>
#include <gst/app/gstappsink.h>

namespace xz::clips {

struct MediaReader::Branch {
    ReaderStream spec;
    GstElement* sink = nullptr; // owned by the pipeline once linked
    std::atomic<bool> linked{false};
};

namespace {

constexpr const char* kQueue = cut::kInterleaveQueue;
constexpr const char* kSink = "appsink name=out sync=false max-buffers=8 enable-last-sample=false";

// The best-ranked decoder for these caps (what decodebin would pick), named so the branch is a static chain.
QString decoderFor(GstCaps* caps) {
    GList* decoders =
        gst_element_factory_list_get_elements(GST_ELEMENT_FACTORY_TYPE_DECODER, GST_RANK_MARGINAL);
    GList* usable = gst_element_factory_list_filter(decoders, caps, GST_PAD_SINK, FALSE);
    usable = g_list_sort(usable, gst_plugin_feature_rank_compare_func);
    QString name;
    if (usable)
        name = QString::fromUtf8(gst_plugin_feature_get_name(GST_PLUGIN_FEATURE(usable->data)));
    gst_plugin_feature_list_free(usable);
    gst_plugin_feature_list_free(decoders);
    return name;
}

QString branchDescription(const ReaderStream& spec, const QString& decoder) {
    if (spec.mode == ReaderStream::Mode::Compressed)
        return QStringLiteral("%1 ! %2 ! %3").arg(QLatin1String(kQueue), spec.chain, QLatin1String(kSink));
    return QStringLiteral("%1 ! %2 ! %3 ! %4")
        .arg(QLatin1String(kQueue), decoder, spec.chain, QLatin1String(kSink));
}

} // namespace

MediaReader::MediaReader(std::unique_ptr<GstPipeline> pipeline) : pipeline_(std::move(pipeline)) {}

MediaReader::~MediaReader() = default;

bool MediaReader::has(Stream stream) const {
    const auto& branch = stream == Stream::Video ? video_ : audio_;
    return branch && branch->linked;
}

void MediaReader::onPadAdded(GstElement*, GstPad* pad, gpointer data) {
    auto* self = static_cast<MediaReader*>(data);
    GstElement* pipeline = self->pipeline_->get();
    gst::CapsPtr caps(gst_pad_get_current_caps(pad));
    if (!caps)
        caps.reset(gst_pad_query_caps(pad, nullptr));
    const gchar* name = gst_structure_get_name(gst_caps_get_structure(caps.get(), 0));
    Branch* branch = nullptr;
    if (g_str_has_prefix(name, "video/") && self->video_ && !self->video_->linked &&
        self->video_->spec.mode != ReaderStream::Mode::Off)
        branch = self->video_.get();
    else if (g_str_has_prefix(name, "audio/") && self->audio_ && !self->audio_->linked &&
             self->audio_->spec.mode != ReaderStream::Mode::Off)
        branch = self->audio_.get();
    if (!branch) {
        linkToFakesink(pipeline, pad);
        return;
    }
    QString decoder;
    if (branch->spec.mode == ReaderStream::Mode::Decoded) {
        decoder = decoderFor(caps.get());
        if (decoder.isEmpty()) {
            gst::GCharPtr text(gst_caps_to_string(caps.get()));
            qCWarning(lcClips) << "no decoder for" << text.get();
            linkToFakesink(pipeline, pad);
            return;
        }
    }
    GError* raw = nullptr;
    GstElement* bin = gst_parse_bin_from_description(
        branchDescription(branch->spec, decoder).toUtf8().constData(), TRUE, &raw);
    gst::ErrorPtr error(raw);
    if (!bin) {
        qCWarning(lcClips) << "cannot build reader branch:" << (error ? error->message : "?");
        linkToFakesink(pipeline, pad);
        return;
    }
    gst_bin_add(GST_BIN(pipeline), bin);
    branch->sink = gst_bin_get_by_name(GST_BIN(bin), "out");
    gst_object_unref(branch->sink); // the bin holds it
    gst_element_sync_state_with_parent(bin);
    gst::PadPtr sinkPad(gst_element_get_static_pad(bin, "sink"));
    if (gst_pad_link(pad, sinkPad.get()) == GST_PAD_LINK_OK)
        branch->linked = true;
    else
        qCWarning(lcClips) << "cannot link reader branch for" << name;
}

Result<std::unique_ptr<MediaReader>> MediaReader::open(const QString& path, ReaderStream video,
                                                       ReaderStream audio) {
    auto pipeline = GstPipeline::launch(QStringLiteral("filesrc name=src ! parsebin name=parse"));
    if (!pipeline)
        return pipeline.error();
    std::unique_ptr<MediaReader> reader(new MediaReader(std::move(*pipeline)));
    reader->path_ = path;
    reader->pipeline_->setFileForErrors(QFileInfo(path).fileName());
    reader->video_ = std::make_unique<Branch>();
    reader->video_->spec = std::move(video);
    reader->audio_ = std::make_unique<Branch>();
    reader->audio_->spec = std::move(audio);
    setLocation(reader->pipeline_->element("src"), path);
    g_signal_connect(reader->pipeline_->element("parse"), "pad-added", G_CALLBACK(&MediaReader::onPadAdded),
                     reader.get());
    if (auto error = reader->pipeline_->setState(GST_STATE_PAUSED))
        return *error;
    // The sinks appear with the streams: the pipeline has prerolled only once every stream is linked.
    const gint64 deadline = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;
    auto allLinked = [&reader] {
        for (const Branch* branch : {reader->video_.get(), reader->audio_.get()})
            if (branch->spec.mode != ReaderStream::Mode::Off && !branch->linked)
                return false;
        return true;
    };
    while (!allLinked() && g_get_monotonic_time() < deadline) {
        if (auto error = reader->pipeline_->pendingError())
            return *error;
        g_usleep(5000);
    }
    if (!allLinked())
        return UserError{QStringLiteral("打开文件超时：%1").arg(QFileInfo(path).fileName()),
                         QStringLiteral("opening the file timed out: %1").arg(QFileInfo(path).fileName()),
                         {}};
    if (auto error = reader->pipeline_->setState(GST_STATE_PAUSED))
        return *error;
    return reader;
}

std::optional<UserError> MediaReader::seek(double startSec, double stopSec, GstSeekFlags flags) {
    return pipeline_->seek(startSec, stopSec, flags);
}

std::optional<UserError> MediaReader::play() {
    return pipeline_->setState(GST_STATE_PLAYING);
}

gst::SamplePtr MediaReader::preroll(Stream stream) {
    Branch* branch = stream == Stream::Video ? video_.get() : audio_.get();
    if (!branch || !branch->linked)
        return nullptr;
    GstSample* sample = gst_app_sink_try_pull_preroll(GST_APP_SINK(branch->sink), 0);
    return sample ? inStreamTime(gst::SamplePtr(sample)) : nullptr;
}

std::optional<UserError> MediaReader::error() {
    return pipeline_->pendingError();
}

// Buffers carry the container's media time; an MP4 edit list (B-frame delay, AAC priming) makes the timeline
// people see differ from it, and the segment says by how much. Samples leave the reader in stream time.
gst::SamplePtr MediaReader::inStreamTime(gst::SamplePtr sample) {
    const GstSegment* segment = gst_sample_get_segment(sample.get());
    if (!segment || segment->format != GST_FORMAT_TIME)
        return sample;
    const GstClockTimeDiff offset = GstClockTimeDiff(segment->time) - GstClockTimeDiff(segment->start);
    if (offset == 0)
        return sample;
    GstBuffer* buffer = gst_buffer_copy(gst_sample_get_buffer(sample.get()));
    auto shift = [offset](GstClockTime t) {
        return GST_CLOCK_TIME_IS_VALID(t)
                   ? GstClockTime(std::max<GstClockTimeDiff>(0, GstClockTimeDiff(t) + offset))
                   : t;
    };
    GST_BUFFER_PTS(buffer) = shift(GST_BUFFER_PTS(buffer));
    GST_BUFFER_DTS(buffer) = shift(GST_BUFFER_DTS(buffer));
    gst::SamplePtr shifted(gst_sample_new(buffer, gst_sample_get_caps(sample.get()), segment, nullptr));
    gst_buffer_unref(buffer);
    return shifted;
}

gst::SamplePtr MediaReader::pull(Stream stream, const CancelToken& cancel) {
    Branch* branch = stream == Stream::Video ? video_.get() : audio_.get();
    if (!branch || !branch->linked)
        return nullptr;
    auto* sink = GST_APP_SINK(branch->sink);
    while (!cancel.isCancelled()) {
        if (GstSample* sample = gst_app_sink_try_pull_sample(sink, 100 * GST_MSECOND))
            return inStreamTime(gst::SamplePtr(sample));
        if (gst_app_sink_is_eos(sink) || pipeline_->pendingError())
            return nullptr;
    }
    return nullptr;
}

} // namespace xz::clips
