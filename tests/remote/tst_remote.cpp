// The studio's remote control as Stream Deck, Companion and scripts use it: a real Studio (libobs, under an
// X display) behind the obs-websocket v5 server, driven over real sockets by the C++ test client and by
// obs-websocket-js, an independent client from npm. Each request the studio answers, the events in the
// order the studio changed, meters only for those who asked, recording into a folder, streaming to a
// loopback nginx-rtmp, a client leaving mid-batch, and ExitStarted when the studio shuts down.
#include "colourshow.h"
#include "mediaprobe.h"
#include "obsclient.h"
#include "obsruntime.h"
#include "remoteserver.h"
#include "rtmpserver.h"
#include "studio.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <obs.h>

using namespace xz;
using namespace xz::remote;
using namespace xz::remote::test;

namespace {

const QString kPassword = QStringLiteral("遥控-pass-2024");
constexpr double kTonePeakDb = -6.02; // a 1 kHz sine at half scale

// Scenes "red" and "blue" each showing their own copy of the text "caption" over a colour, a camera scene,
// and a microphone hearing a steady tone.
show::Show remoteShow() {
    show::Show show = testing::colourShow();
    show::Source caption;
    caption.id = QStringLiteral("caption");
    caption.kind = show::SourceKind::Text;
    caption.label = QStringLiteral("下方字幕");
    caption.text = QStringLiteral(" ");
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
    captionItem.y = 300;
    show.scenes[0].items.append(captionItem);
    show.scenes[1].items.append(captionItem);
    return show;
}

QJsonObject statusOf(const QJsonObject& response) {
    return response.value(QStringLiteral("requestStatus")).toObject();
}
int codeOf(const QJsonObject& response) {
    return statusOf(response).value(QStringLiteral("code")).toInt();
}
QJsonObject dataOf(const QJsonObject& response) {
    return response.value(QStringLiteral("responseData")).toObject();
}
QString sceneOf(const QJsonObject& event) {
    return event.value(QStringLiteral("eventData")).toObject().value(QStringLiteral("sceneName")).toString();
}
QJsonObject eventData(const std::optional<QJsonObject>& event) {
    return event ? event->value(QStringLiteral("eventData")).toObject() : QJsonObject();
}

} // namespace

class RemoteTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void startingOnTheLanWithoutAPasswordOrOnATakenPortIsRefused();
    void getVersionAndGetStatsDescribeTheStudio();
    void theSceneListIsBottomUpAndNamesProgramAndPreview();
    void aTakeFromPreviewSendsItsEventsInTheOrderTheStudioChanged();
    void setCurrentProgramSceneCutsStraightToAir();
    void unknownScenesAndInputsGetTheProtocolsStatusCodes();
    void studioModeIsAlwaysOnAndCannotBeTurnedOff();
    void transitionsAreListedChosenAndTimed();
    void theTBarCancelsBeforeHalfWayAndTakesBeyondIt();
    void everyShowSourceIsAnInputWithItsKind();
    void volumeAndMuteChangeTheMixerAndAnnounceIt();
    void aLowerThirdsTextChangesInEveryScene();
    void sceneItemsHaveStableIdsAndCanBeHidden();
    void recordingStartsStopsAndTogglesIntoTheFolderGiven();
    void streamingStartsAndStopsEveryTargetOnALoopbackServer();
    void metersComeEvery50MsOnlyToClientsThatAskedAndCarryTheLevel();
    void aClientLeavingMidBatchLeavesWhatItDidAndTheShowRuns();
    void obsWebSocketJsConnectsTakesAndHearsTheProgramChange();
    void theStudioShuttingDownSaysExitStartedToEveryClient();

private:
    std::unique_ptr<ObsClient> client(std::optional<uint32_t> subscriptions = {});

    std::unique_ptr<live::Studio> studio_;
    std::unique_ptr<RemoteServer> server_;
    std::unique_ptr<ObsClient> control_;
    QTemporaryDir recordings_;
};

std::unique_ptr<ObsClient> RemoteTest::client(std::optional<uint32_t> subscriptions) {
    auto c = std::make_unique<ObsClient>();
    if (!c->open(server_->port()) || !c->identify(kPassword, subscriptions))
        return nullptr;
    return c;
}

void RemoteTest::initTestCase() {
    std::optional<UserError> error;
    studio_ = live::Studio::start(remoteShow(), &error);
    QVERIFY2(studio_, qPrintable(error ? error->toString() : QString()));
    ControlSettings settings;
    settings.password = kPassword;
    server_ = std::make_unique<RemoteServer>(*studio_, settings);
    const auto failure = server_->start();
    QVERIFY2(!failure, qPrintable(failure ? failure->toString() : QString()));
    QVERIFY(server_->port() > 0);
    control_ = client();
    QVERIFY(control_);
}

