// The Editor view's models over a real recording made here with GStreamer (every picture carries its frame
// number as a bar code): I and O set the selection on the picture shown, arrows step exactly one frame,
// J/K/L shuttle, the selection plays with its sound and stops on its last picture, the sidecar's markers are
// listed and jumping shows them, previews come with progress, an export through the view's model is a
// 1080x1920 file (ffprobe), "add to upload queue" puts a job into the real upload queue database, the view's
// QML loads over the model (crop box, filmstrip, picture), and the keys only act while the Editor is shown.
// libobs' SIMD headers (through the Session) must come before any of Qt's.
#include "session.h"

#include "clipfixtures.h"
#include "clipstore.h"
#include "editormodel.h"
#include "exporter.h"
#include "exportjoblistmodel.h"
#include "filmstripmodel.h"
#include "jobstore.h"
#include "mediaprobe.h"
#include "previewcache.h"
#include "recordingopener.h"
#include "uploadsmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Xiaozhan_ThemePlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(Xiaozhan_EditorPlugin)

using namespace xz;
using ui::EditorModel;

namespace {

constexpr int kFps = 30;
constexpr int kFrames = 300;
constexpr double kFrame = 1.0 / kFps;
constexpr int kWait = 60000; // ms: generous, the machine is busy

const char* kMarkers = R"({
  "format": "xiaozhan-markers",
  "version": 1,
  "recording": "cooking.mkv",
  "show": "cooking",
  "markers": [
    {"kind": "segment", "time": 0.0, "end": 4.5, "title": "开场", "segment": "开场", "cue": "1"},
    {"kind": "mark", "time": 2.2, "title": "好镜头", "segment": "开场"},
    {"kind": "range", "time": 5.0, "end": 7.5, "title": "切菜", "segment": "食材介绍"}
  ]
})";

// The bar code in the upper half of the picture: 16 columns, white = 1, most significant first.
int frameNumberIn(const QImage& picture) {
    if (picture.isNull())
        return -1;
    int number = 0;
    const int column = picture.width() / 16;
    for (int bit = 0; bit < 16; ++bit) {
        const QRgb pixel = picture.pixel(bit * column + column / 2, picture.height() / 4);
        number = number << 1 | (qGray(pixel) > 128 ? 1 : 0);
    }
    return number;
}

} // namespace

class EditorTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString recordings_;
    QString cooking_;
    std::unique_ptr<ui::UploadsModel> uploads_;
    std::unique_ptr<EditorModel> editor_;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers_;
    qint64 exportJob_ = 0;

    int pictureShown() const { return frameNumberIn(editor_->player()->frame()); }
    // The picture for the playhead has arrived (each seek shows one).
    bool showsFrame(int frame) const { return pictureShown() == frame; }
    void test(QAbstractItemModel* model) {
        QVERIFY(model);
        testers_.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    qint64 firstFrame() const { return std::llround(editor_->playhead() * kFps); }

private slots:
    void initTestCase();
    void opensTheNewestRecordingWithItsFirstPicture();
    void openingARecordingReturnsAtOnceAndTheAnswerFollows();
    void onlyTheNewestOpenIsAnswered();
    void aSpanScanOutOfTimeFallsBackToTheContainersSpan();
    void filmstripAndWaveformAreMadeWithProgressAndKept();
    void keysIAndOSetTheSelectionOnThePictureShown();
    void anOutPointBeforeTheInPointIsRefusedInPlainWords();
    void arrowsStepExactlyOneFrame();
    void theSelectionPlaysWithItsSoundAndStopsOnItsLastPicture();
    void jklShuttlePlaysForwardsFasterAndBackwards();
    void markerListListsTheSidecarAndJumpingGoesThere();
    void aRangeMarkerBecomesTheSelection();
    void exportThroughTheViewIsAVerticalFile();
    void exportingAgainAsksBeforeReplacingTheFile();
    void addToUploadQueuePutsAJobIntoTheQueueDatabase();
    void theViewLoadsWithPictureFilmstripAndCropBox();
    void keysOnlyActWhileTheEditorIsShown();
    void cleanupTestCase();
};

