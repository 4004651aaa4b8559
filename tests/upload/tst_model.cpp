// The Uploads view's model: consistent under QAbstractItemModelTester while jobs are added, progress, pause,
// resume, cancel, retry and fail, with state and errors in words.
#include "testsupport.h"
#include "uploadlistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace xz::upload;
using namespace xz::upload::test;

class UploadModelTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakePlatforms> server_;

    static QVariant role(const UploadListModel& m, int row, UploadListModel::Role r) {
        return m.data(m.index(row), int(r));
    }

private slots:
    void initTestCase() {
        server_ = std::make_unique<FakePlatforms>();
        QVERIFY(server_->started());
    }

    void rolesHaveCamelCaseNamesAndRowsFollowTheQueue() {
        TestHome home;
        home.writeConfig();
        QueueHarness h(false);
        UploadListModel model(*h.queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.roleNames().value(int(UploadListModel::Role::StateText)), QByteArray("stateText"));
        QCOMPARE(model.roleNames().value(int(UploadListModel::Role::EtaSeconds)), QByteArray("etaSeconds"));
        const QString file = home.file(QStringLiteral("a.mp4"));
        writeFile(file, 1000, 1);
        h.add(file, server_->tusTarget(), QStringLiteral("急救培训会"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0)), 0);
        QCOMPARE(role(model, 0, UploadListModel::Role::Title).toString(), QStringLiteral("急救培训会"));
        QCOMPARE(role(model, 0, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("排队中 / queued"));
        QVERIFY(role(model, 0, UploadListModel::Role::CanPause).toBool());
    }

    void showsProgressRateAndEtaWhileUploadingAndSupportsPauseResume() {
        TestHome home;
        home.writeConfig(
            {{QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_bytes_per_second"), 1 << 20}}}});
        server_->reset();
        QueueHarness h(false);
        UploadListModel model(*h.queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString file = home.file(QStringLiteral("slow.mp4"));
        writeFile(file, 4 << 20, 2);
        const qint64 id = h.add(file, server_->tusTarget());
        h.queue->start();
        QTRY_VERIFY_WITH_TIMEOUT(role(model, 0, UploadListModel::Role::BytesPerSecond).toDouble() > 0, 5'000);
        QCOMPARE(role(model, 0, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("上传中 / uploading"));
        const double progress = role(model, 0, UploadListModel::Role::Progress).toDouble();
        QVERIFY(progress > 0 && progress < 1);
        QVERIFY(role(model, 0, UploadListModel::Role::EtaSeconds).toLongLong() >= 0);
        QVERIFY(!role(model, 0, UploadListModel::Role::EtaText).toString().isEmpty());

        QVERIFY(model.pause(id));
        QCOMPARE(role(model, 0, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("已暂停 / paused"));
        QVERIFY(role(model, 0, UploadListModel::Role::CanResume).toBool());
        // The transfer under way is let go (asynchronously), and the paused job is not picked up again.
        QTRY_COMPARE_WITH_TIMEOUT(h.queue->activeCount(), 0, 20'000);
        QCOMPARE(role(model, 0, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("已暂停 / paused"));
        QVERIFY(role(model, 0, UploadListModel::Role::Progress).toDouble() < 1);
        QVERIFY(model.resume(id));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(role(model, 0, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("已完成 / done"));
        QCOMPARE(role(model, 0, UploadListModel::Role::Progress).toDouble(), 1.0);
        const QJsonObject up =
            server_->state().value(QStringLiteral("tus")).toObject().begin().value().toObject();
        QCOMPARE(sha256Hex(up.value(QStringLiteral("path")).toString()), sha256Hex(file));
    }

    void failedJobShowsItsErrorAndCanBeRetriedOrCancelled() {
        TestHome home;
        home.writeConfig();
        server_->reset();
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("status"), 403}}, 1)});
        QueueHarness h(false);
        UploadListModel model(*h.queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString file = home.file(QStringLiteral("b.mp4"));
        writeFile(file, 1000, 3);
        const qint64 id = h.add(file, server_->tusTarget());
        h.queue->start();
        QVERIFY(h.runUntilDrained());
        QCOMPARE(role(model, 0, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("失败 / failed"));
        QVERIFY(role(model, 0, UploadListModel::Role::ErrorText)
                    .toString()
                    .contains(QStringLiteral("refused access")));
        QVERIFY(
            role(model, 0, UploadListModel::Role::ErrorDetail).toString().contains(QStringLiteral("403")));
        QVERIFY(role(model, 0, UploadListModel::Role::CanRetry).toBool());
        QVERIFY(model.retry(id));
        QVERIFY(h.runUntilDrained());
        QCOMPARE(role(model, 0, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("已完成 / done"));
        QVERIFY(role(model, 0, UploadListModel::Role::ErrorText).toString().isEmpty());
        QVERIFY(!model.cancel(id)); // a finished upload cannot be cancelled

        const QString other = home.file(QStringLiteral("c.mp4"));
        writeFile(other, 1000, 4);
        h.queue->stop();
        const qint64 second = h.add(other, server_->tusTarget());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.cancel(second));
        QCOMPARE(role(model, 1, UploadListModel::Role::StateText).toString(),
                 QStringLiteral("已取消 / cancelled"));
    }
};

QTEST_GUILESS_MAIN(UploadModelTest)
#include "tst_model.moc"
