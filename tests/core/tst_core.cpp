// Shared plumbing: secrets never survive redaction, command-line times parse the way people write them, and a
// phrase on screen follows the language it is read in.
#include "atomicfile.h"
#include "phrase.h"
#include "redact.h"
#include "timeparse.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace xz;

namespace {

// English for one sentence, as a loaded .qm file would give it.
class OneSentence : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override {
        if (QByteArray(context) == "Test" &&
            QString::fromUtf8(source) == QStringLiteral("已加入导出队列：%1（%2）"))
            return QStringLiteral("queued for export: %1 (%2)");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class CoreTest : public QObject {
    Q_OBJECT
private slots:
    void anRtmpKeyIsReplacedWherever_data();
    void anRtmpKeyIsReplacedWherever();
    void urlsInsideFreeTextAreRedactedAndTheRestKept();
    void registeredSecretsAreReplacedButTinyOnesAreIgnored();
    void timesAcceptSecondsAndClockNotation_data();
    void timesAcceptSecondsAndClockNotation();
    void aPrivateFileIsOnlyForItsOwnerAndASharedOneForEveryone();
    void aPhraseIsTranslatedEachTimeItIsReadWithItsArgumentsPutInOnce();
};

void CoreTest::anRtmpKeyIsReplacedWherever_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rtmp") << "rtmp://live.example.org/live/abc123secret"
                          << "rtmp://live.example.org/live/***";
    QTest::newRow("rtmps with port") << "rtmps://h:443/app/k-9/x"
                                     << "rtmps://h:443/app/k-9/***";
    QTest::newRow("query token") << "srt://127.0.0.1:9000?passphrase=hunter22"
                                 << "srt://127.0.0.1:9000?***";
    QTest::newRow("password") << "https://user:pw1234@host/files/"
                              << "https://user:***@host/files/";
    QTest::newRow("not a url") << "just words"
                               << "***";
}

void CoreTest::anRtmpKeyIsReplacedWherever() {
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(Redactor::redactUrl(url), expected);
}

void CoreTest::urlsInsideFreeTextAreRedactedAndTheRestKept() {
    const QString text =
        QStringLiteral("Could not open resource rtmp://10.0.0.9/live/sk-77aa for reading (tcp)");
    const QString redacted = Redactor::redactUrlsIn(text);
    QVERIFY(!redacted.contains(QLatin1String("sk-77aa")));
    QCOMPARE(redacted, QStringLiteral("Could not open resource rtmp://10.0.0.9/live/*** for reading (tcp)"));
    QCOMPARE(Redactor::redactUrlsIn(QStringLiteral("no address here")), QStringLiteral("no address here"));
}

void CoreTest::registeredSecretsAreReplacedButTinyOnesAreIgnored() {
    Redactor redactor;
    redactor.addSecret(QStringLiteral("token-XYZ-42"));
    redactor.addSecret(QStringLiteral("ab"));
    QCOMPARE(redactor.redact(QStringLiteral("Bearer token-XYZ-42 about ab")),
             QStringLiteral("Bearer *** about ab"));
}

void CoreTest::timesAcceptSecondsAndClockNotation_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds"); // negative: must be rejected
    QTest::newRow("seconds") << "12.5" << 12.5;
    QTest::newRow("mm:ss") << "01:30" << 90.0;
    QTest::newRow("hh:mm:ss.mmm") << "01:02:03.250" << 3723.25;
    QTest::newRow("spaces") << " 7 " << 7.0;
    QTest::newRow("word") << "soon" << -1.0;
    QTest::newRow("negative") << "-4" << -1.0;
    QTest::newRow("61 seconds in clock") << "00:61" << -1.0;
    QTest::newRow("fraction of minutes") << "1.5:00" << -1.0;
    QTest::newRow("too many fields") << "1:2:3:4" << -1.0;
    QTest::newRow("infinity") << "inf" << -1.0;
}

void CoreTest::timesAcceptSecondsAndClockNotation() {
    QFETCH(QString, text);
    QFETCH(double, seconds);
    const std::optional<double> parsed = parseSeconds(text);
    if (seconds < 0) {
        QVERIFY2(!parsed, qPrintable(text));
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, seconds);
    }
}

void CoreTest::aPrivateFileIsOnlyForItsOwnerAndASharedOneForEveryone() {
    QTemporaryDir dir;
    const QString secret = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY(!xz::AtomicFile::write(secret, "{\"key\": \"k\"}", xz::AtomicFile::Access::Private));
    QCOMPARE(QFile::permissions(secret) & 0x0077, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(secret) & QFileDevice::ReadOwner);
    const QString shared = dir.filePath(QStringLiteral("markers.json"));
    QVERIFY(!xz::AtomicFile::write(shared, "{}"));
    QVERIFY(QFile::permissions(shared) & QFileDevice::ReadOther);
    QFile read(secret);
    QVERIFY(read.open(QIODevice::ReadOnly));
    QCOMPARE(read.readAll(), QByteArray("{\"key\": \"k\"}"));
}

void CoreTest::aPhraseIsTranslatedEachTimeItIsReadWithItsArgumentsPutInOnce() {
    // An argument that itself reads "%2" stays as it is: arguments go in in one pass.
    const Phrase said("Test", "已加入导出队列：%1（%2）",
                      {QStringLiteral("50%2折.mp4"), QStringLiteral("9:16")});
    QCOMPARE(said.text(), QStringLiteral("已加入导出队列：50%2折.mp4（9:16）"));
    OneSentence english;
    QVERIFY(QCoreApplication::installTranslator(&english));
    QCOMPARE(said.text(), QStringLiteral("queued for export: 50%2折.mp4 (9:16)"));
    QCoreApplication::removeTranslator(&english);
    QCOMPARE(said.text(), QStringLiteral("已加入导出队列：50%2折.mp4（9:16）"));
    QCOMPARE(Phrase::plain(QStringLiteral("磁盘满了 / disk full")).text(),
             QStringLiteral("磁盘满了 / disk full"));
    QVERIFY(Phrase().isEmpty());
    QVERIFY(!(said == Phrase::plain(said.text())));
}

QTEST_GUILESS_MAIN(CoreTest)
#include "tst_core.moc"
