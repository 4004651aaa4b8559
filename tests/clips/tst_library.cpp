// The clip library: recordings with the rundown's markers become a list, clips survive a restart, deleting a
// clip leaves the recording alone, a damaged markers file is reported with line and column, and every model
// passes QAbstractItemModelTester.
#include "clipfixtures.h"
#include "cliplibrary.h"
#include "cliplistmodel.h"
#include "markerlistmodel.h"
#include "recordinglistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace xz;

namespace {

const char* kMarkers = R"({
  "format": "xiaozhan-markers",
  "version": 1,
  "recording": "cooking.mkv",
  "show": "cooking",
  "rundown": "齐悦美食汇 第12期",
  "recordingStartedAt": "2026-12-01T10:00:00.120+08:00",
  "futureMember": {"ignored": true},
  "markers": [
    {"kind": "segment", "time": 0.0,   "end": 4.5, "title": "开场",     "segment": "开场",     "cue": "1"},
    {"kind": "segment", "time": 4.5,               "title": "食材介绍", "segment": "食材介绍", "cue": "2"},
    {"kind": "mark",    "time": 2.2,               "title": "好镜头",   "segment": "开场"},
    {"kind": "range",   "time": 5.0,  "end": 7.5,  "title": "切菜",     "segment": "食材介绍"},
    {"kind": "sparkle", "time": 1.0}
  ]
})";