void RemoteTest::cleanupTestCase() {
    control_.reset();
    server_.reset();
    studio_.reset();
    QCOMPARE(engine::ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void RemoteTest::init() {
    if (!studio_)
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    if (studio_->programScene() != QLatin1String("red"))
        QVERIFY(!studio_->cutTo(QStringLiteral("red")));
    QVERIFY(!studio_->setPreview(QStringLiteral("blue")));
    QVERIFY(!studio_->setTransition(QStringLiteral("cut")));
    // Events sent before an answer arrive before it: after one round trip, none of the above is in flight.
    QCOMPARE(codeOf(control_->request(QStringLiteral("GetVersion"))), 100);
    control_->clearEvents();
}

void RemoteTest::startingOnTheLanWithoutAPasswordOrOnATakenPortIsRefused() {
    ControlSettings lan;
    lan.address = QHostAddress(QHostAddress::AnyIPv4);
    RemoteServer open(*studio_, lan);
    const auto refused = open.start();
    QVERIFY(refused);
    QVERIFY(refused->messageEn.contains(QLatin1String("needs a password")));
    QVERIFY(refused->messageZh.contains(QStringLiteral("密码")));
    QCOMPARE(open.port(), quint16(0)); // it never listened

    ControlSettings taken;
    taken.port = server_->port();
    RemoteServer second(*studio_, taken);
    const auto busy = second.start();
    QVERIFY(busy);
    QVERIFY2(busy->messageEn.contains(QString::number(server_->port())), qPrintable(busy->toString()));
}

void RemoteTest::getVersionAndGetStatsDescribeTheStudio() {
    const QJsonObject version = dataOf(control_->request(QStringLiteral("GetVersion")));
    QCOMPARE(version.value(QStringLiteral("obsVersion")).toString(), QLatin1String(obs_get_version_string()));
    QCOMPARE(version.value(QStringLiteral("obsWebSocketVersion")).toString(), QStringLiteral("5.1.0"));
    QCOMPARE(version.value(QStringLiteral("rpcVersion")).toInt(), 1);
    const QJsonArray offered = version.value(QStringLiteral("availableRequests")).toArray();
    for (const char* type : {"GetVersion",
                             "GetStats",
                             "GetSceneList",
                             "GetCurrentProgramScene",
                             "SetCurrentProgramScene",
                             "GetCurrentPreviewScene",
                             "SetCurrentPreviewScene",
                             "GetStudioModeEnabled",
                             "SetStudioModeEnabled",
                             "TriggerStudioModeTransition",
                             "GetSceneTransitionList",
                             "GetCurrentSceneTransition",
                             "SetCurrentSceneTransition",
                             "SetCurrentSceneTransitionDuration",
                             "SetTBarPosition",
                             "GetInputList",
                             "GetInputVolume",
                             "SetInputVolume",
                             "GetInputMute",
                             "SetInputMute",
                             "ToggleInputMute",
                             "GetInputSettings",
                             "SetInputSettings",
                             "GetSceneItemList",
                             "GetSceneItemId",
                             "GetSceneItemEnabled",
                             "SetSceneItemEnabled",
                             "GetRecordStatus",
                             "StartRecord",
                             "StopRecord",
                             "ToggleRecord",
                             "GetStreamStatus",
                             "StartStream",
                             "StopStream",
                             "ToggleStream",
                             "Sleep",
                             "CallVendorRequest",
                             "BroadcastCustomEvent"})
        QVERIFY2(offered.contains(QLatin1String(type)), type);

    // Stats are sampled once a second: wait until the studio has rendered for a while.
    QJsonObject stats;
    QTRY_VERIFY_WITH_TIMEOUT((stats = dataOf(control_->request(QStringLiteral("GetStats"))))
                                     .value(QStringLiteral("renderTotalFrames"))
                                     .toInt() > 30,
                             30000);
    QVERIFY(stats.value(QStringLiteral("activeFps")).toDouble() > 0);
    QVERIFY(stats.value(QStringLiteral("memoryUsage")).toDouble() > 10);
    QVERIFY(stats.value(QStringLiteral("averageFrameRenderTime")).toDouble() > 0);
    // Free space where recordings go (0 until the studio has a recording folder).
    QVERIFY(stats.value(QStringLiteral("availableDiskSpace")).toDouble() >= 0);
    QVERIFY(stats.contains(QStringLiteral("cpuUsage")));
    QVERIFY(stats.value(QStringLiteral("renderSkippedFrames")).toInt() <=
            stats.value(QStringLiteral("renderTotalFrames")).toInt());
    QVERIFY(stats.value(QStringLiteral("webSocketSessionIncomingMessages")).toInt() >= 3);
    QVERIFY(stats.value(QStringLiteral("webSocketSessionOutgoingMessages")).toInt() >= 3);
}

void RemoteTest::theSceneListIsBottomUpAndNamesProgramAndPreview() {
    const QJsonObject list = dataOf(control_->request(QStringLiteral("GetSceneList")));
    QCOMPARE(list.value(QStringLiteral("currentProgramSceneName")).toString(), QStringLiteral("red"));
    QCOMPARE(list.value(QStringLiteral("currentPreviewSceneName")).toString(), QStringLiteral("blue"));
    const QJsonArray scenes = list.value(QStringLiteral("scenes")).toArray();
    QCOMPARE(scenes.size(), 3);
    // obs-websocket's order: the last scene of the list first, with sceneIndex 0.
    const QStringList expected{QStringLiteral("camera"), QStringLiteral("blue"), QStringLiteral("red")};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(scenes[i].toObject().value(QStringLiteral("sceneName")).toString(), expected[i]);
        QCOMPARE(scenes[i].toObject().value(QStringLiteral("sceneIndex")).toInt(), i);
    }
    QCOMPARE(dataOf(control_->request(QStringLiteral("GetCurrentProgramScene")))
                 .value(QStringLiteral("currentProgramSceneName"))
                 .toString(),
             QStringLiteral("red"));
    QCOMPARE(dataOf(control_->request(QStringLiteral("GetCurrentPreviewScene")))
                 .value(QStringLiteral("currentPreviewSceneName"))
                 .toString(),
             QStringLiteral("blue"));
}

void RemoteTest::aTakeFromPreviewSendsItsEventsInTheOrderTheStudioChanged() {
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentPreviewScene"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("camera")}})),
             100);
    QCOMPARE(studio_->previewScene(), QStringLiteral("camera"));
    QCOMPARE(studio_->programScene(), QStringLiteral("red")); // preview never touches program
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransition"),
                                      {{QStringLiteral("transitionName"), QStringLiteral("fade")}})),
             100);
    QCOMPARE(codeOf(control_->request(QStringLiteral("TriggerStudioModeTransition"))), 100);
    QCOMPARE(studio_->programScene(), QStringLiteral("camera"));
    QVERIFY(control_->waitForEvent(QStringLiteral("SceneTransitionEnded")));

    QStringList seen;
    for (const QJsonObject& event : control_->events()) {
        const QString type = event.value(QStringLiteral("eventType")).toString();
        const QJsonObject data = event.value(QStringLiteral("eventData")).toObject();
        // What each is about: a scene, a transition, or a duration.
        QString about = data.value(QStringLiteral("sceneName")).toString() +
                        data.value(QStringLiteral("transitionName")).toString();
        if (data.contains(QStringLiteral("transitionDuration")))
            about = QString::number(data.value(QStringLiteral("transitionDuration")).toInt());
        seen.append(type + QLatin1Char(':') + about);
    }
    QCOMPARE(seen, QStringList({QStringLiteral("CurrentPreviewSceneChanged:camera"),
                                QStringLiteral("CurrentSceneTransitionChanged:fade"),
                                QStringLiteral("CurrentSceneTransitionDurationChanged:300"),
                                QStringLiteral("SceneTransitionStarted:fade"),
                                QStringLiteral("CurrentProgramSceneChanged:camera"),
                                QStringLiteral("CurrentPreviewSceneChanged:red"),
                                QStringLiteral("SceneTransitionEnded:fade")}));
    const QList<QJsonObject> started = control_->events(QStringLiteral("SceneTransitionStarted"));
    QCOMPARE(started.first().value(QStringLiteral("eventIntent")).toInt(), 1 << 4);
    QCOMPARE(control_->events(QStringLiteral("CurrentProgramSceneChanged"))
                 .first()
                 .value(QStringLiteral("eventIntent"))
                 .toInt(),
             1 << 2);
    // Nothing to take when preview and program are the same: the studio's reason comes back.
    QVERIFY(!studio_->setPreview(QStringLiteral("camera")));
    const QJsonObject same = control_->request(QStringLiteral("TriggerStudioModeTransition"));
    QCOMPARE(codeOf(same), 702);
    QVERIFY(statusOf(same)
                .value(QStringLiteral("comment"))
                .toString()
                .contains(QLatin1String("nothing to take")));
}

