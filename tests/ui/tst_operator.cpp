// The operator's view models over a running studio (no window): keys do what is printed on the buttons,
// nothing on air stops without a click on the confirm button, the safe slate comes and goes with Esc, text
// edits reach program only when taken, a microphone silent during a live show is warned about once, the
// pre-flight check says what to do, a language switch gives the models' texts again at once, and every model
// holds up under QAbstractItemModelTester.
#include "colourshow.h"
#include "frametap.h"
#include "mixermodel.h"
#include "obsruntime.h"
#include "operatormodel.h"
#include "rtmpserver.h"
#include "session.h"
#include "studio.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace xz;
using namespace xz::testing;
using ui::OperatorModel;

namespace {

show::Show operatorShow() {
    show::Show show = colourShow();
    show::Source name;
    name.id = QStringLiteral("lt-name");
    name.kind = show::SourceKind::Text;
    name.label = QStringLiteral("下方字幕：姓名");
    name.text = QStringLiteral("主持人");
    name.fontSize = 40;
    show.sources.append(name);
    show::Source unlabelled = name;
    unlabelled.id = QStringLiteral("corner");
    unlabelled.label = unlabelled.id; // what the parser does for a text without a label
    show.sources.append(unlabelled);
    show::Source host;
    host.id = QStringLiteral("mic-host");
    host.kind = show::SourceKind::AudioInput;
    host.label = QStringLiteral("主持人话筒");
    host.device = QStringLiteral("audiotestsrc is-live=true wave=sine freq=600 volume=0.3");
    show.sources.append(host);
    show::Source guest = host;
    guest.id = QStringLiteral("mic-guest");
    guest.label = QStringLiteral("嘉宾话筒");
    guest.device = QStringLiteral("audiotestsrc is-live=true wave=silence");
    show.sources.append(guest);
    for (int scene : {0, 1}) {
        show::SceneItem item;
        item.sourceId = QStringLiteral("lt-name");
        item.y = 280;
        show.scenes[scene].items.append(item);
        item.sourceId = QStringLiteral("corner");
        item.y = 0;
        show.scenes[scene].items.append(item);
    }
    return show;
}

int rowOf(const QAbstractItemModel& model, const QString& roleName, const QVariant& value) {
    const int role = model.roleNames().key(roleName.toUtf8(), -1);
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row, 0), role) == value)
            return row;
    return -1;
}

QVariant roleValue(const QAbstractItemModel& model, int row, const char* roleName) {
    return model.data(model.index(row, 0), model.roleNames().key(roleName, -1));
}

} // namespace

class OperatorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void everyModelHoldsUpUnderTheModelTester();
    void numberKeysPutTheirSceneInPreviewAndSpaceOrEnterTakes();
    void heldKeysAndModifiersNeverTake();
    void escapePutsTheSafeSlateOnAirAndEscapeAgainBringsTheShowBack();
    void stoppingALiveStreamAsksAndNoKeyConfirms();
    void stoppingTheRecordingAsksFirstAndTheButtonConfirms();
    void aTextEditShowsInPreviewAndReachesProgramOnlyWhenTaken();
    void liveEditChangesProgramAtOnce();
    void onlyTheShowsNamedTextsAreOffered();
    void aMicrophoneSilentDuringALiveShowIsWarnedAboutOnce();
    void thePreflightCheckSaysWhatToDoForEachProblem();
    void streamStatesAreShownInWords();
    void switchingToEnglishGivesTheModelsTextsAgainAtOnce();

private:
    std::unique_ptr<live::Studio> studio_;
    std::unique_ptr<OperatorModel> model_;
    std::unique_ptr<engine::FrameTap> tap_;
    QTemporaryDir recordings_;
};

void OperatorTest::initTestCase() {
    std::optional<UserError> error;
    studio_ = live::Studio::start(operatorShow(), &error);
    QVERIFY2(studio_, qPrintable(error ? error->toString() : QString()));
    model_ = std::make_unique<OperatorModel>(*studio_);
    model_->setRecordingFolder(recordings_.path());
    tap_ = std::make_unique<engine::FrameTap>(64, 36);
}

