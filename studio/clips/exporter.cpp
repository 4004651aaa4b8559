#include "exporter.h"

#include "exportpreset.h"
#include "gstpipeline.h"
#include "mediareader.h"
#include "outputfile.h"
#include "sourceinfo.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <gst/app/gstappsrc.h>
#include <mutex>
#include <thread>

namespace xz::clips {
namespace {

constexpr int kRate = 48000;
constexpr int kAacPriming = 1024; // avenc_aac's encoder delay; qtmux in 1.22 writes no edit list for it
constexpr double kTitleSeconds = 3.0;

int even(double value) {
    return std::max(2, int(std::lround(value / 2)) * 2);
}

// Elements from the decoded source picture to the preset's frame.
QString framingChain(const ExportPreset& preset, const SourceInfo& source, const ExportRequest& request) {
    const int w = source.width;
    const int h = source.height;
    const int W = preset.width;
    const int H = preset.height;
    const QString outCaps =
        QStringLiteral("video/x-raw,width=%1,height=%2,pixel-aspect-ratio=1/1").arg(W).arg(H);
    if (preset.kind == ExportPreset::Kind::Landscape)
        return QStringLiteral("videoscale add-borders=true ! %1").arg(outCaps);
    // The part of the picture with the frame's shape: full height, a window across (or the reverse).
    const double frameAspect = double(W) / H;
    int cropW = w, cropH = h;
    if (double(w) / h > frameAspect)
        cropW = std::min(w, even(h * frameAspect));
    else
        cropH = std::min(h, even(w / frameAspect));
    auto crop = [&](double fractionX) {
        const int left = even((w - cropW) * std::clamp(fractionX, 0.0, 1.0)) - ((w - cropW) % 2 == 1 ? 1 : 0);
        const int clampedLeft = std::clamp(left, 0, w - cropW);
        const int top = (h - cropH) / 2;
        return QStringLiteral("videocrop left=%1 right=%2 top=%3 bottom=%4")
            .arg(clampedLeft)
            .arg(w - cropW - clampedLeft)
            .arg(top)
            .arg(h - cropH - top);
    };
    if (request.fill == ExportRequest::Fill::Crop)
        return QStringLiteral("%1 ! videoscale ! %2").arg(crop(request.cropX), outCaps);
    // Blur: the whole picture, fitted, over a blurred, enlarged copy that fills the frame. The fill is
    // blurred small (cheap) and scaled up (which softens it further).
    const double fit = std::min(double(W) / w, double(H) / h);
    const int fgW = even(w * fit), fgH = even(h * fit);
    return QStringLiteral(
               "tee name=fill "
               "fill. ! queue max-size-buffers=4 ! videoscale ! video/x-raw,width=%1,height=%2,"
               "pixel-aspect-ratio=1/1 ! comp.sink_1 "
               "fill. ! queue max-size-buffers=4 ! %3 ! videoscale ! video/x-raw,width=%4,height=%5 ! "
               "videoconvert ! gaussianblur sigma=3 ! videoconvert ! videoscale ! %6 ! comp.sink_0 "
               "compositor name=comp background=black sink_0::zorder=0 sink_1::zorder=1 "
               "sink_1::xpos=%7 sink_1::ypos=%8 ! %6")
        .arg(fgW)
        .arg(fgH)
        .arg(crop(0.5))
        .arg(W / 10)
        .arg(H / 10)
        .arg(outCaps)
        .arg((W - fgW) / 2)
        .arg((H - fgH) / 2);
}

class ExportJob {
public:
    ExportJob(const ExportRequest& request, const ExportPreset& preset, SourceInfo source,
              const CancelToken& cancel, ProgressFn progress)
        : request_(request), preset_(preset), source_(std::move(source)), cancel_(cancel),
          progress_(std::move(progress)) {}
    Result<ExportResult> run(OutputFile& output);

private:
    void fail(UserError error) {
        std::lock_guard lock(mutex_);
        if (!failure_)
            failure_ = std::move(error);
        stop_.cancel();
    }
    QString writerDescription(const OutputFile& output, bool withVideo, bool withAudio) const;
    void videoMain();
    void audioMain();
    void report(double clipSec) {
        if (progress_ && span_ > 0)
            progress_(std::clamp(0.1 + 0.85 * clipSec / span_, 0.0, 1.0));
    }
    std::optional<UserError> saveCover(const QString& output, const QString& cover);

