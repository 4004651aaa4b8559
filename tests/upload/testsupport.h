// Shared plumbing for the upload suites: a private XIAOZHAN_HOME with a 0600 config, the loopback fake
// platforms server (tests/upload/servers/fake_platforms.py), generated files, and an in-process queue.
#pragma once

#include "curltransport.h"
#include "jobstore.h"
#include "targetfactory.h"
#include "uploadconfig.h"
#include "uploadqueue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace xz::upload::test {

// Loopback only: the tests must never reach another machine, even through a proxy from the environment.
void isolateNetwork();

// Deterministic pseudo-random content, written fast (xorshift), so big files cost little.
void writeFile(const QString& path, qint64 size, quint64 seed);
QByteArray sha256Hex(const QString& path);
// A real, playable MP4 (a two-second clip made by ffmpeg) of exactly `size` bytes: the rest is a top-level
// "free" box of pseudo-random bytes, which players and demuxers skip. Fast at any size, and honest to check.
void writeMp4(const QString& path, qint64 size, quint64 seed);
// A real clip of the given length and container (ffmpeg's "mp4", "matroska", "webm"...): tiny picture, 1 fps.
void writeClip(const QString& path, int seconds, const QString& format = QStringLiteral("mp4"));
// A self-signed certificate for 127.0.0.1 (key included), for https on loopback; returns the PEM's path.
QString writeLoopbackCertificate(const QString& dir);

class FakePlatforms {
public:
    // A suite's server: files kept in a private temporary folder, and no proxy between client and server.
    FakePlatforms();
    explicit FakePlatforms(const QString& storageDir, bool discard = false);
    // On another loopback address (127.0.0.2, say) and, with a certificate, over https.
    FakePlatforms(const QString& host, const QString& tlsCertificate);
    ~FakePlatforms();
    bool started() const { return port_ > 0; }
    int port() const { return port_; }
    QString base() const {
        return QStringLiteral("%1://%2:%3").arg(tls_ ? "https" : "http", host_).arg(port_);
    }
    QString tusTarget() const { return QStringLiteral("tus+") + base() + QStringLiteral("/files/"); }

    void reset();
    void configure(const QJsonObject& config);
    void setFaults(const QJsonArray& faults);
    QJsonObject state();
    QJsonObject control(const QString& path, const QByteArray& body = {});

private:
    void start(const QString& storageDir, const QStringList& options);

    std::unique_ptr<QTemporaryDir> ownStorage_;
    QString host_ = QStringLiteral("127.0.0.1");
    QString caFile_;
    bool tls_ = false;
    QProcess process_;
    int port_ = 0;
};

// A fault matching one method/path (and Douyin endpoint), applied `times` times (-1: always).
QJsonObject fault(const QString& method, const QString& path, const QJsonObject& action, int times = 1,
                  const QString& endpoint = {});

class TestHome {
public:
    TestHome();
    QString path() const { return dir_.path(); }
    QString file(const QString& name) const { return dir_.filePath(name); }
    // Writes config/upload.json with 0600; limits merged over fast test defaults.
    void writeConfig(QJsonObject config = {}) const;
    static QJsonObject fastLimits();

private:
    QTemporaryDir dir_;
};

// A queue wired like `upload run` does it, inside the test process.
class QueueHarness {
public:
    // caFile: the certificates to trust instead of the system's (a loopback https server's own).
    explicit QueueHarness(bool startQueue = true, const QString& caFile = {});
    ~QueueHarness();
    qint64 add(const QString& path, const QString& target, const QString& title = {},
               const QStringList& hashtags = {}, bool force = false);
    // Runs the event loop until the queue has nothing queued or uploading; false on timeout.
    bool runUntilDrained(int timeoutMs = 60'000);
    UploadJob job(qint64 id) const;

    UploadConfig config;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<CurlTransport> transport;
    std::unique_ptr<TargetFactory> factory;
    std::unique_ptr<UploadQueue> queue;
};

} // namespace xz::upload::test
