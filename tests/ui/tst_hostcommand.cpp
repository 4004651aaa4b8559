// `xiaozhan host`'s command line: the defaults, HOST:PORT in its forms (names, IPv4, bracketed IPv6, port
// left out), and bad values refused in Chinese and English naming the option and the value, never the
// password; the real binary exits 2 with that message.
#include "hostcommand.h"

#include <QProcess>
#include <QTest>

using namespace xz;
using namespace xz::ui;

class HostCommandTest : public QObject {
    Q_OBJECT
private slots:
    void withoutOptionsItMirrorsThisComputersStudio() {
        std::optional<UserError> error;
        const auto options = HostOptions::parse({}, &error);
        QVERIFY(options);
        QCOMPARE(options->hostName, QStringLiteral("127.0.0.1"));
        QCOMPARE(options->port, quint16(4455));
        QVERIFY(options->password.isEmpty());
        QVERIFY(!options->fullscreen);
    }

    void hostAndPortAreReadInEveryForm_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "192.168.1.20:4456"
                              << "192.168.1.20" << 4456;
        QTest::newRow("name") << "studio.local:4455"
                              << "studio.local" << 4455;
        QTest::newRow("no port") << "192.168.1.20"
                                 << "192.168.1.20" << 4455;
        QTest::newRow("ipv6") << "[::1]:5000"
                              << "::1" << 5000;
        QTest::newRow("ipv6 no port") << "[fe80::1]"
                                      << "fe80::1" << 4455;
    }
    void hostAndPortAreReadInEveryForm() {
        QFETCH(QString, value);
        QFETCH(QString, host);
        QFETCH(int, port);
        std::optional<UserError> error;
        const auto options =
            HostOptions::parse({QStringLiteral("--connect"), value, QStringLiteral("--password"),
                                QStringLiteral("pw"), QStringLiteral("--fullscreen")},
                               &error);
        QVERIFY2(options, qPrintable(error ? error->toString() : QString()));
        QCOMPARE(options->hostName, host);
        QCOMPARE(int(options->port), port);
        QCOMPARE(options->password, QStringLiteral("pw"));
        QVERIFY(options->fullscreen);
    }

    void badValuesAreRefusedNamingOptionAndValue_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("chinese");
        QTest::newRow("port not a number")
            << QStringList{"--connect", "studio:abc"}
            << "--connect \"studio:abc\" is not valid: the port \"abc\" must be a number from 1 to 65535"
            << "端口“abc”";
        QTest::newRow("port too big")
            << QStringList{"--connect", "10.0.0.2:70000"} << "\"70000\" must be a number"
            << "1 到 65535";
        QTest::newRow("port zero") << QStringList{"--connect", "10.0.0.2:0"} << "\"0\" must be a number"
                                   << "端口";
        QTest::newRow("empty host") << QStringList{"--connect", ":4455"} << "expected HOST:PORT"
                                    << "主机:端口";
        QTest::newRow("url") << QStringList{"--connect", "ws://studio:4455"}
                             << "write an IPv6 address in brackets"
                             << "方括号";
        QTest::newRow("ipv6 unclosed") << QStringList{"--connect", "[::1:4455"} << "lacks its closing"
                                       << "缺少";
        QTest::newRow("no value") << QStringList{"--connect"} << "--connect needs a value"
                                  << "缺少值";
        QTest::newRow("password no value")
            << QStringList{"--password", "--fullscreen"} << "--password needs a value"
            << "缺少值";
        QTest::newRow("unknown") << QStringList{"--conect", "x:1"} << "does not know \"--conect\""
                                 << "不认识";
    }
    void badValuesAreRefusedNamingOptionAndValue() {
        QFETCH(QStringList, args);
        QFETCH(QString, english);
        QFETCH(QString, chinese);
        std::optional<UserError> error;
        QVERIFY(!HostOptions::parse(args, &error));
        QVERIFY(error);
        QVERIFY2(error->messageEn.contains(english), qPrintable(error->messageEn));
        QVERIFY2(error->messageZh.contains(chinese), qPrintable(error->messageZh));
    }

    void thePasswordIsNeverRepeatedInAnError() {
        std::optional<UserError> error;
        QVERIFY(!HostOptions::parse({QStringLiteral("--password"), QStringLiteral("s3cret"),
                                     QStringLiteral("--connect"), QStringLiteral("host:x")},
                                    &error));
        QVERIFY(!error->toString().contains(QStringLiteral("s3cret")));
    }

    void theBinaryExitsTwoWithTheMessage() {
        QProcess process;
        process.start(QStringLiteral(XZ_BINARY),
                      {QStringLiteral("host"), QStringLiteral("--connect"), QStringLiteral("studio:99999")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("--connect \"studio:99999\" is not valid")), qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("用法 / usage: xiaozhan host")));
    }
};

QTEST_GUILESS_MAIN(HostCommandTest)
#include "tst_hostcommand.moc"
