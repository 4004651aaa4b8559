// `xiaozhan live` options: every mistake is caught before anything starts, with the option named.
#include "liveoptions.h"

#include <QTest>

using xz::app::LiveOptions;

class LiveOptionsTest : public QObject {
    Q_OBJECT
private slots:
    void parsesTheWholeContract();
    void acceptsClockTimesAndEqualsSyntax();
    void rejectsBadValuesNamingTheOption_data();
    void rejectsBadValuesNamingTheOption();
    void aStreamUrlTypedWithoutItsOptionIsRedactedInTheError();
    void remoteControlListensOnThisComputerOnlyUnlessAskedOtherwise();
    void aControlPasswordNeverAppearsInAnError();
};

void LiveOptionsTest::parsesTheWholeContract() {
    QString error;
    const auto options = LiveOptions::parse({"--show",
                                             "cooking",
                                             "--headless",
                                             "--record",
                                             "/tmp/r",
                                             "--stream",
                                             "rtmp://a/live/k1",
                                             "--stream",
                                             "rtmps://b/app/k2",
                                             "--duration",
                                             "90",
                                             "--cycle-scenes",
                                             "7.5",
                                             "--camera",
                                             "cam-host=v4l2src device=/dev/video0",
                                             "--rundown",
                                             "cooking",
                                             "--auto-advance",
                                             "--remux",
                                             "--control-port",
                                             "4455",
                                             "--control-password",
                                             "s3cret",
                                             "--control-address",
                                             "0.0.0.0"},
                                            &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->show, QStringLiteral("cooking"));
    QVERIFY(options->headless);
    QVERIFY(options->remux);
    QCOMPARE(options->recordDir, QStringLiteral("/tmp/r"));
    QCOMPARE(options->streamUrls.size(), 2);
    QCOMPARE(options->durationSec, 90.0);
    QCOMPARE(options->cycleScenesSec, 7.5);
    QCOMPARE(options->cameras.size(), 1);
    QCOMPARE(options->cameras[0].cameraId, QStringLiteral("cam-host"));
    QCOMPARE(options->cameras[0].pipeline, QStringLiteral("v4l2src device=/dev/video0"));
    QCOMPARE(options->rundown, QStringLiteral("cooking"));
    QVERIFY(options->autoAdvance);
    QVERIFY(options->control);
    QCOMPARE(options->control->port, quint16(4455));
    QCOMPARE(options->control->password, QStringLiteral("s3cret"));
    QCOMPARE(options->control->address, QHostAddress(QHostAddress::AnyIPv4));
}

void LiveOptionsTest::remoteControlListensOnThisComputerOnlyUnlessAskedOtherwise() {
    QString error;
    const auto plain = LiveOptions::parse({"--show", "cooking"}, &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(!plain->control);
    const auto local = LiveOptions::parse({"--show", "cooking", "--control-port", "0"}, &error);
    QVERIFY2(local, qPrintable(error));
    QVERIFY(local->control->address.isLoopback());
    QVERIFY(local->control->password.isEmpty());
}

void LiveOptionsTest::aControlPasswordNeverAppearsInAnError() {
    QString error;
    QVERIFY(!LiveOptions::parse(
        {"--show", "cooking", "--control-port", "99999", "--control-password", "hunter2-secret"}, &error));
    QVERIFY2(error.contains(QLatin1String("--control-port")), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("hunter2-secret")), qPrintable(error));
}

void LiveOptionsTest::acceptsClockTimesAndEqualsSyntax() {
    QString error;
    const auto options =
        LiveOptions::parse({"--show=stage", "--duration=00:01:30.5", "--cycle-scenes", "0:10"}, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->show, QStringLiteral("stage"));
    QCOMPARE(options->durationSec, 90.5);
    QCOMPARE(options->cycleScenesSec, 10.0);
}

void LiveOptionsTest::rejectsBadValuesNamingTheOption_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no show") << QStringList{"--headless"} << "--show";
    QTest::newRow("word as duration") << QStringList{"--show", "cooking", "--duration", "abc"} << "not 'abc'";
    QTest::newRow("negative cycle") << QStringList{"--show", "cooking", "--cycle-scenes", "-3"}
                                    << "--cycle-scenes";
    QTest::newRow("zero duration") << QStringList{"--show", "cooking", "--duration", "0"} << "positive";
    QTest::newRow("minutes over 59") << QStringList{"--show", "cooking", "--duration", "1:75:00"}
                                     << "not '1:75:00'";
    QTest::newRow("missing value") << QStringList{"--show", "cooking", "--record"}
                                   << "--record needs a value";
    QTest::newRow("option as value") << QStringList{"--show", "--headless"} << "--show needs a value";
    QTest::newRow("camera without pipeline")
        << QStringList{"--show", "cooking", "--camera", "cam-host"} << "ID=PIPELINE";
    QTest::newRow("camera without id")
        << QStringList{"--show", "cooking", "--camera", "=videotestsrc"} << "ID=PIPELINE";
    QTest::newRow("rundown without a value")
        << QStringList{"--show", "cooking", "--rundown"} << "--rundown needs a value";
    QTest::newRow("auto-advance without a rundown")
        << QStringList{"--show", "cooking", "--auto-advance"} << "--auto-advance needs --rundown";
    QTest::newRow("control port out of range") << QStringList{"--show", "cooking", "--control-port", "70000"}
                                               << "--control-port needs a port number from 0 to 65535";
    QTest::newRow("control port as a word")
        << QStringList{"--show", "cooking", "--control-port", "obs"} << "not 'obs'";
    QTest::newRow("control address that is no address")
        << QStringList{"--show", "cooking", "--control-port", "4455", "--control-address", "studio.local"}
        << "--control-address needs an IP address";
    QTest::newRow("open to the network without a password")
        << QStringList{"--show", "cooking", "--control-port", "4455", "--control-address", "0.0.0.0"}
        << "needs a password";
    QTest::newRow("control password without a port")
        << QStringList{"--show", "cooking", "--control-password", "pw"}
        << "--control-password needs --control-port";
    QTest::newRow("duration beyond a week")
        << QStringList{"--show", "cooking", "--duration", "2592000"} << "--duration must be from";
    QTest::newRow("duration as a huge clock time")
        << QStringList{"--show", "cooking", "--duration", "9999:00:00"} << "--duration must be from";
    QTest::newRow("a take storm") << QStringList{"--show", "cooking", "--cycle-scenes", "0.01"}
                                  << "--cycle-scenes must be from 1 to 86400 seconds, not '0.01'";
    QTest::newRow("unknown option") << QStringList{"--show", "cooking", "--recrod", "/tmp"} << "'--recrod'";
}

void LiveOptionsTest::rejectsBadValuesNamingTheOption() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!LiveOptions::parse(args, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void LiveOptionsTest::aStreamUrlTypedWithoutItsOptionIsRedactedInTheError() {
    QString error;
    QVERIFY(!LiveOptions::parse({"--show", "cooking", "--rtmp://host/live/supersecretkey"}, &error));
    QVERIFY2(!error.contains(QLatin1String("supersecretkey")), qPrintable(error));
}

QTEST_GUILESS_MAIN(LiveOptionsTest)
#include "tst_liveoptions.moc"
