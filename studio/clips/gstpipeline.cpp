#include "gstpipeline.h"

#include "gstinit.h"

#include <QFile>

namespace xz::clips {

GstPipeline::GstPipeline(GstElement* pipeline) : pipeline_(pipeline), bus_(gst_element_get_bus(pipeline)) {}

GstPipeline::~GstPipeline() {
    if (pipeline_)
        gst_element_set_state(pipeline_.get(), GST_STATE_NULL);
}

Result<std::unique_ptr<GstPipeline>> GstPipeline::launch(const QString& description) {
    gst::ensureGstInitialised();
    GError* raw = nullptr;
    GstElement* element = gst_parse_launch(description.toUtf8().constData(), &raw);
    gst::ErrorPtr error(raw);
    if (!element || error) {
        if (element)
            gst_object_unref(element);
        return UserError{QStringLiteral("无法建立处理流程（缺少 GStreamer 组件？）"),
                         QStringLiteral("cannot build the processing pipeline (a GStreamer plugin missing?)"),
                         QString::fromUtf8(error ? error->message : "unknown") + QStringLiteral(": ") +
                             description};
    }
    if (!GST_IS_PIPELINE(element)) {
        GstElement* pipeline = gst_pipeline_new(nullptr);
        gst_bin_add(GST_BIN(pipeline), element);
        element = pipeline;
    }
    return std::unique_ptr<GstPipeline>(new GstPipeline(element));
}

GstElement* GstPipeline::element(const char* name) const {
    gst::ElementPtr found(gst_bin_get_by_name(GST_BIN(pipeline_.get()), name));
    return found.get(); // the pipeline keeps its own reference
}

UserError GstPipeline::errorFrom(GstMessage* message, const QString& file) {
    GError* raw = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &raw, &debug);
    gst::ErrorPtr error(raw);
    gst::GCharPtr debugText(debug);
    const QString detail =
        QString::fromUtf8(error ? error->message : "unknown") +
        (debug ? QStringLiteral(" [") + QString::fromUtf8(debug) + QLatin1Char(']') : QString());
    const bool unreadable =
        error && (error->domain == GST_STREAM_ERROR || error->domain == GST_RESOURCE_ERROR);
    if (unreadable && error->domain == GST_RESOURCE_ERROR &&
        (error->code == GST_RESOURCE_ERROR_NO_SPACE_LEFT || error->code == GST_RESOURCE_ERROR_WRITE))
        return UserError{QStringLiteral("写入失败（磁盘满了？）：%1").arg(file),
                         QStringLiteral("cannot write (is the disk full?): %1").arg(file), detail};
    if (unreadable)
        return UserError{
            QStringLiteral("文件已损坏或格式不支持：%1").arg(file),
            QStringLiteral("the file is damaged or in a format the studio cannot read: %1").arg(file),
            detail};
    return UserError{QStringLiteral("处理失败：%1").arg(file),
                     QStringLiteral("processing failed: %1").arg(file), detail};
}

std::optional<UserError> GstPipeline::pendingError() {
    std::lock_guard lock(errorMutex_);
    if (firstError_)
        return firstError_;
    if (gst::MessagePtr message{gst_bus_pop_filtered(bus_.get(), GST_MESSAGE_ERROR)}) {
        noteError(message.get());
        return firstError_;
    }
    return std::nullopt;
}

QString GstPipeline::errorSource() {
    std::lock_guard lock(errorMutex_);
    return firstErrorSource_;
}

void GstPipeline::noteError(GstMessage* message) {
    firstError_ = errorFrom(message, file_);
    firstErrorSource_ = QString::fromUtf8(GST_MESSAGE_SRC_NAME(message));
}

