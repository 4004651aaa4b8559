// The remote-control options as the command line gives them: loopback by default and without a password,
// any other address only with one, and every bad value named in both languages without showing the password.
#include "controlsettings.h"

#include <QTest>

using namespace xz;
using namespace xz::remote;

class ControlSettingsTest : public QObject {
    Q_OBJECT
private slots:
    void loopbackIsTheDefaultAndNeedsNoPassword() {
        std::optional<UserError> error;
        const auto settings = ControlSettings::parse(QStringLiteral("4455"), QString(), QString(), &error);
        QVERIFY2(settings, qPrintable(error ? error->toString() : QString()));
        QCOMPARE(settings->port, quint16(4455));
        QCOMPARE(settings->address, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!settings->check());
        QVERIFY(ControlSettings::parse(QStringLiteral("0"), QString(), QStringLiteral("::1"), &error));
    }
    void anyOtherAddressIsRefusedWithoutAPassword() {
        std::optional<UserError> error;
        QVERIFY(
            !ControlSettings::parse(QStringLiteral("4455"), QString(), QStringLiteral("0.0.0.0"), &error));
        QVERIFY(error);
        QVERIFY(error->messageZh.contains(QStringLiteral("密码")));
        QVERIFY(error->messageEn.contains(QLatin1String("--control-password")));
        QVERIFY(error->messageEn.contains(QLatin1String("0.0.0.0")));
        const auto withPassword = ControlSettings::parse(QStringLiteral("4455"), QStringLiteral("s3cret"),
                                                         QStringLiteral("0.0.0.0"), &error);
        QVERIFY(withPassword);
        QCOMPARE(withPassword->password, QStringLiteral("s3cret"));
        ControlSettings lan = *withPassword;
        lan.password.clear();
        QVERIFY(lan.check()); // the rule holds for settings made in code too
    }
    void aBadPortOrAddressIsNamedAndThePasswordIsNotRepeated() {
        std::optional<UserError> error;
        for (const QString& port : {QStringLiteral("70000"), QStringLiteral("-1"), QStringLiteral("four")}) {
            QVERIFY(!ControlSettings::parse(port, QStringLiteral("s3cret"), QString(), &error));
            QVERIFY(error->messageEn.contains(QLatin1String("--control-port")));
            QVERIFY(error->messageEn.contains(port));
        }
        QVERIFY(!ControlSettings::parse(QStringLiteral("4455"), QStringLiteral("s3cret"),
                                        QStringLiteral("studio.local"), &error));
        QVERIFY(error->messageEn.contains(QLatin1String("--control-address")));
        QVERIFY(error->messageZh.contains(QStringLiteral("studio.local")));
        QVERIFY(!error->toString().contains(QLatin1String("s3cret")));
    }
};

QTEST_GUILESS_MAIN(ControlSettingsTest)
#include "tst_controlsettings.moc"
