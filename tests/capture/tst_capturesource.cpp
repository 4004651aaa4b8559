// The capture source inside the real engine: GStreamer pictures and sound reach the program, a lost sender
// shows the slate and comes back by itself, bad pipelines fail clearly while the show runs on, and sources
// can be removed while frames pour in.
#include "captureshow.h"
#include "frametap.h"
#include "framewait.h"
#include "gstcapture.h"
#include "obsruntime.h"
#include "scenegraph.h"
#include "switcher.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <obs.hpp>
#include <unistd.h>
#include <util/platform.h>

using namespace xz;
using namespace xz::engine;
using namespace xz::testing;

namespace {

// Onset times collected on libobs' threads, read by the test on its own.
class Onsets {
public:
    void push(uint64_t ns) {
        QMutexLocker lock(&mutex_);
        times_.append(ns);
    }
    qsizetype size() const {
        QMutexLocker lock(&mutex_);
        return times_.size();
    }
    QList<uint64_t> take() {
        QMutexLocker lock(&mutex_);
        return std::exchange(times_, {});
    }

private:
    mutable QMutex mutex_;
    QList<uint64_t> times_;
};

Onsets flashes;
Onsets beeps;
uint64_t lastLoudNs = 0; // only touched on the audio thread

// The program mix (planar float, channel 0): a beep starts where the mix turns loud after a quiet half
// second.
void onMixedAudio(void*, size_t, audio_data* data) {
    const auto* samples = reinterpret_cast<const float*>(data->data[0]);
    for (uint32_t i = 0; samples && i < data->frames; ++i) {
        if (std::abs(samples[i]) < 0.1f)
            continue;
        const uint64_t at = data->timestamp + uint64_t(i) * 1000000000ull / 48000;
        if (at - lastLoudNs > 500000000ull)
            beeps.push(at);
        lastLoudNs = at;
    }
}

// Makes a clip with ffmpeg's lavfi sources (e.g. "testsrc=size=640x360:rate=30:duration=2").
bool makeClip(const QString& path, const QStringList& inputs, const QStringList& codecs) {
    QStringList arguments = {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y")};
    for (const QString& input : inputs)
        arguments << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i") << input;
    return QProcess::execute(QStringLiteral("ffmpeg"), arguments + codecs + QStringList{path}) == 0;
}

// An 8-bit 4:2:0 H.264 test picture, as a phone or a camera records it.
bool makeH264Clip(const QString& path, const QString& size, int seconds) {
    return makeClip(path, {QStringLiteral("testsrc=size=%1:rate=30:duration=%2").arg(size).arg(seconds)},
                    {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                     QStringLiteral("yuv420p")});
}

int countAllSources() {
    int count = 0;
    obs_enum_all_sources(
        [](void* param, obs_source_t*) {
            ++*static_cast<int*>(param);
            return true;
        },
        &count);
    return count;
}

quint16 freeUdpPort() {
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

} // namespace

class CaptureSourceTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void aTestPictureReachesTheProgramInEachRawFormat_data();
    void aTestPictureReachesTheProgramInEachRawFormat();
    void aFlashAndABeepAtTheSameInstantReachProgramAndMixWithinOneFrame();
    void aLostSenderShowsTheSlateAndIsLiveAgainWhenItReturns();
    void badPipelinesFailClearlyWhileTheShowKeepsRunning_data();
    void badPipelinesFailClearlyWhileTheShowKeepsRunning();
    void removingASourceWhileFramesArriveStopsItsFramesAndLeavesNothingBehind();
    void aSlowTeardownNeverHoldsUpRenderingOrSettings();
    void aReconfiguredCameraAnnouncesThatItStartsOver();
    void aLoopedFilePlaysThroughWithoutStallsOrTheSlate();
    void aFileWithoutTheSoundAskedForStillPlaysItsPicture();
    void decodedFramesReachLibobsInTheDecodersOwnBuffers();
    void aFileWithoutAPictureFailsClearlyInsteadOfWaitingForever();

private:
    bool startShow(const QString& device);
    std::optional<capture::CaptureStatus> cameraStatus() const {
        return graph_->cameraCapture(QStringLiteral("cam-test"));
    }
    QImage program() const { return tap_->latest().image; }

    std::unique_ptr<ObsRuntime> runtime_;
    std::unique_ptr<SceneGraph> graph_;
    std::unique_ptr<Switcher> switcher_;
    std::unique_ptr<FrameTap> tap_;
};

void CaptureSourceTest::initTestCase() {
    std::optional<EngineError> error;
    runtime_ = ObsRuntime::start({640, 360, 30}, &error);
    QVERIFY2(runtime_, qPrintable(error ? error->toString() : QString()));
    QVERIFY(obs_source_get_display_name(capture::kGstCaptureSourceId));
    tap_ = std::make_unique<FrameTap>(64, 36);
}

void CaptureSourceTest::cleanupTestCase() {
    tap_.reset();
    runtime_.reset();
    QCOMPARE(ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void CaptureSourceTest::cleanup() {
    switcher_.reset();
    graph_.reset();
}

bool CaptureSourceTest::startShow(const QString& device) {
    std::optional<EngineError> error;
    graph_ = SceneGraph::build(captureShow(device), &error);
    if (!graph_) {
        qWarning() << (error ? error->toString() : QString());
        return false;
    }
    switcher_ = std::make_unique<Switcher>(*graph_, QStringLiteral("red"));
    return true;
}

void CaptureSourceTest::aTestPictureReachesTheProgramInEachRawFormat_data() {
    QTest::addColumn<QString>("caps");
    QTest::addColumn<int>("obsFormat");
    QTest::newRow("I420 (BT.601 limited)") << QStringLiteral("format=I420") << int(VIDEO_FORMAT_I420);
    QTest::newRow("NV12") << QStringLiteral("format=NV12") << int(VIDEO_FORMAT_NV12);
    QTest::newRow("YUY2") << QStringLiteral("format=YUY2") << int(VIDEO_FORMAT_YUY2);
    QTest::newRow("BGRA") << QStringLiteral("format=BGRA") << int(VIDEO_FORMAT_BGRA);
    QTest::newRow("I420 10-bit") << QStringLiteral("format=I420_10LE") << int(VIDEO_FORMAT_I010);
    QTest::newRow("P010 10-bit") << QStringLiteral("format=P010_10LE") << int(VIDEO_FORMAT_P010);
    // videotestsrc writes limited-range values whatever the caps say; videoconvert honours the colorimetry.
    QTest::newRow("I420 BT.709 full range")
        << QStringLiteral("format=BGRA ! videoconvert ! video/x-raw,format=I420,"
                          "colorimetry=(string)1:3:5:1")
        << int(VIDEO_FORMAT_I420);
}

void CaptureSourceTest::aTestPictureReachesTheProgramInEachRawFormat() {
    QFETCH(QString, caps);
    QFETCH(int, obsFormat);
    // Orange, not a primary: a wrong matrix or range shifts it visibly. Half the canvas size: it must be
    // fitted.
    const QColor orange(220, 140, 30);
    const QString device =
        QStringLiteral("videotestsrc is-live=true pattern=solid-color foreground-color=0xff%1 ! "
                       "video/x-raw,width=320,height=180,framerate=30/1,%2")
            .arg(orange.rgb() & 0xffffff, 6, 16, QLatin1Char('0'))
            .arg(caps);
    QVERIFY(startShow(device));
    obs_source_t* camera = graph_->source(QStringLiteral("cam-test"));
    std::atomic<int> seenFormat{0};
    std::atomic<uint32_t> seenWidth{0};
    ProbeGuard guard(camera, [&](const capture::BufferProbe& probe) {
        if (probe.video) {
            seenFormat = probe.frame->format;
            seenWidth = probe.frame->width;
        }
    });
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(near(centreColour(program()), orange, 10),
                              qPrintable(centreColour(program()).name()), 20000);
    QCOMPARE(seenFormat.load(), obsFormat);
    QCOMPARE(seenWidth.load(), 320u);
    // Fitted to the whole canvas: the corners are the picture too.
    const QImage image = program();
    QVERIFY2(near(averageColour(image, QRect(0, 0, 4, 4)), orange, 12), "top-left corner");
    QVERIFY2(near(averageColour(image, QRect(image.width() - 4, image.height() - 4, 4, 4)), orange, 12),
             "bottom-right corner");
}

void CaptureSourceTest::aFlashAndABeepAtTheSameInstantReachProgramAndMixWithinOneFrame() {
    // A clip with a white flash and a 1 kHz beep starting at the same instant (1.0 s, frame 30), looped.
    // Where each one first shows up, in the program picture and in the program mix, is read on libobs' own
    // clock: the muxer and every viewer pair them by those times.
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("flash-beep.mkv"));
    QVERIFY(makeClip(clip,
                     {QStringLiteral("color=c=black:s=320x180:r=30:d=3,drawbox=x=0:y=0:w=iw:h=ih:color=white:"
                                     "t=fill:enable='between(n,30,35)'"),
                      QStringLiteral("aevalsrc='if(between(t,1,1.2),0.8*sin(2*PI*1000*t),0)':s=48000:d=3")},
                     {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-bf"),
                      QStringLiteral("0"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                      QStringLiteral("-c:a"), QStringLiteral("pcm_s16le")}));
    QVERIFY(startShow(QStringLiteral("preset:media-file audio=1 path=\"%1\"").arg(clip)));

    std::atomic<bool> wasWhite{false};
    FrameTap watcher(32, 18, [&](const TappedFrame& frame) {
        const bool white = centreColour(frame.image).lightness() > 200;
        if (wasWhite.exchange(white) != white && white)
            flashes.push(frame.timestampNs);
    });
    obs_add_raw_audio_callback(0, nullptr, onMixedAudio, nullptr);
    auto removeAudio = qScopeGuard([] { obs_remove_raw_audio_callback(0, onMixedAudio, nullptr); });
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QVERIFY2(QTest::qWaitFor([] { return flashes.size() >= 3 && beeps.size() >= 3; }, 60000),
             qPrintable(QStringLiteral("%1 flashes, %2 beeps").arg(flashes.size()).arg(beeps.size())));
    removeAudio.dismiss();
    obs_remove_raw_audio_callback(0, onMixedAudio, nullptr);

    // Each flash (from the second on: the first may be cut by the take) has its beep within one frame.
    const QList<uint64_t> pictures = flashes.take();
    const QList<uint64_t> sounds = beeps.take();
    const double frameMs = 1000.0 / 30.0;
    int paired = 0;
    for (qsizetype i = 1; i < pictures.size(); ++i) {
        double nearestMs = 1e9;
        for (uint64_t sound : sounds)
            if (qAbs(double(sound) - double(pictures[i])) / 1e6 < qAbs(nearestMs))
                nearestMs = (double(sound) - double(pictures[i])) / 1e6;
        qInfo("flash %lld: the beep is %.1f ms after the picture (one frame = %.1f ms)", qlonglong(i),
              nearestMs, frameMs);
        QVERIFY2(qAbs(nearestMs) < frameMs, qPrintable(QStringLiteral("%1 ms apart").arg(nearestMs)));
        ++paired;
    }
    QVERIFY(paired >= 2);
}

void CaptureSourceTest::aLostSenderShowsTheSlateAndIsLiveAgainWhenItReturns() {
    const quint16 port = freeUdpPort();
    QVERIFY(port > 0);
    QVERIFY(startShow(QStringLiteral("preset:srt-listener port=%1 latency=60").arg(port)));
    obs_source_t* camera = graph_->source(QStringLiteral("cam-test"));
    QMutex statesMutex;
    QList<int> states;
    OBSSignal stateSignal(
        obs_source_get_signal_handler(camera), "capture_state",
        [](void* param, calldata_t* data) {
            auto* list = static_cast<std::pair<QMutex*, QList<int>*>*>(param);
            QMutexLocker lock(list->first);
            list->second->append(static_cast<int>(calldata_int(data, "state")));
        },
        new std::pair<QMutex*, QList<int>*>(&statesMutex, &states));
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    // Waiting for the phone: the slate, not black and not a frozen frame.
    QTRY_VERIFY_WITH_TIMEOUT(showsSlate(program()), 20000);
    QCOMPARE(cameraStatus()->state, capture::CaptureState::Starting);

    const QColor blue(30, 60, 220);
    const QStringList sender = {QStringLiteral("-q"),
                                QStringLiteral("videotestsrc"),
                                QStringLiteral("is-live=true"),
                                QStringLiteral("pattern=solid-color"),
                                QStringLiteral("foreground-color=0xff1e3cdc"),
                                QStringLiteral("!"),
                                QStringLiteral("video/x-raw,width=320,height=180,framerate=30/1"),
                                QStringLiteral("!"),
                                QStringLiteral("x264enc"),
                                QStringLiteral("tune=zerolatency"),
                                QStringLiteral("speed-preset=ultrafast"),
                                QStringLiteral("key-int-max=15"),
                                QStringLiteral("!"),
                                QStringLiteral("mpegtsmux"),
                                QStringLiteral("!"),
                                QStringLiteral("srtsink"),
                                QStringLiteral("uri=srt://127.0.0.1:%1?mode=caller").arg(port),
                                QStringLiteral("latency=60")};
    QProcess phone;
    phone.start(QStringLiteral("gst-launch-1.0"), sender);
    QVERIFY(phone.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(near(centreColour(program()), blue, 16), 20000);
    QCOMPARE(cameraStatus()->state, capture::CaptureState::Live);

    phone.kill();
    phone.waitForFinished();
    QTRY_VERIFY_WITH_TIMEOUT(showsSlate(program()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus()->state == capture::CaptureState::Reconnecting, 20000);
    QVERIFY(waitForFrames(*tap_, 45));
    QVERIFY2(showsSlate(program()), "the slate stays while the phone is away");

    QElapsedTimer back;
    phone.start(QStringLiteral("gst-launch-1.0"), sender);
    QVERIFY(phone.waitForStarted());
    back.start();
    QTRY_VERIFY_WITH_TIMEOUT(near(centreColour(program()), blue, 16), 20000);
    qInfo("live again %lld ms after the sender returned", back.elapsed());
    QCOMPARE(cameraStatus()->state, capture::CaptureState::Live);
    QVERIFY(cameraStatus()->restarts >= 1);
    phone.kill();
    phone.waitForFinished();
    {
        QMutexLocker lock(&statesMutex);
        QVERIFY2(states.contains(int(capture::CaptureState::Reconnecting)), "state changes are signalled");
        QCOMPARE(states.count(int(capture::CaptureState::Live)), 2);
    }
    stateSignal.Disconnect();
}

void CaptureSourceTest::badPipelinesFailClearlyWhileTheShowKeepsRunning_data() {
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax error") << QStringLiteral("videotestsrc ! ! videoconvert")
                                  << QStringLiteral("syntax error");
    QTest::newRow("unknown element") << QStringLiteral("nosuchcamerasrc")
                                     << QStringLiteral("unknown element");
    QTest::newRow("caps that cannot link")
        << QStringLiteral("audiotestsrc ! queue") << QStringLiteral("formats do not match");
    QTest::newRow("missing device") << QStringLiteral("v4l2src device=/dev/video-that-does-not-exist")
                                    << QStringLiteral("does not exist");
    QTest::newRow("bad preset") << QStringLiteral("preset:srt-listener port=0")
                                << QStringLiteral("port must be");
    QTest::newRow("never a frame") << QStringLiteral("videotestsrc ! valve drop=true")
                                   << QStringLiteral("did not start");
}

void CaptureSourceTest::badPipelinesFailClearlyWhileTheShowKeepsRunning() {
    QFETCH(QString, device);
    QFETCH(QString, expected);
    QVERIFY(startShow(device));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Failed, 20000);
    const capture::CaptureStatus status = *cameraStatus();
    QVERIFY2(status.error.messageEn.contains(expected), qPrintable(status.error.toString()));
    QVERIFY(!status.error.messageZh.isEmpty());
    // The red scene on air is untouched and still rendering.
    QVERIFY(waitForFrames(*tap_, 10));
    QVERIFY(isReddish(centreColour(program())));
    // Taking the broken camera shows the slate, not black.
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(showsSlate(program()), 20000);
}

void CaptureSourceTest::removingASourceWhileFramesArriveStopsItsFramesAndLeavesNothingBehind() {
    // Fast picture and sound, released at different moments: while starting, at the first frames, mid-stream,
    // and while on program. Once released and destroyed, the source holds nothing that could deliver a frame
    // (its probe, which counts every buffer, is gone with it) and libobs has no source more than before.
    const char* device = "videotestsrc ! video/x-raw,width=640,height=360,framerate=240/1 ! vsink.  "
                         "audiotestsrc samplesperbuffer=128 ! asink.";
    obs_wait_for_destroy_queue(); // what earlier tests released is gone before counting
    const int sourcesBefore = countAllSources();
    const int delaysInFrames[] = {0, 1, 2, 5, 12};
    for (int delay : delaysInFrames) {
        for (bool onProgram : {false, true}) {
            auto buffers = std::make_shared<std::atomic<int>>(0);
            std::weak_ptr<std::atomic<int>> stillHeld = buffers;
            {
                OBSDataAutoRelease settings = obs_data_create();
                obs_data_set_string(settings, capture::kSettingDevice, device);
                OBSSourceAutoRelease source =
                    obs_source_create_private(capture::kGstCaptureSourceId, "removed-while-busy", settings);
                QVERIFY(source);
                capture::setBufferProbe(source, [buffers](const capture::BufferProbe&) { ++*buffers; });
                buffers.reset(); // from here only the source holds the counter
                if (onProgram)
                    obs_set_output_source(0, source);
                if (delay > 0)
                    QVERIFY(waitForFrames(*tap_, uint64_t(delay)));
                if (delay >= 12)
                    QTRY_VERIFY_WITH_TIMEOUT(!stillHeld.expired() && stillHeld.lock()->load() > 0, 20000);
                if (onProgram)
                    obs_set_output_source(0, nullptr);
            } // the last reference: the pipeline stops before the source goes
            obs_wait_for_destroy_queue();
            QVERIFY2(stillHeld.expired(), "a destroyed source must not keep anything that delivers frames");
            QCOMPARE(countAllSources(), sourcesBefore);
        }
    }
}

void CaptureSourceTest::aSlowTeardownNeverHoldsUpRenderingOrSettings() {
    // A network camera can take seconds to close. Here a streaming thread is held inside the buffer probe, so
    // the old pipeline cannot finish stopping until the test lets it go; meanwhile the camera is
    // reconfigured twice (libobs applies settings on its graphics thread) and the program must keep
    // rendering.
    QVERIFY(startShow(QStringLiteral("videotestsrc is-live=true ! video/x-raw,width=320,height=180,"
                                     "framerate=30/1")));
    obs_source_t* camera = graph_->source(QStringLiteral("cam-test"));
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 20000);

    std::mutex gate;
    std::condition_variable opened;
    bool open = false;
    std::atomic<bool> held{false};
    capture::setBufferProbe(camera, [&](const capture::BufferProbe& probe) {
        if (!probe.video)
            return;
        std::unique_lock lock(gate);
        held = true;
        opened.wait(lock, [&] { return open; });
    });
    // Whatever happens below, the held thread is let go and the probe (which refers to this stack) removed.
    bool letGone = false;
    const auto letGo = [&] {
        if (std::exchange(letGone, true))
            return;
        {
            std::lock_guard lock(gate);
            open = true;
        }
        opened.notify_all();
        capture::setBufferProbe(camera, {});
    };
    auto release = qScopeGuard(letGo);
    QTRY_VERIFY_WITH_TIMEOUT(held.load(), 20000);

    const auto reconfigure = [&](const char* pattern) {
        OBSDataAutoRelease settings = obs_source_get_settings(camera);
        obs_data_set_string(settings, capture::kSettingDevice,
                            QStringLiteral("videotestsrc is-live=true pattern=%1 ! video/x-raw,width=320,"
                                           "height=180,framerate=30/1")
                                .arg(QLatin1String(pattern))
                                .toUtf8()
                                .constData());
        obs_source_update(camera, settings);
    };
    reconfigure("ball"); // the supervisor starts tearing the held pipeline down
    QVERIFY(waitForFrames(*tap_, 30));
    reconfigure("snow"); // applied on the graphics thread while that teardown waits
    QVERIFY2(waitForFrames(*tap_, 30), "the program stopped rendering during a camera's teardown");
    QVERIFY(cameraStatus().has_value()); // and the status can be read meanwhile

    letGo();
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 20000);
}

void CaptureSourceTest::aReconfiguredCameraAnnouncesThatItStartsOver() {
    QVERIFY(startShow(QStringLiteral("videotestsrc is-live=true ! video/x-raw,width=320,height=180,"
                                     "framerate=30/1")));
    obs_source_t* camera = graph_->source(QStringLiteral("cam-test"));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 20000);
    struct States {
        QMutex mutex;
        QList<int> list;
    } states;
    OBSSignal stateSignal(
        obs_source_get_signal_handler(camera), "capture_state",
        [](void* param, calldata_t* data) {
            auto* seen = static_cast<States*>(param);
            QMutexLocker lock(&seen->mutex);
            seen->list.append(static_cast<int>(calldata_int(data, "state")));
        },
        &states);
    OBSDataAutoRelease settings = obs_source_get_settings(camera);
    obs_data_set_string(settings, capture::kSettingDevice,
                        "videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=180,"
                        "framerate=30/1");
    obs_source_update(camera, settings);
    const auto seen = [&] {
        QMutexLocker lock(&states.mutex);
        return states.list;
    };
    QTRY_VERIFY_WITH_TIMEOUT(seen().contains(int(capture::CaptureState::Live)), 20000);
    stateSignal.Disconnect();
    const QList<int> order = seen();
    QVERIFY2(
        order.size() >= 2 && order.first() == int(capture::CaptureState::Starting) &&
            order.indexOf(int(capture::CaptureState::Live)) > 0,
        qPrintable(
            QStringLiteral("%1 states after the change, first %2").arg(order.size()).arg(order.value(0))));
}

void CaptureSourceTest::aLoopedFilePlaysThroughWithoutStallsOrTheSlate() {
    // A 2 s H.264 clip (a sponsor loop, a recipe intro): it must be paced by the clock, loop seamlessly and
    // never be mistaken for a lost signal.
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("loop.mp4"));
    QVERIFY(makeH264Clip(clip, QStringLiteral("640x360"), 2));
    QVERIFY(startShow(QStringLiteral("preset:media-file path=\"%1\"").arg(clip)));
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 20000);
    std::atomic<int> frames{0};
    std::atomic<uint64_t> firstNs{0};
    std::atomic<uint64_t> lastNs{0};
    std::atomic<uint64_t> widestGapNs{0};
    ProbeGuard guard(graph_->source(QStringLiteral("cam-test")), [&](const capture::BufferProbe& probe) {
        if (!probe.video)
            return;
        ++frames;
        uint64_t none = 0;
        firstNs.compare_exchange_strong(none, probe.obsNs);
        const uint64_t previous = lastNs.exchange(probe.obsNs);
        if (previous && probe.obsNs > previous && probe.obsNs - previous > widestGapNs)
            widestGapNs = probe.obsNs - previous;
    });
    // More than three loops of the clip's own time, however long a busy machine takes to play them.
    QVERIFY(QTest::qWaitFor([&] { return lastNs - firstNs > 6'500'000'000ull; }, 60000));
    QVERIFY(cameraStatus().has_value());
    QCOMPARE(cameraStatus()->state, capture::CaptureState::Live);
    QVERIFY2(cameraStatus()->restarts == 0, qPrintable(QString::number(cameraStatus()->restarts)));
    // Paced at its own 30 fps: every frame of that time arrives, not a fraction (a decoder racing ahead
    // through a dropping queue delivers a fraction).
    const double expected = double(lastNs - firstNs) / 1e9 * 30.0 + 1.0;
    QVERIFY2(frames >= expected * 0.9 && frames <= expected * 1.05,
             qPrintable(QStringLiteral("%1 frames for %2 expected").arg(frames.load()).arg(expected)));
    // Seamless: the frame after the last one of a loop is one frame interval later, as anywhere else (a
    // pipeline rebuilt at each end left a hole of several frames here). These are the frames' own times.
    qInfo("widest gap between frame timestamps over three loops: %.1f ms", widestGapNs / 1e6);
    QVERIFY2(widestGapNs < 50'000'000, qPrintable(QString::number(widestGapNs / 1e6)));
}

void CaptureSourceTest::decodedFramesReachLibobsInTheDecodersOwnBuffers() {
    // "At most one copy per frame", and libobs makes that one. libav decodes into frames with a margin below
    // the picture (its motion vectors may point past the edge); a frame that arrives with that margin between
    // its planes is the decoder's own buffer. A copy into a plain buffer has its planes back to back.
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("h264.mkv"));
    QVERIFY(makeH264Clip(clip, QStringLiteral("1280x720"), 1));
    QVERIFY(startShow(QStringLiteral("preset:media-file path=\"%1\"").arg(clip)));
    std::atomic<int> frames{0};
    std::atomic<int> framesInDecoderBuffers{0};
    ProbeGuard guard(graph_->source(QStringLiteral("cam-test")), [&](const capture::BufferProbe& probe) {
        if (!probe.video || probe.frame->format != VIDEO_FORMAT_I420)
            return;
        ++frames;
        const std::ptrdiff_t lumaPlane = probe.frame->data[1] - probe.frame->data[0];
        if (lumaPlane > static_cast<std::ptrdiff_t>(probe.frame->linesize[0]) * probe.frame->height)
            ++framesInDecoderBuffers;
    });
    QTRY_VERIFY_WITH_TIMEOUT(frames > 20, 20000);
    QCOMPARE(framesInDecoderBuffers.load(), frames.load());
}

void CaptureSourceTest::aFileWithoutTheSoundAskedForStillPlaysItsPicture() {
    // "audio=1" on a silent clip: the picture must play (it used to wait forever for sound to preroll).
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("silent.mkv"));
    QVERIFY(makeH264Clip(clip, QStringLiteral("320x180"), 3));
    QVERIFY(startShow(QStringLiteral("preset:media-file audio=1 path=\"%1\"").arg(clip)));
    std::atomic<int> frames{0};
    ProbeGuard guard(graph_->source(QStringLiteral("cam-test")), [&](const capture::BufferProbe& probe) {
        if (probe.video)
            ++frames;
    });
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(frames > 30, 20000);
}

