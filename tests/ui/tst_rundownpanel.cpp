// The rundown in the operator's window: the real window (Main.qml, the Session, the key router) over a real
// Studio, with a rundown on the rundown tests' fake studio and clock. The panel is there only with a
// rundown; its buttons and the rundown keys (N / PageDown, B / PageUp, +, H, M) reach the controller
// (next moves the segment on, +1 min adds 60 s, mark writes a marker into the recording's sidecar); a
// segment's title and length are edited live; a message reaches the host's screen, blacked out if asked;
// "主持人屏幕" opens the host's window; and the whole view still fits 1366x768 and 1920x1080.
#include "colourshow.h"
#include "hostfixture.h"
#include "keyrouter.h"
#include "markerssidecar.h"
#include "obsruntime.h"
#include "session.h"
#include "studio.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Xiaozhan_ThemePlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_HostPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_OperatorPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_UploadsPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_AppPlugin)

using namespace xz;
using namespace xz::ui;
using namespace xz::ui::test;

namespace {

constexpr qint64 kMinute = 60 * 1000;

QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root)
        return nullptr;
    if (root->objectName() == name && root->isVisible())
        return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, name))
            return found;
    return nullptr;
}

QJsonArray markersIn(const QString& sidecar) {
    QFile file(sidecar);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("markers")).toArray();
}

} // namespace

class RundownPanelTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void thePanelIsThereOnlyWithARundown();
    void theButtonsMoveOnAddAMinuteHoldAndMark();
    void theRundownKeysWorkOnlyOnTheOperatorView();
    void aSegmentsTitleAndLengthAreEditedLive();
    void aMessageReachesTheHostsScreenBlackedOutIfAsked();
    void theHostScreenButtonOpensTheHostsWindow();
    void theViewWithTheRundownFitsALaptopAndAFullHdScreen_data();
    void theViewWithTheRundownFitsALaptopAndAFullHdScreen();

private:
    QQuickItem* item(const QString& name) const { return findItem(window_->contentItem(), name); }
    bool click(const QString& name);

    QTemporaryDir home_;
    std::unique_ptr<live::Studio> studio_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<QQmlApplicationEngine> engine_;
    std::unique_ptr<KeyRouter> router_;
    QQuickWindow* window_ = nullptr;
    std::unique_ptr<RundownFixture> show_;
};

void RundownPanelTest::initTestCase() {
    qputenv("XIAOZHAN_HOME", home_.path().toUtf8());
    std::optional<UserError> error;
    studio_ = live::Studio::start(testing::colourShow(), &error);
    QVERIFY2(studio_, qPrintable(error ? error->toString() : QString()));
    session_ = std::make_unique<Session>(home_.filePath(QStringLiteral("studio.json")), nullptr);
    Session::setInstance(session_.get());
    session_->setStudio(studio_.get());
    engine_ = std::make_unique<QQmlApplicationEngine>();
    session_->setEngine(engine_.get());
    engine_->addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine_->load(QUrl(QStringLiteral("qrc:/qt/qml/Xiaozhan/App/Main.qml")));
    QVERIFY(!engine_->rootObjects().isEmpty());
    window_ = qobject_cast<QQuickWindow*>(engine_->rootObjects().first());
    QVERIFY(window_);
    router_ = std::make_unique<KeyRouter>(
        [this](int key, int modifiers) { return session_->handleKey(key, modifiers); });
    window_->installEventFilter(router_.get());
    QVERIFY(QTest::qWaitForWindowExposed(window_));
}

void RundownPanelTest::cleanupTestCase() {
    show_.reset();
    engine_.reset();
    session_->setStudio(nullptr);
    session_.reset();
    studio_.reset();
    QCOMPARE(engine::ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void RundownPanelTest::init() {
    show_ = std::make_unique<RundownFixture>();
    session_->setRundown(show_->controller.get());
    session_->setCurrentView(0);
    window_->resize(1366, 768);
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("advanceButton")), 20000);
}

void RundownPanelTest::cleanup() {
    session_->setRundown(nullptr);
    show_.reset();
}