void EditorTest::initTestCase() {
    QVERIFY(dir_.isValid());
    qputenv("XIAOZHAN_HOME", dir_.filePath(QStringLiteral("home")).toUtf8());
    recordings_ = dir_.filePath(QStringLiteral("录像"));
    QVERIFY(QDir().mkpath(recordings_));
    cooking_ = recordings_ + QStringLiteral("/cooking.mkv");
    testing::ClipSpec spec;
    spec.fps = kFps;
    spec.frames = kFrames;
    spec.keyInterval = 60;
    QCOMPARE(testing::makeClip(cooking_, spec), QString());
    QFile sidecar(cooking_ + QStringLiteral(".markers.json"));
    QVERIFY(sidecar.open(QIODevice::WriteOnly));
    sidecar.write(kMarkers);
    sidecar.close();

    uploads_ = std::make_unique<ui::UploadsModel>();
    const QString uploadFolder = dir_.filePath(QStringLiteral("上传到这里"));
    QVERIFY(QDir().mkpath(uploadFolder));
    uploads_->setDestinations({{QStringLiteral("社区文件夹"), QUrl::fromLocalFile(uploadFolder).toString()}});
    uploads_->startQueue();
    QVERIFY2(uploads_->available(), qPrintable(uploads_->problem()));

    editor_ = std::make_unique<EditorModel>();
    editor_->setUploads(uploads_.get());
    editor_->setRecordingFolder(recordings_);
    test(editor_->filmstrip());
    test(editor_->jobs());
    test(editor_->markers());
    editor_->setActive(true);
    QVERIFY2(editor_->available(), qPrintable(editor_->problem()));
    test(qobject_cast<QAbstractItemModel*>(editor_->recordings()));
    test(qobject_cast<QAbstractItemModel*>(editor_->clips()));
}

void EditorTest::opensTheNewestRecordingWithItsFirstPicture() {
    QTRY_VERIFY_WITH_TIMEOUT(!editor_->opening(), kWait);
    QCOMPARE(editor_->recording(), cooking_);
    QCOMPARE(editor_->frameRate(), double(kFps));
    QVERIFY2(std::abs(editor_->durationSec() - 10.0) < 0.05, qPrintable(editor_->durationText()));
    QCOMPARE(editor_->inPoint(), 0.0);
    QCOMPARE(editor_->outPoint(), 10.0); // the whole recording is selected at first
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(0), kWait);
    QCOMPARE(editor_->playhead(), 0.0);
    QCOMPARE(editor_->player()->frame().width(), ui::ClipPlayer::kPictureWidth);
}

void EditorTest::filmstripAndWaveformAreMadeWithProgressAndKept() {
    QTRY_VERIFY_WITH_TIMEOUT(editor_->waveformReady() && editor_->filmstrip()->rowCount() > 0, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(editor_->previewStatus().isEmpty(), kWait);
    QCOMPARE(editor_->previewProgress(), 1.0);
    const QAbstractItemModel& strip = *editor_->filmstrip();
    const QHash<int, QByteArray> roles = strip.roleNames();
    double last = -1;
    for (int row = 0; row < strip.rowCount(); ++row) {
        const QModelIndex index = strip.index(row, 0);
        const double time = strip.data(index, roles.key("timeSec")).toDouble();
        QVERIFY(time > last);
        QVERIFY(strip.data(index, roles.key("endSec")).toDouble() > time);
        QVERIFY(QFile::exists(strip.data(index, roles.key("picture")).toUrl().toLocalFile()));
        last = time;
    }
    // Kept on disk beside nothing of the recording's: opening it again reuses them.
    QVERIFY(QDir(clips::PreviewCache::cacheDirFor(cooking_)).exists());
    QVERIFY(!QDir(recordings_).entryList(QDir::Files).join(QLatin1Char(' ')).contains(QLatin1String(".jpg")));
    QSignalSpy previews(editor_.get(), &EditorModel::previewChanged);
    bool clearedForTheNewOpen = false;
    const auto watch = connect(editor_.get(), &EditorModel::waveformChanged, this,
                               [&] { clearedForTheNewOpen |= !editor_->waveformReady(); });
    editor_->selectRecording(0);
    QTRY_VERIFY_WITH_TIMEOUT(clearedForTheNewOpen, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(editor_->waveformReady() && editor_->filmstrip()->rowCount() == strip.rowCount(),
                             kWait);
    disconnect(watch);
    QVERIFY(previews.count() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(0), kWait);
}

void EditorTest::openingARecordingReturnsAtOnceAndTheAnswerFollows() {
    // The span scan reads the file: the call only starts it, the window goes on, and the editor keeps
    // what it showed until the answer comes.
    QSignalSpy opening(editor_.get(), &EditorModel::openingChanged);
    QSignalSpy opened(editor_.get(), &EditorModel::recordingChanged);
    editor_->openRecording(cooking_);
    QVERIFY(editor_->opening());
    QCOMPARE(opened.count(), 0);
    QVERIFY2(editor_->notice().contains(QStringLiteral("正在打开")), qPrintable(editor_->notice()));
    QTRY_VERIFY_WITH_TIMEOUT(!editor_->opening(), kWait);
    QCOMPARE(opened.count(), 1);
    QVERIFY(opening.count() >= 2);
    QVERIFY2(std::abs(editor_->durationSec() - 10.0) < 0.05, qPrintable(editor_->durationText()));
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(0), kWait);
}

void EditorTest::onlyTheNewestOpenIsAnswered() {
    ui::RecordingOpener opener;
    QSignalSpy opened(&opener, &ui::RecordingOpener::opened);
    QSignalSpy failed(&opener, &ui::RecordingOpener::failed);
    opener.open(dir_.filePath(QStringLiteral("不存在.mkv"))); // would fail, but is overtaken
    opener.open(cooking_);
    QTRY_VERIFY_WITH_TIMEOUT(!opener.busy(), kWait);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(0).toString(), cooking_);
    // A lone open of a file that is not there is answered with a message naming it.
    opener.open(dir_.filePath(QStringLiteral("不存在.mkv")));
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, kWait);
    QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("不存在.mkv")),
             qPrintable(failed.first().at(1).toString()));
}

