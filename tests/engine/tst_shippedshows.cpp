// The four shipped shows on the real engine: every scene builds and can be taken with every transition the
// show offers, and the program keeps rendering throughout.
#include "frametap.h"
#include "obsruntime.h"
#include "paths.h"
#include "scenegraph.h"
#include "showloader.h"
#include "switcher.h"

#include <QTest>

using namespace xz;
using namespace xz::engine;

class ShippedShowsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everySceneCanBeTakenWithEveryTransition_data();
    void everySceneCanBeTakenWithEveryTransition();

private:
    std::unique_ptr<ObsRuntime> runtime_;
};

void ShippedShowsTest::initTestCase() {
    std::optional<EngineError> error;
    runtime_ = ObsRuntime::start({1280, 720, 30}, &error);
    QVERIFY2(runtime_, qPrintable(error ? error->toString() : QString()));
}

void ShippedShowsTest::cleanupTestCase() {
    runtime_.reset();
    QCOMPARE(ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void ShippedShowsTest::everySceneCanBeTakenWithEveryTransition_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"sitcom", "cooking", "first-aid", "stage"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void ShippedShowsTest::everySceneCanBeTakenWithEveryTransition() {
    QFETCH(QString, name);
    const show::LoadResult loaded = show::ShowLoader::loadFile(
        show::ShowLoader::resolveShowPath(name, QStringLiteral(XIAOZHAN_SOURCE_DIR "/scenes")));
    QVERIFY(loaded.ok());
    const show::Show& show = *loaded.show;
    QCOMPARE(show.canvas.width, 1280);

    std::optional<EngineError> error;
    auto graph = SceneGraph::build(show, &error);
    QVERIFY2(graph, qPrintable(error ? error->toString() : QString()));
    QCOMPARE(graph->sceneIds().size(), show.scenes.size());
    Switcher switcher(*graph, show.scenes.first().id);
    FrameTap tap(64, 36);
    QTRY_VERIFY_WITH_TIMEOUT(tap.latest().sequence > 3, 20000);

    int transitionIndex = 0;
    for (const show::Scene& scene : show.scenes.mid(1)) {
        const show::Transition& transition = show.transitions.at(transitionIndex++ % show.transitions.size());
        QVERIFY(!switcher.setPreview(scene.id));
        const auto takeError = switcher.take(transition.id);
        QVERIFY2(!takeError, qPrintable(takeError ? takeError->toString() : QString()));
        QCOMPARE(switcher.programSceneId(), scene.id);
        // Let the transition play out (a take during one is refused); the compositor must keep producing
        // frames through it.
        const uint64_t before = tap.latest().sequence;
        QTRY_VERIFY_WITH_TIMEOUT(!switcher.transitionRunning(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(tap.latest().sequence > before + (transition.durationMs * 30 / 1000) + 3,
                                 20000);
    }
    QCOMPARE(switcher.takeCount(), static_cast<int>(show.scenes.size() - 1));
    // A scene with pictures is not a flat colour: the program really shows the show's graphics.
    const QImage frame = tap.latest().image;
    QSet<QRgb> colours;
    for (int y = 0; y < frame.height(); y += 4)
        for (int x = 0; x < frame.width(); x += 4)
            colours.insert(frame.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
}

QTEST_GUILESS_MAIN(ShippedShowsTest)
#include "tst_shippedshows.moc"
