// The markers sidecar's write path: a process killed with SIGKILL at random moments while it rewrites a
// growing markers file never leaves a half file behind, only the previous or the next complete one; a write
// that cannot finish says so and leaves the old file as it was.
#include "atomicfile.h"
#include "markerssidecar.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace xz::rundown;

namespace {

// The child: rewrites the sidecar with one more marker each time, forever, printing how many it wrote.
int writeForever(const QString& recording) {
    MarkersSidecar sidecar(recording, QStringLiteral("cooking"), QStringLiteral("原子写入测试"),
                           QDateTime::currentDateTime());
    for (int i = 0;; ++i) {
        Marker marker;
        marker.kind = Marker::Kind::Mark;
        marker.time = i * 0.5;
        // Long titles make each write a megabyte or so, big enough for a kill to land in the middle of it.
        marker.title = QStringLiteral("标记 %1 ").arg(i) + QString(1000, u'长');
        sidecar.add(marker);
        if (i < 300)
            continue;
        if (const auto error = sidecar.write()) {
            fprintf(stderr, "%s\n", qPrintable(error->toString()));
            return 1;
        }
        fprintf(stdout, "%d\n", i + 1);
        fflush(stdout);
    }
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private slots:
    void aKillDuringWritesNeverLeavesAHalfFile() {
        QTemporaryDir dir;
        const QString recording = dir.filePath(QStringLiteral("take.mkv"));
        const QString sidecar = MarkersSidecar::pathFor(recording);
        QRandomGenerator random(42);
        int lastCount = 0;
        for (int round = 0; round < 20; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--write-forever"), recording});
            QVERIFY(child.waitForStarted(30000));
            // Let it write a few rounds (at least one after the previous kill), then kill it mid-flight.
            const int writes = 2 + random.bounded(40);
            int seen = 0;
            while (seen < writes) {
                QVERIFY2(child.waitForReadyRead(30000), qPrintable(child.readAllStandardError()));
                seen += int(child.readAll().count('\n'));
            }
            ::usleep(useconds_t(random.bounded(20000))); // anywhere in the next write
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(30000));

            QFile file(sidecar);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            const QJsonObject root = document.object();
            QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("xiaozhan-markers"));
            const QJsonArray markers = root.value(QStringLiteral("markers")).toArray();
            QVERIFY(markers.size() >= 300 + writes);
            for (int i = 0; i < markers.size(); ++i)
                QVERIFY(markers[i]
                            .toObject()
                            .value(QStringLiteral("title"))
                            .toString()
                            .startsWith(QStringLiteral("标记 %1 ").arg(i)));
            lastCount = int(markers.size());
        }
        QVERIFY(lastCount > 300);
    }

    void aFailedWriteSaysSoAndKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.json"));
        QVERIFY(!xz::AtomicFile::write(path, "old"));
        // The target became a folder: the rename cannot replace it.
        const QString folder = dir.filePath(QStringLiteral("busy.json"));
        QVERIFY(QDir().mkdir(folder));
        const auto error = xz::AtomicFile::write(folder, "new");
        QVERIFY(error);
        QVERIFY(error->messageEn.contains(folder));
        QVERIFY(error->detail.startsWith(QStringLiteral("rename")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old"));
        // No temporary file is left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{"busy.json", "state.json"}));
    }

    void aWriteCreatesTheFolderAndReplacesTheFileWhole() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a/b/markers.json"));
        QVERIFY(!xz::AtomicFile::write(path, QByteArray(100000, 'x')));
        QVERIFY(!xz::AtomicFile::write(path, "short"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("short"));
        QCOMPARE(file.permissions() & QFileDevice::ReadOther, QFileDevice::ReadOther);
    }
};

int main(int argc, char** argv) {
    if (argc == 3 && qstrcmp(argv[1], "--write-forever") == 0)
        return writeForever(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestAtomicFile test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_atomicfile.moc"
