// Import: spreadsheets saved as CSV (UTF-8 with and without a byte-order mark, GB18030 as Chinese Excel
// writes it) and Ontime project files in both formats, two of them Ontime's own test projects; groups,
// delays, skipped events and milestones handled and said in notes; every malformed file gives one precise
// message.
#include "csvimporter.h"
#include "ontimeimporter.h"
#include "rundownloader.h"
#include "rundownwriter.h"
#include "showloader.h"

#include <QStringDecoder>
#include <QTest>

using namespace xz::rundown;

namespace {

const QString kScenesDir = QStringLiteral(XZ_SCENES_DIR);
const QString kData = QStringLiteral(XZ_RUNDOWN_TEST_DATA);

QString dump(const QList<FileError>& errors) {
    QStringList lines;
    for (const FileError& error : errors)
        lines << error.toString();
    return lines.join(u'\n');
}

xz::show::Show cookingShow() {
    const auto result = xz::show::ShowLoader::loadFile(
        xz::show::ShowLoader::resolveShowPath(QStringLiteral("cooking"), kScenesDir));
    if (!result.ok())
        qFatal("the cooking show does not load");
    return *result.show;
}

bool hasNote(const ImportResult& result, const QString& part) {
    for (const QString& note : result.notes) {
        if (note.contains(part))
            return true;
    }
    return false;
}

// What is imported must load as a rundown file, as `rundown import` checks before writing.
void checkLoadsBack(const Rundown& rundown, const QString& show = {}) {
    const RundownLoadResult again = RundownLoader::loadJson(
        RundownWriter::toJson(rundown), QStringLiteral("imported.json"), kScenesDir, show);
    QVERIFY2(again.ok(), qPrintable(dump(again.errors)));
}

} // namespace

class TestRundownImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("XIAOZHAN_SCENES_DIR", kScenesDir.toUtf8()); }

    void debiansQtDecodesGb18030() {
        // QStringDecoder reaches GB18030 through ICU; a 4-byte sequence proves it is GB18030, not only GBK.
        QStringDecoder decoder("GB18030");
        QVERIFY(decoder.isValid());
        const QString text = decoder(QByteArray("\xBC\xAA\x95\x34\xB2\x35", 6));
        QVERIFY(!decoder.hasError());
        QCOMPARE(text, QStringLiteral("吉𠮷"));
    }

    void aCsvReadsTheSameInUtf8AndGb18030_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("gb18030");
        QTest::newRow("utf-8") << "cooking-utf8.csv" << false;
        QTest::newRow("gb18030") << "cooking-gb18030.csv" << true;
    }

    void aCsvReadsTheSameInUtf8AndGb18030() {
        QFETCH(QString, file);
        QFETCH(bool, gb18030);
        const xz::show::Show show = cookingShow();
        const ImportResult result = CsvImporter::importFile(kData + QStringLiteral("/csv/") + file, &show);
        QVERIFY2(result.rundown, qPrintable(dump(result.errors)));
        QCOMPARE(hasNote(result, QStringLiteral("GB18030")), gb18030);
        const Rundown& rundown = *result.rundown;
        QCOMPARE(rundown.show, QStringLiteral("cooking"));
        QCOMPARE(rundown.segments.size(), 4); // the blank row is skipped
        const QStringList titles{"开场", "食材介绍", "烹饪", "结束"};
        const QStringList scenes{"opening", "stove", "closeup", "ending"}; // names and ids both accepted
        const QList<qint64> durations{60000, 180000, 900000, 45000};       // 1:00, 180, 00:15:00, 0:45
        const QList<EndAction> ends{EndAction::Next, EndAction::None, EndAction::None, EndAction::Next};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(rundown.segments[i].title, titles[i]);
            QCOMPARE(rundown.segments[i].sceneId, scenes[i]);
            QCOMPARE(rundown.segments[i].durationMs, durations[i]);
            QCOMPARE(rundown.segments[i].end, ends[i]);
            QCOMPARE(rundown.segments[i].cue, QString::number(i + 1));
        }
        QCOMPARE(rundown.segments[1].notes, QStringLiteral("豆腐、肉馅, 虾仁"));
        QCOMPARE(rundown.segments[2].notes, QStringLiteral("油温六成热\n再下锅"));
        QCOMPARE(rundown.segments[3].notes, QStringLiteral("感谢𠮷祥街坊"));
        checkLoadsBack(rundown, QStringLiteral("cooking"));
    }

    void englishHeadersAByteOrderMarkAndQuotesAreRead() {
        const xz::show::Show show = cookingShow();
        const ImportResult result =
            CsvImporter::importFile(kData + QStringLiteral("/csv/english-bom.csv"), &show);
        QVERIFY2(result.rundown, qPrintable(dump(result.errors)));
        QCOMPARE(result.rundown->segments.size(), 2);
        QCOMPARE(result.rundown->segments[0].title, QStringLiteral("Opening"));
        QCOMPARE(result.rundown->segments[0].notes, QStringLiteral("Music, then host"));
        QCOMPARE(result.rundown->segments[1].notes, QStringLiteral("Say \"thank you\""));
        QCOMPARE(result.rundown->segments[1].end, EndAction::Hold);
        QCOMPARE(result.rundown->segments[1].durationMs, 480000);
        QVERIFY(hasNote(result, QStringLiteral("column not used: \"owner\"")));
        QVERIFY(!hasNote(result, QStringLiteral("GB18030")));
    }

    void ontimesOwnV3TestProjectImports() {
        const ImportResult result =
            OntimeImporter::importFile(kData + QStringLiteral("/ontime/v3-test-db.json"));
        QVERIFY2(result.rundown, qPrintable(dump(result.errors)));
        const Rundown& rundown = *result.rundown;
        QCOMPARE(rundown.title, QStringLiteral("Eurovision Song Contest"));
        QCOMPARE(rundown.plannedStart, QTime(10, 0));
        QCOMPARE(rundown.segments.size(), 14);
        const Segment& first = rundown.segments.first();
        QCOMPARE(first.title, QStringLiteral("Albania"));
        QCOMPARE(first.cue, QStringLiteral("SF1.01"));
        QCOMPARE(first.notes, QStringLiteral("SF1.01"));
        QCOMPARE(first.durationMs, 20 * 60 * 1000);
        QCOMPARE(first.start, StartMode::Follow);
        QCOMPARE(first.warningMs, 120000);
        QCOMPARE(first.dangerMs, 60000);
        QCOMPARE(first.custom.value(QStringLiteral("song")), QStringLiteral("Sekret"));
        QCOMPARE(first.custom.value(QStringLiteral("artist")), QStringLiteral("Ronela Hajati"));
        // A five-minute gap in Ontime's schedule: Latvia keeps its 10:25 start.
        QCOMPARE(rundown.segments[1].title, QStringLiteral("Latvia"));
        QCOMPARE(rundown.segments[1].start, StartMode::Fixed);
        QCOMPARE(rundown.segments[1].fixedTime, QTime(10, 25));
        // The block "Lunch break" heads the events after it.
        QCOMPARE(rundown.segments[4].custom.value(QStringLiteral("group")), QString());
        QCOMPARE(rundown.segments[5].title, QStringLiteral("Ukraine"));
        QCOMPARE(rundown.segments[5].custom.value(QStringLiteral("group")), QStringLiteral("Lunch break"));
        QCOMPARE(rundown.segments[5].fixedTime, QTime(13, 5));
        QVERIFY(hasNote(result, QStringLiteral("2 groups (blocks)")));
        QVERIFY(hasNote(result, QStringLiteral("13 events do not follow straight on")));
        checkLoadsBack(rundown);
    }

    void ontimesOwnV4TestProjectImports() {
        const ImportResult result =
            OntimeImporter::importFile(kData + QStringLiteral("/ontime/v4-test-db.json"));
        QVERIFY2(result.rundown, qPrintable(dump(result.errors)));
        const Rundown& rundown = *result.rundown;
        QCOMPARE(rundown.title, QStringLiteral("Eurovision Demo"));
        QCOMPARE(rundown.plannedStart, QTime(10, 0));
        QCOMPARE(rundown.segments.size(), 14);
        QCOMPARE(rundown.segments.last().title, QStringLiteral("Greece"));
        QCOMPARE(rundown.segments.last().cue, QStringLiteral("SF1.14"));
        QCOMPARE(rundown.segments.first().warningMs, 500000);
        QCOMPARE(rundown.segments.first().dangerMs, 100000);
        // v4 keys custom fields by an internal name; they come out under their labels.
        QCOMPARE(rundown.segments.first().custom.value(QStringLiteral("Song")), QStringLiteral("Sekret"));
        QCOMPARE(rundown.segments.first().custom.value(QStringLiteral("Artist")),
                 QStringLiteral("Ronela Hajati"));
        QVERIFY(hasNote(result, QStringLiteral("empty groups left out: Lunch break, Afternoon break")));
        checkLoadsBack(rundown);
    }

    void v4GroupsDelaysMilestonesAndSkipsAreHandledAndSaid() {
        const ImportResult result =
            OntimeImporter::importFile(kData + QStringLiteral("/ontime/v4-groups.json"));
        QVERIFY2(result.rundown, qPrintable(dump(result.errors)));
        const Rundown& rundown = *result.rundown;
        QStringList titles;
        for (const Segment& segment : rundown.segments)
            titles << segment.title;
        QCOMPARE(titles, (QStringList{"Pre-show Countdown", "Welcome", "Session 1", "Lunch", "Afternoon",
                                      "Late session"}));
        QCOMPARE(rundown.title, QStringLiteral("Demo project"));
        QCOMPARE(rundown.segments[0].custom.value(QStringLiteral("group")),
                 QStringLiteral("Morning Sessions"));
        QCOMPARE(rundown.segments[0].custom.value(QStringLiteral("Video Notes")),
                 QStringLiteral("Camera + PowerPoint on stream"));
        QCOMPARE(rundown.segments[1].start, StartMode::Follow); // linked
        QCOMPARE(rundown.segments[1].end, EndAction::Next);     // play-next
        QCOMPARE(rundown.segments[1].color, QStringLiteral("#FFCC78"));
        QCOMPARE(rundown.segments[2].end, EndAction::Hold); // load-next
        // The 5-minute delay right before Lunch is not absorbed by the gap before it (Ontime's rule) ...
        QCOMPARE(rundown.segments[3].start, StartMode::Fixed);
        QCOMPARE(rundown.segments[3].fixedTime, QTime(13, 5));
        QCOMPARE(rundown.segments[4].start, StartMode::Follow);
        // ... but the 30-minute gap before the late session absorbs it.
        QCOMPARE(rundown.segments[5].fixedTime, QTime(15, 30));
        QCOMPARE(rundown.segments[5].dangerMs, rundown.segments[5].warningMs);
        QCOMPARE(rundown.segments[5].color, QString()); // "red" is not #RRGGBB
        for (const QString& note :
             {QStringLiteral("2 rundowns; imported \"default\""), QStringLiteral("1 delays (5 min in all)"),
              QStringLiteral("1 events marked skip"), QStringLiteral("2 milestones"),
              QStringLiteral("load-next became hold"), QStringLiteral("count-up"),
              QStringLiteral("danger before warning"), QStringLiteral("1 colours")})
            QVERIFY2(hasNote(result, note), qPrintable(note + u'\n' + result.notes.join(u'\n')));
        checkLoadsBack(rundown);

        const ImportResult backstage = OntimeImporter::importFile(
            kData + QStringLiteral("/ontime/v4-groups.json"), QStringLiteral("backstage"));
        QVERIFY2(backstage.rundown, qPrintable(dump(backstage.errors)));
        QCOMPARE(backstage.rundown->segments.size(), 1);
        QCOMPARE(backstage.rundown->segments[0].title, QStringLiteral("Crew call"));
        QCOMPARE(backstage.rundown->plannedStart, QTime(9, 0));
    }

    void v3DelaysLinksAndAnEventAcrossMidnight() {
        const ImportResult result =
            OntimeImporter::importFile(kData + QStringLiteral("/ontime/v3-delays.json"));
        QVERIFY2(result.rundown, qPrintable(dump(result.errors)));
        const Rundown& rundown = *result.rundown;
        QCOMPARE(rundown.title, QStringLiteral("Community Day"));
        QCOMPARE(rundown.segments.size(), 5);
        QCOMPARE(rundown.segments[1].start, StartMode::Follow); // linkStart names the event before (v3)
        QCOMPARE(rundown.segments[1].custom.value(QStringLiteral("Speaker")), QStringLiteral("Dr. Liu"));
        QCOMPARE(rundown.segments[2].fixedTime, QTime(10, 15)); // the delay is absorbed by the 15-minute gap
        QCOMPARE(rundown.segments[2].end, EndAction::Hold);     // v3's stop
        QCOMPARE(rundown.segments[3].title, QStringLiteral("N1")); // untitled: its cue
        QCOMPARE(rundown.segments[3].durationMs, 30 * 60 * 1000);  // 23:50 to 00:20, from its times
        QCOMPARE(rundown.segments[3].custom.value(QStringLiteral("group")), QStringLiteral("Night"));
        QCOMPARE(rundown.segments[4].start, StartMode::Follow);
        QVERIFY(hasNote(result, QStringLiteral("stop became hold")));
        QVERIFY(hasNote(result, QStringLiteral("\"count to end\"")));
        QVERIFY(hasNote(result, QStringLiteral("untitled")));
        checkLoadsBack(rundown);
    }

    void eachMalformedImportGivesItsPreciseMessage_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("rundownId");
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messageEn");
        QTest::newRow("csv-missing-duration") << "csv-missing-duration.csv"
                                              << ""
                                              << "标题行 header" << 1 << 1
                                              << "missing column \"duration\" (时长): the first row names "
                                                 "the columns, e.g. title,duration,scene,notes,end";
        QTest::newRow("csv-bad-duration")
            << "csv-bad-duration.csv"
            << ""
            << "时长" << 3 << 4
            << "invalid duration \"五分钟\": expected seconds (90), M:SS (1:30) or "
               "H:MM:SS (1:05:00)";
        QTest::newRow("csv-duration-too-long")
            << "csv-duration-too-long.csv"
            << ""
            << "时长" << 2 << 4 << "duration \"13:00:00\" is out of range (1 s to 12 hours)";
        QTest::newRow("csv-unknown-scene") << "csv-unknown-scene.csv"
                                           << ""
                                           << "场景" << 2 << 9
                                           << "show \"cooking\" has no scene \"后厨\" (available: opening "
                                              "开场, host 主持人, stove 灶台俯拍, closeup "
                                              "特写, qa 问答, ending 结束)";
        QTest::newRow("csv-scene-name-without-show")
            << "csv-scene-name-without-show.csv"
            << ""
            << "场景" << 2 << 9 << "\"灶台俯拍\" is not a scene id: add --show NAME to use the scenes' names";
        QTest::newRow("csv-unterminated-quote")
            << "csv-unterminated-quote.csv"
            << ""
            << "CSV" << 2 << 9 << "unterminated quote: the field starting here lacks its closing '\"'";
        QTest::newRow("csv-bad-end") << "csv-bad-end.csv"
                                     << ""
                                     << "结束" << 2 << 9
                                     << "invalid end action \"停止\" (expected none, next or hold)";
        QTest::newRow("csv-utf16")
            << "csv-utf16.csv"
            << ""
            << "文件 file" << 1 << 1
            << "this file is UTF-16 text: save it from Excel as \"CSV UTF-8 (comma delimited)\"";
        QTest::newRow("csv-undecodable")
            << "csv-undecodable.csv"
            << ""
            << "文件 file" << 4 << 1
            << "unknown text encoding: neither UTF-8 nor GB18030 (save it as \"CSV UTF-8\")";
        QTest::newRow("csv-extra-column")
            << "csv-extra-column.csv"
            << ""
            << "CSV" << 2 << 9 << "this row has more columns than the header: \"多余\"";
        QTest::newRow("csv-no-rows") << "csv-no-rows.csv"
                                     << ""
                                     << "文件 file" << 1 << 1 << "there are no segments below the header row";
        QTest::newRow("ontime-not-ontime")
            << "ontime-not-ontime.json"
            << ""
            << "$.settings.app" << 3 << 24
            << "not an Ontime project file: settings.app must be \"ontime\", found \"obs\"";
        QTest::newRow("ontime-neither")
            << "ontime-neither.json"
            << ""
            << "$" << 1 << 1 << "not an Ontime project file: it has no \"rundown\" (v3) or \"rundowns\" (v4)";
        QTest::newRow("ontime-duration-string")
            << "ontime-duration-string.json"
            << ""
            << "$.rundown[0].duration" << 4 << 19 << "expected a number, found the string \"20:00\"";
        QTest::newRow("ontime-missing-order")
            << "ontime-missing-order.json"
            << ""
            << "$.rundowns.default.order" << 3 << 16 << "missing required field \"order\"";
        QTest::newRow("ontime-unknown-type")
            << "ontime-unknown-type.json"
            << ""
            << "$.rundown[0].type" << 3 << 26
            << "unknown Ontime entry type \"note\" (expected event, delay, group, block or milestone)";
        QTest::newRow("ontime-trailing-comma")
            << "ontime-trailing-comma.json"
            << ""
            << "$" << 3 << 54 << "JSON syntax error: trailing comma before ']'";
        QTest::newRow("ontime-time-start-missing")
            << "ontime-time-start-missing.json"
            << ""
            << "$.rundowns.default.entries.e1.timeStart" << 4 << 26 << "missing required field \"timeStart\"";
        QTest::newRow("ontime-no-such-rundown")
            << "../ontime/v4-groups.json"
            << "main"
            << "$.rundowns" << 2 << 15
            << "the Ontime project has no rundown \"main\" (it has: default, backstage)";
    }

    void eachMalformedImportGivesItsPreciseMessage() {
        QFETCH(QString, fixture);
        QFETCH(QString, rundownId);
        QFETCH(QString, where);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messageEn);
        const QString path = kData + QStringLiteral("/bad-import/") + fixture;
        const xz::show::Show show = cookingShow();
        const bool csv = fixture.endsWith(QStringLiteral(".csv"));
        const bool withShow = fixture.contains(QStringLiteral("unknown-scene"));
        const ImportResult result = csv ? CsvImporter::importFile(path, withShow ? &show : nullptr)
                                        : OntimeImporter::importFile(path, rundownId);
        QVERIFY(!result.rundown);
        QCOMPARE(result.errors.size(), 1);
        const FileError& error = result.errors.first();
        QCOMPARE(error.file, path);
        QCOMPARE(error.jsonPath, where);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QCOMPARE(error.messageEn, messageEn);
        QVERIFY(!error.messageZh.isEmpty());
        QVERIFY(error.messageZh != error.messageEn);
    }
};

QTEST_GUILESS_MAIN(TestRundownImport)
#include "tst_rundownimport.moc"
