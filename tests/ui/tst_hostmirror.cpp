// The host's screen on a second machine: HostMirror against the studio's real remote-control server (a real
// Studio under the test's X display, obs-websocket v5 over a loopback socket, with a password), the rundown
// served on it by the studio's own wiring (remote::serveRundown: GetRundownSnapshot, RundownChanged). The
// mirror shows what the studio's own host screen shows, says "not connected" when the server goes away and
// comes back by itself, says in words when the password is wrong or missing or the studio runs no rundown,
// and keeps what it shows when a snapshot is malformed.
#include "colourshow.h"
#include "hostfixture.h"
#include "hostmirror.h"
#include "obsruntime.h"
#include "remoteserver.h"
#include "rundownvendor.h"
#include "studio.h"

#include <QTest>

using namespace xz;
using namespace xz::ui;
using namespace xz::ui::test;

namespace {

const QString kPassword = QStringLiteral("主持人-pass-42");
constexpr int kTimeoutMs = 30000;

} // namespace

class HostMirrorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void theMirrorShowsWhatTheStudiosHostScreenShows();
    void theMirrorSaysNotConnectedWhenTheStudioGoesAwayAndComesBackByItself();
    void aWrongOrMissingPasswordIsSaidInWords();
    void aStudioWithoutARundownIsSaidInWordsUntilItHasOne();
    void aMalformedSnapshotChangesNothingShown();

private:
    void startServer(quint16 port = 0, bool withRundown = true);
    void serveRundown();

    std::unique_ptr<live::Studio> studio_;
    std::unique_ptr<RundownFixture> show_;
    std::unique_ptr<remote::RemoteServer> server_;
    rundown::SystemClock mirrorClock_;
};

void HostMirrorTest::initTestCase() {
    std::optional<UserError> error;
    studio_ = live::Studio::start(testing::colourShow(), &error);
    QVERIFY2(studio_, qPrintable(error ? error->toString() : QString()));
}