void RemoteTest::setCurrentProgramSceneCutsStraightToAir() {
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentProgramScene"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("camera")}})),
             100);
    QCOMPARE(studio_->programScene(), QStringLiteral("camera"));
    QCOMPARE(studio_->previewScene(), QStringLiteral("blue")); // preview stays
    const auto event = control_->waitForEvent(QStringLiteral("CurrentProgramSceneChanged"));
    QVERIFY(control_->countEvents(QStringLiteral("CurrentProgramSceneChanged")) == 1);
    QCOMPARE(sceneOf(control_->events(QStringLiteral("CurrentProgramSceneChanged")).first()),
             QStringLiteral("camera"));
    Q_UNUSED(event);
}

void RemoteTest::unknownScenesAndInputsGetTheProtocolsStatusCodes() {
    const QJsonObject unknown = control_->request(QStringLiteral("SetCurrentProgramScene"),
                                                  {{QStringLiteral("sceneName"), QStringLiteral("舞台")}});
    QCOMPARE(codeOf(unknown), 600);
    QCOMPARE(statusOf(unknown).value(QStringLiteral("comment")).toString(),
             QStringLiteral("No source was found by the name of `舞台`."));
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentPreviewScene"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("cam-test")}})),
             602);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentPreviewScene"))), 301);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentPreviewScene"),
                                      {{QStringLiteral("scene"), QStringLiteral("blue")}})),
             300);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentPreviewScene"),
                                      {{QStringLiteral("sceneName"), 3}})),
             401);
    QCOMPARE(codeOf(control_->request(QStringLiteral("GetInputMute"),
                                      {{QStringLiteral("inputName"), QStringLiteral("camera")}})),
             602);
    QCOMPARE(codeOf(control_->request(QStringLiteral("GetInputMute"),
                                      {{QStringLiteral("inputName"), QStringLiteral("nobody")}})),
             600);
    QCOMPARE(codeOf(control_->request(QStringLiteral("GetInputMute"),
                                      {{QStringLiteral("inputName"), QStringLiteral("red")}})),
             604);
    QCOMPARE(codeOf(control_->request(QStringLiteral("OpenVideoMixProjector"))), 204);
    QCOMPARE(studio_->previewScene(), QStringLiteral("blue"));
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
}

void RemoteTest::studioModeIsAlwaysOnAndCannotBeTurnedOff() {
    QVERIFY(dataOf(control_->request(QStringLiteral("GetStudioModeEnabled")))
                .value(QStringLiteral("studioModeEnabled"))
                .toBool());
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetStudioModeEnabled"),
                                      {{QStringLiteral("studioModeEnabled"), true}})),
             100);
    const QJsonObject off = control_->request(QStringLiteral("SetStudioModeEnabled"),
                                              {{QStringLiteral("studioModeEnabled"), false}});
    QCOMPARE(codeOf(off), 703);
    QVERIFY(statusOf(off).value(QStringLiteral("comment")).toString().contains(QLatin1String("always on")));
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetStudioModeEnabled"),
                                      {{QStringLiteral("studioModeEnabled"), QStringLiteral("no")}})),
             401);
}