    const ExportRequest& request_;
    const ExportPreset& preset_;
    SourceInfo source_;
    CancelToken cancel_;
    ProgressFn progress_;
    CancelToken stop_;
    double in_ = 0;
    double out_ = -1;
    double span_ = 0;
    std::unique_ptr<MediaReader> reader_;
    std::unique_ptr<GstPipeline> writer_;
    GstElement* videoSrc_ = nullptr;
    GstElement* audioSrc_ = nullptr;
    std::unique_ptr<LoudnessPlan> plan_;
    std::mutex mutex_;
    std::optional<UserError> failure_;
    qint64 frames_ = 0;
    double firstPts_ = -1;
    double lastEnd_ = 0;
};

QString ExportJob::writerDescription(const OutputFile& output, bool withVideo, bool withAudio) const {
    QString description;
    const bool mp3 = output.extension() == QLatin1String("mp3");
    if (withVideo) {
        const int fps = source_.fpsNum > 0 && double(source_.fpsNum) / source_.fpsDen <= 60.5 ? 0 : 30;
        description += QStringLiteral("appsrc name=v format=time block=true max-buffers=8 ! videoconvert ! ");
        if (fps > 0) // variable or very high frame rates become 30 fps, which every platform takes
            description += QStringLiteral("videorate ! video/x-raw,framerate=30/1 ! ");
        description += framingChain(preset_, source_, request_);
        if (!request_.title.isEmpty())
            description += QStringLiteral(" ! textoverlay name=title valignment=top halignment=center "
                                          "shaded-background=true ypad=%1")
                               .arg(preset_.height / 12);
        const int keyInterval =
            std::max(1, int(std::lround(2.0 * (fps > 0 ? fps : double(source_.fpsNum) / source_.fpsDen))));
        description +=
            QStringLiteral(" ! videoconvert ! video/x-raw,format=I420 ! x264enc speed-preset=faster "
                           "pass=qual quantizer=21 bframes=2 key-int-max=%1 ! video/x-h264,profile=high ! "
                           "h264parse ! queue ! mux.video_0 ")
                .arg(keyInterval);
    }
    if (withAudio) {
        description +=
            QStringLiteral("appsrc name=a format=time block=true max-bytes=8000000 "
                           "caps=audio/x-raw,format=F32LE,rate=48000,channels=2,layout=interleaved ! "
                           "volume name=gain ! audioconvert ! ");
        if (mp3)
            description += QStringLiteral("lamemp3enc target=bitrate bitrate=128 cbr=true ! xingmux ! ");
        else
            description += QStringLiteral("avenc_aac name=aenc bitrate=%1 ! aacparse ! queue ! mux.audio_0 ")
                               .arg(withVideo ? 192000 : 128000);
    }
    if (!mp3)
        description += QStringLiteral("mp4mux name=mux faststart=true ! ");
    description += QStringLiteral("filesink name=sink");
    return description;
}

void ExportJob::videoMain() {
    bool capsSet = false;
    double lastPts = -1;
    while (gst::SamplePtr sample = reader_->pull(MediaReader::Stream::Video, stop_)) {
        if (!capsSet) {
            gst_app_src_set_caps(GST_APP_SRC(videoSrc_), gst_sample_get_caps(sample.get()));
            capsSet = true;
        }
        GstBuffer* source = gst_sample_get_buffer(sample.get());
        const double pts = double(GST_BUFFER_PTS(source)) / GST_SECOND;
        // The same frames a trim would hold: in inclusive, out exclusive (to the half millisecond).
        // Decoded pictures come in presentation order; one repeated after the seek's preroll is skipped.
        if (pts < in_ - 0.0005 || pts <= lastPts)
            continue;
        lastPts = pts;
        if (out_ >= 0 && pts >= out_ - 0.0005)
            break;
        GstBuffer* buffer = gst_buffer_make_writable(gst_buffer_ref(source));
        const double duration = GST_BUFFER_DURATION_IS_VALID(buffer)
                                    ? double(GST_BUFFER_DURATION(buffer)) / GST_SECOND
                                    : source_.frameDurationSec();
        const double clip = pts - in_ > 0 ? pts - in_ : 0.0;
        GST_BUFFER_PTS(buffer) = GstClockTime(std::llround(clip * GST_SECOND));
        GST_BUFFER_DTS(buffer) = GST_CLOCK_TIME_NONE;
        {
            std::lock_guard lock(mutex_);
            ++frames_;
            if (firstPts_ < 0)
                firstPts_ = std::max(pts, in_);
            lastEnd_ = std::max(lastEnd_, pts + duration);
        }
        report(clip);
        if (gst_app_src_push_buffer(GST_APP_SRC(videoSrc_), buffer) != GST_FLOW_OK)
            break;
    }
    gst_app_src_end_of_stream(GST_APP_SRC(videoSrc_));
}

void ExportJob::audioMain() {
    qint64 written = -1; // clip sample index of the next sample, from the first buffer's time
    while (gst::SamplePtr sample = reader_->pull(MediaReader::Stream::Audio, stop_)) {
        GstBuffer* decoded = gst_sample_get_buffer(sample.get());
        const double pts = double(GST_BUFFER_PTS(decoded)) / GST_SECOND;
        const qint64 at = std::llround((pts - in_) * kRate);
        if (written < 0)
            written = std::max<qint64>(0, at);
        else if (at + qint64(gst_buffer_get_size(decoded) / (2 * sizeof(float))) <= written)
            continue; // repeated after the seek's preroll
        GstBuffer* buffer = gst_buffer_make_writable(gst_buffer_ref(decoded));
        GstMapInfo map;
        if (gst_buffer_map(buffer, &map, GST_MAP_READWRITE)) {
            const qsizetype frames = qsizetype(map.size / (2 * sizeof(float)));
            plan_->applyEnvelope(reinterpret_cast<float*>(map.data), frames, 2, written);
            gst_buffer_unmap(buffer, &map);
            GST_BUFFER_PTS(buffer) = gst_util_uint64_scale(guint64(written), GST_SECOND, kRate);
            GST_BUFFER_DURATION(buffer) = gst_util_uint64_scale(guint64(frames), GST_SECOND, kRate);
            written += frames;
        }
        if (!source_.hasVideo)
            report(double(written) / kRate);
        if (gst_app_src_push_buffer(GST_APP_SRC(audioSrc_), buffer) != GST_FLOW_OK)
            break;
    }
    gst_app_src_end_of_stream(GST_APP_SRC(audioSrc_));
}

std::optional<UserError> ExportJob::saveCover(const QString& output, const QString& cover) {
    ReaderStream video{ReaderStream::Mode::Decoded, QStringLiteral("videoconvert ! jpegenc quality=90")};
    auto reader = MediaReader::open(output, video, {});
    if (!reader)
        return reader.error();
    const double at = std::clamp((request_.coverSec >= 0 ? request_.coverSec : in_) - in_, 0.0,
                                 std::max(0.0, lastEnd_ - firstPts_ - 0.05));
    if (at > 0)
        if (auto error = (*reader)->seek(at, -1, GST_SEEK_FLAG_ACCURATE))
            return error;
    if (auto error = (*reader)->play())
        return error;
    gst::SamplePtr sample = (*reader)->pull(MediaReader::Stream::Video, cancel_);
    if (!sample)
        return UserError{QStringLiteral("无法生成封面图"), QStringLiteral("cannot make the cover image"),
                         output};
    GstMapInfo map;
    GstBuffer* buffer = gst_sample_get_buffer(sample.get());
    gst_buffer_map(buffer, &map, GST_MAP_READ);
    QSaveFile file(cover);
    const bool ok =
        file.open(QIODevice::WriteOnly) &&
        file.write(reinterpret_cast<const char*>(map.data), qint64(map.size)) == qint64(map.size) &&
        file.commit();
    gst_buffer_unmap(buffer, &map);
    if (!ok)
        return UserError{QStringLiteral("无法保存封面图：%1").arg(cover),
                         QStringLiteral("cannot save the cover: %1").arg(cover), file.errorString()};
    return std::nullopt;
}

Result<ExportResult> ExportJob::run(OutputFile& output) {
    in_ = request_.inSec;
    out_ = request_.outSec >= 0 ? request_.outSec : (source_.durationSec > 0 ? source_.durationSec : -1);
    span_ = out_ > in_ ? out_ - in_ : std::max(1.0, source_.durationSec - in_);
    const bool withVideo = preset_.hasVideo();
    const bool withAudio = source_.hasAudio;
    ExportResult result;
    result.preset = preset_.name;

    // Pass 1: how loud the stretch is, and where its peaks are.
    std::vector<float> peaks;
    std::vector<float> energies;
    int blockFrames = kRate / 100;
    if (withAudio) {
        auto measured = measureLoudness(source_.path, in_, out_, stop_, &peaks, &energies, &blockFrames);
        if (cancel_.isCancelled())
            return UserError{QStringLiteral("已取消，未保存"), QStringLiteral("cancelled; nothing was saved"),
                             output.finalPath()};
        if (!measured)
            return measured.error();
        result.loudnessBefore = *measured;
    }
    plan_ = std::make_unique<LoudnessPlan>(result.loudnessBefore, peaks, energies, blockFrames,
                                           preset_.targetLufs, preset_.ceilingDbtp);
    result.gainDb = plan_->gainDb();
    if (progress_)
        progress_(0.1);

    // Pass 2: decode, frame, encode.
    ReaderStream video;
    if (withVideo)
        video = {ReaderStream::Mode::Decoded, QStringLiteral("videoconvert ! video/x-raw,format=I420")};
    ReaderStream audio;
    if (withAudio)
        audio = {
            ReaderStream::Mode::Decoded,
            QStringLiteral("audioconvert ! audioresample ! audio/x-raw,format=F32LE,rate=48000,channels=2,"
                           "layout=interleaved")};
    auto reader = MediaReader::open(source_.path, video, audio);
    if (!reader)
        return reader.error();
    reader_ = std::move(*reader);
    if (auto error = reader_->seek(in_, out_, GST_SEEK_FLAG_ACCURATE))
        return *error;
    auto writer = GstPipeline::launch(writerDescription(output, withVideo, withAudio));
    if (!writer)
        return writer.error();
    writer_ = std::move(*writer);
    writer_->setFileForErrors(output.finalPath());
    setLocation(writer_->element("sink"), output.partialPath());
    videoSrc_ = withVideo ? writer_->element("v") : nullptr;
    audioSrc_ = withAudio ? writer_->element("a") : nullptr;
    if (withAudio)
        g_object_set(writer_->element("gain"), "volume", std::pow(10.0, plan_->gainDb() / 20), nullptr);
    if (GstElement* title = writer_->element("title")) {
        const int points = std::max(16, preset_.width / 24);
        g_object_set(title, "text", request_.title.toUtf8().constData(), "font-desc",
                     QStringLiteral("Noto Sans CJK SC Bold %1").arg(points).toUtf8().constData(), nullptr);
        // The card goes away after the first seconds.
        gst::PadPtr pad(gst_element_get_static_pad(title, "video_sink"));
        gst_pad_add_probe(
            pad.get(), GST_PAD_PROBE_TYPE_BUFFER,
            [](GstPad* pad, GstPadProbeInfo* info, gpointer) {
                GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
                if (GST_BUFFER_PTS(buffer) >= GstClockTime(kTitleSeconds * GST_SECOND)) {
                    gst::ElementPtr overlay(gst_pad_get_parent_element(pad));
                    g_object_set(overlay.get(), "silent", TRUE, nullptr);
                    return GST_PAD_PROBE_REMOVE;
                }
                return GST_PAD_PROBE_OK;
            },
            nullptr, nullptr);
    }
    if (GstElement* encoder = writer_->element("aenc")) {
        // Drop the encoder's priming frame and move the rest back by it, so the first sample heard is the
        // clip's first sample, at the same instant as its first picture.
        gst::PadPtr pad(gst_element_get_static_pad(encoder, "src"));
        gst_pad_add_probe(
            pad.get(), GST_PAD_PROBE_TYPE_BUFFER,
            [](GstPad*, GstPadProbeInfo* info, gpointer data) {
                auto* seen = static_cast<bool*>(data);
                if (!*seen) {
                    *seen = true;
                    return GST_PAD_PROBE_DROP;
                }
                GstBuffer* buffer = gst_buffer_make_writable(GST_PAD_PROBE_INFO_BUFFER(info));
                const GstClockTime priming = gst_util_uint64_scale(kAacPriming, GST_SECOND, kRate);
                if (GST_BUFFER_PTS_IS_VALID(buffer))
                    GST_BUFFER_PTS(buffer) =
                        GST_BUFFER_PTS(buffer) > priming ? GST_BUFFER_PTS(buffer) - priming : 0;
                GST_BUFFER_DTS(buffer) = GST_BUFFER_PTS(buffer);
                GST_PAD_PROBE_INFO_DATA(info) = buffer;
                return GST_PAD_PROBE_OK;
            },
            new bool(false), [](gpointer data) { delete static_cast<bool*>(data); });
    }
    if (auto error = writer_->setState(GST_STATE_PLAYING, 0))
        return *error;
    if (auto error = reader_->play())
        return *error;
    std::thread videoThread;
    std::thread audioThread;
    if (withVideo)
        videoThread = std::thread([this] { videoMain(); });
    if (withAudio)
        audioThread = std::thread([this] { audioMain(); });
    auto watch = [this] {
        if (cancel_.isCancelled())
            stop_.cancel();
        if (auto error = reader_->error())
            fail(*error);
    };
    std::optional<UserError> written = writer_->waitForEos(stop_, watch);
    stop_.cancel();
    writer_->setState(GST_STATE_NULL); // unblocks a thread pushing into it
    if (videoThread.joinable())
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
    if (withVideo && frames_ == 0)
        return UserError{QStringLiteral("这段范围里没有画面"),
                         QStringLiteral("there are no pictures in this range"),
                         QFileInfo(source_.path).fileName()};

    // The finished file, measured as it is.
    CancelToken measureCancel = cancel_;
    if (withAudio) {
        auto after = measureLoudness(output.partialPath(), 0, -1, measureCancel);
        if (!after)
            return after.error();
        result.loudnessAfter = *after;
    }
    if (withVideo) {
        const QString cover = Exporter::coverPathFor(output.finalPath());
        if (auto error = saveCover(output.partialPath(), cover))
            return *error;
        result.cover = cover;
    }
    if (auto error = output.commit())
        return *error;
    if (progress_)
        progress_(1.0);

    result.output = output.finalPath();
    result.requestedIn = request_.inSec;
    result.requestedOut = request_.outSec >= 0 ? request_.outSec : (withVideo ? lastEnd_ : out_);
    result.actualIn = withVideo ? firstPts_ : in_;
    result.actualOut = withVideo ? lastEnd_ : result.requestedOut;
    result.frames = frames_;
    result.durationSec = result.actualOut - result.actualIn;
    result.width = preset_.width;
    result.height = preset_.height;
    if (!withAudio)
        result.notes.append({QStringLiteral("源文件没有声音"), QStringLiteral("the source has no sound")});
    if (withAudio && !result.loudnessBefore.valid)
        result.notes.append({QStringLiteral("声音太轻，无法测量响度，未调整音量"),
                             QStringLiteral("the sound is too quiet to measure; its level was left alone")});
    if (plan_->limits())
        result.notes.append(
            {QStringLiteral("响度提高 %1 dB 后峰值过高，已对峰值做了限制（真峰值不超过 %2 dBTP）")
                 .arg(plan_->gainDb(), 0, 'f', 1)
                 .arg(preset_.ceilingDbtp, 0, 'f', 0),
             QStringLiteral("raising the level by %1 dB would have clipped, so peaks were limited "
                            "(true peak at most %2 dBTP)")
                 .arg(plan_->gainDb(), 0, 'f', 1)
                 .arg(preset_.ceilingDbtp, 0, 'f', 0)});
    if (result.loudnessAfter.valid &&
        std::abs(result.loudnessAfter.integratedLufs - preset_.targetLufs) > 1.0)
        result.notes.append(
            {QStringLiteral("成品响度 %1 LUFS，与目标 %2 LUFS 相差超过 1 LU")
                 .arg(result.loudnessAfter.integratedLufs, 0, 'f', 1)
                 .arg(preset_.targetLufs, 0, 'f', 0),
             QStringLiteral("the finished clip measures %1 LUFS, more than 1 LU from the %2 LUFS "
                            "target")
                 .arg(result.loudnessAfter.integratedLufs, 0, 'f', 1)
                 .arg(preset_.targetLufs, 0, 'f', 0)});
    if (result.loudnessAfter.valid && result.loudnessAfter.truePeakDbtp > preset_.ceilingDbtp + 0.05)
        result.notes.append({QStringLiteral("成品真峰值 %1 dBTP，超过了 %2 dBTP")
                                 .arg(result.loudnessAfter.truePeakDbtp, 0, 'f', 1)
                                 .arg(preset_.ceilingDbtp, 0, 'f', 0),
                             QStringLiteral("the finished clip's true peak is %1 dBTP, above %2 dBTP")
                                 .arg(result.loudnessAfter.truePeakDbtp, 0, 'f', 1)
                                 .arg(preset_.ceilingDbtp, 0, 'f', 0)});
    return result;
}

} // namespace

QString Exporter::coverPathFor(const QString& output) {
    const QFileInfo info(output);
    return info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".cover.jpg");
}

