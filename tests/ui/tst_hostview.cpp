// The host's screen as the host sees it from across the room, at 1280x720 under the test's X display: the
// countdown white, amber at warning, red and counting up with "+" in overtime (checked in the grabbed
// pixels, not only in properties); a blackout leaves nothing but the operator's message on black; a
// blinking message comes and goes; a mirror without the studio shows "not connected" and no countdown.
// Screenshots go to test-artifacts/ (host-normal.png is the one in assets/screenshots/host.png).
#include "hostfixture.h"

#include <QDir>
#include <QImage>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Xiaozhan_ThemePlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_HostPlugin)

using namespace xz;
using namespace xz::ui::test;

namespace {

constexpr qint64 kSecond = 1000;
const QColor kWhite(0xff, 0xff, 0xff);
const QColor kAmber(0xf0, 0xa0, 0x20);  // Theme.warning
const QColor kRed(0xe0, 0x30, 0x2b);    // Theme.danger
const QColor kYellow(0xff, 0xd6, 0x0a); // Theme.hostMessage

bool near(const QColor& a, const QColor& b, int tolerance = 40) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) <=
           tolerance;
}

// How many pixels of `colour` the area holds (anti-aliased edges do not count).
int countColour(const QImage& image, const QRect& area, const QColor& colour) {
    int count = 0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            if (near(image.pixelColor(x, y), colour))
                ++count;
    return count;
}

bool isBlack(const QColor& c) {
    return c.red() < 16 && c.green() < 16 && c.blue() < 16;
}

} // namespace

class HostViewTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void theCountdownIsWhiteAndLargeInTheNormalPhase();
    void theCountdownTurnsAmberAtTheWarning();
    void theCountdownCountsUpInRedInOvertime();
    void aMessageAppearsOnAYellowBandAndCanBlink();
    void aBlackoutShowsOnlyTheMessageOnBlack();
    void aScreenWithoutTheStudioSaysNotConnectedAndShowsNoCountdown();

private:
    QQuickItem* item(const char* name) const;
    QRect rectOf(const char* name) const; // the item's painted text (or its box) in window pixels
    QImage grab(const QString& name);

    std::unique_ptr<RundownFixture> show_;
    std::unique_ptr<QQuickView> view_;
};

void HostViewTest::init() {
    show_ = std::make_unique<RundownFixture>();
    view_ = std::make_unique<QQuickView>();
    view_->engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
    view_->setInitialProperties({{QStringLiteral("host"), QVariant::fromValue(show_->controller->host())}});
    view_->setResizeMode(QQuickView::SizeRootObjectToView);
    view_->resize(1280, 720);
    view_->setSource(QUrl(QStringLiteral("qrc:/qt/qml/Xiaozhan/Host/HostView.qml")));
    QVERIFY2(view_->status() == QQuickView::Ready,
             qPrintable(view_->errors().isEmpty() ? QString() : view_->errors().first().toString()));
    view_->show();
    QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
    QVERIFY(show_->controller->advance()); // 开场 on air, 5:00 to go
}

void HostViewTest::cleanup() {
    view_.reset();
    show_.reset();
}

QQuickItem* HostViewTest::item(const char* name) const {
    return view_->rootObject()->findChild<QQuickItem*>(QString::fromLatin1(name));
}

QRect HostViewTest::rectOf(const char* name) const {
    QQuickItem* found = item(name);
    if (!found)
        return {};
    QSizeF size(found->width(), found->height());
    QPointF origin(0, 0);
    const QVariant contentWidth = found->property("contentWidth");
    if (contentWidth.isValid() && found->property("horizontalAlignment").toInt() == Qt::AlignHCenter) {
        size = QSizeF(contentWidth.toReal(), found->property("contentHeight").toReal());
        origin = QPointF((found->width() - size.width()) / 2, (found->height() - size.height()) / 2);
    } else if (contentWidth.isValid()) {
        size = QSizeF(contentWidth.toReal(), found->property("contentHeight").toReal());
    }
    const QPointF topLeft = found->mapToScene(origin);
    const qreal ratio = view_->devicePixelRatio();
    QRectF box(topLeft * ratio, size * ratio);
    // A line box is taller than its digits and reaches into the lines above and below: keep the middle.
    if (found->objectName() == QLatin1String("countdown"))
        box.adjust(0, box.height() * 0.2, 0, -box.height() * 0.2);
    return box.toAlignedRect();
}

QImage HostViewTest::grab(const QString& name) {
    // grabWindow renders the scene as it is now, so every change made before is in the picture.
    QImage image = view_->grabWindow();
    image.save(QDir(QStringLiteral(XZ_ARTIFACTS_DIR)).filePath(name));
    return image;
}

void HostViewTest::theCountdownIsWhiteAndLargeInTheNormalPhase() {
    QDir().mkpath(QStringLiteral(XZ_ARTIFACTS_DIR));
    show_->advanceClock(25 * kSecond);
    QCOMPARE(item("countdown")->property("text").toString(), QStringLiteral("4:35"));
    QCOMPARE(item("segmentTitle")->property("text").toString(), QStringLiteral("开场：认识心肺复苏"));
    QCOMPARE(item("nextTitle")->property("text").toString(), QStringLiteral("示范"));
    QCOMPARE(item("clock")->property("text").toString(), QStringLiteral("10:00:25"));
    QVERIFY(item("notes")->property("text").toString().contains(QStringLiteral("刘医生就位")));
    const QImage image = grab(QStringLiteral("host-normal.png"));
    const QRect countdown = rectOf("countdown");
    // Readable from 3 m on a 720-line screen: the digits are at least a quarter of the screen tall.
    QVERIFY2(countdown.height() >= 180, qPrintable(QString::number(countdown.height())));
    QVERIFY(countColour(image, countdown, kWhite) > 5000);
    QCOMPARE(countColour(image, countdown, kAmber), 0);
    QCOMPARE(countColour(image, countdown, kRed), 0);
    // The segment's title is the next largest thing, in white too.
    QVERIFY(rectOf("segmentTitle").height() >= 90);
    QVERIFY(countColour(image, rectOf("segmentTitle"), kWhite) > 2000);
}