bool RundownPanelTest::click(const QString& name) {
    QQuickItem* button = item(name);
    if (!button || !button->isEnabled())
        return false;
    const QPointF centre = button->mapToScene(QPointF(button->width() / 2, button->height() / 2));
    QTest::mouseClick(window_, Qt::LeftButton, {}, centre.toPoint());
    return true;
}

void RundownPanelTest::thePanelIsThereOnlyWithARundown() {
    QVERIFY(item(QStringLiteral("rundownColumn")));
    session_->setRundown(nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("advanceButton")), 20000);
    QVERIFY(!item(QStringLiteral("rundownColumn")));
    // The rundown keys do nothing without a rundown.
    QVERIFY(!session_->handleKey(Qt::Key_N, 0));
    session_->setRundown(show_->controller.get());
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("advanceButton")), 20000);
    // Folded away to a strip, and back.
    QVERIFY(click(QStringLiteral("collapseRundown")));
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("expandRundown")), 20000);
    QVERIFY(!item(QStringLiteral("advanceButton")));
    QVERIFY(item(QStringLiteral("rundownColumn"))->width() <= 60);
    QVERIFY(click(QStringLiteral("expandRundown")));
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("advanceButton")), 20000);
}

void RundownPanelTest::theButtonsMoveOnAddAMinuteHoldAndMark() {
    QTemporaryDir recordings;
    const QString recording = recordings.filePath(QStringLiteral("show.mkv"));
    show_->studio.recording = 0.0;
    show_->engine->recordingStarted(recording);
    rundown::RundownController& controller = *show_->controller;

    QCOMPARE(controller.currentIndex(), -1);
    QVERIFY(click(QStringLiteral("advanceButton")));
    QCOMPARE(controller.currentIndex(), 0);
    QCOMPARE(show_->engine->timer().remainingMs(show_->clock.nowMs()), 5 * kMinute);
    QTRY_COMPARE_WITH_TIMEOUT(item(QStringLiteral("panelCountdown"))->property("text").toString(),
                              QStringLiteral("5:00"), 20000);

    QVERIFY(click(QStringLiteral("addMinuteButton")));
    QCOMPARE(show_->engine->timer().remainingMs(show_->clock.nowMs()), 6 * kMinute);
    QTRY_COMPARE_WITH_TIMEOUT(item(QStringLiteral("panelCountdown"))->property("text").toString(),
                              QStringLiteral("6:00"), 20000);

    QVERIFY(click(QStringLiteral("holdButton")));
    QVERIFY(show_->engine->timer().paused());
    QVERIFY(click(QStringLiteral("holdButton")));
    QVERIFY(!show_->engine->timer().paused());

    const QString sidecar = rundown::MarkersSidecar::pathFor(recording);
    const qsizetype before = markersIn(sidecar).size();
    show_->studio.recording = 42.5;
    QVERIFY(click(QStringLiteral("markButton")));
    const QJsonArray markers = markersIn(sidecar);
    QCOMPARE(markers.size(), before + 1);
    const QJsonObject mark = markers.last().toObject();
    QCOMPARE(mark.value(QStringLiteral("kind")).toString(), QStringLiteral("mark"));
    QCOMPARE(mark.value(QStringLiteral("time")).toDouble(), 42.5);

    QVERIFY(click(QStringLiteral("advanceButton")));
    QCOMPARE(controller.currentIndex(), 1);
    QVERIFY(click(QStringLiteral("backButton")));
    QCOMPARE(controller.currentIndex(), 0);
    // A refusal is said in words on the panel.
    QVERIFY(click(QStringLiteral("backButton")));
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("rundownError")), 20000);
    QVERIFY(item(QStringLiteral("rundownError"))
                ->property("text")
                .toString()
                .contains(QLatin1String("already at the first segment")));
    show_->engine->recordingStopped(50.0);
}

