// The persistent queue: survives reopening, deduplicates by content and target, resumes interrupted jobs.
#include "jobstore.h"
#include "testsupport.h"

#include <QTest>

using namespace xz::upload;
using namespace xz::upload::test;

class JobStoreTest : public QObject {
    Q_OBJECT
private:
    static UploadJob job(const QByteArray& hash,
                         const QString& target = QStringLiteral("tus+https://x/files/")) {
        UploadJob j;
        j.path = QStringLiteral("/clips/a.mp4");
        j.size = 42;
        j.sha256Hex = hash;
        j.target = target;
        j.title = QStringLiteral("标题");
        j.hashtags = {QStringLiteral("社区")};
        return j;
    }

private slots:
    void jobsAndCheckpointsSurviveReopening() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("q.sqlite"));
        {
            auto store = JobStore::open(path);
            QVERIFY(store);
            auto added = (*store)->add(job("aa"), false);
            QVERIFY(added);
            UploadJob j = added->job;
            j.state = JobState::Uploading;
            j.session = {{QStringLiteral("url"), QStringLiteral("https://x/files/7")}};
            j.confirmedOffset = 21;
            QVERIFY((*store)->save(j));
        }
        auto store = JobStore::open(path);
        auto all = (*store)->all();
        QCOMPARE(all->size(), size_t(1));
        const UploadJob& j = all->front();
        QCOMPARE(j.title, QStringLiteral("标题"));
        QCOMPARE(j.hashtags, QStringList{QStringLiteral("社区")});
        QCOMPARE(j.confirmedOffset, qint64(21));
        QCOMPARE(j.session.value(QStringLiteral("url")).toString(), QStringLiteral("https://x/files/7"));
        QCOMPARE(*(*store)->requeueInterrupted(), 1);
        QCOMPARE((*(*store)->get(j.id))->state, JobState::Queued);
    }

    void sameContentForTheSameTargetIsOneJob() {
        QTemporaryDir dir;
        auto store = JobStore::open(dir.filePath(QStringLiteral("q.sqlite")));
        const qint64 first = (*store)->add(job("aa"), false)->job.id;
        QCOMPARE((*store)->add(job("aa"), false)->outcome, JobStore::AddOutcome::AlreadyQueued);
        QCOMPARE((*store)->add(job("aa", QStringLiteral("douyin://station")), false)->outcome,
                 JobStore::AddOutcome::Added);
        UploadJob done = *(*(*store)->get(first));
        done.state = JobState::Done;
        (*store)->save(done);
        QCOMPARE((*store)->add(job("aa"), false)->outcome, JobStore::AddOutcome::AlreadyUploaded);
        QCOMPARE((*store)->add(job("aa"), true)->outcome, JobStore::AddOutcome::Added);
        QCOMPARE((*store)->all()->size(), size_t(3));
    }

    void failedJobIsQueuedAgainWhenAddedAgain() {
        QTemporaryDir dir;
        auto store = JobStore::open(dir.filePath(QStringLiteral("q.sqlite")));
        UploadJob j = (*store)->add(job("bb"), false)->job;
        j.state = JobState::Failed;
        j.failures = 8;
        j.reasonEn = QStringLiteral("gave up");
        (*store)->save(j);
        const auto again = (*store)->add(job("bb"), false);
        QCOMPARE(again->outcome, JobStore::AddOutcome::Requeued);
        QCOMPARE(again->job.id, j.id);
        QCOMPARE(again->job.state, JobState::Queued);
        QCOMPARE(again->job.failures, 0);
        QVERIFY(again->job.reasonEn.isEmpty());
    }

    void databaseUsesWriteAheadLogging() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("q.sqlite"));
        auto store = JobStore::open(path);
        (*store)->add(job("cc"), false);
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    }
};

QTEST_GUILESS_MAIN(JobStoreTest)
#include "tst_store.moc"
