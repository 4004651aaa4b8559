// The engine on its own: libobs starts and stops cleanly, scenes compose, takes change what is on air.
#include "colourshow.h"
#include "frametap.h"
#include "framewait.h"
#include "obsruntime.h"
#include "scenegraph.h"
#include "switcher.h"

#include <QTest>
#include <atomic>

using namespace xz;
using namespace xz::engine;
using namespace xz::testing;

// libobs starts once per process (see ObsRuntime); each test builds its own scene graph on it.
class EngineTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void aSecondStartInTheSameProcessIsRefusedWithAClearError();
    void theCanvasComesFromTheShow();
    void previewDoesNotChangeWhatIsOnAir();
    void aCutTakeShowsTheNewSceneOnTheNextFrames();
    void aFadeTakeEndsOnTheNewScene();
    void aTakeThatCannotStartChangesNothing();
    void aCameraWithoutADeviceShowsAMovingTestPattern();

private:
    QColor programColour() const { return centreColour(tap_->latest().image); }

    std::unique_ptr<ObsRuntime> runtime_;
    std::unique_ptr<SceneGraph> graph_;
    std::unique_ptr<Switcher> switcher_;
    std::unique_ptr<FrameTap> tap_;
};

void EngineTest::initTestCase() {
    std::optional<EngineError> error;
    runtime_ = ObsRuntime::start({640, 360, 30}, &error);
    QVERIFY2(runtime_, qPrintable(error ? error->toString() : QString()));
    QVERIFY(runtime_->loadedModules().contains(QStringLiteral("obs-x264")));
}

void EngineTest::cleanupTestCase() {
    runtime_.reset();
    QCOMPARE(ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void EngineTest::init() {
    std::optional<EngineError> error;
    graph_ = SceneGraph::build(colourShow(), &error);
    QVERIFY2(graph_, qPrintable(error ? error->toString() : QString()));
    switcher_ = std::make_unique<Switcher>(*graph_, QStringLiteral("red"));
    tap_ = std::make_unique<FrameTap>(32, 18);
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(programColour()), 20000);
}

void EngineTest::cleanup() {
    tap_.reset();
    switcher_.reset();
    graph_.reset();
}

void EngineTest::aSecondStartInTheSameProcessIsRefusedWithAClearError() {
    std::optional<EngineError> error;
    QVERIFY(!ObsRuntime::start({640, 360, 30}, &error));
    QVERIFY(error.has_value());
    QVERIFY(error->messageEn.contains(QLatin1String("only once per process")));
}

void EngineTest::theCanvasComesFromTheShow() {
    obs_video_info video{};
    QVERIFY(obs_get_video_info(&video));
    QCOMPARE(video.base_width, 640u);
    QCOMPARE(video.base_height, 360u);
    QCOMPARE(video.fps_num, 30u);
    QTRY_VERIFY_WITH_TIMEOUT(tap_->latest().sequence > 10, 20000);
}

void EngineTest::previewDoesNotChangeWhatIsOnAir() {
    QVERIFY(!switcher_->setPreview(QStringLiteral("blue")));
    QVERIFY(waitForFrames(*tap_, 10));
    QVERIFY(isReddish(programColour()));
    QCOMPARE(switcher_->programSceneId(), QStringLiteral("red"));
    QCOMPARE(switcher_->previewSceneId(), QStringLiteral("blue"));
    QVERIFY(switcher_->setPreview(QStringLiteral("no-such-scene")).has_value());
    QCOMPARE(switcher_->previewSceneId(), QStringLiteral("blue"));
}

void EngineTest::aCutTakeShowsTheNewSceneOnTheNextFrames() {
    QVERIFY(!switcher_->setPreview(QStringLiteral("blue")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(isBluish(programColour()), 20000);
    QCOMPARE(switcher_->programSceneId(), QStringLiteral("blue"));
    QCOMPARE(switcher_->previewSceneId(), QStringLiteral("red"));
    QCOMPARE(switcher_->takeCount(), 1);
    // Taking again brings the previous scene back.
    QVERIFY(!switcher_->take());
    QTRY_VERIFY_WITH_TIMEOUT(isReddish(programColour()), 20000);
}

void EngineTest::aFadeTakeEndsOnTheNewScene() {
    // Every program frame is looked at on the video thread, so a busy machine cannot make the test miss the
    // frames in the middle of the fade.
    std::atomic<bool> sawMix{false};
    FrameTap watcher(32, 18, [&](const TappedFrame& frame) {
        const QColor c = centreColour(frame.image);
        if (c.red() > 60 && c.blue() > 60)
            sawMix = true;
    });
    QVERIFY(!switcher_->setPreview(QStringLiteral("blue")));
    QVERIFY(!switcher_->take(QStringLiteral("fade")));
    QTRY_VERIFY_WITH_TIMEOUT(isBluish(programColour()), 20000);
    QVERIFY2(sawMix, "the fade should pass through a mix of both scenes");
    QVERIFY(switcher_->take(QStringLiteral("no-such-transition")).has_value());
    QCOMPARE(switcher_->programSceneId(), QStringLiteral("blue"));
}

void EngineTest::aTakeThatCannotStartChangesNothing() {
    // Preview and program on the same scene: libobs refuses the fade, so nothing is counted or swapped.
    QVERIFY(!switcher_->setPreview(QStringLiteral("red")));
    const auto refused = switcher_->take(QStringLiteral("fade"));
    QVERIFY(refused.has_value());
    QVERIFY2(refused->messageEn.contains(QLatin1String("same scene")), qPrintable(refused->toString()));
    QCOMPARE(switcher_->takeCount(), 0);
    QCOMPARE(switcher_->programSceneId(), QStringLiteral("red"));
    QCOMPARE(switcher_->previewSceneId(), QStringLiteral("red"));
    QVERIFY(waitForFrames(*tap_, 10));
    QVERIFY(isReddish(programColour()));
}

void EngineTest::aCameraWithoutADeviceShowsAMovingTestPattern() {
    QVERIFY(!switcher_->setPreview(QStringLiteral("camera")));
    QVERIFY(!switcher_->take(QStringLiteral("cut")));
    QTRY_VERIFY_WITH_TIMEOUT(!isReddish(programColour()), 20000);
    QVERIFY(waitForFrames(*tap_, 3));
    const QImage first = tap_->latest().image;
    QVERIFY(waitForFrames(*tap_, 15));
    const QImage later = tap_->latest().image;
    QVERIFY(!first.isNull() && !later.isNull());
    QVERIFY2(first != later, "the test pattern must move so a frozen picture is visible");
    // The lower band carries the camera's tint (#336699).
    const QColor band = later.pixelColor(later.width() - 2, later.height() - 2);
    QVERIFY2(qAbs(band.red() - 0x33) < 30 && qAbs(band.green() - 0x66) < 30 && qAbs(band.blue() - 0x99) < 30,
             qPrintable(band.name()));
}

QTEST_GUILESS_MAIN(EngineTest)
#include "tst_engine.moc"