void EditorTest::aSpanScanOutOfTimeFallsBackToTheContainersSpan() {
    // Running out of time cancels the scan's token (RecordingOpener::kScanLimit): a token cancelled from the
    // start is the same, without racing the clock.
    const clips::CancelToken cancel;
    cancel.cancel();
    const auto scanned = ui::RecordingOpener::scan(cooking_, cancel);
    QVERIFY2(scanned, scanned ? "" : qPrintable(scanned.error().message()));
    QCOMPARE(scanned->firstPictureSec, 0.0);
    QCOMPARE(scanned->pictureEndSec, scanned->source.durationSec);
    // With time, the same file's span is its pictures' (a 10 s recording of 300 frames).
    const auto full = ui::RecordingOpener::scan(cooking_, clips::CancelToken());
    QVERIFY(full);
    QVERIFY2(std::abs(full->pictureEndSec - 10.0) < 0.0015, qPrintable(QString::number(full->pictureEndSec)));
}

void EditorTest::keysIAndOSetTheSelectionOnThePictureShown() {
    editor_->seek(2.5);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(75), kWait);
    QVERIFY(editor_->handleKey(Qt::Key_I));
    QCOMPARE(editor_->inPoint(), 75 * kFrame);
    editor_->seek(149 * kFrame);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(149), kWait);
    QVERIFY(editor_->handleKey(Qt::Key_O));
    // Out is exclusive: the picture on screen is the clip's last, so the cut ends at 5.0 s (frames 75-149).
    QCOMPARE(editor_->outPoint(), 5.0);
    QVERIFY2(editor_->selectionText().contains(QStringLiteral("75 帧")),
             qPrintable(editor_->selectionText()));
    const clips::ExportRequest request = editor_->exportRequest(false);
    QCOMPARE(request.inSec, 2.5);
    QCOMPARE(request.outSec, 5.0);
}

void EditorTest::anOutPointBeforeTheInPointIsRefusedInPlainWords() {
    editor_->seek(1.0);
    QVERIFY(editor_->handleKey(Qt::Key_O)); // the key was the editor's, even though it was refused
    QCOMPARE(editor_->outPoint(), 5.0);
    QVERIFY(editor_->noticeIsProblem());
    QVERIFY2(editor_->notice().contains(QStringLiteral("出点")), qPrintable(editor_->notice()));
    editor_->seek(6.0);
    QVERIFY(editor_->handleKey(Qt::Key_I));
    QCOMPARE(editor_->inPoint(), 2.5);
    QVERIFY2(editor_->notice().contains(QStringLiteral("入点")), qPrintable(editor_->notice()));
}

