// The running studio as every front end drives it, without a window: takes and the T-bar, two recordings in
// one run, a stream added and removed mid-show on a real nginx-rtmp, text that reaches program only when
// taken, the mixer's meters and faders, the monitors, the safe slate and a show with another canvas. The
// program picture is read independently of the studio's own monitors, from libobs' composited output.
#include "colourshow.h"
#include "frametap.h"
#include "framewait.h"
#include "mediaprobe.h"
#include "obsruntime.h"
#include "rtmpserver.h"
#include "studio.h"
#include "studiorundown.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <obs.h>

using namespace xz;
using namespace xz::testing;

namespace {

// A 1 kHz tone at half scale: -6.0 dBFS peak, -9.0 dBFS RMS.
constexpr double kTonePeakDb = -6.02;
constexpr double kToneRmsDb = -9.03;

// Scenes "red" and "blue" each showing a caption "caption" (their own copies) over a full-screen colour, a
// camera scene, and a microphone that hears a steady tone.
show::Show studioShow(int width = 640, int height = 360) {
    show::Show show = colourShow(width, height);
    show::Source caption;
    caption.id = QStringLiteral("caption");
    caption.kind = show::SourceKind::Text;
    caption.text = QStringLiteral(" ");
    caption.fontSize = 48;
    caption.color = Qt::white;
    show.sources.append(caption);
    show::Source tone;
    tone.id = QStringLiteral("mic-tone");
    tone.kind = show::SourceKind::AudioInput;
    tone.label = QStringLiteral("测试话筒");
    tone.device = QStringLiteral("audiotestsrc is-live=true wave=sine freq=1000 volume=0.5");
    show.sources.append(tone);
    show::SceneItem captionItem;
    captionItem.sourceId = QStringLiteral("caption");
    captionItem.x = 20;
    captionItem.y = 20;
    show.scenes[0].items.append(captionItem);
    show.scenes[1].items.append(captionItem);
    return show;
}

// White pixels in the caption's corner of the picture: the caption shows something.
bool captionShows(const QImage& image) {
    if (image.isNull())
        return false;
    int white = 0;
    for (int y = 0; y < image.height() / 3; ++y)
        for (int x = 0; x < image.width() / 2; ++x)
            if (QColor(image.pixel(x, y)).lightness() > 230)
                ++white;
    return white > 20;
}

// What a monitor feed delivered last, written on libobs' graphics thread.
class FeedSlot {
public:
    void store(const QImage& frame) {
        QMutexLocker lock(&mutex_);
        latest_ = frame;
        ++count_;
    }
    QImage latest() const {
        QMutexLocker lock(&mutex_);
        return latest_;
    }
    int count() const {
        QMutexLocker lock(&mutex_);
        return count_;
    }

private:
    mutable QMutex mutex_;
    QImage latest_;
    int count_ = 0;
};

// Two segments on the colour show: red with its caption, then blue by a cut with its own.
rundown::Rundown redThenBlue() {
    rundown::Rundown plan;
    plan.title = QStringLiteral("测试串联单");
    rundown::Segment red;
    red.title = QStringLiteral("红");
    red.sceneId = QStringLiteral("red");
    red.durationMs = 60000;
    red.texts = {{QStringLiteral("red"), QStringLiteral("caption"), QStringLiteral("第一段")}};
    rundown::Segment blue = red;
    blue.title = QStringLiteral("蓝");
    blue.sceneId = QStringLiteral("blue");
    blue.transitionId = QStringLiteral("cut");
    blue.texts = {{QStringLiteral("blue"), QStringLiteral("caption"), QStringLiteral("第二段")}};
    plan.segments = {red, blue};
    return plan;
}

// The index of the first decoded frame whose centre is blue, from an independent decoder (ffmpeg), or -1.
int firstBlueFrame(const QString& recording) {
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-i"), recording,
                  QStringLiteral("-vf"), QStringLiteral("crop=8:8:(iw-8)/2:(ih-8)/2,scale=1:1"),
                  QStringLiteral("-fps_mode"), QStringLiteral("passthrough"), QStringLiteral("-f"),
                  QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"),
                  QStringLiteral("-")});
    ffmpeg.waitForFinished(120000);
    const QByteArray pixels = ffmpeg.readAllStandardOutput();
    for (int frame = 0; frame * 3 + 2 < pixels.size(); ++frame) {
        const auto r = static_cast<uchar>(pixels[frame * 3]), b = static_cast<uchar>(pixels[frame * 3 + 2]);
        if (b > 150 && r < 80)
            return frame;
    }
    return -1;
}

} // namespace

class StudioTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void aTakeChangesProgramAndPutsTheOldSceneInPreview();
    void theTBarCancelsBeforeHalfWayAndCompletesBeyondIt();
    void aTextChangeReachesProgramOnlyWhenItsSceneIsTaken();
    void metersReportAToneWithinOneDecibel();
    void muteAndVolumeAreHeardInTheMix();
    void thePreviewMonitorShowsThePreviewSceneAndFollowsIt();
    void theProgramMonitorShowsWhatIsOnAir();
    void theSafeSlateGoesOnAirAtOnceAndTheSameKeyBringsTheShowBack();
    void twoRecordingsInOneRunGiveTwoPlayableFiles();
    void aStreamAddedMidShowGoesLiveAndIsRemovedCleanly();
    void aRundownTakesEachSegmentsSceneAndSetsItsCaption();
    void aRundownMarkerAtATakeFallsOnTheFrameWhereTheSceneChanges();
    void anotherCanvasSizeIsRefusedWhileRecordingAndLoadsWhenStopped();

private:
    QColor programColour() const { return centreColour(tap_->latest().image); }

    std::unique_ptr<live::Studio> studio_;
    std::unique_ptr<engine::FrameTap> tap_;
};

void StudioTest::initTestCase() {
    std::optional<UserError> error;
    studio_ = live::Studio::start(studioShow(), &error);
    QVERIFY2(studio_, qPrintable(error ? error->toString() : QString()));
    tap_ = std::make_unique<engine::FrameTap>(64, 36);
}

