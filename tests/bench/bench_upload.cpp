// bench_upload: how fast the transfer engine pushes a file to a loopback tus server compared with the curl
// command line in the same run (goal: at least 90% of curl), and peak RSS while the queue uploads a 2 GB file
// (goal: under 64 MB). The server is tests/upload/servers/fake_platforms.py in --discard mode.
#include "curltransport.h"
#include "jobbuilder.h"
#include "jobstore.h"
#include "targetfactory.h"
#include "tustarget.h"
#include "uploadconfig.h"
#include "uploadqueue.h"

#include "redact.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

using namespace xz::upload;

namespace {

constexpr qint64 kMiB = 1 << 20;

qint64 statusKb(const char* field) {
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void writeRandomFile(const QString& path, qint64 size) {
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    std::vector<quint64> block(1 << 17);
    quint64 x = 88172645463325252ull;
    for (qint64 left = size; left > 0;) {
        for (quint64& w : block) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            w = x;
        }
        const qint64 n = std::min<qint64>(left, qint64(block.size() * 8));
        file.write(reinterpret_cast<const char*>(block.data()), n);
        left -= n;
    }
}

class Server {
public:
    explicit Server(const QString& dir) {
        process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process_.start(QStringLiteral("python3"), {QStringLiteral(XZ_FAKE_PLATFORMS), QStringLiteral("--dir"),
                                                   dir, QStringLiteral("--discard")});
        process_.waitForStarted();
        for (int i = 0; i < 100 && !process_.canReadLine(); ++i)
            process_.waitForReadyRead(100);
        port_ = process_.readLine().trimmed().mid(5).toInt();
    }
    ~Server() {
        process_.terminate();
        process_.waitForFinished(3000);
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port_); }
    bool ok() const { return port_ > 0; }
    void configure(const QByteArray& json) {
        QProcess::execute(QStringLiteral("curl"),
                          {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                           QStringLiteral("--noproxy"), QStringLiteral("*"), QStringLiteral("--data-binary"),
                           QString::fromUtf8(json), base() + QStringLiteral("/_ctl/config")});
    }

private:
    QProcess process_;
    int port_ = 0;
};

// One tus PATCH of the whole file through our transfer engine; returns seconds.
double uploadWithEngine(const Server& server, const QString& path, qint64 size) {
    CurlTransport transport;
    xz::Redactor redactor;
    TusTarget target(transport, redactor,
                     TusOptions{server.base() + QStringLiteral("/files/"), size, {}, false, 0});
    TargetJob job;
    job.id = 1;
    job.path = path;
    job.size = size;
    QEventLoop loop;
    bool ok = false;
    UploadTarget::Callbacks callbacks;
    callbacks.finished = [&](const TargetOutcome& outcome) {
        ok = outcome.ok;
        if (!ok)
            std::fprintf(stderr, "engine upload failed: %s\n", qPrintable(outcome.error.describe()));
        loop.quit();
    };
    QElapsedTimer clock;
    clock.start();
    target.start(job, callbacks);
    loop.exec();
    return ok ? double(clock.nsecsElapsed()) / 1e9 : -1;
}