void HostMirrorTest::cleanupTestCase() {
    server_.reset();
    studio_.reset();
    QCOMPARE(engine::ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void HostMirrorTest::init() {
    show_ = std::make_unique<RundownFixture>();
}

void HostMirrorTest::cleanup() {
    server_.reset();
    show_.reset();
}

void HostMirrorTest::startServer(quint16 port, bool withRundown) {
    remote::ControlSettings settings;
    settings.password = kPassword;
    settings.port = port;
    server_ = std::make_unique<remote::RemoteServer>(*studio_, settings);
    const auto failure = server_->start();
    QVERIFY2(!failure, qPrintable(failure ? failure->toString() : QString()));
    if (withRundown)
        serveRundown();
}

// The studio's own wiring of the rundown onto its server (GetRundownSnapshot, RundownChanged).
void HostMirrorTest::serveRundown() {
    remote::serveRundown(*server_, *show_->controller);
}

void HostMirrorTest::theMirrorShowsWhatTheStudiosHostScreenShows() {
    startServer();
    QVERIFY(show_->controller->advance());
    show_->advanceClock(30 * 1000);
    HostMirror mirror(QStringLiteral("127.0.0.1"), server_->port(), kPassword, mirrorClock_);
    QVERIFY(!mirror.host()->connected());
    mirror.start();
    QTRY_VERIFY_WITH_TIMEOUT(mirror.host()->connected(), kTimeoutMs);
    QVERIFY(mirror.mirroring());
    QCOMPARE(mirror.statusText(), QString());
    const rundown::HostState& studioHost = *show_->controller->host();
    rundown::HostState& mirrored = *mirror.host();
    QCOMPARE(mirrored.rundownTitle(), QStringLiteral("急救培训会"));
    QCOMPARE(mirrored.segmentTitle(), studioHost.segmentTitle());
    QCOMPARE(mirrored.nextTitle(), QStringLiteral("示范"));
    QCOMPARE(mirrored.notes(), studioHost.notes());
    QCOMPARE(mirrored.script(), studioHost.script());
    // The mirror runs on the studio's time (the studio's clock says 10:00:30) and counts down from there.
    QVERIFY(mirrored.clockText().startsWith(QStringLiteral("10:00:")));
    QVERIFY(mirrored.remainingMs() <= studioHost.remainingMs());
    QVERIFY(mirrored.remainingMs() > studioHost.remainingMs() - kTimeoutMs);

    // Every change reaches the mirror as a RundownChanged event.
    QVERIFY(show_->controller->advance());
    QTRY_COMPARE_WITH_TIMEOUT(mirrored.segmentTitle(), QStringLiteral("示范"), kTimeoutMs);
    QCOMPARE(mirrored.nextTitle(), QStringLiteral("问答"));
    show_->controller->sendMessage(QStringLiteral("看镜头2"), true, true);
    QTRY_COMPARE_WITH_TIMEOUT(mirrored.message(), QStringLiteral("看镜头2"), kTimeoutMs);
    QVERIFY(mirrored.messageBlink());
    QVERIFY(mirrored.blackout());
    show_->controller->clearMessage();
    QTRY_VERIFY_WITH_TIMEOUT(!mirrored.blackout(), kTimeoutMs);
    QCOMPARE(mirrored.message(), QString());
}

void HostMirrorTest::theMirrorSaysNotConnectedWhenTheStudioGoesAwayAndComesBackByItself() {
    startServer();
    const quint16 port = server_->port();
    QVERIFY(show_->controller->advance());
    HostMirror mirror(QStringLiteral("127.0.0.1"), port, kPassword, mirrorClock_);
    mirror.start();
    QTRY_VERIFY_WITH_TIMEOUT(mirror.host()->connected(), kTimeoutMs);
    QCOMPARE(mirror.host()->segmentTitle(), QStringLiteral("开场：认识心肺复苏"));

    server_.reset(); // the studio quits: ExitStarted, then the connection closes
    QTRY_VERIFY_WITH_TIMEOUT(!mirror.host()->connected(), kTimeoutMs);
    QVERIFY(!mirror.mirroring());
    QVERIFY2(
        mirror.statusText().contains(QStringLiteral("not connected to the studio at 127.0.0.1:%1").arg(port)),
        qPrintable(mirror.statusText()));
    // It keeps trying while the studio is away.
    const int attempts = mirror.attempts();
    QTRY_VERIFY_WITH_TIMEOUT(mirror.attempts() >= attempts + 2, kTimeoutMs);
    QVERIFY(!mirror.host()->connected());

    // The show went on meanwhile; the studio comes back on the same port and the mirror catches up.
    QVERIFY(show_->controller->advance());
    startServer(port);
    QTRY_VERIFY_WITH_TIMEOUT(mirror.host()->connected(), kTimeoutMs);
    QCOMPARE(mirror.host()->segmentTitle(), QStringLiteral("示范"));
    QCOMPARE(mirror.statusText(), QString());
}

void HostMirrorTest::aWrongOrMissingPasswordIsSaidInWords() {
    startServer();
    HostMirror wrong(QStringLiteral("127.0.0.1"), server_->port(), QStringLiteral("guess"), mirrorClock_);
    wrong.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        wrong.statusText().contains(QLatin1String("refused the remote-control password")), kTimeoutMs);
    QVERIFY(wrong.statusText().contains(QStringLiteral("密码")));
    QVERIFY(!wrong.statusText().contains(QStringLiteral("guess")));
    QVERIFY(!wrong.host()->connected());

    HostMirror none(QStringLiteral("127.0.0.1"), server_->port(), QString(), mirrorClock_);
    none.start();
    QTRY_VERIFY_WITH_TIMEOUT(none.statusText().contains(QLatin1String("--password")), kTimeoutMs);
    QVERIFY(none.statusText().contains(QLatin1String("needs the remote-control password")));
    // Retrying does not turn the advice into a plain "not connected".
    const int attempts = none.attempts();
    QTRY_VERIFY_WITH_TIMEOUT(none.attempts() > attempts, kTimeoutMs);
    QVERIFY(none.statusText().contains(QLatin1String("needs the remote-control password")));
    QVERIFY(!none.host()->connected());
}

void HostMirrorTest::aStudioWithoutARundownIsSaidInWordsUntilItHasOne() {
    startServer(0, false);
    HostMirror mirror(QStringLiteral("127.0.0.1"), server_->port(), kPassword, mirrorClock_);
    mirror.start();
    QTRY_VERIFY_WITH_TIMEOUT(mirror.statusText().contains(QLatin1String("not running a rundown")),
                             kTimeoutMs);
    QVERIFY(!mirror.host()->connected());
    serveRundown();
    QTRY_VERIFY_WITH_TIMEOUT(mirror.host()->connected(), kTimeoutMs);
    QCOMPARE(mirror.host()->rundownTitle(), QStringLiteral("急救培训会"));
}

void HostMirrorTest::aMalformedSnapshotChangesNothingShown() {
    startServer();
    QVERIFY(show_->controller->advance());
    HostMirror mirror(QStringLiteral("127.0.0.1"), server_->port(), kPassword, mirrorClock_);
    mirror.start();
    QTRY_VERIFY_WITH_TIMEOUT(mirror.host()->connected(), kTimeoutMs);
    static int ignored = 0;
    static QtMessageHandler previous = nullptr;
    ignored = 0;
    previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& text) {
            if (text.contains(QLatin1String("ignoring a host snapshot")))
                ++ignored;
            previous(type, context, text);
        });
    // Looks like a snapshot with another title, but its countdown is not a number.
    QJsonObject broken = show_->controller->snapshot();
    broken.insert(QStringLiteral("rundownTitle"), QStringLiteral("坏的"));
    broken.insert(QStringLiteral("remainingMs"), QStringLiteral("soon"));
    server_->emitVendorEvent(HostMirror::kVendor, HostMirror::kChangedEvent, broken);
    QTRY_COMPARE_WITH_TIMEOUT(ignored, 1, kTimeoutMs);
    qInstallMessageHandler(previous);
    QCOMPARE(mirror.host()->rundownTitle(), QStringLiteral("急救培训会"));
    QCOMPARE(mirror.host()->segmentTitle(), QStringLiteral("开场：认识心肺复苏"));
    QVERIFY(mirror.host()->connected());
    QVERIFY(mirror.mirroring());
    // And the next good one is shown.
    show_->controller->sendMessage(QStringLiteral("好"));
    QTRY_COMPARE_WITH_TIMEOUT(mirror.host()->message(), QStringLiteral("好"), kTimeoutMs);
}

QTEST_MAIN(HostMirrorTest)
#include "tst_hostmirror.moc"
