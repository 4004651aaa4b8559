// `xiaozhan rundown check|import` through the real binary: the one-line summary, --json, precise errors and
// exit codes, and imports from CSV (UTF-8, byte-order mark, GB18030) and Ontime (v3 and v4) whose output
// passes `check` as it stands.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kScenesDir = QStringLiteral(XZ_SCENES_DIR);
const QString kData = QStringLiteral(XZ_RUNDOWN_TEST_DATA);

struct Run {
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestRundownCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir home_;

    Run run(const QStringList& args) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XIAOZHAN_HOME"), home_.path());
        env.insert(QStringLiteral("XIAOZHAN_SCENES_DIR"), kScenesDir);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(XZ_BINARY), QStringList{QStringLiteral("rundown")} + args);
        process.waitForFinished(60000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString out(const QString& name) const { return home_.filePath(name); }

private slots:
    void checkSaysOkWithTheSegmentCountAndTotalTime_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("summary");
        QTest::newRow("cooking")
            << "cooking"
            << "《齐悦美食汇 · 博山豆腐箱》 7 个段落 / segments, 共 / total 41:00 (节目 / show: cooking)";
        QTest::newRow("first-aid")
            << "first-aid"
            << "《急救培训会 · 心肺复苏》 6 个段落 / segments, 共 / total 36:00 (节目 / show: first-aid)";
        QTest::newRow("sitcom") << "sitcom"
                                << "《三个6剧社 · 第 12 集 · 楼道里的自行车》 4 个段落 / segments, 共 / "
                                   "total 13:00 (节目 / show: sitcom)";
        QTest::newRow("stage")
            << "stage"
            << "《百姓大舞台 · 秋季文艺汇演》 9 个段落 / segments, 共 / total 48:00 (节目 / show: stage)";
    }

    void checkSaysOkWithTheSegmentCountAndTotalTime() {
        QFETCH(QString, program);
        QFETCH(QString, summary);
        const Run r = run({QStringLiteral("check"), program});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out,
                 QStringLiteral("正确 / OK: %1/%2/rundown.json ").arg(kScenesDir, program) + summary + u'\n');
    }

    void checkJsonPrintsTitleSegmentsAndTotal() {
        const Run r = run({QStringLiteral("check"), QStringLiteral("first-aid"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(
            QStringLiteral("{\"title\":\"急救培训会 · 心肺复苏\",\"segments\":[{\"title\":\"开场\","
                           "\"durationSeconds\":60,\"scene\":\"opening\"}")));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.keys(), (QStringList{"segments", "title", "totalSeconds"}));
        QCOMPARE(json.value(QStringLiteral("totalSeconds")).toDouble(), 2160.0);
        const QJsonArray segments = json.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), 6);
        QCOMPARE(segments[3].toObject(),
                 (QJsonObject{{QStringLiteral("title"), QStringLiteral("跟练")},
                              {QStringLiteral("durationSeconds"), 600},
                              {QStringLiteral("scene"), QStringLiteral("cpr-rhythm")}}));
        // A segment without a scene says null.
        QFile file(out(QStringLiteral("noscene.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"format":"xiaozhan.rundown","version":1,"title":"t","segments":[{"title":"a","duration":90.5}]})");
        file.close();
        const Run bare = run({QStringLiteral("check"), file.fileName(), QStringLiteral("--json")});
        QCOMPARE(bare.out,
                 QStringLiteral("{\"title\":\"t\",\"segments\":[{\"title\":\"a\",\"durationSeconds\":90.5,"
                                "\"scene\":null}],\"totalSeconds\":90.5}\n"));
        const Run text = run({QStringLiteral("check"), file.fileName()});
        QVERIFY2(text.out.contains(QStringLiteral("no show given: scenes not checked")),
                 qPrintable(text.out));
    }

    void checkErrorsNameFileLineColumnAndPathAndExitOne() {
        const QString path = kData + QStringLiteral("/bad/unknown-scene.json");
        const Run r = run({QStringLiteral("check"), path});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err,
                 path +
                     QStringLiteral(
                         ":8:31: $.segments[1].scene: 节目 “cooking” 里没有场景 “stovetop”（可用：opening、"
                         "host、stove、closeup、qa、ending） / show \"cooking\" has no scene \"stovetop\" "
                         "(available: opening, host, stove, closeup, qa, ending)\n1 个错误 / 1 error(s)\n"));
        const Run json = run({QStringLiteral("check"), path, QStringLiteral("--json")});
        QCOMPARE(json.code, 1);
        QCOMPARE(json.out, QString());
        const Run missing = run({QStringLiteral("check"), QStringLiteral("no-such-show")});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("rundown file not found")), qPrintable(missing.err));
    }

    void checkAgainstAShowGivenOnTheCommandLine() {
        const QString path = out(QStringLiteral("unbound.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"format":"xiaozhan.rundown","version":1,"title":"t","segments":[{"title":"a","scene":"qa","duration":60}]})");
        file.close();
        QCOMPARE(
            run({QStringLiteral("check"), path, QStringLiteral("--show"), QStringLiteral("cooking")}).code,
            0);
        const Run stage =
            run({QStringLiteral("check"), path, QStringLiteral("--show"), QStringLiteral("stage")});
        QCOMPARE(stage.code, 1);
        QVERIFY2(stage.err.contains(QStringLiteral("$.segments[0].scene: ")) &&
                     stage.err.contains(QStringLiteral("show \"stage\" has no scene \"qa\"")),
                 qPrintable(stage.err));
    }

    void importCsvInEveryEncoding_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("gb18030");
        QTest::newRow("utf-8") << "cooking-utf8.csv" << false;
        QTest::newRow("gb18030") << "cooking-gb18030.csv" << true;
        QTest::newRow("bom") << "english-bom.csv" << false;
    }

    void importCsvInEveryEncoding() {
        QFETCH(QString, file);
        QFETCH(bool, gb18030);
        const QString output = out(file + QStringLiteral(".json"));
        const Run r =
            run({QStringLiteral("import"), kData + QStringLiteral("/csv/") + file, QStringLiteral("--show"),
                 QStringLiteral("cooking"), QStringLiteral("-o"), output});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.contains(QStringLiteral("read as GB18030 text")), gb18030);
        QVERIFY(r.out.endsWith(QStringLiteral("\n")));
        QVERIFY2(r.out.contains(QStringLiteral("已导入 / imported: ") + output), qPrintable(r.out));
        const Run check = run({QStringLiteral("check"), output, QStringLiteral("--json")});
        QCOMPARE(check.code, 0);
        const QJsonArray segments =
            QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("segments")).toArray();
        QVERIFY(segments.size() >= 2);
        QVERIFY(!segments[0].toObject().value(QStringLiteral("scene")).toString().isEmpty());
        if (!file.startsWith(QStringLiteral("english")))
            QCOMPARE(segments[1].toObject().value(QStringLiteral("title")).toString(),
                     QStringLiteral("食材介绍"));
    }

    void importOntimeProjectsInBothFormats_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::newRow("v3") << "v3-test-db.json"
                            << "Eurovision Song Contest";
        QTest::newRow("v4") << "v4-test-db.json"
                            << "Eurovision Demo";
    }

    void importOntimeProjectsInBothFormats() {
        QFETCH(QString, file);
        QFETCH(QString, title);
        const QString output = out(file);
        const Run r = run({QStringLiteral("import"), kData + QStringLiteral("/ontime/") + file,
                           QStringLiteral("-o"), output});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("说明 / note: ")));
        QVERIFY(r.out.contains(QStringLiteral("Ontime has no scenes")));
        QVERIFY2(r.out.contains(QStringLiteral("《%1》 14 个段落 / segments, 共 / total 4:40:00").arg(title)),
                 qPrintable(r.out));
        const Run check = run({QStringLiteral("check"), output});
        QCOMPARE(check.code, 0);
        QVERIFY(check.out.contains(QStringLiteral("14 个段落")));
    }

    void aFailedImportWritesNothingAndExitsOne() {
        const QString output = out(QStringLiteral("never.json"));
        const Run csv =
            run({QStringLiteral("import"), kData + QStringLiteral("/bad-import/csv-bad-duration.csv"),
                 QStringLiteral("-o"), output});
        QCOMPARE(csv.code, 1);
        QVERIFY(csv.err.contains(QStringLiteral("csv-bad-duration.csv:3:4: 时长: ")));
        const Run ontime =
            run({QStringLiteral("import"), kData + QStringLiteral("/bad-import/ontime-neither.json"),
                 QStringLiteral("-o"), output});
        QCOMPARE(ontime.code, 1);
        const Run show =
            run({QStringLiteral("import"), kData + QStringLiteral("/csv/cooking-utf8.csv"),
                 QStringLiteral("--show"), QStringLiteral("nope"), QStringLiteral("-o"), output});
        QCOMPARE(show.code, 1);
        QVERIFY(show.err.contains(QStringLiteral("show file not found")));
        QVERIFY(!QFile::exists(output));
    }

    void usageMistakesExitTwo() {
        QCOMPARE(run({}).code, 2);
        QCOMPARE(run({QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(run({QStringLiteral("check")}).code, 2);
        QCOMPARE(run({QStringLiteral("check"), QStringLiteral("cooking"), QStringLiteral("--bogus")}).code,
                 2);
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("plan.csv")}).code, 2);
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("plan.csv"), QStringLiteral("--json"),
                      QStringLiteral("-o"), out(QStringLiteral("x.json"))})
                     .code,
                 2);
        const QString same = kData + QStringLiteral("/csv/cooking-utf8.csv");
        const Run r = run({QStringLiteral("import"), same, QStringLiteral("-o"), same});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("the output must not be the input file itself")));
        QVERIFY(run({}).err.contains(QStringLiteral("xiaozhan rundown check FILE|NAME")));
    }
};

QTEST_GUILESS_MAIN(TestRundownCli)
#include "tst_rundowncli.moc"
