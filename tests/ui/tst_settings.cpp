// The settings the surface keeps (studio.json): private to its owner, stream keys never shown, a wrong
// address refused with the reason, a damaged file giving the defaults and a message instead of a crash.
#include "settingsmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using xz::ui::SettingsModel;

class SettingsTest : public QObject {
    Q_OBJECT
private slots:
    void changesAreSavedPrivatelyAndComeBack();
    void streamKeysAreNeverShown();
    void aWrongStreamAddressIsRefusedWithTheReason();
    void aDamagedFileGivesTheDefaultsAndSaysWhy();
    void uploadDestinationsAreOfferedToTheUploadsView();
};

void SettingsTest::changesAreSavedPrivatelyAndComeBack() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.json"));
    {
        SettingsModel settings(nullptr, path);
        settings.setRecordingFolder(QStringLiteral("/media/usb/录像"));
        settings.setLanguage(QStringLiteral("en"));
        settings.setRemotePort(4455);
        settings.setRemotePassword(QStringLiteral("pw-secret"));
        QVERIFY(settings.addStream(QStringLiteral("抖音"),
                                   QStringLiteral("rtmp://push.example.org/live/KEY123")));
        settings.setLastShow(QStringLiteral("stage"));
    }
    QCOMPARE(QFile::permissions(path) & 0x0077, QFileDevice::Permissions());
    SettingsModel again(nullptr, path);
    QCOMPARE(again.recordingFolder(), QStringLiteral("/media/usb/录像"));
    QCOMPARE(again.language(), QStringLiteral("en"));
    QCOMPARE(again.remotePort(), 4455);
    QVERIFY(again.remotePasswordSet());
    QCOMPARE(again.values().lastShow, QStringLiteral("stage"));
    QCOMPARE(again.values().streams.size(), 1);
    QCOMPARE(again.values().streams.first().url, QStringLiteral("rtmp://push.example.org/live/KEY123"));
    QVERIFY(again.problem().isEmpty());
}

void SettingsTest::streamKeysAreNeverShown() {
    QTemporaryDir dir;
    SettingsModel settings(nullptr, dir.filePath(QStringLiteral("studio.json")));
    QAbstractItemModelTester tester(settings.streams(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(settings.addStream(QStringLiteral("视频号"),
                               QStringLiteral("rtmps://push.example.org/app/SUPERSECRET")));
    const QAbstractItemModel& streams = *settings.streams();
    QCOMPARE(streams.rowCount(), 1);
    for (int role : streams.roleNames().keys())
        QVERIFY(!streams.data(streams.index(0, 0), role).toString().contains(QLatin1String("SUPERSECRET")));
    QVERIFY(streams.data(streams.index(0, 0), streams.roleNames().key("address"))
                .toString()
                .endsWith(QLatin1String("***")));
    settings.removeStream(0);
    QCOMPARE(streams.rowCount(), 0);
}

void SettingsTest::aWrongStreamAddressIsRefusedWithTheReason() {
    QTemporaryDir dir;
    SettingsModel settings(nullptr, dir.filePath(QStringLiteral("studio.json")));
    QVERIFY(!settings.addStream(QStringLiteral("x"), QStringLiteral("http://example.org/live/SECRETVALUE")));
    QVERIFY2(settings.problem().contains(QLatin1String("rtmp")), qPrintable(settings.problem()));
    QVERIFY2(!settings.problem().contains(QLatin1String("SECRETVALUE")), qPrintable(settings.problem()));
    QCOMPARE(settings.streams()->rowCount(), 0);
    QVERIFY(!settings.addUploadTarget(QStringLiteral("x"), QStringLiteral("ftp://nas/clips")));
    QVERIFY(settings.problem().contains(QLatin1String("ftp://")));
    settings.setRemotePort(70000);
    QCOMPARE(settings.remotePort(), 0);
    QVERIFY(!settings.problem().isEmpty());
}

void SettingsTest::aDamagedFileGivesTheDefaultsAndSaysWhy() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"language\": \"en\", \"streams\": [ ");
    file.close();
    SettingsModel settings(nullptr, path);
    QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
    QVERIFY2(settings.problem().contains(path) && settings.problem().contains(QStringLiteral("默认")),
             qPrintable(settings.problem()));
    // One bad stream in a good file: the rest still loads, the bad one is named.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"streams": [{"name": "a", "url": "rtmp://h/live/k"}, {"name": "b", "url": "nonsense"}]})");
    file.close();
    SettingsModel partly(nullptr, path);
    QCOMPARE(partly.values().streams.size(), 1);
    QVERIFY2(partly.problem().contains(QLatin1String("streams[1]")), qPrintable(partly.problem()));
}

void SettingsTest::uploadDestinationsAreOfferedToTheUploadsView() {
    QTemporaryDir dir;
    SettingsModel settings(nullptr, dir.filePath(QStringLiteral("studio.json")));
    QSignalSpy changed(&settings, &SettingsModel::destinationsChanged);
    QVERIFY(settings.addUploadTarget(QStringLiteral("社区抖音号"), QStringLiteral("douyin://station")));
    QVERIFY(settings.addUploadTarget(QStringLiteral("U 盘"), QStringLiteral("file:///media/usb/clips")));
    QCOMPARE(changed.count(), 2);
    const QList<xz::ui::UploadDestination> destinations = settings.uploadDestinations();
    QCOMPARE(destinations.size(), 2);
    QCOMPARE(destinations[0].name, QStringLiteral("社区抖音号"));
    QCOMPARE(destinations[1].target, QStringLiteral("file:///media/usb/clips"));
}

QTEST_GUILESS_MAIN(SettingsTest)
#include "tst_settings.moc"
