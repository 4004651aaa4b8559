#include "remuxer.h"

#include "gstinit.h"
#include "gstptr.h"

#include <QFile>
#include <QFileInfo>
#include <gst/gst.h>
#include <memory>

namespace xz::clips {
namespace {

using PipelinePtr = gst::ElementPtr;
using gst::BusPtr;
using gst::MessagePtr;

// Element properties take strings verbatim; quote for gst_parse_launch's grammar.
QString quoted(const QString& path) {
    QString escaped = path;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString Remuxer::mp4PathFor(const QString& mkvPath) {
    const QFileInfo info(mkvPath);
    return info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".mp4");
}

std::optional<RemuxError> Remuxer::remuxToMp4(const QString& input, const QString& output, int timeoutSec) {
    if (!QFileInfo(input).isReadable())
        return RemuxError{QStringLiteral("找不到录像文件"), QStringLiteral("recording not found"), input};
    gst::ensureGstInitialised();
    // Write to a temporary name and rename at the end, so a half-written .mp4 never looks finished.
    const QString partial = output + QStringLiteral(".part");
    const QString description = QStringLiteral("filesrc location=%1 ! matroskademux name=demux "
                                               "mp4mux name=mux faststart=true ! filesink location=%2 "
                                               "demux.video_0 ! queue ! h264parse ! mux.video_0 "
                                               "demux.audio_0 ! queue ! aacparse ! mux.audio_0")
                                    .arg(quoted(input), quoted(partial));
    GError* parseError = nullptr;
    PipelinePtr pipeline(gst_parse_launch(description.toUtf8().constData(), &parseError));
    if (parseError) {
        const QString detail = QString::fromUtf8(parseError->message);
        g_error_free(parseError);
        return RemuxError{QStringLiteral("无法转换录像"), QStringLiteral("cannot convert the recording"),
                          detail};
    }
    BusPtr bus(gst_element_get_bus(pipeline.get()));
    gst_element_set_state(pipeline.get(), GST_STATE_PLAYING);
    MessagePtr message(
        gst_bus_timed_pop_filtered(bus.get(), static_cast<GstClockTime>(timeoutSec) * GST_SECOND,
                                   static_cast<GstMessageType>(GST_MESSAGE_EOS | GST_MESSAGE_ERROR)));
    std::optional<RemuxError> failure;
    if (!message) {
        failure = RemuxError{QStringLiteral("转换录像超时"),
                             QStringLiteral("converting the recording timed out"), input};
    } else if (GST_MESSAGE_TYPE(message.get()) == GST_MESSAGE_ERROR) {
        GError* error = nullptr;
        gst_message_parse_error(message.get(), &error, nullptr);
        failure =
            RemuxError{QStringLiteral("转换录像失败"), QStringLiteral("converting the recording failed"),
                       QString::fromUtf8(error ? error->message : "unknown")};
        g_clear_error(&error);
    }
    gst_element_set_state(pipeline.get(), GST_STATE_NULL);
    if (failure) {
        QFile::remove(partial);
        return failure;
    }
    QFile::remove(output);
    if (!QFile::rename(partial, output))
        return RemuxError{QStringLiteral("无法保存 MP4 文件"), QStringLiteral("cannot save the MP4 file"),
                          output};
    return std::nullopt;
}

} // namespace xz::clips
