#include "clipplayer.h"

#include "gstinit.h"

#include <QUrl>
#include <algorithm>
#include <cmath>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>
#include <limits>

namespace xz::ui {
namespace {

// playbin's flags: video and audio, volume in software; no subtitles, no visualisation.
constexpr int kPlayFlags = (1 << 0) | (1 << 1) | (1 << 4);

gint64 nanoseconds(double sec) {
    return gint64(std::llround(std::max(0.0, sec) * GST_SECOND));
}

// autoaudiosink puts a silent stand-in inside when no sound device would open.
bool soundDeviceIn(GstElement* audioSink) {
    if (!GST_IS_BIN(audioSink))
        return true;
    bool device = true;
    GstIterator* it = gst_bin_iterate_elements(GST_BIN(audioSink));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto* child = GST_ELEMENT(g_value_get_object(&item));
        GstElementFactory* factory = gst_element_get_factory(child);
        if (factory && g_strcmp0(gst_plugin_feature_get_name(GST_PLUGIN_FEATURE(factory)), "fakesink") == 0)
            device = false;
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    return device;
}

} // namespace

ClipPlayer::ClipPlayer(QObject* parent) : QObject(parent) {
    gst::ensureGstInitialised();
}

ClipPlayer::~ClipPlayer() {
    close();
}

void ClipPlayer::close() {
    if (pipeline_) {
        // NULL stops the streaming threads (nothing calls back after this), then the handlers go.
        gst_element_set_state(pipeline_.get(), GST_STATE_NULL);
        gst::BusPtr bus(gst_element_get_bus(pipeline_.get()));
        gst_bus_set_sync_handler(bus.get(), nullptr, nullptr, nullptr);
    }
    pipeline_.reset();
    audioSink_.reset();
    ++generation_; // messages and pictures already on their way from the old pipeline are ignored
    {
        QMutexLocker lock(&slot_.mutex);
        slot_.image = QImage();
    }
    ready_ = seeking_ = playing_ = false;
    pending_ = Pending::None;
}

void ClipPlayer::open(const QString& path, double frameDurationSec) {
    close();
    frameDuration_ = frameDurationSec > 0 ? frameDurationSec : 1.0 / 30;
    frame_ = QImage();
    frameTime_ = 0;
    emit frameChanged();
    if (path.isEmpty())
        return;

    gst::ElementPtr playbin(gst_element_factory_make("playbin", nullptr));
    GError* rawError = nullptr;
    const QByteArray videoSink =
        QStringLiteral(
            "videoconvert ! videoscale ! video/x-raw,format=BGRx,pixel-aspect-ratio=1/1,width=%1 ! "
            "appsink name=pictures max-buffers=1 drop=true")
            .arg(kPictureWidth)
            .toUtf8();
    GstElement* videoBin = gst_parse_bin_from_description(videoSink.constData(), TRUE, &rawError);
    gst::ErrorPtr error(rawError);
    audioSink_.reset(gst_element_factory_make("autoaudiosink", nullptr));
    if (!playbin || !videoBin || !audioSink_) {
        if (videoBin)
            gst_object_unref(videoBin);
        audioSink_.reset();
        emit problem(tr("无法播放：GStreamer 缺少播放组件（playbin、autoaudiosink）/ cannot play: GStreamer "
                        "lacks playbin or autoaudiosink (%1)")
                         .arg(error ? QString::fromUtf8(error->message) : QString()));
        return;
    }
    gst_object_ref_sink(audioSink_.get()); // playbin takes its own reference; ours is for the probe
    gst::ElementPtr pictures(gst_bin_get_by_name(GST_BIN(videoBin), "pictures"));
    GstAppSinkCallbacks callbacks{};
    callbacks.new_preroll = [](GstAppSink* sink, gpointer self) {
        return onPreroll(GST_ELEMENT(sink), self);
    };
    callbacks.new_sample = [](GstAppSink* sink, gpointer self) { return onSample(GST_ELEMENT(sink), self); };
    gst_app_sink_set_callbacks(GST_APP_SINK(pictures.get()), &callbacks, this, nullptr);

    gst::PadPtr soundPad(gst_element_get_static_pad(audioSink_.get(), "sink"));
    gst_pad_add_probe(soundPad.get(),
                      GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
                      onSound, this, nullptr);

    const QByteArray uri = QUrl::fromLocalFile(path).toEncoded();
    g_object_set(playbin.get(), "uri", uri.constData(), "video-sink", videoBin, "audio-sink",
                 audioSink_.get(), "flags", kPlayFlags, nullptr);
    gst::BusPtr bus(gst_element_get_bus(playbin.get()));
    gst_bus_set_sync_handler(bus.get(), onBusMessage, this, nullptr);
    pipeline_ = std::move(playbin);

    // The first picture: prerolling in PAUSED shows it; show() and play() wait for that.
    pending_ = Pending::Show;
    pendingFrom_ = 0;
    if (gst_element_set_state(pipeline_.get(), GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE)
        failed(generation_, tr("播放器打不开这个文件"));
}

void ClipPlayer::show(double sec) {
    playing_ = false;
    pending_ = Pending::Show;
    pendingFrom_ = sec;
    carryOut();
}

void ClipPlayer::play(double fromSec, double untilSec, double rate) {
    playing_ = true;
    pending_ = Pending::Play;
    pendingFrom_ = fromSec;
    pendingUntil_ = untilSec;
    pendingRate_ = rate > 0 ? rate : 1;
    carryOut();
}

void ClipPlayer::pause() {
    if (!pipeline_)
        return;
    playing_ = false;
    if (pending_ == Pending::Play)
        pending_ = Pending::None;
    gst_element_set_state(pipeline_.get(), GST_STATE_PAUSED);
}

void ClipPlayer::carryOut() {
    // One seek at a time; the newest request waits for the running one to preroll.
    if (!pipeline_ || !ready_ || seeking_ || pending_ == Pending::None)
        return;
    const Pending what = pending_;
    pending_ = Pending::None;
    if (what == Pending::Show)
        seek(pendingFrom_, -1, 1, false);
    else
        seek(pendingFrom_, pendingUntil_, pendingRate_, true);
    playing_ = what == Pending::Play;
}

void ClipPlayer::seek(double fromSec, double untilSec, double rate, bool measureSound) {
    gst_element_set_state(pipeline_.get(), GST_STATE_PAUSED);
    // Aim at the middle of the first picture and stop in the middle of the picture after the last: a
    // container's millisecond timestamps are never half a picture off. The stop is always set (-1: none), or
    // the last play's would stay.
    const double half = frameDuration_ / 2;
    GstEvent* event =
        gst_event_new_seek(rate, GST_FORMAT_TIME, GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE),
                           GST_SEEK_TYPE_SET, nanoseconds(fromSec + half), GST_SEEK_TYPE_SET,
                           untilSec >= 0 ? nanoseconds(std::max(fromSec + half, untilSec - half)) : -1);
    if (measureSound)
        soundSeqnum_ = gst_event_get_seqnum(event);
    seeking_ = true;
    if (!gst_element_send_event(pipeline_.get(), event)) {
        seeking_ = false;
        emit problem(tr("这个录像不能跳到 %1 秒 / cannot seek in this recording").arg(fromSec, 0, 'f', 3));
    }
}

void ClipPlayer::prerolled(int generation) {
    if (generation != generation_ || !pipeline_)
        return;
    if (!ready_) {
        ready_ = true;
        const bool sound = soundDeviceIn(audioSink_.get());
        if (sound != hasSound_) {
            hasSound_ = sound;
            emit soundChanged();
        }
    }
    const bool wasSeeking = seeking_;
    seeking_ = false;
    if (pending_ != Pending::None) {
        carryOut();
        return;
    }
    if (wasSeeking && playing_)
        gst_element_set_state(pipeline_.get(), GST_STATE_PLAYING);
}

void ClipPlayer::reachedEnd(int generation) {
    if (generation != generation_ || !pipeline_ || !playing_ || seeking_)
        return;
    playing_ = false;
    gst_element_set_state(pipeline_.get(), GST_STATE_PAUSED);
    takeFrame(); // the last picture, before anyone asks where playing stopped
    emit finished();
}

void ClipPlayer::failed(int generation, const QString& detail) {
    if (generation != generation_)
        return;
    close();
    emit problem(tr("无法播放这个录像：%1 / cannot play this recording").arg(detail));
}

GstBusSyncReply ClipPlayer::onBusMessage(GstBus*, GstMessage* message, gpointer data) {
    // A streaming thread: only hop to the player's thread, with the generation the message belongs to.
    auto* self = static_cast<ClipPlayer*>(data);
    const int generation = self->generation_;
    switch (GST_MESSAGE_TYPE(message)) {
    case GST_MESSAGE_ASYNC_DONE:
        QMetaObject::invokeMethod(
            self, [self, generation] { self->prerolled(generation); }, Qt::QueuedConnection);
        break;
    case GST_MESSAGE_EOS:
        QMetaObject::invokeMethod(
            self, [self, generation] { self->reachedEnd(generation); }, Qt::QueuedConnection);
        break;
    case GST_MESSAGE_ERROR: {
        GError* rawError = nullptr;
        gchar* rawDebug = nullptr;
        gst_message_parse_error(message, &rawError, &rawDebug);
        gst::ErrorPtr error(rawError);
        gst::GCharPtr debug(rawDebug);
        const QString detail = QString::fromUtf8(error ? error->message : "");
        QMetaObject::invokeMethod(
            self, [self, generation, detail] { self->failed(generation, detail); }, Qt::QueuedConnection);
        break;
    }
    default:
        break;
    }
    return GST_BUS_DROP;
}

GstFlowReturn ClipPlayer::onPreroll(GstElement* sink, gpointer self) {
    gst::SamplePtr sample(gst_app_sink_pull_preroll(GST_APP_SINK(sink)));
    if (sample)
        static_cast<ClipPlayer*>(self)->deliver(sample.get());
    return GST_FLOW_OK;
}

GstFlowReturn ClipPlayer::onSample(GstElement* sink, gpointer self) {
    gst::SamplePtr sample(gst_app_sink_pull_sample(GST_APP_SINK(sink)));
    if (sample)
        static_cast<ClipPlayer*>(self)->deliver(sample.get());
    return GST_FLOW_OK;
}

void ClipPlayer::deliver(GstSample* sample) {
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    GstVideoInfo info;
    if (!buffer || !gst_video_info_from_caps(&info, gst_sample_get_caps(sample)))
        return;
    GstVideoFrame mapped;
    if (!gst_video_frame_map(&mapped, &info, buffer, GST_MAP_READ))
        return;
    const QImage view(static_cast<const uchar*>(GST_VIDEO_FRAME_PLANE_DATA(&mapped, 0)), info.width,
                      info.height, GST_VIDEO_FRAME_PLANE_STRIDE(&mapped, 0), QImage::Format_RGB32);
    QImage copy = view.copy();
    gst_video_frame_unmap(&mapped);
    const GstSegment* segment = gst_sample_get_segment(sample);
    const guint64 pts = GST_BUFFER_PTS(buffer);
    const guint64 streamTime = segment && GST_CLOCK_TIME_IS_VALID(pts)
                                   ? gst_segment_to_stream_time(segment, GST_FORMAT_TIME, pts)
                                   : GST_CLOCK_TIME_NONE;
    bool post = false;
    {
        QMutexLocker lock(&slot_.mutex);
        slot_.image = std::move(copy);
        slot_.timeSec = GST_CLOCK_TIME_IS_VALID(streamTime) ? double(streamTime) / GST_SECOND : 0;
        post = !std::exchange(slot_.queued, true);
    }
    if (post)
        QMetaObject::invokeMethod(this, &ClipPlayer::takeFrame, Qt::QueuedConnection);
}

void ClipPlayer::takeFrame() {
    QImage image;
    double time = 0;
    {
        QMutexLocker lock(&slot_.mutex);
        slot_.queued = false;
        image = std::exchange(slot_.image, QImage());
        time = slot_.timeSec;
    }
    if (image.isNull())
        return;
    frame_ = std::move(image);
    frameTime_ = time;
    ++framesShown_;
    emit frameChanged();
}

GstPadProbeReturn ClipPlayer::onSound(GstPad*, GstPadProbeInfo* info, gpointer data) {
    // The audio streaming thread: the segment tells buffer times apart from the recording's times.
    auto* self = static_cast<ClipPlayer*>(data);
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        GstEvent* event = GST_PAD_PROBE_INFO_EVENT(info);
        if (GST_EVENT_TYPE(event) == GST_EVENT_SEGMENT) {
            const GstSegment* segment = nullptr;
            gst_event_parse_segment(event, &segment);
            gst_segment_copy_into(segment, &self->soundSegment_);
            const quint32 seqnum = gst_event_get_seqnum(event);
            // The first segment of the newest seek starts the measurement (a decoder may repeat it).
            const bool first = seqnum == self->soundSeqnum_ && seqnum != self->soundSegmentSeqnum_;
            self->soundSegmentSeqnum_ = seqnum;
            if (first) {
                self->soundFrom_ = std::numeric_limits<double>::max();
                self->soundUntil_ = std::numeric_limits<double>::lowest();
            }
        }
        return GST_PAD_PROBE_OK;
    }
    GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (!buffer || self->soundSegmentSeqnum_ != self->soundSeqnum_ || !GST_BUFFER_PTS_IS_VALID(buffer))
        return GST_PAD_PROBE_OK;
    const guint64 start =
        gst_segment_to_stream_time(&self->soundSegment_, GST_FORMAT_TIME, GST_BUFFER_PTS(buffer));
    if (!GST_CLOCK_TIME_IS_VALID(start))
        return GST_PAD_PROBE_OK;
    const double from = double(start) / GST_SECOND;
    const double until =
        from + (GST_BUFFER_DURATION_IS_VALID(buffer) ? double(GST_BUFFER_DURATION(buffer)) / GST_SECOND : 0);
    self->soundFrom_ = std::min(self->soundFrom_.load(), from);
    self->soundUntil_ = std::max(self->soundUntil_.load(), until);
    return GST_PAD_PROBE_OK;
}

} // namespace xz::ui