void EditorTest::arrowsStepExactlyOneFrame() {
    editor_->seek(3.0);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(90), kWait);
    const double before = editor_->playhead();
    QVERIFY(editor_->handleKey(Qt::Key_Right));
    QCOMPARE(editor_->playhead() - before, kFrame);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(91), kWait);
    QVERIFY(editor_->handleKey(Qt::Key_Left));
    QVERIFY(editor_->handleKey(Qt::Key_Left));
    QCOMPARE(before - editor_->playhead(), kFrame);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(89), kWait);
    QVERIFY(editor_->handleKey(Qt::Key_Right, Qt::ShiftModifier)); // a second on
    QCOMPARE(firstFrame(), 119);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(119), kWait);
    // The recording's edges hold the playhead: no step before the first picture or after the last.
    editor_->seek(0);
    QVERIFY(editor_->handleKey(Qt::Key_Left));
    QCOMPARE(editor_->playhead(), 0.0);
    editor_->seek(20);
    QCOMPARE(firstFrame(), kFrames - 1);
    QVERIFY(editor_->handleKey(Qt::Key_Right));
    QCOMPARE(firstFrame(), kFrames - 1);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(kFrames - 1), kWait);
}

void EditorTest::theSelectionPlaysWithItsSoundAndStopsOnItsLastPicture() {
    QCOMPARE(editor_->inPoint(), 2.5);
    QCOMPARE(editor_->outPoint(), 5.0);
    const int shownBefore = editor_->player()->framesShown();
    QSignalSpy playing(editor_.get(), &EditorModel::playingChanged);
    QVERIFY(editor_->handleKey(Qt::Key_Space)); // the playhead is outside the selection: from the in-point
    QVERIFY(editor_->playing());
    QTRY_VERIFY_WITH_TIMEOUT(!editor_->playing(), kWait);
    QCOMPARE(firstFrame(), 149);
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(149), kWait);
    QVERIFY(editor_->player()->framesShown() - shownBefore > 2);
    // The sound of exactly the selection went to the sound output (within a picture at each end).
    const double from = editor_->player()->soundFromSec();
    const double until = editor_->player()->soundUntilSec();
    QVERIFY2(std::abs(from - 2.5) <= kFrame && std::abs(until - 5.0) <= kFrame,
             qPrintable(QStringLiteral("sound %1 .. %2").arg(from).arg(until)));
}

void EditorTest::jklShuttlePlaysForwardsFasterAndBackwards() {
    editor_->seek(1.0);
    QVERIFY(editor_->handleKey(Qt::Key_L));
    QCOMPARE(editor_->shuttleSpeed(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(editor_->playhead() > 1.2, kWait);
    QVERIFY(editor_->handleKey(Qt::Key_L));
    QCOMPARE(editor_->shuttleSpeed(), 2);
    QVERIFY(editor_->shuttleText().contains(QStringLiteral("2×")));
    QVERIFY(editor_->handleKey(Qt::Key_K));
    QVERIFY(!editor_->playing());
    const qint64 stopped = firstFrame();
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(int(stopped)), kWait); // the picture is the playhead's again
    QVERIFY(editor_->handleKey(Qt::Key_J));
    QCOMPARE(editor_->shuttleSpeed(), -1);
    QTRY_VERIFY_WITH_TIMEOUT(firstFrame() < stopped - 3, kWait);
    QVERIFY(editor_->handleKey(Qt::Key_K));
    QCOMPARE(editor_->shuttleSpeed(), 0);
    const qint64 back = firstFrame();
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(int(back)), kWait);
}

void EditorTest::markerListListsTheSidecarAndJumpingGoesThere() {
    const QAbstractItemModel& markers = *editor_->markers();
    QCOMPARE(markers.rowCount(), 3);
    const QHash<int, QByteArray> roles = markers.roleNames();
    QStringList titles;
    for (int row = 0; row < markers.rowCount(); ++row)
        titles << markers.data(markers.index(row, 0), roles.key("title")).toString();
    QCOMPARE(titles, (QStringList{QStringLiteral("开场"), QStringLiteral("好镜头"), QStringLiteral("切菜")}));
    editor_->jumpToMarker(1);
    QCOMPARE(firstFrame(), 66); // 2.2 s
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(66), kWait);
}

