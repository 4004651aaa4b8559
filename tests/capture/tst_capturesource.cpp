// The capture source inside the real engine: GStreamer pictures and sound reach the program, a lost sender
// shows the slate and comes back by itself, bad pipelines fail clearly while the show runs on, and sources
// can be removed while frames pour in.
#include "captureshow.h"
#include "frametap.h"
#include "gstcapture.h"
#include "obsruntime.h"
#include "scenegraph.h"
#include "switcher.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QTest>
#include <QUdpSocket>
#include <atomic>
#include <obs.hpp>
#include <unistd.h>
#include <util/platform.h>

using namespace xz;
using namespace xz::engine;
using namespace xz::testing;

namespace {

std::atomic<float> mixPeak{0.0f};
std::atomic<uint64_t> firstLoudAudioNs{0};

void onMixedAudio(void*, size_t, audio_data* data) {
    // libobs' mix is planar float; channel 0 is enough to hear the tone.
    const auto* samples = reinterpret_cast<const float*>(data->data[0]);
    float peak = 0.0f;
    for (uint32_t i = 0; samples && i < data->frames; ++i)
        peak = std::max(peak, std::abs(samples[i]));
    if (peak > mixPeak.load())
        mixPeak.store(peak);
    uint64_t expected = 0;
    if (peak > 0.05f)
        firstLoudAudioNs.compare_exchange_strong(expected, data->timestamp);
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
    void aToneReachesTheMixAndStaysInStepWithThePicture();
    void aLostSenderShowsTheSlateAndIsLiveAgainWithinThreeSecondsOfReturning();
    void badPipelinesFailClearlyWhileTheShowKeepsRunning_data();
    void badPipelinesFailClearlyWhileTheShowKeepsRunning();
    void removingASourceWhileFramesArriveDoesNotCrash();
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
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(near(centreColour(program()), orange, 10),
                              qPrintable(centreColour(program()).name()), 3000);
    QCOMPARE(seenFormat.load(), obsFormat);
    QCOMPARE(seenWidth.load(), 320u);
    // Fitted to the whole canvas: the corners are the picture too.
    const QImage image = program();
    QVERIFY2(near(averageColour(image, QRect(0, 0, 4, 4)), orange, 12), "top-left corner");
    QVERIFY2(near(averageColour(image, QRect(image.width() - 4, image.height() - 4, 4, 4)), orange, 12),
             "bottom-right corner");
}

void CaptureSourceTest::aToneReachesTheMixAndStaysInStepWithThePicture() {
    QVERIFY(startShow(
        QStringLiteral("videotestsrc is-live=true pattern=white ! video/x-raw,width=320,height=180,"
                       "framerate=30/1 ! vsink.  audiotestsrc is-live=true freq=440 volume=0.5 ! asink.")));
    struct Offsets {
        QMutex mutex;
        int64_t minVideo = INT64_MAX, maxVideo = INT64_MIN, minAudio = INT64_MAX, maxAudio = INT64_MIN;
        int video = 0, audio = 0;
    } offsets;
    obs_source_t* camera = graph_->source(QStringLiteral("cam-test"));
    ProbeGuard guard(camera, [&](const capture::BufferProbe& probe) {
        // How far libobs' timestamp is from the pipeline clock: the same for sound and picture means they are
        // presented in the order and spacing they were captured.
        const int64_t offset = static_cast<int64_t>(probe.obsNs) - static_cast<int64_t>(probe.clockNs);
        QMutexLocker lock(&offsets.mutex);
        if (probe.video) {
            offsets.minVideo = std::min(offsets.minVideo, offset);
            offsets.maxVideo = std::max(offsets.maxVideo, offset);
            ++offsets.video;
        } else {
            offsets.minAudio = std::min(offsets.minAudio, offset);
            offsets.maxAudio = std::max(offsets.maxAudio, offset);
            ++offsets.audio;
        }
    });
    mixPeak = 0.0f;
    firstLoudAudioNs = 0;
    obs_add_raw_audio_callback(0, nullptr, onMixedAudio, nullptr);
    const uint64_t takenNs = os_gettime_ns();
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    uint64_t firstPictureNs = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        const TappedFrame frame = tap_->latest();
        if (!firstPictureNs && frame.timestampNs > takenNs && centreColour(frame.image).lightness() > 200)
            firstPictureNs = frame.timestampNs;
        QTest::qWait(5);
    }
    obs_remove_raw_audio_callback(0, onMixedAudio, nullptr);

    QVERIFY2(mixPeak.load() > 0.2f, qPrintable(QStringLiteral("mix peak %1").arg(mixPeak.load())));
    QMutexLocker lock(&offsets.mutex);
    QVERIFY(offsets.video > 250 && offsets.audio > 100);
    const int64_t spread =
        std::max(offsets.maxVideo, offsets.maxAudio) - std::min(offsets.minVideo, offsets.minAudio);
    const int64_t frameNs = 1000000000 / 30;
    qInfo("capture-to-libobs clock offset spread over 10 s: %.3f ms (one frame = 33.3 ms)", spread / 1e6);
    QVERIFY2(spread < frameNs, qPrintable(QStringLiteral("offset spread %1 ns").arg(spread)));
    if (firstPictureNs && firstLoudAudioNs)
        qInfo("first program picture vs first audible mix: %.1f ms",
              (static_cast<double>(firstLoudAudioNs) - static_cast<double>(firstPictureNs)) / 1e6);
}

