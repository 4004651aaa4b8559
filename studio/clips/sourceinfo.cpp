#include "sourceinfo.h"

#include "gstinit.h"
#include "gstptr.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <gst/pbutils/pbutils.h>

namespace xz::clips {
namespace {

struct DiscovererInfoUnref {
    void operator()(GstDiscovererInfo* info) const { g_object_unref(info); }
};
struct StreamListFree {
    void operator()(GList* list) const { gst_discoverer_stream_info_list_free(list); }
};

QString capsName(GstCaps* caps) {
    if (!caps || gst_caps_is_empty(caps))
        return {};
    return QString::fromUtf8(gst_structure_get_name(gst_caps_get_structure(caps, 0)));
}

QString codecOf(const QString& capsName) {
    if (capsName == QLatin1String("audio/mpeg"))
        return {}; // decided by mpegversion
    QString name = capsName;
    name.remove(QStringLiteral("video/x-"))
        .remove(QStringLiteral("audio/x-"))
        .remove(QStringLiteral("audio/"));
    return name;
}

UserError unreadable(const QString& path, const QString& detail) {
    const QString name = QFileInfo(path).fileName();
    return UserError{
        QStringLiteral("无法读取这个文件（已损坏或不是视频/音频）：%1").arg(name),
        QStringLiteral("cannot read this file (damaged, or not a video or audio file): %1").arg(name),
        detail};
}

} // namespace

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
    GError* raw = nullptr;
    GstDiscoverer* discoverer = gst_discoverer_new(15 * GST_SECOND, &raw);
    gst::ErrorPtr createError(raw);
    if (!discoverer)
        return unreadable(path, QString::fromUtf8(createError ? createError->message : "no discoverer"));
    const QByteArray uri = QUrl::fromLocalFile(file.absoluteFilePath()).toEncoded();
    std::unique_ptr<GstDiscovererInfo, DiscovererInfoUnref> info(
        gst_discoverer_discover_uri(discoverer, uri.constData(), &raw));
    gst::ErrorPtr error(raw);
    g_object_unref(discoverer);
    if (!info || gst_discoverer_info_get_result(info.get()) != GST_DISCOVERER_OK)
        return unreadable(path, QString::fromUtf8(error ? error->message : "discoverer failed"));

    SourceInfo source;
    source.path = path;
    const GstClockTime duration = gst_discoverer_info_get_duration(info.get());
    source.durationSec = GST_CLOCK_TIME_IS_VALID(duration) ? double(duration) / GST_SECOND : 0;
    if (GstDiscovererStreamInfo* top = gst_discoverer_info_get_stream_info(info.get())) {
        gst::CapsPtr caps(gst_discoverer_stream_info_get_caps(top));
        const QString container = capsName(caps.get());
        if (container == QLatin1String("video/x-matroska") || container == QLatin1String("video/webm"))
            source.container = QStringLiteral("matroska");
        else if (container == QLatin1String("video/quicktime") || container == QLatin1String("audio/x-m4a"))
            source.container = QStringLiteral("mp4");
        else
            source.container = container;
        gst_discoverer_stream_info_unref(top);
    }

    std::unique_ptr<GList, StreamListFree> videos(gst_discoverer_info_get_video_streams(info.get()));
    if (videos && videos.get()->data) {
        auto* video = GST_DISCOVERER_VIDEO_INFO(videos.get()->data);
        if (!gst_discoverer_video_info_is_image(video)) {
            source.hasVideo = true;
            source.width = int(gst_discoverer_video_info_get_width(video));
            source.height = int(gst_discoverer_video_info_get_height(video));
            source.fpsNum = int(gst_discoverer_video_info_get_framerate_num(video));
            source.fpsDen = std::max(1, int(gst_discoverer_video_info_get_framerate_denom(video)));
            // A variable-rate stream may declare its timing clock (1000000000/1) as its rate.
            if (double(source.fpsNum) / source.fpsDen > 240)
                source.fpsNum = 0;
            gst::CapsPtr caps(gst_discoverer_stream_info_get_caps(GST_DISCOVERER_STREAM_INFO(video)));
            source.videoCodec = codecOf(capsName(caps.get()));
            if (caps && !gst_caps_is_empty(caps.get())) {
                const GstStructure* s = gst_caps_get_structure(caps.get(), 0);
                if (const gchar* profile = gst_structure_get_string(s, "profile"))
                    source.profile = QString::fromUtf8(profile);
                if (const gchar* chroma = gst_structure_get_string(s, "chroma-format"))
                    source.chromaFormat = QString::fromUtf8(chroma);
                guint depth = 0;
                if (gst_structure_get_uint(s, "bit-depth-luma", &depth) && depth > 0)
                    source.bitDepth = int(depth);
                else if (source.profile.contains(QLatin1String("10")))
                    source.bitDepth = 10;
            }
        }
    }
    std::unique_ptr<GList, StreamListFree> audios(gst_discoverer_info_get_audio_streams(info.get()));
    if (audios && audios.get()->data) {
        auto* audio = GST_DISCOVERER_AUDIO_INFO(audios.get()->data);
        source.hasAudio = true;
        source.audioRate = int(gst_discoverer_audio_info_get_sample_rate(audio));
        source.audioChannels = int(gst_discoverer_audio_info_get_channels(audio));
        gst::CapsPtr caps(gst_discoverer_stream_info_get_caps(GST_DISCOVERER_STREAM_INFO(audio)));
        const QString caps_ = capsName(caps.get());
        if (caps_ == QLatin1String("audio/mpeg")) {
            gint version = 0, layer = 0;
            const GstStructure* s = gst_caps_get_structure(caps.get(), 0);
            gst_structure_get_int(s, "mpegversion", &version);
            gst_structure_get_int(s, "layer", &layer);
            source.audioCodec = version == 1 ? (layer == 3 ? QStringLiteral("mp3") : QStringLiteral("mp2"))
                                             : QStringLiteral("aac");
        } else {
            source.audioCodec = codecOf(caps_);
        }
    }
    if (!source.hasVideo && !source.hasAudio)
        return unreadable(path, QStringLiteral("no audio or video stream"));
    return source;
}

} // namespace xz::clips