void OperatorTest::cleanupTestCase() {
    model_.reset();
    tap_.reset();
    studio_.reset();
    QCOMPARE(engine::ObsRuntime::allocationsLeftAfterShutdown(), 0L);
}

void OperatorTest::init() {
    model_->cancel();
    if (studio_->programScene() != QLatin1String("red"))
        QVERIFY(!studio_->cutTo(QStringLiteral("red")));
    QVERIFY(!studio_->setPreview(QStringLiteral("blue")));
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
}

void OperatorTest::everyModelHoldsUpUnderTheModelTester() {
    QAbstractItemModelTester scenes(model_->scenes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester mixer(model_->mixer(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester streams(model_->streams(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester alerts(model_->alerts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester texts(model_->lowerThirds(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester checks(model_->preflight(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Exercise them: takes, meters, a stream added and removed, an alert raised and read, a check run.
    QVERIFY(model_->handleKey(Qt::Key_Space));
    model_->mixer()->sample();
    std::optional<UserError> error;
    const auto id =
        studio_->addStream(QStringLiteral("rtmp://127.0.0.1:1/live/k"), QStringLiteral("测试"), &error);
    QVERIFY(id);
    QVERIFY(!studio_->removeStream(*id));
    model_->alerts()->raise(QStringLiteral("测试提醒"), false);
    model_->alerts()->acknowledge(0);
    model_->preflight()->run();
    QTRY_VERIFY_WITH_TIMEOUT(!model_->preflight()->running(), 20000);
    QCOMPARE(model_->scenes()->rowCount(), 3);
    QCOMPARE(roleValue(*model_->scenes(), 0, "key").toString(), QStringLiteral("1"));
}

void OperatorTest::numberKeysPutTheirSceneInPreviewAndSpaceOrEnterTakes() {
    QVERIFY(model_->handleKey(Qt::Key_3));
    QCOMPARE(studio_->previewScene(), QStringLiteral("camera"));
    QCOMPARE(studio_->programScene(), QStringLiteral("red")); // preview never changes what is on air
    QVERIFY(model_->handleKey(Qt::Key_9));                    // no ninth scene: nothing happens
    QCOMPARE(studio_->previewScene(), QStringLiteral("camera"));
    QVERIFY(model_->handleKey(Qt::Key_Space));
    QCOMPARE(studio_->programScene(), QStringLiteral("camera"));
    QTRY_VERIFY_WITH_TIMEOUT(!studio_->transitionRunning(), 20000);
    QVERIFY(model_->handleKey(Qt::Key_Return));
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
    const int onAir = rowOf(*model_->scenes(), QStringLiteral("sceneId"), QStringLiteral("red"));
    QVERIFY(roleValue(*model_->scenes(), onAir, "onAir").toBool());
    QVERIFY(!model_->handleKey(Qt::Key_Q)); // not a live key: left to the rest of the window
}

void OperatorTest::heldKeysAndModifiersNeverTake() {
    const int takes = studio_->takeCount();
    QVERIFY(!model_->handleKey(Qt::Key_Space, Qt::ControlModifier));
    QCOMPARE(studio_->takeCount(), takes);
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
}

void OperatorTest::escapePutsTheSafeSlateOnAirAndEscapeAgainBringsTheShowBack() {
    QVERIFY(model_->handleKey(Qt::Key_Escape));
    QVERIFY(model_->standbyOnAir());
    QVERIFY(model_->programName().contains(QStringLiteral("请稍候")));
    QVERIFY(model_->handleKey(Qt::Key_Escape));
    QVERIFY(!model_->standbyOnAir());
    QCOMPARE(studio_->programScene(), QStringLiteral("red"));
}

void OperatorTest::stoppingALiveStreamAsksAndNoKeyConfirms() {
    RtmpServer server;
    QVERIFY(server.start());
    std::optional<UserError> error;
    const auto id = studio_->addStream(server.url(QStringLiteral("k")), QStringLiteral("抖音"), &error);
    QVERIFY(id);
    model_->goLive();
    QTRY_VERIFY_WITH_TIMEOUT(model_->onAir(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(studio_->streams().first().bytes > 100000, 20000);
    model_->stopLive();
    QCOMPARE(model_->confirmation(), QStringLiteral("stopLive"));
    QVERIFY(model_->confirmationText().contains(QStringLiteral("结束直播")));
    // Space, Enter and Esc all answer "no".
    for (int key : {Qt::Key_Space, Qt::Key_Return, Qt::Key_Escape}) {
        QVERIFY(model_->handleKey(key));
        QVERIFY(model_->confirmation().isEmpty());
        QVERIFY(model_->streamsActive());
        QVERIFY(!model_->standbyOnAir()); // Esc only cancelled the question
        model_->stopLive();
    }
    model_->confirm();
    QTRY_VERIFY_WITH_TIMEOUT(!model_->streamsActive(), 20000);
    QVERIFY(!studio_->removeStream(*id));
}

void OperatorTest::stoppingTheRecordingAsksFirstAndTheButtonConfirms() {
    model_->startRecording();
    QTRY_VERIFY_WITH_TIMEOUT(model_->recording(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(model_->recordingTime() >= QStringLiteral("00:00:01"), 20000);
    model_->stopRecording();
    QCOMPARE(model_->confirmation(), QStringLiteral("stopRecording"));
    model_->cancel();
    QVERIFY(model_->recording());
    model_->stopRecording();
    QSignalSpy finished(studio_.get(), &live::Studio::recordingFinished);
    model_->confirm();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(!model_->recording());
}

void OperatorTest::aTextEditShowsInPreviewAndReachesProgramOnlyWhenTaken() {
    ui::LowerThirdModel& texts = *model_->lowerThirds();
    texts.setLiveEdit(false);
    const int row = rowOf(texts, QStringLiteral("sourceId"), QStringLiteral("lt-name"));
    QVERIFY(row >= 0);
    QVERIFY(texts.setText(row, QStringLiteral("李秀兰")));
    QCOMPARE(*studio_->text(QStringLiteral("blue"), QStringLiteral("lt-name")), QStringLiteral("李秀兰"));
    QCOMPARE(*studio_->text(QStringLiteral("red"), QStringLiteral("lt-name")), QStringLiteral("主持人"));
    QVERIFY(roleValue(texts, row, "waitingForTake").toBool());
    QCOMPARE(roleValue(texts, row, "text").toString(), QStringLiteral("李秀兰"));
    model_->cut();
    QCOMPARE(studio_->programScene(), QStringLiteral("blue"));
    // The scene that left program catches up with the edit it was spared.
    QTRY_COMPARE_WITH_TIMEOUT(*studio_->text(QStringLiteral("red"), QStringLiteral("lt-name")),
                              QStringLiteral("李秀兰"), 20000);
    QVERIFY(!roleValue(texts, row, "waitingForTake").toBool());
}

void OperatorTest::liveEditChangesProgramAtOnce() {
    ui::LowerThirdModel& texts = *model_->lowerThirds();
    texts.setLiveEdit(true);
    const int row = rowOf(texts, QStringLiteral("sourceId"), QStringLiteral("lt-name"));
    QVERIFY(texts.setText(row, QStringLiteral("王大爷")));
    QCOMPARE(*studio_->text(QStringLiteral("red"), QStringLiteral("lt-name")), QStringLiteral("王大爷"));
    QCOMPARE(*studio_->text(QStringLiteral("blue"), QStringLiteral("lt-name")), QStringLiteral("王大爷"));
    texts.setLiveEdit(false);
}

void OperatorTest::onlyTheShowsNamedTextsAreOffered() {
    ui::LowerThirdModel& texts = *model_->lowerThirds();
    QCOMPARE(texts.rowCount(), 1);
    QCOMPARE(roleValue(texts, 0, "label").toString(), QStringLiteral("下方字幕：姓名"));
}

void OperatorTest::aMicrophoneSilentDuringALiveShowIsWarnedAboutOnce() {
    qint64 now = 0;
    ui::MixerModel mixer(*studio_, nullptr, [&now] { return now; });
    QAbstractItemModelTester tester(&mixer, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy warnings(&mixer, &ui::MixerModel::silentMicrophone);
    const int guest = rowOf(mixer, QStringLiteral("inputId"), QStringLiteral("mic-guest"));
    const int host = rowOf(mixer, QStringLiteral("inputId"), QStringLiteral("mic-host"));
    QVERIFY(guest >= 0 && host >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(studio_->levels(QStringLiteral("mic-host"))->peakDb > -20.0f, 20000);
    // Not live: silence is nobody's business.
    mixer.sample();
    now += 60000;
    mixer.sample();
    QCOMPARE(warnings.count(), 0);
    mixer.setShowLive(true);
    mixer.sample();
    now += ui::MixerModel::kSilentAfterMs - 1;
    mixer.sample();
    QCOMPARE(warnings.count(), 0);
    now += 2;
    mixer.sample();
    QCOMPARE(warnings.count(), 1);
    QVERIFY(warnings.first().first().toString().contains(QStringLiteral("嘉宾话筒")));
    QVERIFY(roleValue(mixer, guest, "silent").toBool());
    QVERIFY(!roleValue(mixer, host, "silent").toBool()); // the host's is heard
    now += 60000;
    mixer.sample();
    QCOMPARE(warnings.count(), 1); // once, not every reading
    // The level roles are on the meter's scale.
    QVERIFY(roleValue(mixer, host, "rmsLevel").toDouble() > 0.5);
    QCOMPARE(roleValue(mixer, guest, "rmsLevel").toDouble(), 0.0);
}

void OperatorTest::thePreflightCheckSaysWhatToDoForEachProblem() {
    QTcpServer reachable;
    QVERIFY(reachable.listen(QHostAddress::LocalHost));
    const quint16 closedPort = static_cast<quint16>(freeTcpPort());
    std::optional<UserError> error;
    const auto good =
        studio_->addStream(QStringLiteral("rtmp://127.0.0.1:%1/live/a").arg(reachable.serverPort()),
                           QStringLiteral("本地"), &error);
    const auto bad = studio_->addStream(QStringLiteral("rtmp://127.0.0.1:%1/live/b").arg(closedPort),
                                        QStringLiteral("坏地址"), &error);
    QVERIFY(good && bad);
    ui::PreflightModel& checks = *model_->preflight();
    checks.run();
    QTRY_VERIFY_WITH_TIMEOUT(!checks.running(), 20000);
    const auto statusOf = [&](const QString& titlePart) {
        for (int row = 0; row < checks.rowCount(); ++row)
            if (roleValue(checks, row, "title").toString().contains(titlePart))
                return roleValue(checks, row, "status").toInt();
        return -1;
    };
    const auto adviceOf = [&](const QString& titlePart) {
        for (int row = 0; row < checks.rowCount(); ++row)
            if (roleValue(checks, row, "title").toString().contains(titlePart))
                return roleValue(checks, row, "advice").toString();
        return QString();
    };
    QCOMPARE(statusOf(QStringLiteral("本地")), int(ui::PreflightModel::Status::Ok));
    QCOMPARE(statusOf(QStringLiteral("坏地址")), int(ui::PreflightModel::Status::Problem));
    QVERIFY(!adviceOf(QStringLiteral("坏地址")).isEmpty());
    // The test-pattern camera is not plugged in: a warning with what to do.
    QCOMPARE(statusOf(QStringLiteral("测试机位")), int(ui::PreflightModel::Status::Warning));
    // The guest microphone hears nothing.
    QCOMPARE(statusOf(QStringLiteral("嘉宾话筒")), int(ui::PreflightModel::Status::Problem));
    QCOMPARE(statusOf(QStringLiteral("录像文件夹")), int(ui::PreflightModel::Status::Ok));
    QVERIFY(checks.problems() >= 2);
    QVERIFY(!studio_->removeStream(*good));
    QVERIFY(!studio_->removeStream(*bad));
}

void OperatorTest::streamStatesAreShownInWords() {
    live::StreamStatus stream;
    stream.state = engine::StreamState::Reconnecting;
    stream.reconnectAttempt = 2;
    stream.maxRetries = 20;
    QCOMPARE(ui::StreamListModel::shortState(stream), QStringLiteral("重连中 2/20"));
    stream.state = engine::StreamState::Live;
    QCOMPARE(ui::StreamListModel::shortState(stream), QStringLiteral("直播中"));
    stream.state = engine::StreamState::Failed;
    QCOMPARE(ui::StreamListModel::shortState(stream), QStringLiteral("已断开"));
    stream.state = engine::StreamState::Connecting;
    QCOMPARE(ui::StreamListModel::shortState(stream), QStringLiteral("连接中"));
}

void OperatorTest::switchingToEnglishGivesTheModelsTextsAgainAtOnce() {
    // Through the Session, as the Settings buttons do: texts made in C++ (role data, properties) change
    // with their change signals, so the views show them without reopening anything.
    QTemporaryDir home;
    ui::Session session(home.filePath(QStringLiteral("studio.json")), nullptr);
    session.setStudio(studio_.get());
    OperatorModel* model = session.operatorModel();
    QVERIFY(model);
    std::optional<UserError> error;
    const auto id =
        studio_->addStream(QStringLiteral("rtmp://127.0.0.1:1/live/k"), QStringLiteral("测试"), &error);
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(model->streams()->rowCount(), 1, 20000);
    const int mixRow = model->mixer()->rowCount() - 1;
    QCOMPARE(model->transitionNames(),
             QStringList({QStringLiteral("切换（立即）"), QStringLiteral("淡入淡出")}));
    QCOMPARE(roleValue(*model->mixer(), mixRow, "label").toString(), QStringLiteral("节目混音"));
    QCOMPARE(roleValue(*model->streams(), 0, "stateText").toString(), QStringLiteral("未开始"));
    model->askToQuit();
    QVERIFY(model->confirmationText().startsWith(QStringLiteral("正在直播或录像")));

    QSignalSpy transitions(model, &OperatorModel::transitionChanged);
    QSignalSpy rule(model, &OperatorModel::languageChanged);
    QSignalSpy confirmation(model, &OperatorModel::confirmationChanged);
    QSignalSpy mixerData(model->mixer(), &QAbstractItemModel::dataChanged);
    QSignalSpy streamData(model->streams(), &QAbstractItemModel::dataChanged);
    session.setLanguage(QStringLiteral("en"));
    QVERIFY(transitions.count() >= 1);
    QCOMPARE(model->transitionNames(),
             QStringList({QStringLiteral("Cut (instant)"), QStringLiteral("Fade")}));
    QCOMPARE(rule.count(), 1);
    QVERIFY2(model->tbarRule().startsWith(QStringLiteral("Let go past halfway")),
             qPrintable(model->tbarRule()));
    QVERIFY(confirmation.count() >= 1);
    QCOMPARE(model->confirmLabel(), QStringLiteral("Close Xiaozhan"));
    const auto labelChanged = [&] {
        for (const QList<QVariant>& args : mixerData)
            if (args.at(0).toModelIndex().row() <= mixRow && args.at(1).toModelIndex().row() >= mixRow &&
                args.at(2).value<QList<int>>().contains(int(ui::MixerModel::Role::Label)))
                return true;
        return false;
    };
    QVERIFY(labelChanged());
    QCOMPARE(roleValue(*model->mixer(), mixRow, "label").toString(), QStringLiteral("Program mix"));
    QVERIFY(streamData.count() >= 1);
    QCOMPARE(roleValue(*model->streams(), 0, "stateText").toString(), QStringLiteral("Not started"));
    QCOMPARE(model->cpuText().left(4), QStringLiteral("CPU "));
    QVERIFY2(model->diskText().startsWith(QStringLiteral("Disk: ")), qPrintable(model->diskText()));

    session.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(model->transitionNames().first(), QStringLiteral("切换（立即）"));
    QCOMPARE(roleValue(*model->mixer(), mixRow, "label").toString(), QStringLiteral("节目混音"));
    QCOMPARE(roleValue(*model->streams(), 0, "stateText").toString(), QStringLiteral("未开始"));
    QCOMPARE(model->confirmLabel(), QStringLiteral("关闭小站"));
    model->cancel();
    QVERIFY(!studio_->removeStream(*id));
    session.setStudio(nullptr);
}

QTEST_MAIN(OperatorTest)
#include "tst_operator.moc"