std::optional<UserError> GstPipeline::setState(GstState state, int timeoutSec) {
    const GstStateChangeReturn ret = gst_element_set_state(pipeline_.get(), state);
    if (ret == GST_STATE_CHANGE_FAILURE) {
        if (auto error = pendingError())
            return error;
        return UserError{QStringLiteral("无法打开：%1").arg(file_),
                         QStringLiteral("cannot open: %1").arg(file_), QStringLiteral("state change failed")};
    }
    if (ret == GST_STATE_CHANGE_ASYNC && timeoutSec > 0) {
        // Wait for the change while watching the bus, so an error while prerolling is reported at once.
        const gint64 deadline = g_get_monotonic_time() + gint64(timeoutSec) * G_USEC_PER_SEC;
        while (g_get_monotonic_time() < deadline) {
            GstState current = GST_STATE_VOID_PENDING;
            const GstStateChangeReturn done =
                gst_element_get_state(pipeline_.get(), &current, nullptr, 100 * GST_MSECOND);
            if (auto error = pendingError())
                return error;
            if (done == GST_STATE_CHANGE_SUCCESS || done == GST_STATE_CHANGE_NO_PREROLL)
                return std::nullopt;
            if (done == GST_STATE_CHANGE_FAILURE)
                return UserError{QStringLiteral("无法打开：%1").arg(file_),
                                 QStringLiteral("cannot open: %1").arg(file_),
                                 QStringLiteral("state change failed")};
        }
        return UserError{QStringLiteral("打开文件超时：%1").arg(file_),
                         QStringLiteral("opening the file timed out: %1").arg(file_), QString()};
    }
    return pendingError();
}

std::optional<UserError> GstPipeline::seek(double startSec, double stopSec, GstSeekFlags flags) {
    const gint64 start = gint64(startSec * GST_SECOND + 0.5);
    const gboolean ok =
        gst_element_seek(pipeline_.get(), 1.0, GST_FORMAT_TIME, GstSeekFlags(flags | GST_SEEK_FLAG_FLUSH),
                         GST_SEEK_TYPE_SET, start, stopSec >= 0 ? GST_SEEK_TYPE_SET : GST_SEEK_TYPE_NONE,
                         stopSec >= 0 ? gint64(stopSec * GST_SECOND + 0.5) : -1);
    if (!ok)
        return UserError{QStringLiteral("无法跳转到 %1 秒：%2").arg(startSec, 0, 'f', 3).arg(file_),
                         QStringLiteral("cannot seek to %1 s: %2").arg(startSec, 0, 'f', 3).arg(file_),
                         QStringLiteral("seek refused")};
    GstState current = GST_STATE_NULL;
    gst_element_get_state(pipeline_.get(), &current, nullptr, 0);
    return setState(current);
}

std::optional<UserError> GstPipeline::waitForEos(const CancelToken& cancel,
                                                 const std::function<void()>& tick) {
    if (auto error = pendingError())
        return error;
    while (!cancel.isCancelled()) {
        gst::MessagePtr message{gst_bus_timed_pop_filtered(
            bus_.get(), 100 * GST_MSECOND, GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR))};
        if (tick)
            tick();
        if (!message)
            continue;
        if (GST_MESSAGE_TYPE(message.get()) == GST_MESSAGE_EOS)
            return std::nullopt;
        std::lock_guard lock(errorMutex_);
        noteError(message.get());
        return firstError_;
    }
    return UserError{QStringLiteral("已取消"), QStringLiteral("cancelled"), QString()};
}

void setLocation(GstElement* element, const QString& path) {
    g_object_set(element, "location", QFile::encodeName(path).constData(), nullptr);
}

void linkToFakesink(GstElement* pipeline, GstPad* pad) {
    gst_pad_add_probe(
        pad, GST_PAD_PROBE_TYPE_BUFFER,
        [](GstPad*, GstPadProbeInfo*, gpointer) { return GST_PAD_PROBE_DROP; }, nullptr, nullptr);
    GstElement* sink = gst_element_factory_make("fakesink", nullptr);
    g_object_set(sink, "sync", FALSE, "async", FALSE, nullptr);
    gst_bin_add(GST_BIN(pipeline), sink);
    gst_element_sync_state_with_parent(sink);
    gst::PadPtr sinkPad(gst_element_get_static_pad(sink, "sink"));
    gst_pad_link(pad, sinkPad.get());
}

} // namespace xz::clips