// The same through the curl command line: create with one curl, time the PATCH with another.
double uploadWithCurl(const Server& server, const QString& path, qint64 size) {
    QProcess create;
    create.start(QStringLiteral("curl"),
                 {QStringLiteral("-sS"), QStringLiteral("-i"), QStringLiteral("--noproxy"),
                  QStringLiteral("*"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                  QStringLiteral("Tus-Resumable: 1.0.0"), QStringLiteral("-H"),
                  QStringLiteral("Upload-Length: %1").arg(size), server.base() + QStringLiteral("/files/")});
    create.waitForFinished();
    QString location;
    for (const QByteArray& line : create.readAllStandardOutput().split('\n')) {
        if (line.toLower().startsWith("location:"))
            location = QString::fromLatin1(line.mid(9).trimmed());
    }
    QProcess patch;
    QElapsedTimer clock;
    clock.start();
    patch.start(QStringLiteral("curl"),
                {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                 QStringLiteral("--noproxy"), QStringLiteral("*"), QStringLiteral("-X"),
                 QStringLiteral("PATCH"), QStringLiteral("-H"), QStringLiteral("Tus-Resumable: 1.0.0"),
                 QStringLiteral("-H"), QStringLiteral("Upload-Offset: 0"), QStringLiteral("-H"),
                 QStringLiteral("Content-Type: application/offset+octet-stream"), QStringLiteral("-H"),
                 QStringLiteral("Expect:"), QStringLiteral("-T"), path, server.base() + location});
    patch.waitForFinished(-1);
    return patch.exitCode() == 0 ? double(clock.nsecsElapsed()) / 1e9 : -1;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    qputenv("no_proxy", "127.0.0.1,localhost");
    QTemporaryDir work;
    qputenv("XIAOZHAN_HOME", work.filePath(QStringLiteral("home")).toUtf8());
    Server server(work.filePath(QStringLiteral("server")));
    if (!server.ok()) {
        std::fprintf(stderr, "bench_upload: cannot start the fake tus server\n");
        return 1;
    }
    const qint64 baselineKb = statusKb("VmRSS:");

    // 1. Peak RSS: the whole queue (hash check, tus with sha1 checksums, 64 MiB chunks) on a sparse 2 GiB
    // file.
    const QString big = work.filePath(QStringLiteral("big-2g.mp4"));
    {
        QFile f(big);
        f.open(QIODevice::WriteOnly);
        f.resize(2048 * kMiB);
    }
    double queueSeconds = 0;
    {
        auto config = UploadConfig::load();
        auto store = JobStore::open(JobStore::defaultPath());
        CurlTransport transport(config->transfer);
        TargetFactory factory(transport, *config);
        UploadQueue queue(
            **store, [&](const QString& t) { return factory.create(t); }, config->limits);
        QElapsedTimer clock;
        clock.start();
        auto job = JobBuilder::fromFile(
            big, QStringLiteral("tus+") + server.base() + QStringLiteral("/files/"), {}, {}, *config);
        queue.add(*job, true);
        QEventLoop loop;
        QObject::connect(&queue, &UploadQueue::drained, &loop, &QEventLoop::quit, Qt::QueuedConnection);
        queue.start();
        loop.exec();
        queueSeconds = double(clock.nsecsElapsed()) / 1e9;
        if (queue.jobs().front().state != JobState::Done) {
            std::fprintf(stderr, "2 GiB upload failed: %s\n", qPrintable(queue.jobs().front().reason()));
            return 1;
        }
    }
    const qint64 peakKb = statusKb("VmHWM:");
    QFile::remove(big);

    // 2. Throughput against curl: the same 1 GiB file, one PATCH each, alternating, checksums off for both.
    server.configure(R"({"checksum": false})");
    const qint64 size = 1024 * kMiB;
    const QString file = work.filePath(QStringLiteral("clip-1g.mp4"));
    writeRandomFile(file, size);
    std::vector<double> ours, theirs;
    std::printf("bench_upload: loopback tus server (fake_platforms.py --discard), %lld MiB file\n",
                size / kMiB);
    for (int round = 1; round <= 3; ++round) {
        const double a = uploadWithEngine(server, file, size);
        const double b = uploadWithCurl(server, file, size);
        if (a <= 0 || b <= 0) {
            std::fprintf(stderr, "an upload failed\n");
            return 1;
        }
        ours.push_back(double(size) / kMiB / a);
        theirs.push_back(double(size) / kMiB / b);
        std::printf("  round %d: xiaozhan %7.1f MiB/s   curl %7.1f MiB/s\n", round, ours.back(),
                    theirs.back());
    }
    const double mOurs = median(ours), mCurl = median(theirs);
    std::printf("  median: xiaozhan %.1f MiB/s, curl %.1f MiB/s, ratio %.2f (goal >= 0.90)\n", mOurs, mCurl,
                mOurs / mCurl);
    std::printf(
        "  queue end to end, 2 GiB sparse file (hash check + tus with sha1 per 64 MiB chunk): %.1f MiB/s\n",
        2048.0 / queueSeconds);
    std::printf("  peak RSS while uploading the 2 GiB file: %.1f MiB (goal < 64 MiB; %.1f MiB at start)\n",
                double(peakKb) / 1024, double(baselineKb) / 1024);
    return 0;
}