void RemoteTest::transitionsAreListedChosenAndTimed() {
    const QJsonObject list = dataOf(control_->request(QStringLiteral("GetSceneTransitionList")));
    QCOMPARE(list.value(QStringLiteral("currentSceneTransitionName")).toString(), QStringLiteral("cut"));
    QCOMPARE(list.value(QStringLiteral("currentSceneTransitionKind")).toString(),
             QStringLiteral("cut_transition"));
    const QJsonArray transitions = list.value(QStringLiteral("transitions")).toArray();
    QCOMPARE(transitions.size(), 2);
    QCOMPARE(transitions[1].toObject().value(QStringLiteral("transitionName")).toString(),
             QStringLiteral("fade"));
    QCOMPARE(transitions[1].toObject().value(QStringLiteral("transitionKind")).toString(),
             QStringLiteral("fade_transition"));
    QVERIFY(transitions[0].toObject().value(QStringLiteral("transitionFixed")).toBool());
    QVERIFY(!transitions[1].toObject().value(QStringLiteral("transitionFixed")).toBool());

    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransition"),
                                      {{QStringLiteral("transitionName"), QStringLiteral("wipe")}})),
             600);
    // A cut has no duration to set.
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransitionDuration"),
                                      {{QStringLiteral("transitionDuration"), 500}})),
             604);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransition"),
                                      {{QStringLiteral("transitionName"), QStringLiteral("fade")}})),
             100);
    QCOMPARE(eventData(control_->waitForEvent(QStringLiteral("CurrentSceneTransitionChanged")))
                 .value(QStringLiteral("transitionName"))
                 .toString(),
             QStringLiteral("fade"));
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransitionDuration"),
                                      {{QStringLiteral("transitionDuration"), 20}})),
             402);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransitionDuration"),
                                      {{QStringLiteral("transitionDuration"), 12000}})),
             402);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransitionDuration"),
                                      {{QStringLiteral("transitionDuration"), 650}})),
             100);
    QCOMPARE(studio_->transitionDurationMs(), 650);
    // Choosing the fade announced its own duration first, then the new one.
    std::optional<QJsonObject> duration;
    while ((duration = control_->waitForEvent(QStringLiteral("CurrentSceneTransitionDurationChanged"))) &&
           eventData(duration).value(QStringLiteral("transitionDuration")).toInt() != 650) {
    }
    QVERIFY(duration);
    const QJsonObject current = dataOf(control_->request(QStringLiteral("GetCurrentSceneTransition")));
    QCOMPARE(current.value(QStringLiteral("transitionName")).toString(), QStringLiteral("fade"));
    QCOMPARE(current.value(QStringLiteral("transitionDuration")).toInt(), 650);
    QVERIFY(!current.value(QStringLiteral("transitionFixed")).toBool());
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetCurrentSceneTransitionDuration"),
                                      {{QStringLiteral("transitionDuration"), 300}})),
             100);
}

void RemoteTest::theTBarCancelsBeforeHalfWayAndTakesBeyondIt() {
    const int takes = studio_->takeCount();
    QCOMPARE(
        codeOf(control_->request(QStringLiteral("SetTBarPosition"),
                                 {{QStringLiteral("position"), 0.3}, {QStringLiteral("release"), false}})),
        100);
    QCOMPARE(studio_->tbarPosition(), 0.3);
    // Let go at 0.3: back to what was on air.
    QCOMPARE(
        codeOf(control_->request(QStringLiteral("SetTBarPosition"), {{QStringLiteral("position"), 0.3}})),
        100);
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
    QCOMPARE(studio_->takeCount(), takes);
    // To 0.7 and let go: the take completes.
    QCOMPARE(
        codeOf(control_->request(QStringLiteral("SetTBarPosition"), {{QStringLiteral("position"), 0.7}})),
        100);
    QCOMPARE(studio_->programScene(), QStringLiteral("blue"));
    QCOMPARE(sceneOf(*control_->waitForEvent(QStringLiteral("CurrentProgramSceneChanged"))),
             QStringLiteral("blue"));
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    QCOMPARE(studio_->takeCount(), takes + 1);
    QCOMPARE(
        codeOf(control_->request(QStringLiteral("SetTBarPosition"), {{QStringLiteral("position"), 1.5}})),
        402);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetTBarPosition"),
                                      {{QStringLiteral("position"), 0.5}, {QStringLiteral("release"), 1}})),
             401);
}

void RemoteTest::everyShowSourceIsAnInputWithItsKind() {
    const QJsonArray inputs =
        dataOf(control_->request(QStringLiteral("GetInputList"))).value(QStringLiteral("inputs")).toArray();
    QMap<QString, QString> kinds;
    for (const QJsonValue& input : inputs)
        kinds[input.toObject().value(QStringLiteral("inputName")).toString()] =
            input.toObject().value(QStringLiteral("inputKind")).toString();
    QCOMPARE(kinds.size(), 5);
    QCOMPARE(kinds.value(QStringLiteral("red")), QStringLiteral("color_source_v3"));
    QCOMPARE(kinds.value(QStringLiteral("caption")), QStringLiteral("text_ft2_source_v2"));
    QCOMPARE(kinds.value(QStringLiteral("mic-tone")), QStringLiteral("xz_gst_capture"));
    QCOMPARE(kinds.value(QStringLiteral("cam-test")), QStringLiteral("xz_test_pattern"));
    const QJsonArray texts =
        dataOf(control_->request(QStringLiteral("GetInputList"),
                                 {{QStringLiteral("inputKind"), QStringLiteral("text_ft2_source_v2")}}))
            .value(QStringLiteral("inputs"))
            .toArray();
    QCOMPARE(texts.size(), 1);
    QCOMPARE(texts[0].toObject().value(QStringLiteral("unversionedInputKind")).toString(),
             QStringLiteral("text_ft2_source"));
}