void CaptureSourceTest::aLostSenderShowsTheSlateAndIsLiveAgainWithinThreeSecondsOfReturning() {
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
    QTRY_VERIFY_WITH_TIMEOUT(showsSlate(program()), 3000);
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
    QTRY_VERIFY_WITH_TIMEOUT(near(centreColour(program()), blue, 16), 8000);
    QCOMPARE(cameraStatus()->state, capture::CaptureState::Live);

    phone.kill();
    phone.waitForFinished();
    QTRY_VERIFY_WITH_TIMEOUT(showsSlate(program()), 4000);
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus()->state == capture::CaptureState::Reconnecting, 3000);
    QTest::qWait(1500);
    QVERIFY2(showsSlate(program()), "the slate stays while the phone is away");

    QElapsedTimer back;
    phone.start(QStringLiteral("gst-launch-1.0"), sender);
    QVERIFY(phone.waitForStarted());
    back.start();
    QTRY_VERIFY_WITH_TIMEOUT(near(centreColour(program()), blue, 16), 3000);
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
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Failed, 8000);
    const capture::CaptureStatus status = *cameraStatus();
    QVERIFY2(status.error.messageEn.contains(expected), qPrintable(status.error.toString()));
    QVERIFY(!status.error.messageZh.isEmpty());
    // The red scene on air is untouched and still rendering.
    const uint64_t before = tap_->latest().sequence;
    QTest::qWait(300);
    QVERIFY(tap_->latest().sequence > before + 5);
    QVERIFY(isReddish(centreColour(program())));
    // Taking the broken camera shows the slate, not black.
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(showsSlate(program()), 3000);
}

void CaptureSourceTest::removingASourceWhileFramesArriveDoesNotCrash() {
    // Fast picture and sound, released at different moments: while starting, at the first frames, mid-stream,
    // and while on program.
    const char* device = "videotestsrc ! video/x-raw,width=640,height=360,framerate=240/1 ! vsink.  "
                         "audiotestsrc samplesperbuffer=128 ! asink.";
    const int delaysMs[] = {0, 5, 30, 150, 400};
    for (int delayMs : delaysMs) {
        for (bool onProgram : {false, true}) {
            OBSDataAutoRelease settings = obs_data_create();
            obs_data_set_string(settings, capture::kSettingDevice, device);
            OBSSourceAutoRelease source =
                obs_source_create_private(capture::kGstCaptureSourceId, "removed-while-busy", settings);
            QVERIFY(source);
            std::atomic<int> buffers{0};
            capture::setBufferProbe(source, [&](const capture::BufferProbe&) { ++buffers; });
            if (onProgram)
                obs_set_output_source(0, source);
            QTest::qWait(delayMs);
            if (onProgram)
                obs_set_output_source(0, nullptr);
            capture::setBufferProbe(source, {});
            source = nullptr; // the last reference: the pipeline stops before the source goes
            if (delayMs >= 400)
                QVERIFY2(buffers.load() > 0, qPrintable(QString::number(buffers.load())));
        }
    }
    obs_wait_for_destroy_queue();
    if (switcher_)
        QVERIFY(tap_->latest().sequence > 0);
}

namespace {

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

} // namespace

void CaptureSourceTest::aLoopedFilePlaysThroughWithoutStallsOrTheSlate() {
    // A 2 s H.264 clip (a sponsor loop, a recipe intro): it must be paced by the clock, loop seamlessly and
    // never be mistaken for a lost signal.
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("loop.mp4"));
    QVERIFY(makeH264Clip(clip, QStringLiteral("640x360"), 2));
    QVERIFY(startShow(QStringLiteral("preset:media-file path=\"%1\"").arg(clip)));
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 5000);
    std::atomic<int> frames{0};
    std::atomic<uint64_t> lastNs{0};
    std::atomic<uint64_t> widestGapNs{0};
    ProbeGuard guard(graph_->source(QStringLiteral("cam-test")), [&](const capture::BufferProbe& probe) {
        if (!probe.video)
            return;
        ++frames;
        const uint64_t previous = lastNs.exchange(probe.obsNs);
        if (previous && probe.obsNs > previous && probe.obsNs - previous > widestGapNs)
            widestGapNs = probe.obsNs - previous;
    });
    QTest::qWait(6500); // more than three loops
    QVERIFY(cameraStatus().has_value());
    QCOMPARE(cameraStatus()->state, capture::CaptureState::Live);
    QVERIFY2(cameraStatus()->restarts == 0, qPrintable(QString::number(cameraStatus()->restarts)));
    // Paced at its own 30 fps: a decoder racing ahead through a dropping queue delivers a fraction of this.
    QVERIFY2(frames > 150 && frames < 230,
             qPrintable(QStringLiteral("%1 frames in 6.5 s").arg(frames.load())));
    // Seamless: the frame after the last one of a loop is one frame interval later, as anywhere else (a
    // pipeline rebuilt at each end left a hole of several frames here).
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
    QTRY_VERIFY_WITH_TIMEOUT(frames > 20, 5000);
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
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Live, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(frames > 30, 3000);
}

void CaptureSourceTest::aFileWithoutAPictureFailsClearlyInsteadOfWaitingForever() {
    // A sound-only file given as a camera: it never has a picture to preroll on. The volunteer must be told,
    // not left looking at "starting" forever; the red program scene keeps running.
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("sound-only.mka"));
    QVERIFY(makeClip(clip, {QStringLiteral("sine=frequency=440:duration=3")},
                     {QStringLiteral("-c:a"), QStringLiteral("libopus")}));
    QVERIFY(startShow(QStringLiteral("preset:media-file path=\"%1\"").arg(clip)));
    QTRY_VERIFY_WITH_TIMEOUT(cameraStatus() && cameraStatus()->state == capture::CaptureState::Failed, 5000);
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