void CaptureSourceTest::aFileWithoutAPictureFailsClearlyInsteadOfWaitingForever() {
    // A sound-only file given as a camera: it never has a picture to preroll on. The volunteer must be told,
    // not left looking at "starting" forever; the red program scene keeps running.
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("sound-only.mka"));
    QVERIFY(makeClip(clip, {QStringLiteral("sine=frequency=440:duration=3")},
                     {QStringLiteral("-c:a"), QStringLiteral("libopus")}));
    QVERIFY(startShow(QStringLiteral("preset:media-file path=\"%1\"").arg(clip)));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Failed, 20000);
    QVERIFY2(cameraStatus()->error.messageEn.contains(QLatin1String("lacks the picture")),
             qPrintable(cameraStatus()->error.toString()));
    QVERIFY(cameraStatus()->error.messageZh.contains(QStringLiteral("没有需要的画面")));
    QTRY_VERIFY(near(averageColour(program(), QRect(8, 8, 48, 20)), QColor(220, 20, 20), 12));
}

// Not QTEST_GUILESS_MAIN: once GStreamer's SRT elements have run, the process holds two builds of libsrt
// (libsrt-gnutls through GStreamer and libavformat, libsrt-openssl through obs-ffmpeg) whose static
// destructors free the same objects twice at exit. The results are in; leave without running library
// destructors.
int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    CaptureSourceTest test;
    const int rc = QTest::qExec(&test, argc, argv);
    fflush(stdout);
    fflush(stderr);
    _exit(rc);
}
#include "tst_capturesource.moc"
