// The command people type: trim, export, upload and rundown run in `xiaozhan` itself without loading the
// video engine; everything else is handed to xiaozhan-studio beside it, and a missing one is named.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, const QProcessEnvironment& environment = {}) {
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, args);
    const bool finished = process.waitForFinished(60000);
    return {finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class LauncherTest : public QObject {
    Q_OBJECT

private slots:
    // The dynamic loader lists every library it loads (LD_DEBUG=files): GStreamer is there, libobs is not.
    void theClipAndQueueCommandsStartWithoutTheVideoEngine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("trim") << QStringList{QStringLiteral("trim")};
        QTest::newRow("export") << QStringList{QStringLiteral("export")};
        QTest::newRow("upload") << QStringList{QStringLiteral("upload"), QStringLiteral("list")};
        QTest::newRow("rundown") << QStringList{QStringLiteral("rundown")};
    }
    void theClipAndQueueCommandsStartWithoutTheVideoEngine() {
        QFETCH(QStringList, args);
        QTemporaryDir home;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XIAOZHAN_HOME"), home.path());
        environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        const Run result = run(QStringLiteral(XIAOZHAN_BINARY), args, environment);
        QVERIFY2(result.exitCode >= 0, qPrintable(result.err.right(2000)));
        QVERIFY2(result.err.contains(QLatin1String("libgstreamer-1.0.so")), "the loader listed nothing");
        QVERIFY2(!result.err.contains(QLatin1String("libobs.so")), "libobs was loaded");
        QVERIFY(!result.err.contains(QLatin1String("xiaozhan-studio")));
    }

    // `xiaozhan show check` is xiaozhan-studio's: it answers through `xiaozhan` as before.
    void theStudioCommandsAnswerThroughXiaozhan() {
        const Run result = run(QStringLiteral(XIAOZHAN_BINARY),
                               {QStringLiteral("show"), QStringLiteral("check"),
                                QStringLiteral(XIAOZHAN_SOURCE_DIR "/scenes/cooking/show.json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const Run help = run(QStringLiteral(XIAOZHAN_BINARY), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.err.contains(QLatin1String("xiaozhan trim INPUT")));
    }

    void withoutXiaozhanStudioBesideItTheMissingProgramIsNamed() {
        QTemporaryDir dir;
        const QString alone = dir.filePath(QStringLiteral("xiaozhan"));
        QVERIFY(QFile::copy(QStringLiteral(XIAOZHAN_BINARY), alone));
        const Run result = run(alone, {QStringLiteral("devices")});
        QCOMPARE(result.exitCode, 127);
        QVERIFY2(result.err.contains(dir.filePath(QStringLiteral("xiaozhan-studio"))),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(QLatin1String("cannot start")));
    }

    void aXiaozhanStudioThatCannotBeStartedIsNamedToo() {
        QTemporaryDir dir;
        const QString alone = dir.filePath(QStringLiteral("xiaozhan"));
        QVERIFY(QFile::copy(QStringLiteral(XIAOZHAN_BINARY), alone));
        QFile studio(dir.filePath(QStringLiteral("xiaozhan-studio")));
        QVERIFY(studio.open(QIODevice::WriteOnly));
        studio.write("not a program");
        studio.close();
        QVERIFY(studio.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const Run result = run(alone, {QStringLiteral("devices")});
        QCOMPARE(result.exitCode, 126);
        QVERIFY2(result.err.contains(studio.fileName()), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(LauncherTest)
#include "tst_launcher.moc"