void HostViewTest::theCountdownTurnsAmberAtTheWarning() {
    show_->advanceClock(3 * 60 * kSecond + 30 * kSecond); // 1:30 left, inside the 2-minute warning
    QCOMPARE(show_->controller->host()->phase(), rundown::HostState::Phase::Warning);
    QCOMPARE(item("countdown")->property("text").toString(), QStringLiteral("1:30"));
    const QImage image = grab(QStringLiteral("host-warning.png"));
    const QRect countdown = rectOf("countdown");
    QVERIFY(countColour(image, countdown, kAmber) > 5000);
    QCOMPARE(countColour(image, countdown, kRed), 0);
    QCOMPARE(countColour(image, countdown, kWhite), 0);
}

void HostViewTest::theCountdownCountsUpInRedInOvertime() {
    show_->advanceClock(5 * 60 * kSecond + 20 * kSecond); // 20 s over
    QCOMPARE(show_->controller->host()->phase(), rundown::HostState::Phase::Overtime);
    QCOMPARE(item("countdown")->property("text").toString(), QStringLiteral("+0:20"));
    QImage image = grab(QStringLiteral("host-overtime.png"));
    const QRect countdown = rectOf("countdown");
    const int red = countColour(image, countdown, kRed);
    QVERIFY(red > 5000);
    QCOMPARE(countColour(image, countdown, kAmber), 0);
    // Counting up: ten seconds later it reads +0:30, still red. Over/under shows the show is behind.
    show_->advanceClock(10 * kSecond);
    QCOMPARE(item("countdown")->property("text").toString(), QStringLiteral("+0:30"));
    QCOMPARE(item("overUnder")->property("text").toString(), QStringLiteral("+0:30"));
    image = grab(QStringLiteral("host-overtime-later.png"));
    QVERIFY(countColour(image, rectOf("countdown"), kRed) > 5000);
    QVERIFY(countColour(image, rectOf("overUnder"), kAmber) > 50);
}

void HostViewTest::aMessageAppearsOnAYellowBandAndCanBlink() {
    show_->controller->sendMessage(QStringLiteral("看镜头2"));
    QCOMPARE(item("message")->property("text").toString(), QStringLiteral("看镜头2"));
    QImage image = grab(QStringLiteral("host-message.png"));
    const QRect band = rectOf("messageBand");
    QVERIFY(countColour(image, band, kYellow) > band.width() * band.height() / 2);
    // The countdown stays in sight above the band.
    QVERIFY(countColour(image, rectOf("countdown"), kWhite) > 5000);

    show_->controller->sendMessage(QStringLiteral("还剩1分钟"), true);
    QQuickItem* root = view_->rootObject();
    QTRY_VERIFY_WITH_TIMEOUT(!root->property("blinkOn").toBool(), 20000);
    image = view_->grabWindow();
    QCOMPARE(countColour(image, rectOf("messageBand"), kYellow), 0);
    QTRY_VERIFY_WITH_TIMEOUT(root->property("blinkOn").toBool(), 20000);
    image = view_->grabWindow();
    QVERIFY(countColour(image, rectOf("messageBand"), kYellow) > 1000);

    show_->controller->clearMessage();
    QVERIFY(!item("messageBand")->isVisible());
}

void HostViewTest::aBlackoutShowsOnlyTheMessageOnBlack() {
    show_->controller->sendMessage(QStringLiteral("看镜头2"), false, true);
    QVERIFY(!item("countdown")->isVisible());
    const QImage image = grab(QStringLiteral("host-blackout.png"));
    const QRect message = rectOf("blackoutMessage").adjusted(-4, -4, 4, 4); // anti-aliased edges
    QVERIFY2(message.height() >= 100, qPrintable(QString::number(message.height())));
    QVERIFY(countColour(image, message, kWhite) > 3000);
    int lit = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (!message.contains(x, y) && !isBlack(image.pixelColor(x, y)))
                ++lit;
    QCOMPARE(lit, 0);

    // Black without words when there is no message.
    show_->controller->sendMessage(QString(), false, true);
    const QImage dark = grab(QStringLiteral("host-blackout-empty.png"));
    int lightPixels = 0;
    for (int y = 0; y < dark.height(); ++y)
        for (int x = 0; x < dark.width(); ++x)
            if (!isBlack(dark.pixelColor(x, y)))
                ++lightPixels;
    QCOMPARE(lightPixels, 0);
}

void HostViewTest::aScreenWithoutTheStudioSaysNotConnectedAndShowsNoCountdown() {
    view_->rootObject()->setProperty("statusText",
                                     QStringLiteral("未连接演播室 192.168.1.20:4455，正在重试"));
    show_->controller->host()->setConnected(false);
    QVERIFY(!item("countdown")->isVisible());
    QVERIFY(item("notConnected")->isVisible());
    const QImage image = grab(QStringLiteral("host-not-connected.png"));
    QVERIFY(countColour(image, rectOf("notConnected"), kAmber) > 2000);
    QCOMPARE(countColour(image, image.rect(), kWhite), 0);
    show_->controller->host()->setConnected(true);
    QVERIFY(item("countdown")->isVisible());
    QVERIFY(!item("notConnected")->isVisible());
}

QTEST_MAIN(HostViewTest)
#include "tst_hostview.moc"