void RemoteTest::volumeAndMuteChangeTheMixerAndAnnounceIt() {
    const QJsonObject mic{{QStringLiteral("inputName"), QStringLiteral("mic-tone")}};
    QCOMPARE(dataOf(control_->request(QStringLiteral("GetInputVolume"), mic))
                 .value(QStringLiteral("inputVolumeDb"))
                 .toDouble(),
             0.0);
    QJsonObject db = mic;
    db.insert(QStringLiteral("inputVolumeDb"), -20.0);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputVolume"), db)), 100);
    QCOMPARE(studio_->audioInputs().first().volumeDb, -20.0);
    const QJsonObject changed = eventData(control_->waitForEvent(QStringLiteral("InputVolumeChanged")));
    QCOMPARE(changed.value(QStringLiteral("inputName")).toString(), QStringLiteral("mic-tone"));
    QCOMPARE(changed.value(QStringLiteral("inputVolumeDb")).toDouble(), -20.0);
    QVERIFY(qAbs(changed.value(QStringLiteral("inputVolumeMul")).toDouble() - 0.1) < 1e-6);
    QJsonObject mul = mic;
    mul.insert(QStringLiteral("inputVolumeMul"), 0.5);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputVolume"), mul)), 100);
    const QJsonObject half = dataOf(control_->request(QStringLiteral("GetInputVolume"), mic));
    QVERIFY(qAbs(half.value(QStringLiteral("inputVolumeDb")).toDouble() - -6.0206) < 0.01);
    QVERIFY(qAbs(half.value(QStringLiteral("inputVolumeMul")).toDouble() - 0.5) < 1e-4);
    QJsonObject both = db;
    both.insert(QStringLiteral("inputVolumeMul"), 0.5);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputVolume"), both)), 404);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputVolume"), mic)), 300);
    db.insert(QStringLiteral("inputVolumeDb"), 21.0); // the studio's fader stops at +20 dB
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputVolume"), db)), 402);
    db.insert(QStringLiteral("inputVolumeDb"), 0.0);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputVolume"), db)), 100);

    QVERIFY(!dataOf(control_->request(QStringLiteral("GetInputMute"), mic))
                 .value(QStringLiteral("inputMuted"))
                 .toBool());
    const QJsonObject toggled = control_->request(QStringLiteral("ToggleInputMute"), mic);
    QVERIFY(dataOf(toggled).value(QStringLiteral("inputMuted")).toBool());
    QVERIFY(studio_->audioInputs().first().muted);
    const QJsonObject muted = eventData(control_->waitForEvent(QStringLiteral("InputMuteStateChanged")));
    QCOMPARE(muted.value(QStringLiteral("inputName")).toString(), QStringLiteral("mic-tone"));
    QVERIFY(muted.value(QStringLiteral("inputMuted")).toBool());
    QJsonObject unmute = mic;
    unmute.insert(QStringLiteral("inputMuted"), false);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputMute"), unmute)), 100);
    QVERIFY(!studio_->audioInputs().first().muted);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputMute"), mic)), 300);
}

void RemoteTest::aLowerThirdsTextChangesInEveryScene() {
    const QJsonObject caption{{QStringLiteral("inputName"), QStringLiteral("caption")}};
    const QJsonObject before = dataOf(control_->request(QStringLiteral("GetInputSettings"), caption));
    QCOMPARE(before.value(QStringLiteral("inputKind")).toString(), QStringLiteral("text_ft2_source_v2"));
    QCOMPARE(
        before.value(QStringLiteral("inputSettings")).toObject().value(QStringLiteral("text")).toString(),
        QStringLiteral(" "));
    QJsonObject set = caption;
    set.insert(QStringLiteral("inputSettings"),
               QJsonObject{{QStringLiteral("text"), QStringLiteral("主厨　李秀兰")}});
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputSettings"), set)), 100);
    // As OBS changes a source everywhere: the scene on air and the one in preview.
    QCOMPARE(*studio_->text(QStringLiteral("red"), QStringLiteral("caption")),
             QStringLiteral("主厨　李秀兰"));
    QCOMPARE(*studio_->text(QStringLiteral("blue"), QStringLiteral("caption")),
             QStringLiteral("主厨　李秀兰"));
    QCOMPARE(dataOf(control_->request(QStringLiteral("GetInputSettings"), caption))
                 .value(QStringLiteral("inputSettings"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
             QStringLiteral("主厨　李秀兰"));

    set.insert(QStringLiteral("inputSettings"), QJsonObject{{QStringLiteral("text"), QStringLiteral("x")},
                                                            {QStringLiteral("font"), QJsonObject()}});
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputSettings"), set)), 400);
    set.insert(QStringLiteral("inputSettings"), QJsonObject{{QStringLiteral("text"), 5}});
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputSettings"), set)), 401);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputSettings"), caption)), 300);
    QCOMPARE(codeOf(control_->request(QStringLiteral("GetInputSettings"),
                                      {{QStringLiteral("inputName"), QStringLiteral("red")}})),
             606);
    QCOMPARE(*studio_->text(QStringLiteral("red"), QStringLiteral("caption")),
             QStringLiteral("主厨　李秀兰")); // refused means untouched
    set.insert(QStringLiteral("inputSettings"), QJsonObject{{QStringLiteral("text"), QStringLiteral(" ")}});
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetInputSettings"), set)), 100);
}