void RundownPanelTest::theRundownKeysWorkOnlyOnTheOperatorView() {
    rundown::RundownController& controller = *show_->controller;
    QTest::keyClick(window_, Qt::Key_N);
    QCOMPARE(controller.currentIndex(), 0);
    QTest::keyClick(window_, Qt::Key_PageDown); // a presenter's clicker
    QCOMPARE(controller.currentIndex(), 1);
    QTest::keyClick(window_, Qt::Key_PageUp);
    QCOMPARE(controller.currentIndex(), 0);
    QTest::keyClick(window_, Qt::Key_N);
    QTest::keyClick(window_, Qt::Key_B);
    QCOMPARE(controller.currentIndex(), 0);

    const qint64 remaining = show_->engine->timer().remainingMs(show_->clock.nowMs());
    QTest::keyClick(window_, Qt::Key_Plus, Qt::ShiftModifier);
    QCOMPARE(show_->engine->timer().remainingMs(show_->clock.nowMs()), remaining + kMinute);
    QTest::keyClick(window_, Qt::Key_Equal);
    QCOMPARE(show_->engine->timer().remainingMs(show_->clock.nowMs()), remaining + 2 * kMinute);

    QTest::keyClick(window_, Qt::Key_H);
    QVERIFY(show_->engine->timer().paused());
    QTest::keyClick(window_, Qt::Key_H);
    QVERIFY(!show_->engine->timer().paused());

    const auto marks = [&] {
        int count = 0;
        for (const rundown::LogEntry& entry : show_->engine->log().entries())
            if (entry.event == QLatin1String("mark"))
                ++count;
        return count;
    };
    QCOMPARE(marks(), 0);
    QTest::keyClick(window_, Qt::Key_M);
    QCOMPARE(marks(), 1);
    // Ctrl+N is not N.
    QTest::keyClick(window_, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(controller.currentIndex(), 0);

    // On the Uploads tab the keys are not the show's.
    session_->setCurrentView(1);
    QTest::keyClick(window_, Qt::Key_N);
    QTest::keyClick(window_, Qt::Key_M);
    QCOMPARE(controller.currentIndex(), 0);
    QCOMPARE(marks(), 1);
    session_->setCurrentView(0);

    // Typing a message: the letters go into the field, not to the rundown.
    QQuickItem* field = item(QStringLiteral("messageField"));
    QVERIFY(field);
    field->forceActiveFocus();
    for (const char letter : {'n', 'm', 'b'})
        QTest::keyClick(window_, letter);
    QCOMPARE(field->property("text").toString(), QStringLiteral("nmb"));
    QCOMPARE(controller.currentIndex(), 0);
    QCOMPARE(marks(), 1);
    field->setProperty("text", QString());
    field->setFocus(false);
}

void RundownPanelTest::aSegmentsTitleAndLengthAreEditedLive() {
    // The list lays its rows out once the window has been polished.
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("edit-1")), 20000);
    QVERIFY(click(QStringLiteral("edit-1")));
    QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("editTitle")), 20000);
    QCOMPARE(item(QStringLiteral("editTitle"))->property("text").toString(), QStringLiteral("示范"));
    QCOMPARE(item(QStringLiteral("editMinutes"))->property("value").toInt(), 3);
    item(QStringLiteral("editTitle"))->setProperty("text", QStringLiteral("示范：胸外按压"));
    item(QStringLiteral("editMinutes"))->setProperty("value", 4);
    item(QStringLiteral("editSeconds"))->setProperty("value", 30);
    QVERIFY(click(QStringLiteral("saveSegmentButton")));
    QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("editTitle")), 20000);
    const rundown::Segment& segment = show_->engine->rundown().segments[1];
    QCOMPARE(segment.title, QStringLiteral("示范：胸外按压"));
    QCOMPARE(segment.durationMs, 4 * kMinute + 30 * 1000);
    // The next segment's new title is what the host reads under "下一段".
    QVERIFY(show_->controller->advance());
    QCOMPARE(show_->controller->host()->nextTitle(), QStringLiteral("示范：胸外按压"));
}