QJsonObject ExportResult::toJson() const {
    QJsonArray noteList;
    for (const ClipNote& note : notes)
        noteList.append(note.toJson());
    auto rounded = [](double v) { return std::round(v * 1000) / 1000; };
    QJsonObject json{
        {QStringLiteral("output"), output},
        {QStringLiteral("preset"), preset},
        {QStringLiteral("requested"), QJsonObject{{QStringLiteral("in"), rounded(requestedIn)},
                                                  {QStringLiteral("out"), rounded(requestedOut)}}},
        {QStringLiteral("actual"),
         QJsonObject{{QStringLiteral("in"), rounded(actualIn)}, {QStringLiteral("out"), rounded(actualOut)}}},
        {QStringLiteral("frames"), frames},
        {QStringLiteral("duration"), rounded(durationSec)},
        {QStringLiteral("gainDb"), std::round(gainDb * 10) / 10},
        {QStringLiteral("notes"), noteList}};
    if (width > 0) {
        json.insert(QStringLiteral("width"), width);
        json.insert(QStringLiteral("height"), height);
    }
    if (!cover.isEmpty())
        json.insert(QStringLiteral("cover"), cover);
    json.insert(QStringLiteral("loudnessBefore"),
                loudnessBefore.valid ? QJsonValue(loudnessBefore.toJson()) : QJsonValue());
    json.insert(QStringLiteral("loudnessAfter"),
                loudnessAfter.valid ? QJsonValue(loudnessAfter.toJson()) : QJsonValue());
    return json;
}