void RemoteTest::sceneItemsHaveStableIdsAndCanBeHidden() {
    const QJsonArray items =
        dataOf(control_->request(QStringLiteral("GetSceneItemList"),
                                 {{QStringLiteral("sceneName"), QStringLiteral("blue")}}))
            .value(QStringLiteral("sceneItems"))
            .toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].toObject().value(QStringLiteral("sourceName")).toString(), QStringLiteral("blue"));
    QCOMPARE(items[0].toObject().value(QStringLiteral("sceneItemId")).toInt(), 1);
    QCOMPARE(items[1].toObject().value(QStringLiteral("sourceName")).toString(), QStringLiteral("caption"));
    QCOMPARE(items[1].toObject().value(QStringLiteral("sceneItemId")).toInt(), 2);
    QCOMPARE(items[1].toObject().value(QStringLiteral("sceneItemIndex")).toInt(), 1);
    QVERIFY(items[1].toObject().value(QStringLiteral("sceneItemEnabled")).toBool());
    QCOMPARE(items[1]
                 .toObject()
                 .value(QStringLiteral("sceneItemTransform"))
                 .toObject()
                 .value(QStringLiteral("positionY"))
                 .toDouble(),
             300.0);
    QCOMPARE(dataOf(control_->request(QStringLiteral("GetSceneItemId"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("blue")},
                                       {QStringLiteral("sourceName"), QStringLiteral("caption")}}))
                 .value(QStringLiteral("sceneItemId"))
                 .toInt(),
             2);
    QCOMPARE(codeOf(control_->request(QStringLiteral("GetSceneItemId"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("camera")},
                                       {QStringLiteral("sourceName"), QStringLiteral("caption")}})),
             600);

    const QJsonObject hide{{QStringLiteral("sceneName"), QStringLiteral("blue")},
                           {QStringLiteral("sceneItemId"), 2},
                           {QStringLiteral("sceneItemEnabled"), false}};
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetSceneItemEnabled"), hide)), 100);
    QCOMPARE(*studio_->itemVisible(QStringLiteral("blue"), QStringLiteral("caption")), false);
    QCOMPARE(*studio_->itemVisible(QStringLiteral("red"), QStringLiteral("caption")),
             true); // its own scene only
    const QJsonObject event =
        eventData(control_->waitForEvent(QStringLiteral("SceneItemEnableStateChanged")));
    QCOMPARE(event.value(QStringLiteral("sceneName")).toString(), QStringLiteral("blue"));
    QCOMPARE(event.value(QStringLiteral("sceneItemId")).toInt(), 2);
    QVERIFY(!event.value(QStringLiteral("sceneItemEnabled")).toBool());
    // Hidden, the item keeps its id.
    QCOMPARE(dataOf(control_->request(QStringLiteral("GetSceneItemId"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("blue")},
                                       {QStringLiteral("sourceName"), QStringLiteral("caption")}}))
                 .value(QStringLiteral("sceneItemId"))
                 .toInt(),
             2);
    QVERIFY(!dataOf(control_->request(QStringLiteral("GetSceneItemEnabled"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("blue")},
                                       {QStringLiteral("sceneItemId"), 2}}))
                 .value(QStringLiteral("sceneItemEnabled"))
                 .toBool());
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetSceneItemEnabled"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("blue")},
                                       {QStringLiteral("sceneItemId"), 9},
                                       {QStringLiteral("sceneItemEnabled"), true}})),
             600);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetSceneItemEnabled"),
                                      {{QStringLiteral("sceneName"), QStringLiteral("blue")},
                                       {QStringLiteral("sceneItemEnabled"), true}})),
             300);
    QJsonObject show = hide;
    show.insert(QStringLiteral("sceneItemEnabled"), true);
    QCOMPARE(codeOf(control_->request(QStringLiteral("SetSceneItemEnabled"), show)), 100);
    QCOMPARE(*studio_->itemVisible(QStringLiteral("blue"), QStringLiteral("caption")), true);
}

void RemoteTest::recordingStartsStopsAndTogglesIntoTheFolderGiven() {
    const QJsonObject idle = dataOf(control_->request(QStringLiteral("GetRecordStatus")));
    QVERIFY(!idle.value(QStringLiteral("outputActive")).toBool());
    QCOMPARE(idle.value(QStringLiteral("outputTimecode")).toString(), QStringLiteral("00:00:00.000"));
    QCOMPARE(codeOf(control_->request(QStringLiteral("StopRecord"))), 501);
    const QJsonObject noFolder = control_->request(QStringLiteral("StartRecord"));
    QCOMPARE(codeOf(noFolder), 702); // the studio's own reason: it has no folder either
    QVERIFY2(statusOf(noFolder)
                 .value(QStringLiteral("comment"))
                 .toString()
                 .contains(QLatin1String("no recording folder")),
             qPrintable(statusOf(noFolder).value(QStringLiteral("comment")).toString()));

    server_->setRecordingFolder(recordings_.path());
    QCOMPARE(codeOf(control_->request(QStringLiteral("StartRecord"))), 100);
    const QJsonObject started = eventData(control_->waitForEvent(QStringLiteral("RecordStateChanged")));
    QCOMPARE(started.value(QStringLiteral("outputState")).toString(),
             QStringLiteral("OBS_WEBSOCKET_OUTPUT_STARTED"));
    QVERIFY(started.value(QStringLiteral("outputActive")).toBool());
    const QString path = started.value(QStringLiteral("outputPath")).toString();
    QCOMPARE(QFileInfo(path).absolutePath(), QDir(recordings_.path()).absolutePath());
    QCOMPARE(codeOf(control_->request(QStringLiteral("StartRecord"))), 500);
    QTRY_VERIFY_WITH_TIMEOUT(studio_->recordingSecondsNow().value_or(0) > 2.0, 30000);
    const QJsonObject running = dataOf(control_->request(QStringLiteral("GetRecordStatus")));
    QVERIFY(running.value(QStringLiteral("outputActive")).toBool());
    QVERIFY(running.value(QStringLiteral("outputDuration")).toInt() > 1000);
    QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d$"))
                .match(running.value(QStringLiteral("outputTimecode")).toString())
                .hasMatch());

    const QJsonObject stopped = control_->request(QStringLiteral("StopRecord"));
    QCOMPARE(codeOf(stopped), 100);
    QCOMPARE(dataOf(stopped).value(QStringLiteral("outputPath")).toString(), path);
    QTRY_COMPARE_WITH_TIMEOUT(control_->countEvents(QStringLiteral("RecordStateChanged")), 3, 30000);
    const QList<QJsonObject> states = control_->events(QStringLiteral("RecordStateChanged"));
    QCOMPARE(states[1]
                 .value(QStringLiteral("eventData"))
                 .toObject()
                 .value(QStringLiteral("outputState"))
                 .toString(),
             QStringLiteral("OBS_WEBSOCKET_OUTPUT_STOPPING"));
    const QJsonObject done = states[2].value(QStringLiteral("eventData")).toObject();
    QCOMPARE(done.value(QStringLiteral("outputState")).toString(),
             QStringLiteral("OBS_WEBSOCKET_OUTPUT_STOPPED"));
    QCOMPARE(done.value(QStringLiteral("outputPath")).toString(), path);
    const testing::MediaInfo info = testing::probeMedia(path);
    QVERIFY2(info.hasVideo && info.hasAudio, qPrintable(path));

    QVERIFY(dataOf(control_->request(QStringLiteral("ToggleRecord")))
                .value(QStringLiteral("outputActive"))
                .toBool());
    QTRY_VERIFY_WITH_TIMEOUT(studio_->recordingSecondsNow().value_or(0) > 1.0, 30000);
    QVERIFY(!dataOf(control_->request(QStringLiteral("ToggleRecord")))
                 .value(QStringLiteral("outputActive"))
                 .toBool());
    QTRY_COMPARE_WITH_TIMEOUT(control_->countEvents(QStringLiteral("RecordStateChanged")), 6, 30000);
    QCOMPARE(QDir(recordings_.path()).entryList(QDir::Files).size(), 2);
}