void RundownPanelTest::aMessageReachesTheHostsScreenBlackedOutIfAsked() {
    QVERIFY(show_->controller->advance());
    item(QStringLiteral("messageField"))->setProperty("text", QStringLiteral("看镜头2"));
    QVERIFY(click(QStringLiteral("blackoutBox")));
    QVERIFY(click(QStringLiteral("sendMessageButton")));
    const rundown::HostState& host = *show_->controller->host();
    QCOMPARE(host.message(), QStringLiteral("看镜头2"));
    QVERIFY(host.blackout());
    QVERIFY(!host.messageBlink());
    QVERIFY(click(QStringLiteral("clearMessageButton")));
    QCOMPARE(host.message(), QString());
    QVERIFY(!host.blackout());
    QVERIFY(click(QStringLiteral("blackoutBox"))); // unticked again
}

void RundownPanelTest::theHostScreenButtonOpensTheHostsWindow() {
    QVERIFY(show_->controller->advance());
    const auto hostWindow = []() -> QQuickWindow* {
        for (QWindow* window : QGuiApplication::topLevelWindows())
            if (window->objectName() == QLatin1String("hostWindow") && window->isVisible())
                return qobject_cast<QQuickWindow*>(window);
        return nullptr;
    };
    QVERIFY(!hostWindow());
    QVERIFY(click(QStringLiteral("hostScreenButton")));
    QTRY_VERIFY_WITH_TIMEOUT(hostWindow(), 20000);
    QQuickWindow* opened = hostWindow();
    QVERIFY(QTest::qWaitForWindowExposed(opened));
    QQuickItem* title = findItem(opened->contentItem(), QStringLiteral("segmentTitle"));
    QVERIFY(title);
    QCOMPARE(title->property("text").toString(), QStringLiteral("开场：认识心肺复苏"));
    opened->grabWindow().save(
        QDir(QStringLiteral(XZ_ARTIFACTS_DIR)).filePath(QStringLiteral("host-window.png")));
    QVERIFY(click(QStringLiteral("hostScreenButton")));
    QTRY_VERIFY_WITH_TIMEOUT(!hostWindow(), 20000);
}

void RundownPanelTest::theViewWithTheRundownFitsALaptopAndAFullHdScreen_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void RundownPanelTest::theViewWithTheRundownFitsALaptopAndAFullHdScreen() {
    QFETCH(QSize, size);
    QVERIFY(show_->controller->advance());
    window_->resize(size);
    QTRY_COMPARE_WITH_TIMEOUT(window_->size(), size, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(window_->contentItem()->size().toSize().width(), size.width(), 20000);
    QDir().mkpath(QStringLiteral(XZ_ARTIFACTS_DIR));
    window_->grabWindow().save(
        QDir(QStringLiteral(XZ_ARTIFACTS_DIR))
            .filePath(QStringLiteral("operator-rundown-%1x%2.png").arg(size.width()).arg(size.height())));
    const QRectF inside(QPointF(0, 0), window_->contentItem()->size());
    const QStringList buttons = {"advanceButton",      "backButton",       "addMinuteButton",
                                 "holdButton",         "markButton",       "markInButton",
                                 "markOutButton",      "skipButton",       "sendMessageButton",
                                 "clearMessageButton", "hostScreenButton", "standbyButton"};
    for (const QString& name : buttons) {
        QQuickItem* button = item(name);
        QVERIFY2(button, qPrintable(name));
        const QRectF box = button->mapRectToScene(QRectF(0, 0, button->width(), button->height()));
        QVERIFY2(inside.contains(box), qPrintable(name));
        QVERIFY2(button->height() >= 40 && button->width() >= 60, qPrintable(name));
    }
    // Every scene button in sight, none scrolled away.
    QQuickItem* scenes = item(QStringLiteral("sceneList"));
    QVERIFY(scenes);
    QVERIFY2(
        scenes->property("contentWidth").toReal() <= scenes->width() + 1,
        qPrintable(
            QStringLiteral("%1 > %2").arg(scenes->property("contentWidth").toReal()).arg(scenes->width())));
    // The segment list shows several rows, the monitors keep a useful size.
    QVERIFY(item(QStringLiteral("segmentList"))->height() >= 3 * 46);
    QVERIFY(item(QStringLiteral("programMonitor"))->width() >= 320);
}

QTEST_MAIN(RundownPanelTest)
#include "tst_rundownpanel.moc"