void write(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class LibraryTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString recordings_;
    QString cooking_;
    QString stage_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("XIAOZHAN_HOME", dir_.filePath(QStringLiteral("home")).toUtf8());
        recordings_ = dir_.filePath(QStringLiteral("recordings"));
        QDir().mkpath(recordings_);
        testing::ClipSpec spec;
        cooking_ = recordings_ + QStringLiteral("/cooking.mkv");
        QCOMPARE(testing::makeClip(cooking_, spec), QString());
        stage_ = recordings_ + QStringLiteral("/百姓大舞台.mkv");
        QCOMPARE(testing::makeClip(stage_, spec), QString());
        write(clips::MarkersReader::sidecarPathFor(cooking_), kMarkers);
        write(recordings_ + QStringLiteral("/.cooking.partial-1.mp4"),
              "half"); // the studio's own temporary file
    }

    void markersAreReadSortedAndForwardCompatible() {
        auto markers = clips::MarkersReader::load(cooking_);
        QVERIFY2(markers, qPrintable(markers.error().toString()));
        QVERIFY(markers->has_value());
        const auto& list = (*markers)->markers;
        QCOMPARE(list.size(), 4); // the unknown kind is left out
        QCOMPARE(list[0].title, QStringLiteral("开场"));
        QCOMPARE(list[1].kind, clips::Marker::Kind::Mark);
        QCOMPARE(list[1].timeSec, 2.2);
        QCOMPARE(list[2].endSec, -1.0); // the running segment
        QCOMPARE(list[3].endSec, 7.5);
        QCOMPARE((*markers)->rundown, QStringLiteral("齐悦美食汇 第12期"));
        auto none = clips::MarkersReader::load(stage_);
        QVERIFY(none);
        QVERIFY(!none->has_value());
    }

    void aDamagedMarkersFileSaysWhere_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        QTest::newRow("syntax")
            << QByteArray(
                   "{\n  \"format\": \"xiaozhan-markers\",\n  \"markers\": [\n    {\"kind\": }\n  ]\n}")
            << "4:"
            << "";
        QTest::newRow("wrong format")
            << QByteArray(R"({"format": "other", "version": 1, "markers": []})") << "$.format"
            << "xiaozhan-markers";
        QTest::newRow("time missing")
            << QByteArray("{\"format\": \"xiaozhan-markers\", \"version\": 1,\n \"markers\": [\n "
                          "{\"kind\": \"mark\"}]}")
            << "$.markers[0]"
            << "";
        QTest::newRow("end before time")
            << QByteArray(
                   R"({"format": "xiaozhan-markers", "version": 1, "markers": [{"kind": "range", "time": 5, "end": 2}]})")
            << "$.markers[0].end"
            << "before";
    }
    void aDamagedMarkersFileSaysWhere() {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QFETCH(QString, what);
        auto parsed = clips::MarkersReader::parse(text, QStringLiteral("x.mkv.markers.json"));
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.contains(where), qPrintable(parsed.error().toString()));
        QVERIFY2(parsed.error().detail.contains(QLatin1String("x.mkv.markers.json")),
                 qPrintable(parsed.error().detail));
        QVERIFY(parsed.error().toString().contains(what));
        QVERIFY(!parsed.error().messageZh.isEmpty());
    }

    void recordingsBecomeABrowsableList() {
        auto store = clips::ClipStore::open();
        QVERIFY(store);
        clips::ClipLibrary library(**store, {recordings_});
        library.refresh();
        QCOMPARE(library.recordings().size(), size_t(2)); // never the temporary file
        const clips::Recording* cooking = library.recording(cooking_);
        QVERIFY(cooking);
        QVERIFY(std::abs(cooking->durationSec - 10.0) < 0.1);
        QVERIFY(cooking->markers);
        clips::RecordingListModel model(library);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        int cookingRow =
            model.index(0).data(int(clips::RecordingListModel::Role::Path)).toString() == cooking_ ? 0 : 1;
        QCOMPARE(model.index(cookingRow).data(int(clips::RecordingListModel::Role::MarkerCount)).toInt(), 4);
        QCOMPARE(model.index(1 - cookingRow).data(int(clips::RecordingListModel::Role::FileName)).toString(),
                 QStringLiteral("百姓大舞台.mkv"));
        QCOMPARE(model.roleNames().value(int(clips::RecordingListModel::Role::DurationSec)),
                 QByteArray("durationSec"));

        clips::MarkerListModel markers;
        QAbstractItemModelTester markerTester(&markers,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        markers.setMarkers(cooking->markers->markers);
        QCOMPARE(markers.rowCount(), 4);
        QCOMPARE(markers.index(3).data(int(clips::MarkerListModel::Role::Kind)).toString(),
                 QStringLiteral("range"));
        QCOMPARE(markers.index(1).data(int(clips::MarkerListModel::Role::TimeText)).toString(),
                 QStringLiteral("00:02.2"));
        QCOMPARE(clips::MarkerListModel::formatTime(3725.25), QStringLiteral("1:02:05.3"));
    }

    void clipsSurviveARestartAndDeletingOneKeepsTheRecording() {
        qint64 id = 0;
        {
            auto store = clips::ClipStore::open();
            QVERIFY(store);
            clips::ClipLibrary library(**store, {recordings_});
            library.refresh();
            clips::ClipListModel model(library);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setRecording(cooking_);
            clips::Clip clip;
            clip.recording = cooking_;
            clip.inSec = 5.0;
            clip.outSec = 7.5;
            clip.title = QStringLiteral("切菜");
            clip.hashtags = {QStringLiteral("美食"), QStringLiteral("齐悦")};
            clip.coverSec = 6.0;
            clip.fill = QStringLiteral("blur");
            auto added = library.addClip(clip);
            QVERIFY2(added, qPrintable(added.error().toString()));
            id = added->id;
            QCOMPARE(model.rowCount(), 1);
            QCOMPARE(model.index(0).data(int(clips::ClipListModel::Role::DurationSec)).toDouble(), 2.5);
            // A clip that does not fit its recording is refused.
            clip.outSec = 30;
            QVERIFY(!library.addClip(clip));
            clip.outSec = 4;
            QVERIFY(!library.addClip(clip));
        }
        auto store = clips::ClipStore::open();
        QVERIFY(store);
        clips::ClipLibrary library(**store, {recordings_});
        library.refresh();
        auto clips = library.clips(cooking_);
        QVERIFY(clips);
        QCOMPARE(clips->size(), size_t(1));
        const clips::Clip& kept = clips->front();
        QCOMPARE(kept.id, id);
        QCOMPARE(kept.title, QStringLiteral("切菜"));
        QCOMPARE(kept.hashtags, (QStringList{QStringLiteral("美食"), QStringLiteral("齐悦")}));
        QCOMPARE(kept.coverSec, 6.0);
        QCOMPARE(kept.fill, QStringLiteral("blur"));
        clips::Clip renamed = kept;
        renamed.title = QStringLiteral("切菜（慢动作）");
        QVERIFY(library.updateClip(renamed));
        clips::ClipListModel model(library);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.index(0).data(int(clips::ClipListModel::Role::Title)).toString(),
                 QStringLiteral("切菜（慢动作）"));
        const qint64 size = QFileInfo(cooking_).size();
        QVERIFY(model.remove(id));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(QFile::exists(cooking_));
        QCOMPARE(QFileInfo(cooking_).size(), size);
        QVERIFY(QFile::exists(clips::MarkersReader::sidecarPathFor(cooking_)));
    }
};

QTEST_GUILESS_MAIN(LibraryTest)
#include "tst_library.moc"