void RemoteTest::streamingStartsAndStopsEveryTargetOnALoopbackServer() {
    QCOMPARE(codeOf(control_->request(QStringLiteral("StartStream"))), 504); // no target yet
    QCOMPARE(codeOf(control_->request(QStringLiteral("StopStream"))), 501);
    testing::RtmpServer rtmp;
    QVERIFY(rtmp.start());
    std::optional<UserError> error;
    const std::optional<int> id =
        studio_->addStream(rtmp.url(QStringLiteral("remote-key")), QStringLiteral("测试"), &error);
    QVERIFY(id);
    QCOMPARE(codeOf(control_->request(QStringLiteral("StartStream"))), 100);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject& e : control_->events(QStringLiteral("StreamStateChanged")))
                if (e.value(QStringLiteral("eventData"))
                        .toObject()
                        .value(QStringLiteral("outputState"))
                        .toString() == QLatin1String("OBS_WEBSOCKET_OUTPUT_STARTED"))
                    return true;
            return false;
        }(),
        30000);
    QCOMPARE(codeOf(control_->request(QStringLiteral("StartStream"))), 500);
    QJsonObject status;
    QTRY_VERIFY_WITH_TIMEOUT((status = dataOf(control_->request(QStringLiteral("GetStreamStatus"))))
                                     .value(QStringLiteral("outputDuration"))
                                     .toInt() > 3000,
                             30000);
    QVERIFY(status.value(QStringLiteral("outputActive")).toBool());
    QVERIFY(!status.value(QStringLiteral("outputReconnecting")).toBool());
    QVERIFY(status.value(QStringLiteral("outputTotalFrames")).toInt() > 0);
    QVERIFY(status.value(QStringLiteral("outputBytes")).toDouble() > 100000);
    QVERIFY(!dataOf(control_->request(QStringLiteral("ToggleStream")))
                 .value(QStringLiteral("outputActive"))
                 .toBool());
    QTRY_VERIFY_WITH_TIMEOUT(control_->events(QStringLiteral("StreamStateChanged"))
                                     .last()
                                     .value(QStringLiteral("eventData"))
                                     .toObject()
                                     .value(QStringLiteral("outputState"))
                                     .toString() == QLatin1String("OBS_WEBSOCKET_OUTPUT_STOPPED"),
                             30000);
    QVERIFY(!dataOf(control_->request(QStringLiteral("GetStreamStatus")))
                 .value(QStringLiteral("outputActive"))
                 .toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!rtmp.receivedFiles().isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(testing::decodableSeconds(rtmp.receivedFiles().last()) > 1.0, 20000);
    QVERIFY(!studio_->removeStream(*id));
    QTRY_VERIFY_WITH_TIMEOUT(studio_->streams().isEmpty(), 20000);
}

void RemoteTest::metersComeEvery50MsOnlyToClientsThatAskedAndCarryTheLevel() {
    QTRY_VERIFY_WITH_TIMEOUT(studio_->captureStatus(QStringLiteral("mic-tone")) &&
                                 studio_->captureStatus(QStringLiteral("mic-tone"))->state ==
                                     capture::CaptureState::Live,
                             30000);
    auto quiet = client(); // the default: everything but the high-volume events
    auto meters = client(subscription::All | subscription::InputVolumeMeters);
    QVERIFY(quiet && meters);
    QTRY_VERIFY_WITH_TIMEOUT(meters->countEvents(QStringLiteral("InputVolumeMeters")) >= 30, 30000);
    const QJsonObject first = meters->events(QStringLiteral("InputVolumeMeters")).first();
    QCOMPARE(first.value(QStringLiteral("eventIntent")).toInt(), 1 << 16);
    // The tone's level, after the fader: a half-scale sine peaks at -6 dBFS.
    const auto tonePeakDb = [&] {
        const QJsonArray inputs = meters->events(QStringLiteral("InputVolumeMeters"))
                                      .last()
                                      .value(QStringLiteral("eventData"))
                                      .toObject()
                                      .value(QStringLiteral("inputs"))
                                      .toArray();
        for (const QJsonValue& input : inputs)
            if (input.toObject().value(QStringLiteral("inputName")).toString() == QLatin1String("mic-tone"))
                return 20.0 * std::log10(input.toObject()
                                             .value(QStringLiteral("inputLevelsMul"))
                                             .toArray()[0]
                                             .toArray()[1]
                                             .toDouble());
        return -1000.0;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(qAbs(tonePeakDb() - kTonePeakDb) < 1.0,
                              qPrintable(QString::number(tonePeakDb())), 30000);
    // About every 50 ms: the middle interval, so a busy machine's stray late timer does not count.
    const QList<qint64> times = meters->eventTimesMs(QStringLiteral("InputVolumeMeters"));
    QList<qint64> gaps;
    for (qsizetype i = 1; i < times.size(); ++i)
        gaps.append(times[i] - times[i - 1]);
    std::sort(gaps.begin(), gaps.end());
    const qint64 median = gaps[gaps.size() / 2];
    qInfo("meters: %lld events, median interval %lld ms", static_cast<long long>(times.size()),
          static_cast<long long>(median));
    QVERIFY2(median >= 25 && median <= 250, qPrintable(QString::number(median)));
    // A round trip after all that: the client that did not subscribe still got none.
    QCOMPARE(codeOf(quiet->request(QStringLiteral("GetVersion"))), 100);
    QCOMPARE(quiet->countEvents(QStringLiteral("InputVolumeMeters")), 0);

    // Unsubscribed by Reidentify: none after the Identified reply, while another subscriber gets more.
    auto witness = client(subscription::InputVolumeMeters);
    QVERIFY(witness);
    QVERIFY(meters->reidentify(subscription::All));
    const int stoppedAt = meters->countEvents(QStringLiteral("InputVolumeMeters"));
    const int witnessed = witness->countEvents(QStringLiteral("InputVolumeMeters"));
    QTRY_VERIFY_WITH_TIMEOUT(witness->countEvents(QStringLiteral("InputVolumeMeters")) >= witnessed + 5,
                             30000);
    QCOMPARE(meters->countEvents(QStringLiteral("InputVolumeMeters")), stoppedAt);
}

void RemoteTest::aClientLeavingMidBatchLeavesWhatItDidAndTheShowRuns() {
    auto leaver = client();
    QVERIFY(leaver);
    leaver->sendJson(
        {{QStringLiteral("op"), 8},
         {QStringLiteral("d"),
          QJsonObject{
              {QStringLiteral("requestId"), QStringLiteral("left")},
              {QStringLiteral("requests"),
               QJsonArray{
                   QJsonObject{{QStringLiteral("requestType"), QStringLiteral("SetCurrentPreviewScene")},
                               {QStringLiteral("requestData"),
                                QJsonObject{{QStringLiteral("sceneName"), QStringLiteral("camera")}}}},
                   QJsonObject{
                       {QStringLiteral("requestType"), QStringLiteral("Sleep")},
                       {QStringLiteral("requestData"), QJsonObject{{QStringLiteral("sleepMillis"), 400}}}},
                   QJsonObject{
                       {QStringLiteral("requestType"), QStringLiteral("TriggerStudioModeTransition")}}}}}}});
    QTRY_COMPARE_WITH_TIMEOUT(studio_->previewScene(), QStringLiteral("camera"), 20000);
    leaver->socket().abort(); // gone while its batch sleeps
    // Longer than the leaver's Sleep: the take it asked for never happens, the show runs on.
    const QJsonArray results =
        control_
            ->batch({QJsonObject{
                         {QStringLiteral("requestType"), QStringLiteral("Sleep")},
                         {QStringLiteral("requestData"), QJsonObject{{QStringLiteral("sleepMillis"), 900}}}},
                     QJsonObject{{QStringLiteral("requestType"), QStringLiteral("GetCurrentProgramScene")}}})
            .value(QStringLiteral("results"))
            .toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[1]
                 .toObject()
                 .value(QStringLiteral("responseData"))
                 .toObject()
                 .value(QStringLiteral("currentProgramSceneName"))
                 .toString(),
             QStringLiteral("red"));
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
    const qint64 frames = dataOf(control_->request(QStringLiteral("GetStats")))
                              .value(QStringLiteral("renderTotalFrames"))
                              .toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(dataOf(control_->request(QStringLiteral("GetStats")))
                                     .value(QStringLiteral("renderTotalFrames"))
                                     .toInteger() > frames,
                             30000);
}