void StudioTest::cleanupTestCase() {
    tap_.reset();
    studio_.reset();
    QCOMPARE(engine::ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void StudioTest::init() {
    // Every test starts from red on air, blue in preview.
    if (studio_->programScene() != QLatin1String("red"))
        QVERIFY(!studio_->cutTo(QStringLiteral("red")));
    QVERIFY(!studio_->setPreview(QStringLiteral("blue")));
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(programColour()), 20000);
}

void StudioTest::aTakeChangesProgramAndPutsTheOldSceneInPreview() {
    QSignalSpy program(studio_.get(), &live::Studio::programSceneChanged);
    const int takes = studio_->takeCount();
    QVERIFY(!studio_->take(QStringLiteral("fade"), 200));
    QCOMPARE(studio_->programScene(), QStringLiteral("blue"));
    QCOMPARE(studio_->previewScene(), QStringLiteral("red"));
    QCOMPARE(program.count(), 1);
    QCOMPARE(studio_->takeCount(), takes + 1);
    QTRY_VERIFY_WITH_TIMEOUT(isBluish(programColour()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    // A scene that does not exist is refused and changes nothing.
    QVERIFY(studio_->setPreview(QStringLiteral("no-such-scene")).has_value());
    QCOMPARE(studio_->previewScene(), QStringLiteral("red"));
}

void StudioTest::theTBarCancelsBeforeHalfWayAndCompletesBeyondIt() {
    const int takes = studio_->takeCount();
    // 0.3, let go: the picture goes back to red, nothing was taken.
    QVERIFY(!studio_->setTBar(0.3));
    QTRY_VERIFY_WITH_TIMEOUT(programColour().blue() > 40 && programColour().red() > 80, 20000); // a mix
    QVERIFY(!studio_->releaseTBar());
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    QVERIFY(waitForFrames(*tap_, 5));
    QVERIFY2(isReddish(programColour()), qPrintable(programColour().name()));
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
    QCOMPARE(studio_->previewScene(), QStringLiteral("blue"));
    QCOMPARE(studio_->takeCount(), takes);
    QCOMPARE(studio_->tbarPosition(), 0.0);

    // 0.7, let go: it completes to blue, one take.
    QVERIFY(!studio_->setTBar(0.7));
    QVERIFY(!studio_->releaseTBar());
    QCOMPARE(studio_->programScene(), QStringLiteral("blue"));
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(isBluish(programColour()), 20000);
    QCOMPARE(studio_->takeCount(), takes + 1);
    QCOMPARE(studio_->previewScene(), QStringLiteral("red"));
}

void StudioTest::aTextChangeReachesProgramOnlyWhenItsSceneIsTaken() {
    QVERIFY(!studio_->setText(QStringLiteral("blue"), QStringLiteral("caption"), QStringLiteral("■■■")));
    QCOMPARE(*studio_->text(QStringLiteral("blue"), QStringLiteral("caption")), QStringLiteral("■■■"));
    QCOMPARE(*studio_->text(QStringLiteral("red"), QStringLiteral("caption")), QStringLiteral(" "));
    QVERIFY(waitForFrames(*tap_, 15));
    QVERIFY2(!captionShows(tap_->latest().image), "program changed before the take");
    QVERIFY(!studio_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(isBluish(programColour()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(captionShows(tap_->latest().image), 20000);
    // A text the show does not have, or one a scene does not show, is refused precisely.
    const auto unknown =
        studio_->setText(QStringLiteral("red"), QStringLiteral("no-such-text"), QStringLiteral("x"));
    QVERIFY(unknown && unknown->messageEn.contains(QLatin1String("no-such-text")));
    QVERIFY(studio_->setText(QStringLiteral("camera"), QStringLiteral("caption"), QStringLiteral("x"))
                .has_value());
    QVERIFY(!studio_->setText(QStringLiteral("blue"), QStringLiteral("caption"), QStringLiteral(" ")));
}

void StudioTest::metersReportAToneWithinOneDecibel() {
    QTRY_VERIFY_WITH_TIMEOUT(studio_->captureStatus(QStringLiteral("mic-tone")) &&
                                 studio_->captureStatus(QStringLiteral("mic-tone"))->state ==
                                     capture::CaptureState::Live,
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(studio_->levels(QStringLiteral("mic-tone"))->rmsDb - kToneRmsDb) < 1.0,
                             20000);
    const engine::AudioLevels input = *studio_->levels(QStringLiteral("mic-tone"));
    qInfo("tone: peak %.2f dBFS, rms %.2f dBFS, hold %.2f dBFS", input.peakDb, input.rmsDb, input.holdDb);
    QVERIFY2(qAbs(input.peakDb - kTonePeakDb) < 1.0, qPrintable(engine::formatDb(input.peakDb)));
    QVERIFY2(qAbs(input.holdDb - kTonePeakDb) < 1.0, qPrintable(engine::formatDb(input.holdDb)));
    QVERIFY(!input.clipping);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(studio_->mixLevels().peakDb - kTonePeakDb) < 1.0, 20000);
    const QList<live::AudioInput> inputs = studio_->audioInputs();
    QCOMPARE(inputs.size(), 1);
    QVERIFY(inputs.first().microphone);
}

void StudioTest::muteAndVolumeAreHeardInTheMix() {
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(studio_->mixLevels().peakDb - kTonePeakDb) < 1.0, 20000);
    QVERIFY(!studio_->setVolumeDb(QStringLiteral("mic-tone"), -20.0));
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(studio_->mixLevels().rmsDb - (kToneRmsDb - 20.0)) < 1.0, 20000);
    QVERIFY(!studio_->setMuted(QStringLiteral("mic-tone"), true));
    QTRY_VERIFY_WITH_TIMEOUT(studio_->mixLevels().rmsDb < -90.0f, 20000);
    QVERIFY(!studio_->setMuted(QStringLiteral("mic-tone"), false));
    QVERIFY(!studio_->setVolumeDb(QStringLiteral("mic-tone"), 0.0));
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(studio_->mixLevels().rmsDb - kToneRmsDb) < 1.0, 20000);
    QVERIFY(studio_->setVolumeDb(QStringLiteral("red"), 0.0).has_value()); // a colour has no sound
    QVERIFY(studio_->setVolumeDb(QStringLiteral("mic-tone"), 40.0).has_value());
}

void StudioTest::thePreviewMonitorShowsThePreviewSceneAndFollowsIt() {
    FeedSlot preview;
    const auto feed =
        studio_->watchPreview(QSize(64, 36), 1, [&](const QImage& frame) { preview.store(frame); });
    QTRY_VERIFY2_WITH_TIMEOUT(isBluish(centreColour(preview.latest())),
                              qPrintable(centreColour(preview.latest()).name()), 20000);
    QCOMPARE(preview.latest().size(), QSize(64, 36));
    QVERIFY(isReddish(programColour())); // blue is not on air
    QVERIFY(!studio_->setPreview(QStringLiteral("camera")));
    QTRY_VERIFY_WITH_TIMEOUT(
        !isBluish(centreColour(preview.latest())) && !isReddish(centreColour(preview.latest())), 20000);
    studio_->unwatch(feed);
    const int delivered = preview.count();
    QVERIFY(waitForFrames(*tap_, 10));
    QCOMPARE(preview.count(), delivered); // nobody watches: nothing is drawn or delivered
}

void StudioTest::theProgramMonitorShowsWhatIsOnAir() {
    FeedSlot program;
    const auto feed =
        studio_->watchProgram(QSize(64, 36), 1, [&](const QImage& frame) { program.store(frame); });
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(centreColour(program.latest())), 20000);
    QVERIFY(!studio_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(isBluish(centreColour(program.latest())), 20000);
    studio_->unwatch(feed);
}

void StudioTest::theSafeSlateGoesOnAirAtOnceAndTheSameKeyBringsTheShowBack() {
    const QColor slate(0x1d, 0x2b, 0x3a);
    const auto isSlate = [&](const QImage& image) {
        return near(averageColour(image, QRect(1, image.height() - 4, 4, 3)), slate, 16);
    };
    QVERIFY(!studio_->setTBar(0.4)); // even in the middle of a T-bar move
    studio_->toggleStandby();
    QVERIFY(studio_->standbyOnAir());
    QTRY_VERIFY_WITH_TIMEOUT(isSlate(tap_->latest().image), 20000);
    QCOMPARE(studio_->previewScene(), QStringLiteral("blue"));
    studio_->toggleStandby();
    QVERIFY(!studio_->standbyOnAir());
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(programColour()), 20000);
}

void StudioTest::twoRecordingsInOneRunGiveTwoPlayableFiles() {
    QTemporaryDir dir;
    QStringList files;
    QSignalSpy finished(studio_.get(), &live::Studio::recordingFinished);
    for (int round = 0; round < 2; ++round) {
        QVERIFY(!studio_->startRecording(dir.path()));
        QVERIFY(studio_->recording());
        QVERIFY(studio_->startRecording(dir.path()).has_value()); // one at a time
        QTRY_VERIFY_WITH_TIMEOUT(studio_->recordingSecondsNow().value_or(0) > 2.0, 20000);
        const QString path = studio_->recordingStatus().path;
        studio_->stopRecording(); // returns at once; the file is finished on libobs' thread
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), round + 1, 20000);
        QCOMPARE(finished.last().first().toString(), path);
        QCOMPARE(studio_->recordingStatus().state, engine::RecordingState::Stopped);
        files.append(path);
    }
    QVERIFY(files[0] != files[1]);
    for (const QString& file : files) {
        const MediaInfo info = probeMedia(file);
        QVERIFY2(info.hasVideo && info.hasAudio, qPrintable(file));
        QVERIFY2(decodableSeconds(file) > 1.5, qPrintable(file));
    }
    const QJsonArray recordings = studio_->summary().value(QStringLiteral("recordings")).toArray();
    QCOMPARE(recordings.size(), 2);
}

