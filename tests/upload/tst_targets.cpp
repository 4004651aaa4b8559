// The plain targets: HTTP PUT, multipart POST and a folder (copy to a temporary name, fsync, rename).
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

using namespace xz::upload;
using namespace xz::upload::test;

class PlainTargetsTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakePlatforms> server_;
    std::unique_ptr<TestHome> home_;

private slots:
    void initTestCase() {
        server_ = std::make_unique<FakePlatforms>();
        QVERIFY(server_->started());
    }
    void init() {
        server_->reset();
        home_ = std::make_unique<TestHome>();
        home_->writeConfig();
    }

    void plainPutUploadsByteIdenticalIntoTheFolderUrl() {
        const QString file = home_->file(QStringLiteral("第3期.mp4"));
        writeFile(file, 3'000'000, 5);
        QueueHarness h;
        const qint64 id = h.add(file, server_->base() + QStringLiteral("/put/"));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        const QJsonObject put = server_->state()
                                    .value(QStringLiteral("puts"))
                                    .toObject()
                                    .value(QStringLiteral("第3期.mp4"))
                                    .toObject();
        QCOMPARE(sha256Hex(put.value(QStringLiteral("path")).toString()), sha256Hex(file));
    }

    void putFinishedBeforeACrashIsRecognisedByItsLength() {
        const QString file = home_->file(QStringLiteral("clip.mp4"));
        writeFile(file, 100'000, 6);
        {
            QueueHarness h;
            QVERIFY(h.runUntilDrained());
            h.add(file, server_->base() + QStringLiteral("/put/"));
            QVERIFY(h.runUntilDrained());
            UploadJob job = h.job(1);
            job.state = JobState::Uploading; // as if the crash came before "done" was written
            QVERIFY(h.store->save(job));
        }
        QueueHarness h;
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(1).state, JobState::Done);
        QCOMPARE(server_->state()
                     .value(QStringLiteral("puts"))
                     .toObject()
                     .value(QStringLiteral("clip.mp4"))
                     .toObject()
                     .value(QStringLiteral("count"))
                     .toInt(),
                 1);
    }

    void multipartPostSendsFileTitleAndHashtags() {
        const QString file = home_->file(QStringLiteral("dance.mp4"));
        writeFile(file, 200'000, 7);
        QueueHarness h;
        const qint64 id = h.add(file, QStringLiteral("post+") + server_->base() + QStringLiteral("/form/"),
                                QStringLiteral("百姓大舞台"), {QStringLiteral("舞蹈")});
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        const QJsonObject form = server_->state().value(QStringLiteral("forms")).toArray().at(0).toObject();
        QCOMPARE(form.value(QStringLiteral("fields")).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("百姓大舞台"));
        QCOMPARE(sha256Hex(form.value(QStringLiteral("path")).toString()), sha256Hex(file));
    }

    void folderTargetCopiesAtomicallyAndNeverOverwritesAnotherFile() {
        QTemporaryDir nas;
        const QString file = home_->file(QStringLiteral("news.mp3"));
        writeFile(file, 5'000'000, 8);
        writeFile(nas.filePath(QStringLiteral("news.mp3")), 1000, 99); // someone else's file of the same name
        QueueHarness h;
        const qint64 id = h.add(file, QUrl::fromLocalFile(nas.path()).toString());
        QVERIFY(h.runUntilDrained());
        QCOMPARE(h.job(id).state, JobState::Done);
        QCOMPARE(sha256Hex(nas.filePath(QStringLiteral("news (2).mp3"))), sha256Hex(file));
        QCOMPARE(QFileInfo(nas.filePath(QStringLiteral("news.mp3"))).size(), 1000);
        // No temporary files are left behind.
        QCOMPARE(QDir(nas.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    void folderTargetThatDoesNotExistIsRejectedWhenQueueing() {
        const QString file = home_->file(QStringLiteral("a.mp4"));
        writeFile(file, 10, 1);
        QueueHarness h;
        QCOMPARE(h.add(file, QStringLiteral("file:///no/such/folder")), qint64(-1));
    }
};

QTEST_GUILESS_MAIN(PlainTargetsTest)
#include "tst_targets.moc"