void RemoteTest::obsWebSocketJsConnectsTakesAndHearsTheProgramChange() {
    const QString modules = QStringLiteral(XZ_OBS_CLIENT_DIR "/node_modules/obs-websocket-js/package.json");
    if (!QFileInfo::exists(modules)) {
        const QByteArray why = "obs-websocket-js is not installed in " XZ_OBS_CLIENT_DIR
                               " (./dev installs it there with npm ci)";
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(why.constData());
        QSKIP(why.constData());
    }
    // The default (MessagePack, as Companion uses it) and JSON, each taking another scene to program.
    const QList<QPair<QString, QString>> runs{{QStringLiteral("msgpack"), QStringLiteral("camera")},
                                              {QStringLiteral("json"), QStringLiteral("blue")}};
    for (const auto& [encoding, scene] : runs) {
        QProcess node;
        node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        node.start(QStringLiteral("node"),
                   {QStringLiteral(XZ_OBS_CLIENT_DIR "/judge.mjs"),
                    QStringLiteral("ws://127.0.0.1:%1").arg(server_->port()), kPassword, scene, encoding});
        QVERIFY2(node.waitForStarted(10000), "node did not start");
        // The server lives in this thread: keep the event loop turning while the judge works.
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 90000);
        const QByteArray output = node.readAllStandardOutput().trimmed();
        const QJsonObject seen = QJsonDocument::fromJson(output.split('\n').last()).object();
        QVERIFY2(node.exitCode() == 0 && !seen.contains(QStringLiteral("error")), output.constData());
        QCOMPARE(seen.value(QStringLiteral("protocol")).toString(),
                 QStringLiteral("obswebsocket.") + encoding);
        QCOMPARE(seen.value(QStringLiteral("wrongPasswordCode")).toInt(), 4009);
        QCOMPARE(seen.value(QStringLiteral("negotiatedRpcVersion")).toInt(), 1);
        QCOMPARE(seen.value(QStringLiteral("obsWebSocketVersion")).toString(), QStringLiteral("5.1.0"));
        QVERIFY(seen.value(QStringLiteral("availableRequests"))
                    .toArray()
                    .contains(QStringLiteral("TriggerStudioModeTransition")));
        QCOMPARE(seen.value(QStringLiteral("programSceneEvent")).toString(), scene);
        QCOMPARE(seen.value(QStringLiteral("currentProgramSceneName")).toString(), scene);
        QCOMPARE(seen.value(QStringLiteral("batch")).toArray(), QJsonArray({100, 204}));
        QCOMPARE(seen.value(QStringLiteral("unknownSceneCode")).toInt(), 600);
        QCOMPARE(studio_->programScene(), scene);
    }
}

void RemoteTest::theStudioShuttingDownSaysExitStartedToEveryClient() {
    auto other = client();
    QVERIFY(other);
    studio_.reset(); // the end of the show
    QVERIFY(control_->waitForClose());
    QVERIFY(other->waitForClose());
    QCOMPARE(control_->countEvents(QStringLiteral("ExitStarted")), 1);
    QCOMPARE(other->countEvents(QStringLiteral("ExitStarted")), 1);
    QCOMPARE(control_->closeCode(), 1001);
    ObsClient late;
    QVERIFY(!late.open(server_->port())); // no longer listening
}

QTEST_GUILESS_MAIN(RemoteTest)
#include "tst_remote.moc"
