// `xiaozhan trim` and `xiaozhan export` as automation uses them: one JSON line on stdout, exit codes 0/1/2,
// nothing overwritten without --force, Ctrl+C removing the partial output, and a job killed mid-way showing
// as interrupted after a restart.
#include "clipfixtures.h"
#include "clipjobqueue.h"
#include "clipstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace xz;

class CliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString source_;
    struct Run {
        int code = -1;
        QList<QByteArray> stdoutLines;
        QByteArray stderrText;
        QJsonObject json() const { return QJsonDocument::fromJson(stdoutLines.value(0)).object(); }
    };
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XIAOZHAN_HOME"), dir_.filePath(QStringLiteral("home")));
        return env;
    }
    Run run(const QStringList& args) {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(XIAOZHAN_BINARY), args);
        process.waitForFinished(240000);
        Run r;
        r.code = process.exitCode();
        for (const QByteArray& line : process.readAllStandardOutput().split('\n'))
            if (!line.trimmed().isEmpty())
                r.stdoutLines << line;
        r.stderrText = process.readAllStandardError();
        return r;
    }
    QString path(const QString& name) const { return dir_.filePath(name); }
    int partials() const {
        return QDir(dir_.path()).entryList({QStringLiteral(".*partial*")}, QDir::Files | QDir::Hidden).size();
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        testing::ClipSpec spec;
        spec.frames = 900; // 30 s, so a cancelled export is still running when it is cancelled
        source_ = path(QStringLiteral("录像.mkv"));
        QCOMPARE(testing::makeClip(source_, spec), QString());
    }

    void trimPrintsOneJsonLineWithWhereItLanded() {
        const Run r = run({QStringLiteral("trim"), source_, QStringLiteral("--from"),
                           QStringLiteral("00:00:02.500"), QStringLiteral("--to"), QStringLiteral("5"),
                           QStringLiteral("-o"), path(QStringLiteral("a.mp4"))});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.stdoutLines.size(), 1);
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("output")).toString(), path(QStringLiteral("a.mp4")));
        QCOMPARE(json.value(QStringLiteral("requested")).toObject().value(QStringLiteral("in")).toDouble(),
                 2.5);
        QCOMPARE(json.value(QStringLiteral("actual")).toObject().value(QStringLiteral("in")).toDouble(), 2.0);
        QCOMPARE(json.value(QStringLiteral("frames")).toInt(), 90);
        QVERIFY(json.value(QStringLiteral("notes")).toArray().size() >= 1);
    }

    void exactTrimAndExportReportTheirFigures() {
        Run r = run({QStringLiteral("trim"), source_, QStringLiteral("--from"), QStringLiteral("2.5"),
                     QStringLiteral("--to"), QStringLiteral("5"), QStringLiteral("--exact"),
                     QStringLiteral("-o"), path(QStringLiteral("b.mkv"))});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("frames")).toInt(), 75);
        QCOMPARE(r.json().value(QStringLiteral("method")).toString(), QStringLiteral("smart-cut"));
        r = run({QStringLiteral("export"), source_, QStringLiteral("--preset"), QStringLiteral("audio-only"),
                 QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("3"),
                 QStringLiteral("-o"), path(QStringLiteral("news.m4a"))});
        QCOMPARE(r.code, 0);
        const QJsonObject json = r.json();
        QVERIFY(json.value(QStringLiteral("loudnessBefore")).isObject());
        QVERIFY(std::abs(json.value(QStringLiteral("loudnessAfter"))
                             .toObject()
                             .value(QStringLiteral("integratedLufs"))
                             .toDouble() +
                         16) <= 1);
    }

    void usageErrorsExitWithTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no output") << QStringList{"trim", "x.mkv", "--from", "1", "--to", "2"};
        QTest::newRow("bad time") << QStringList{"trim", "x.mkv", "--from", "1:75",
                                                 "--to", "2",     "-o",     "y.mp4"};
        QTest::newRow("no --to") << QStringList{"trim", "x.mkv", "--from", "1", "-o", "y.mp4"};
        QTest::newRow("unknown option") << QStringList{"trim", "x.mkv", "--fast", "-o", "y.mp4"};
        QTest::newRow("unknown preset")
            << QStringList{"export", "x.mkv", "--preset", "tiktok", "-o", "y.mp4"};
        QTest::newRow("bad fill") << QStringList{"export", "x.mkv",   "--preset", "douyin-vertical",
                                                 "--fill", "stretch", "-o",       "y.mp4"};
        QTest::newRow("bad crop") << QStringList{"export",   "x.mkv", "--preset", "douyin-vertical",
                                                 "--crop-x", "2",     "-o",       "y.mp4"};
    }
    void usageErrorsExitWithTwo() {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.stderrText.contains("usage"));
        QVERIFY(r.stdoutLines.isEmpty());
    }

    void failuresExitWithOneAndSayWhy() {
        const Run missing = run({QStringLiteral("trim"), path(QStringLiteral("nope.mkv")),
                                 QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"),
                                 QStringLiteral("2"), QStringLiteral("-o"), path(QStringLiteral("c.mp4"))});
        QCOMPARE(missing.code, 1);
        QCOMPARE(missing.json().value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(missing.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("en"))
                    .toString()
                    .contains(QLatin1String("not found")));
        // An existing output is left alone without --force, replaced with it.
        QFile keep(path(QStringLiteral("keep.mp4")));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("old");
        keep.close();
        QStringList args{QStringLiteral("trim"),   source_,
                         QStringLiteral("--from"), QStringLiteral("1"),
                         QStringLiteral("--to"),   QStringLiteral("2"),
                         QStringLiteral("-o"),     keep.fileName()};
        QCOMPARE(run(args).code, 1);
        QCOMPARE(QFileInfo(keep.fileName()).size(), 3);
        QCOMPARE(run(args << QStringLiteral("--force")).code, 0);
        QVERIFY(QFileInfo(keep.fileName()).size() > 1000);
    }

    void ctrlCCancelsAndRemovesThePartialOutput() {
        QProcess process;
        process.setProcessEnvironment(environment());
        const QString output = path(QStringLiteral("cancel.mp4"));
        process.start(QStringLiteral(XIAOZHAN_BINARY),
                      {QStringLiteral("export"), source_, QStringLiteral("--preset"),
                       QStringLiteral("douyin-vertical"), QStringLiteral("-o"), output});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(partials() > 0, 60000); // writing has begun
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(!QFile::exists(output));
        QCOMPARE(partials(), 0);
        const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput().trimmed()).object();
        QVERIFY(json.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("en"))
                    .toString()
                    .contains(QLatin1String("cancelled")));
    }

    void aJobKilledMidWayIsInterruptedAfterARestart() {
        QProcess process;
        process.setProcessEnvironment(environment());
        const QString output = path(QStringLiteral("killed.mp4"));
        process.start(QStringLiteral(XIAOZHAN_BINARY),
                      {QStringLiteral("export"), source_, QStringLiteral("--preset"),
                       QStringLiteral("douyin-vertical"), QStringLiteral("-o"), output});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(partials() > 0, 60000);
        process.kill(); // SIGKILL: no chance to clean up
        QVERIFY(process.waitForFinished(30000));
        QVERIFY(partials() > 0);
        // The next start (the app, or another command) finds the job and says what happened.
        qputenv("XIAOZHAN_HOME", dir_.filePath(QStringLiteral("home")).toUtf8());
        auto store = clips::ClipStore::open();
        QVERIFY(store);
        clips::ClipJobQueue queue(**store);
        QVERIFY(queue.start());
        const auto jobs = queue.jobs();
        const auto killed = std::find_if(jobs.begin(), jobs.end(),
                                         [&](const clips::ClipJob& j) { return j.output() == output; });
        QVERIFY(killed != jobs.end());
        QCOMPARE(killed->state, clips::JobState::Interrupted);
        QCOMPARE(partials(), 0);
        QVERIFY(!QFile::exists(output));
        // And it stays interrupted in the database.
        auto reread = (*store)->job(killed->id);
        QVERIFY(reread && *reread);
        QCOMPARE((*reread)->state, clips::JobState::Interrupted);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
