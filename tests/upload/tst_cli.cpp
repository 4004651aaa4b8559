// `xiaozhan upload add|run|list` end to end, through upload_runner (the command in its own process).
#include "testsupport.h"

#include <QJsonArray>
#include <QTest>

#include <unistd.h>

using namespace xz::upload;
using namespace xz::upload::test;

class UploadCommandTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakePlatforms> server_;
    std::unique_ptr<TestHome> home_;

    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(XZ_UPLOAD_RUNNER), args);
        p.waitForFinished(60'000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

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

    void addingAMissingFileSaysFileNotFoundInBothLanguages() {
        const Run r = run({QStringLiteral("add"), QStringLiteral("/nonexistent/clip.mp4"),
                           QStringLiteral("--target"), server_->tusTarget()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("找不到文件")) &&
                     r.err.contains(QStringLiteral("file not found")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("/nonexistent/clip.mp4")));
    }

    void addingAnUnreadableFileSaysSo() {
        if (::geteuid() == 0)
            QSKIP("root can read any file");
        const QString file = home_->file(QStringLiteral("locked.mp4"));
        writeFile(file, 100, 1);
        QFile::setPermissions(file, QFileDevice::WriteOwner);
        const Run r = run({QStringLiteral("add"), file, QStringLiteral("--target"), server_->tusTarget()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot read file")), qPrintable(r.err));
    }

    void unsupportedTargetIsExplained() {
        const QString file = home_->file(QStringLiteral("a.mp4"));
        writeFile(file, 100, 1);
        const Run r =
            run({QStringLiteral("add"), file, QStringLiteral("--target"), QStringLiteral("ftp://x/")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("unsupported upload target")), qPrintable(r.err));
        const Run douyin =
            run({QStringLiteral("add"), file, QStringLiteral("--target"), QStringLiteral("douyin://nobody")});
        QCOMPARE(douyin.code, 1);
        QVERIFY(douyin.err.contains(QStringLiteral("not configured")));
    }

    void usageErrorsExitWithTwo() {
        QCOMPARE(run({}).code, 2);
        QCOMPARE(run({QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(run({QStringLiteral("add"), QStringLiteral("x")}).code, 2);
        QCOMPARE(run({QStringLiteral("run"), QStringLiteral("--bogus")}).code, 2);
    }

    void addRunListUploadsOnceAndReportsDone() {
        const QString file = home_->file(QStringLiteral("cooking-ep3.mp4"));
        writeFile(file, 3'000'000, 9);
        Run r = run({QStringLiteral("add"), file, QStringLiteral("--target"), server_->tusTarget(),
                     QStringLiteral("--title"), QStringLiteral("齐悦美食汇"), QStringLiteral("--hashtag"),
                     QStringLiteral("美食")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("queued: #1")), qPrintable(r.out));
        r = run({QStringLiteral("add"), file, QStringLiteral("--target"), server_->tusTarget()});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("already queued: #1")));
        r = run({QStringLiteral("list")});
        QVERIFY2(r.out.contains(QStringLiteral("排队中 / queued")) &&
                     r.out.contains(QStringLiteral("齐悦美食汇")),
                 qPrintable(r.out));
        r = run({QStringLiteral("run"), QStringLiteral("--until-empty")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("1 uploaded, 0 failed")), qPrintable(r.out + r.err));
        QVERIFY(r.err.contains(QStringLiteral("uploaded: #1")));
        r = run({QStringLiteral("list")});
        QVERIFY(r.out.contains(QStringLiteral("已完成 / done")));
        QVERIFY(r.out.contains(QStringLiteral("100%")));
        r = run({QStringLiteral("add"), file, QStringLiteral("--target"), server_->tusTarget()});
        QVERIFY(r.out.contains(QStringLiteral("already uploaded as #1")));
        r = run({QStringLiteral("run"), QStringLiteral("--until-empty")});
        QCOMPARE(r.code, 0);
        QCOMPARE(server_->state().value(QStringLiteral("tus")).toObject().size(), 1);
    }

    void runReportsFailuresWithExitCodeThree() {
        server_->setFaults({fault(QStringLiteral("POST"), {}, {{QStringLiteral("status"), 404}}, -1)});
        const QString file = home_->file(QStringLiteral("a.mp4"));
        writeFile(file, 100, 1);
        QCOMPARE(run({QStringLiteral("add"), file, QStringLiteral("--target"), server_->tusTarget()}).code,
                 0);
        const Run r = run({QStringLiteral("run"), QStringLiteral("--until-empty")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("failed: #1")), qPrintable(r.err));
        QVERIFY(run({QStringLiteral("list")}).out.contains(QStringLiteral("does not exist")));
    }

    void configReadableByOthersIsRefused() {
        QFile::setPermissions(UploadConfig::defaultPath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        const Run r = run({QStringLiteral("run"), QStringLiteral("--until-empty")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("chmod 600")), qPrintable(r.err));
    }

    void brokenConfigNamesItsLine() {
        QFile config(UploadConfig::defaultPath());
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write("{\n  \"limits\": {\n    \"concurrency\": 2,,\n  }\n}\n");
        config.close();
        const Run r = run({QStringLiteral("run"), QStringLiteral("--until-empty")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("line 3")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(UploadCommandTest)
#include "tst_cli.moc"
