// A thousand small clips: all arrive intact, none twice, and never more at once than the concurrency limit.
#include "testsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace xz::upload;
using namespace xz::upload::test;

class ManyFilesTest : public QObject {
    Q_OBJECT
private slots:
    void thousandQueuedFilesCompleteWithinTheConcurrencyLimit() {
        isolateNetwork();
        QTemporaryDir serverDir;
        FakePlatforms server(serverDir.path());
        QVERIFY(server.started());
        TestHome home;
        home.writeConfig({{QStringLiteral("limits"), QJsonObject{{QStringLiteral("concurrency"), 4}}}});
        QueueHarness h(false);
        QMap<qint64, QByteArray> hashes;
        for (int i = 0; i < 1000; ++i) {
            const QString path = home.file(QStringLiteral("card-%1.png").arg(i));
            writeFile(path, 512 + (i * 37) % 3000, quint64(i) + 1);
            const qint64 id = h.add(path, server.tusTarget());
            QVERIFY(id > 0);
            hashes.insert(id, sha256Hex(path));
        }
        QVERIFY(h.queue->start());
        QVERIFY(h.runUntilDrained(180'000));
        for (const UploadJob& job : h.queue->jobs())
            QCOMPARE(job.state, JobState::Done);
        QVERIFY2(h.queue->peakActive() <= 4 && h.queue->peakActive() >= 2,
                 qPrintable(QString::number(h.queue->peakActive())));

        const QJsonObject state = server.state();
        QVERIFY2(state.value(QStringLiteral("peak_open_uploads")).toInt() <= 4,
                 qPrintable(QString::number(state.value(QStringLiteral("peak_open_uploads")).toInt())));
        const QJsonObject uploads = state.value(QStringLiteral("tus")).toObject();
        QCOMPARE(uploads.size(), 1000);
        QSet<QByteArray> onServer;
        for (const QJsonValue& v : uploads)
            onServer.insert(sha256Hex(v.toObject().value(QStringLiteral("path")).toString()));
        QCOMPARE(onServer.size(), 1000);
        for (const QByteArray& hash : hashes)
            QVERIFY(onServer.contains(hash));
    }
};

QTEST_GUILESS_MAIN(ManyFilesTest)
#include "tst_many.moc"
