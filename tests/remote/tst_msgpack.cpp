// MessagePack as obs-websocket-js and Companion send it: the format's own examples byte for byte, every
// JSON type through every length class and back, and malformed or hostile input refused with a reason.
#include "msgpack.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace xz::remote;

class MsgPackTest : public QObject {
    Q_OBJECT
private slots:
    void theFormatsOwnExampleEncodesByteForByte() {
        // msgpack.org's example: {"compact": true, "schema": 0} is 18 bytes.
        const QJsonObject example{{QStringLiteral("compact"), true}, {QStringLiteral("schema"), 0}};
        QCOMPARE(MsgPack::encode(example).toHex(), QByteArray("82a7636f6d70616374c3a6736368656d6100"));
        QCOMPARE(MsgPack::encode(QJsonValue(-1)).toHex(), QByteArray("ff"));
        QCOMPARE(MsgPack::encode(QJsonValue(200)).toHex(), QByteArray("ccc8"));
        QCOMPARE(MsgPack::encode(QJsonValue(-200)).toHex(), QByteArray("d1ff38"));
        QCOMPARE(MsgPack::encode(QJsonValue(65536)).toHex(), QByteArray("ce00010000"));
        QCOMPARE(MsgPack::encode(QJsonValue(0.5)).toHex(), QByteArray("cb3fe0000000000000"));
        QCOMPARE(MsgPack::encode(QJsonValue()).toHex(), QByteArray("c0"));
        QCOMPARE(MsgPack::encode(QJsonValue(QStringLiteral("字"))).toHex(), QByteArray("a3e5ad97"));
    }

    void everyJsonValueComesBackAsItWent() {
        QJsonObject object{{QStringLiteral("requestType"), QStringLiteral("SetInputVolume")},
                           {QStringLiteral("small"), 7},
                           {QStringLiteral("negative"), -5000000000.0},
                           {QStringLiteral("big"), 4294967296.0},
                           {QStringLiteral("float"), -6.0206},
                           {QStringLiteral("flags"), QJsonArray{true, false, QJsonValue()}},
                           {QStringLiteral("text"), QString(300, QChar(0x4e2d))},       // str16
                           {QStringLiteral("long"), QString(70000, QLatin1Char('x'))}}; // str32
        QJsonArray many;
        for (int i = 0; i < 70000; ++i) // array32
            many.append(i % 300 - 150);
        object.insert(QStringLiteral("many"), many);
        QJsonObject wide;
        for (int i = 0; i < 20; ++i) // map16
            wide.insert(QString::number(i), i);
        object.insert(QStringLiteral("wide"), wide);
        QString error;
        const auto back = MsgPack::decode(MsgPack::encode(object), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->toObject(), object);
        // float32 from other encoders reads too.
        const auto single = MsgPack::decode(QByteArray::fromHex("ca3f000000"), &error);
        QVERIFY(single);
        QCOMPARE(single->toDouble(), 0.5);
    }

    void malformedInputIsRefusedWithAReason_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("ends in the middle");
        QTest::newRow("truncated string")
            << QByteArray::fromHex("a5616263") << QStringLiteral("longer than the message");
        QTest::newRow("truncated int") << QByteArray::fromHex("cd01") << QStringLiteral("ends in the middle");
        QTest::newRow("never-used byte") << QByteArray::fromHex("c1") << QStringLiteral("0xc1");
        QTest::newRow("binary") << QByteArray::fromHex("c40100") << QStringLiteral("0xc4");
        QTest::newRow("extension") << QByteArray::fromHex("d40100") << QStringLiteral("0xd4");
        QTest::newRow("number as key") << QByteArray::fromHex("810102") << QStringLiteral("not a string");
        QTest::newRow("lying array count")
            << QByteArray::fromHex("ddffffffff00") << QStringLiteral("longer than");
        QTest::newRow("lying map count")
            << QByteArray::fromHex("dfffffffff") << QStringLiteral("longer than");
        QTest::newRow("trailing bytes") << QByteArray::fromHex("c0c0") << QStringLiteral("follow the value");
        QTest::newRow("too deep") << QByteArray(100, '\x91') + QByteArray(1, '\xc0')
                                  << QStringLiteral("nested deeper");
    }
    void malformedInputIsRefusedWithAReason() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!MsgPack::decode(bytes, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(MsgPackTest)
#include "tst_msgpack.moc"