void EditorTest::aRangeMarkerBecomesTheSelection() {
    QVERIFY(editor_->selectMarker(2));
    QCOMPARE(editor_->inPoint(), 5.0);
    QCOMPARE(editor_->outPoint(), 7.5);
    QCOMPARE(editor_->title(), QStringLiteral("切菜"));
    QTRY_VERIFY_WITH_TIMEOUT(showsFrame(150), kWait);
    QVERIFY(!editor_->selectMarker(1)); // a mark has no end
    QVERIFY(editor_->noticeIsProblem());
    QCOMPARE(editor_->inPoint(), 5.0);
}

void EditorTest::exportThroughTheViewIsAVerticalFile() {
    editor_->setTitle(QStringLiteral("切菜 测试"));
    editor_->setHashtags(QStringLiteral("美食, #齐悦"));
    editor_->setPresetIndex(int(editor_->presetNames().indexOf(QStringLiteral("douyin-vertical"))));
    QVERIFY(editor_->vertical());
    editor_->setCropX(0.25);
    const QAbstractItemModel& jobs = *editor_->jobs();
    const QHash<int, QByteArray> roles = jobs.roleNames();
    QSignalSpy progress(editor_->jobs(), &QAbstractItemModel::dataChanged);
    QVERIFY(editor_->exportClip());
    QCOMPARE(jobs.rowCount(), 1);
    const QModelIndex row = jobs.index(0, 0);
    exportJob_ = jobs.data(row, roles.key("jobId")).toLongLong();
    const QString output = jobs.data(row, roles.key("output")).toString();
    QCOMPARE(output, recordings_ + QStringLiteral("/clips/切菜 测试.mp4"));
    QTRY_VERIFY_WITH_TIMEOUT(!jobs.data(jobs.index(0, 0), roles.key("canCancel")).toBool(), 240000);
    QVERIFY2(jobs.data(jobs.index(0, 0), roles.key("done")).toBool(),
             qPrintable(jobs.data(jobs.index(0, 0), roles.key("errorText")).toString()));
    QCOMPARE(jobs.data(jobs.index(0, 0), roles.key("progress")).toDouble(), 1.0);
    bool progressShown = false;
    for (const QList<QVariant>& change : progress)
        progressShown |= change.at(2).value<QList<int>>().contains(roles.key("progress"));
    QVERIFY(progressShown);
    const testing::MediaInfo info = testing::probeMedia(output);
    QVERIFY2(info.readable, qPrintable(info.error));
    QCOMPARE(info.width, 1080);
    QCOMPARE(info.height, 1920);
    QVERIFY(info.hasAudio);
    QVERIFY2(std::abs(info.durationSec - 2.5) < 0.1, qPrintable(QString::number(info.durationSec)));
}

void EditorTest::exportingAgainAsksBeforeReplacingTheFile() {
    const QString output = editor_->exportPath();
    const QDateTime written = QFileInfo(output).lastModified();
    QSignalSpy asked(editor_.get(), &EditorModel::overwriteQuestionChanged);
    QVERIFY(!editor_->exportClip());
    QVERIFY(!editor_->overwriteQuestion().isEmpty());
    QCOMPARE(editor_->jobs()->rowCount(), 1);
    QVERIFY(editor_->handleKey(Qt::Key_Space)); // no key says yes
    QVERIFY(editor_->overwriteQuestion().isEmpty());
    QCOMPARE(editor_->jobs()->rowCount(), 1);
    QCOMPARE(QFileInfo(output).lastModified(), written);
    QCOMPARE(asked.count(), 2);
}