Result<ExportResult> Exporter::exportClip(const ExportRequest& request, const CancelToken& cancel,
                                          const ProgressFn& progress) {
    const ExportPreset* preset = ExportPreset::find(request.preset);
    if (!preset)
        return UserError{QStringLiteral("没有这个导出预设：%1（可用：%2）")
                             .arg(request.preset, ExportPreset::names().join(QStringLiteral("、"))),
                         QStringLiteral("no such export preset: %1 (there are: %2)")
                             .arg(request.preset, ExportPreset::names().join(QStringLiteral(", "))),
                         {}};
    if (request.cropX < 0 || request.cropX > 1 || !std::isfinite(request.cropX))
        return UserError{QStringLiteral("裁切位置应在 0 到 1 之间：%1").arg(request.cropX),
                         QStringLiteral("the crop position must be between 0 and 1: %1").arg(request.cropX),
                         {}};
    auto source = SourceProbe::probe(request.input);
    if (!source)
        return source.error();
    const QString name = QFileInfo(request.input).fileName();
    if (preset->hasVideo() && !source->hasVideo)
        return UserError{
            QStringLiteral("这个文件没有视频画面，只能用 audio-only 预设导出：%1").arg(name),
            QStringLiteral("this file has no video; only the audio-only preset can export it: %1").arg(name),
            {}};
    if (!preset->hasVideo() && !source->hasAudio)
        return UserError{QStringLiteral("这个文件没有声音，无法导出音频：%1").arg(name),
                         QStringLiteral("this file has no sound to export: %1").arg(name),
                         {}};
    if (auto error = checkRange(*source, request.inSec, request.outSec))
        return *error;
    auto output = OutputFile::prepare(request.input, request.output, request.overwrite, preset->extensions);
    if (!output)
        return output.error();
    ExportJob job(request, *preset, *source, cancel, progress);
    return job.run(*output);
}

} // namespace xz::clips
