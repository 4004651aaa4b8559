#include "douyinclip.h"

#include "gstinit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gst/pbutils/pbutils.h>

#include <memory>

namespace xz::upload {
namespace {

// The discoverer and its results are plain GObjects, not GstObjects.
struct GObjectUnref {
    void operator()(gpointer object) const {
        if (object)
            g_object_unref(object);
    }
};
struct StreamListFree {
    void operator()(GList* list) const { gst_discoverer_stream_info_list_free(list); }
};
struct GErrorFree {
    void operator()(GError* error) const { g_error_free(error); }
};
struct GFree {
    void operator()(gchar* text) const { g_free(text); }
};

constexpr GstClockTime kDiscoverTimeout = 15 * GST_SECOND;

QString clock(qint64 ms) {
    const qint64 s = ms / 1000;
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// The editor's vertical export, with the file named after the clip, beside it.
QString exportCommand(const QString& path, const QString& range = {}) {
    const QFileInfo info(path);
    const QString out = info.dir().filePath(info.completeBaseName() + QStringLiteral("-douyin.mp4"));
    return QStringLiteral("xiaozhan export \"%1\" --preset douyin-vertical%2 -o \"%3\"")
        .arg(path, range.isEmpty() ? QString() : QLatin1Char(' ') + range, out);
}

// The container as Douyin names formats, or empty when it is not one Douyin takes.
QString douyinContainer(GstDiscovererInfo* info, QString* found) {
    std::unique_ptr<GstDiscovererStreamInfo, GObjectUnref> top(gst_discoverer_info_get_stream_info(info));
    if (!top || !GST_IS_DISCOVERER_CONTAINER_INFO(top.get()))
        return {};
    GstCaps* caps = gst_discoverer_stream_info_get_caps(top.get());
    if (!caps)
        return {};
    const GstStructure* s = gst_caps_get_structure(caps, 0);
    const QString name = QString::fromUtf8(gst_structure_get_name(s));
    const char* variant = gst_structure_get_string(s, "variant");
    *found = variant ? name + QStringLiteral(" (") + QString::fromUtf8(variant) + QLatin1Char(')') : name;
    QString container;
    // qtdemux says video/quicktime for the whole ISO family: "iso" is MP4, "apple" is a .mov, "3gpp" a phone
    // clip.
    if (name == QLatin1String("video/quicktime") && variant && qstrncmp(variant, "iso", 3) == 0)
        container = QStringLiteral("MP4");
    else if (name == QLatin1String("video/webm"))
        container = QStringLiteral("WebM");
    gst_caps_unref(caps);
    return container;
}

} // namespace

std::optional<UploadError> DouyinClip::check(const QString& path, qint64 size) {
    const QString fix = exportCommand(path);
    if (size > kMaxBytes) {
        return UploadError::fatal(
            QStringLiteral("视频太大：%1 有 %2 MB，抖音只接受 4 GB 以内的视频。请先导出竖屏版：%3")
                .arg(path, QString::number(size >> 20), fix),
            QStringLiteral("the clip is too big: %1 is %2 MB and Douyin takes at most 4 GB. Export the "
                           "vertical version first: %3")
                .arg(path, QString::number(size >> 20), fix));
    }
    xz::gst::ensureGstInitialised();
    GError* rawError = nullptr;
    std::unique_ptr<GstDiscoverer, GObjectUnref> discoverer(gst_discoverer_new(kDiscoverTimeout, &rawError));
    std::unique_ptr<GError, GErrorFree> error(rawError);
    std::unique_ptr<gchar, GFree> uri(
        gst_filename_to_uri(QFile::encodeName(QFileInfo(path).absoluteFilePath()).constData(), nullptr));
    std::unique_ptr<GstDiscovererInfo, GObjectUnref> info;
    if (discoverer && uri) {
        rawError = nullptr;
        info.reset(gst_discoverer_discover_uri(discoverer.get(), uri.get(), &rawError));
        error.reset(rawError);
    }
    const bool readable = info && gst_discoverer_info_get_result(info.get()) == GST_DISCOVERER_OK;
    std::unique_ptr<GList, StreamListFree> videos(readable ? gst_discoverer_info_get_video_streams(info.get())
                                                           : nullptr);
    if (!readable || !videos) {
        return UploadError::fatal(
            QStringLiteral(
                "%1 不是可以识别的视频（没有画面，或文件已损坏），抖音无法接收。请先导出竖屏版：%2")
                .arg(path, fix),
            QStringLiteral("%1 is not a video we can read (no picture, or a damaged file), so Douyin cannot "
                           "take it. Export the vertical version first: %2")
                .arg(path, fix),
            error ? QString::fromUtf8(error->message) : QString());
    }
    QString found;
    const QString container = douyinContainer(info.get(), &found);
    if (container.isEmpty()) {
        return UploadError::fatal(
            QStringLiteral("抖音只接受 MP4 或 WebM 视频，%1 不是（它是 %2）。请先导出：%3")
                .arg(path, found.isEmpty() ? QStringLiteral("未知格式") : found, fix),
            QStringLiteral("Douyin takes MP4 or WebM videos only, and %1 is not one (it is %2). Export it "
                           "first: %3")
                .arg(path, found.isEmpty() ? QStringLiteral("an unknown format") : found, fix));
    }
    const GstClockTime duration = gst_discoverer_info_get_duration(info.get());
    const qint64 durationMs = GST_CLOCK_TIME_IS_VALID(duration) ? qint64(duration / GST_MSECOND) : 0;
    if (durationMs > kMaxDurationMs) {
        const QString cut = exportCommand(path, QStringLiteral("--from 0 --to 15:00"));
        return UploadError::fatal(
            QStringLiteral("视频太长：%1 长 %2，抖音只接受 15 分钟以内的视频。请剪短后导出竖屏版，例如：%3")
                .arg(path, clock(durationMs), cut),
            QStringLiteral("the clip is too long: %1 runs %2 and Douyin takes at most 15 minutes. Cut it and "
                           "export the vertical version, for example: %3")
                .arg(path, clock(durationMs), cut));
    }
    return std::nullopt;
}

} // namespace xz::upload
