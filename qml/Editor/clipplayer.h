// Plays a recording for the Editor with GStreamer's playbin: shows the picture at a time (paused, frame-
// exact: an accurate seek aimed at the middle of the picture, so millisecond container timestamps never land
// on its neighbour), plays from a time to a time at a rate with sound (the seek's stop position ends picture
// and sound together), and hands each picture to the view as an image. Pictures come out of an appsink
// (scaled down, BGRx) into a slot where the newest wins, and are taken on the player's thread; bus messages
// hop there too. Requests made while a seek is still prerolling wait and only the newest is carried out, so
// holding an arrow key or shuttling backwards never piles up seeks. With no sound device autoaudiosink
// falls back to a silent clock-synced sink: the picture plays alone and the view says so.
#pragma once

#include "gstptr.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <atomic>

namespace xz::ui {

class ClipPlayer : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EditorModel provides the player")
    Q_PROPERTY(bool hasSound READ hasSound NOTIFY soundChanged)
    Q_PROPERTY(int framesShown READ framesShown NOTIFY frameChanged)

public:
    // The pictures' width for the view (the height follows the recording's shape).
    static constexpr int kPictureWidth = 640;

    explicit ClipPlayer(QObject* parent = nullptr);
    ~ClipPlayer() override;

    // Opens a recording (its first picture follows); an empty path closes.
    void open(const QString& path, double frameDurationSec);
    // The picture that covers `sec`, paused.
    void show(double sec);
    // Plays from `fromSec` until just before `untilSec` (< 0: the end), at `rate` times normal speed.
    void play(double fromSec, double untilSec, double rate);
    void pause();

    bool playing() const { return playing_; }
    bool hasSound() const { return hasSound_; }
    QImage frame() const { return frame_; }
    double frameTime() const { return frameTime_; } // the recording's time of the picture shown
    int framesShown() const { return framesShown_; }
    // The recording's stretch whose sound reached the sound output since the last play() began
    // (begin > end: none yet). What "playback with sound" means, measurable without speakers.
    double soundFromSec() const { return soundFrom_.load(); }
    double soundUntilSec() const { return soundUntil_.load(); }

signals:
    void frameChanged();
    // Playing stopped by itself (the until-time or the end of the recording was reached).
    void finished();
    void problem(const QString& message);
    void soundChanged();

private:
    enum class Pending { None, Show, Play };
    struct Slot {
        QMutex mutex;
        QImage image;
        double timeSec = 0;
        bool queued = false;
    };

    static GstBusSyncReply onBusMessage(GstBus* bus, GstMessage* message, gpointer self);
    static GstFlowReturn onPreroll(GstElement* sink, gpointer self);
    static GstFlowReturn onSample(GstElement* sink, gpointer self);
    static GstPadProbeReturn onSound(GstPad* pad, GstPadProbeInfo* info, gpointer self);
    void deliver(GstSample* sample); // streaming thread
    void takeFrame();
    void prerolled(int generation);
    void reachedEnd(int generation);
    void failed(int generation, const QString& detail);
    void carryOut();
    // Only a play's seek starts measuring the sound; showing a picture afterwards keeps what was measured.
    void seek(double fromSec, double untilSec, double rate, bool measureSound);
    void close();

    gst::ElementPtr pipeline_;
    gst::ElementPtr audioSink_;
    Slot slot_;
    std::atomic<int> generation_{0};
    // The sound measured since the seek whose segment carries this sequence number (the audio thread's).
    std::atomic<quint32> soundSeqnum_{0};
    std::atomic<double> soundFrom_{1};
    std::atomic<double> soundUntil_{0};
    GstSegment soundSegment_{};
    quint32 soundSegmentSeqnum_ = 0;
    bool ready_ = false;   // prerolled once since open()
    bool seeking_ = false; // a seek is prerolling
    Pending pending_ = Pending::None;
    double pendingFrom_ = 0;
    double pendingUntil_ = -1;
    double pendingRate_ = 1;
    bool playing_ = false;
    bool hasSound_ = false;
    double frameDuration_ = 1.0 / 30;
    QImage frame_;
    double frameTime_ = 0;
    int framesShown_ = 0;
};

} // namespace xz::ui