void EditorTest::addToUploadQueuePutsAJobIntoTheQueueDatabase() {
    QVERIFY(exportJob_ > 0);
    QCOMPARE(editor_->uploadDestinations(), QStringList{QStringLiteral("社区文件夹")});
    QVERIFY(editor_->uploadJob(exportJob_, 0));
    QTRY_VERIFY_WITH_TIMEOUT(editor_->notice().contains(QStringLiteral("已加入上传队列")), kWait);
    // Read back from the database file itself, as `xiaozhan upload list` would.
    auto store = upload::JobStore::open(upload::JobStore::defaultPath());
    QVERIFY2(store, qPrintable(store.error().message()));
    auto all = (*store)->all();
    QVERIFY(all);
    QCOMPARE(int(all->size()), 1);
    const upload::UploadJob& job = all->front();
    QCOMPARE(job.path, editor_->exportPath());
    QVERIFY2(job.target.startsWith(QLatin1String("file://")), qPrintable(job.target));
    QCOMPARE(job.title, QStringLiteral("切菜 测试"));
    QCOMPARE(job.hashtags,
             (QStringList{QStringLiteral("美食"), QStringLiteral("齐悦")})); // as the queue keeps them
    // The title and hashtags are kept with the export job in the clip database, so a restart keeps them.
    auto clipStore = clips::ClipStore::open();
    QVERIFY2(clipStore, qPrintable(clipStore.error().message()));
    auto exported = (*clipStore)->job(exportJob_);
    QVERIFY(exported && exported->has_value());
    QCOMPARE((*exported)->upload().title, QStringLiteral("切菜 测试"));
    QCOMPARE((*exported)->upload().hashtags, (QStringList{QStringLiteral("#美食"), QStringLiteral("#齐悦")}));
    // A job that has not finished cannot go to the upload queue.
    QVERIFY(!editor_->uploadJob(exportJob_ + 1000, 0));
    QVERIFY(editor_->noticeIsProblem());
}

void EditorTest::theViewLoadsWithPictureFilmstripAndCropBox() {
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&engine);
    component.setData("import QtQuick\nimport Xiaozhan.Editor\nEditorView { width: 1366; height: 700 }",
                      QUrl(QStringLiteral("inline.qml")));
    QQuickWindow window;
    window.resize(1366, 700);
    std::unique_ptr<QObject> object(component.createWithInitialProperties(
        {{QStringLiteral("model"), QVariant::fromValue(editor_.get())}}));
    QVERIFY2(object, qPrintable(component.errorString()));
    auto* view = qobject_cast<QQuickItem*>(object.get());
    view->setParentItem(window.contentItem());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* picture = view->findChild<QQuickItem*>(QStringLiteral("picture"));
    auto* cropBox = view->findChild<QQuickItem*>(QStringLiteral("cropBox"));
    auto* thumbs = view->findChild<QObject*>(QStringLiteral("filmstripThumbs"));
    QVERIFY(picture && cropBox && thumbs);
    editor_->seek(1.0);
    QTRY_VERIFY_WITH_TIMEOUT(picture->property("pictureRect").toRectF().width() > 100, kWait);
    QCOMPARE(thumbs->property("count").toInt(), editor_->filmstrip()->rowCount());
    QVERIFY(cropBox->isVisible());
    editor_->setCropX(0);
    const double left = cropBox->x();
    editor_->setCropX(1);
    QVERIFY(cropBox->x() > left + 50); // the box follows the crop offset
    editor_->setBlurFill(true);
    QVERIFY(!cropBox->isVisible()); // the whole picture goes over a blurred fill: nothing is cut
    editor_->setBlurFill(false);
    editor_->setCropX(0.5);
}

void EditorTest::keysOnlyActWhileTheEditorIsShown() {
    // The app's wiring: the window's keys go through the Session to the view on screen.
    editor_.reset();
    testers_.clear();
    ui::Session session(dir_.filePath(QStringLiteral("studio.json")), nullptr);
    session.settings()->setRecordingFolder(recordings_);
    EditorModel& editor = *session.editor();
    QCOMPARE(session.currentView(), 0);
    QVERIFY(!editor.active());
    QVERIFY(!session.handleKey(Qt::Key_I, 0));
    session.setCurrentView(ui::Session::kEditorView);
    QVERIFY(editor.active());
    QTRY_COMPARE_WITH_TIMEOUT(editor.recording(), cooking_, kWait);
    editor.seek(2.0);
    QVERIFY(session.handleKey(Qt::Key_I, 0));
    QCOMPARE(editor.inPoint(), 2.0);
    QVERIFY(session.handleKey(Qt::Key_L, 0));
    QVERIFY(editor.playing());
    session.setCurrentView(1); // leaving the Editor stops its playback, and its keys do nothing
    QVERIFY(!editor.playing());
    QVERIFY(!session.handleKey(Qt::Key_Right, 0));
    QVERIFY(!session.handleKey(Qt::Key_O, 0));
    QCOMPARE(editor.outPoint(), 10.0);
}

void EditorTest::cleanupTestCase() {
    editor_.reset();
    uploads_.reset();
}

int main(int argc, char** argv) {
    // The surface's own renderer: Qt Quick's software one, without a GPU.
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QGuiApplication app(argc, argv);
    EditorTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editor.moc"