void StudioTest::aStreamAddedMidShowGoesLiveAndIsRemovedCleanly() {
    RtmpServer server;
    QVERIFY(server.start());
    std::optional<UserError> error;
    QVERIFY(!studio_->addStream(QStringLiteral("rtmp://"), QString(), &error));
    QVERIFY(error.has_value());
    const std::optional<int> id =
        studio_->addStream(server.url(QStringLiteral("studio-key")), QStringLiteral("测试"), &error);
    QVERIFY(id);
    QCOMPARE(studio_->streams().size(), 1);
    QVERIFY(!studio_->streams().first().redactedUrl.contains(QLatin1String("studio-key")));
    QVERIFY(!studio_->startStream(*id));
    QTRY_VERIFY_WITH_TIMEOUT(studio_->streaming(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(studio_->streams().first().bytes > 200000, 20000);
    QVERIFY(!studio_->removeStream(*id));
    QTRY_VERIFY_WITH_TIMEOUT(studio_->streams().isEmpty(), 20000);
    QVERIFY(!studio_->streaming());
    QTRY_VERIFY_WITH_TIMEOUT(!server.receivedFiles().isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(decodableSeconds(server.receivedFiles().last()) > 1.0, 20000);
    const QJsonArray streams = studio_->summary().value(QStringLiteral("streams")).toArray();
    QVERIFY(!streams.isEmpty());
    QCOMPARE(streams.last().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
}

void StudioTest::aRundownTakesEachSegmentsSceneAndSetsItsCaption() {
    QVERIFY(!studio_->cutTo(QStringLiteral("blue")));
    live::StudioRundown rundown(*studio_, redThenBlue(), {});
    QVERIFY(!rundown.engine().advance());
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
    QCOMPARE(studio_->text(QStringLiteral("red"), QStringLiteral("caption")), QStringLiteral("第一段"));
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(programColour()), 20000);
    QVERIFY(!rundown.engine().advance());
    QCOMPARE(studio_->programScene(), QStringLiteral("blue"));
    QCOMPARE(studio_->text(QStringLiteral("blue"), QStringLiteral("caption")), QStringLiteral("第二段"));
    QTRY_VERIFY_WITH_TIMEOUT(isBluish(programColour()), 20000);
    QCOMPARE(rundown.controller().currentIndex(), 1);
    // The safe slate is the operator's: the rundown does not take it off air by itself.
    QVERIFY(!rundown.engine().back());
    studio_->toggleStandby();
    QVERIFY(!rundown.engine().advance()); // the rundown moves on; its take is refused and reported
    QVERIFY(studio_->standbyOnAir());
    QCOMPARE(studio_->previewScene(), QStringLiteral("blue"));
    studio_->toggleStandby();
    QVERIFY(!studio_->standbyOnAir());
}

void StudioTest::aRundownMarkerAtATakeFallsOnTheFrameWhereTheSceneChanges() {
    QTemporaryDir dir;
    live::StudioRundown rundown(*studio_, redThenBlue(), {});
    QVERIFY(!rundown.engine().advance());
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(programColour()), 20000);
    QSignalSpy finished(studio_.get(), &live::Studio::recordingFinished);
    QVERIFY(!studio_->startRecording(dir.path()));
    const QString path = studio_->recordingStatus().path;
    QTRY_VERIFY_WITH_TIMEOUT(rundown.engine().recording(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(studio_->recordingSecondsNow().value_or(0) > 1.5, 20000);
    QVERIFY(!rundown.engine().advance()); // a cut to blue, marked
    QTRY_VERIFY_WITH_TIMEOUT(studio_->recordingSecondsNow().value_or(0) > 3.0, 20000);
    studio_->stopRecording();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

    QFile sidecar(path + QStringLiteral(".markers.json"));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonArray markers =
        QJsonDocument::fromJson(sidecar.readAll()).object().value(QStringLiteral("markers")).toArray();
    QCOMPARE(markers.size(), 2);
    const QJsonObject blue = markers[1].toObject();
    QCOMPARE(blue.value(QStringLiteral("title")).toString(), QStringLiteral("蓝"));
    const double marked = blue.value(QStringLiteral("time")).toDouble();
    const int changed = firstBlueFrame(path);
    QVERIFY2(changed > 0, qPrintable(path));
    const double frame = 1.0 / studio_->show().canvas.fps;
    qInfo("segment marker at %.3f s, first blue frame %d (%.3f s)", marked, changed, changed * frame);
    QVERIFY2(qAbs(marked - changed * frame) <= frame + 0.001,
             qPrintable(QStringLiteral("marker %1 s, scene change at frame %2").arg(marked).arg(changed)));
}

void StudioTest::anotherCanvasSizeIsRefusedWhileRecordingAndLoadsWhenStopped() {
    QTemporaryDir dir;
    QVERIFY(!studio_->startRecording(dir.path()));
    const auto refused = studio_->loadShow(studioShow(320, 180));
    QVERIFY(refused.has_value());
    QVERIFY2(refused->messageEn.contains(QLatin1String("stop first")), qPrintable(refused->toString()));
    QCOMPARE(studio_->showId(), QStringLiteral("test"));
    QSignalSpy finished(studio_.get(), &live::Studio::recordingFinished);
    studio_->stopRecording();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

    tap_.reset(); // the tap's size is fixed to the old canvas's output
    QVERIFY(!studio_->loadShow(studioShow(320, 180)));
    obs_video_info video{};
    QVERIFY(obs_get_video_info(&video));
    QCOMPARE(video.base_width, 320u);
    QCOMPARE(video.base_height, 180u);
    tap_ = std::make_unique<engine::FrameTap>(32, 18);
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(programColour()), 20000);
    // And it records on the new canvas: the encoders were made again for it.
    QVERIFY(!studio_->startRecording(dir.path()));
    QTRY_VERIFY_WITH_TIMEOUT(studio_->recordingSecondsNow().value_or(0) > 1.0, 20000);
    const QString path = studio_->recordingStatus().path;
    studio_->stopRecording();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QCOMPARE(probeMedia(path).width, 320);
}

QTEST_GUILESS_MAIN(StudioTest)
#include "tst_studio.moc"
