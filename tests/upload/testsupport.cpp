#include "testsupport.h"

#include "digest.h"
#include "jobbuilder.h"
#include "paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTest>
#include <QTimer>

#include <curl/curl.h>

#include <vector>

namespace xz::upload::test {

void isolateNetwork() {
    for (const char* name :
         {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
        qunsetenv(name);
    qputenv("no_proxy", "127.0.0.1,localhost,::1");
}

void writeFile(const QString& path, qint64 size, quint64 seed) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    std::vector<quint64> block(1 << 17); // 1 MB
    quint64 x = seed * 0x9E3779B97F4A7C15ull + 1;
    qint64 left = size;
    while (left > 0) {
        for (quint64& word : block) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            word = x;
        }
        const qint64 n = std::min<qint64>(left, qint64(block.size() * sizeof(quint64)));
        file.write(reinterpret_cast<const char*>(block.data()), n);
        left -= n;
    }
}

void writeClip(const QString& path, int seconds, const QString& format) {
    QProcess ffmpeg;
    QStringList args{QStringLiteral("-loglevel"),
                     QStringLiteral("error"),
                     QStringLiteral("-y"),
                     QStringLiteral("-f"),
                     QStringLiteral("lavfi"),
                     QStringLiteral("-i"),
                     QStringLiteral("color=c=blue:s=64x64:r=1"),
                     QStringLiteral("-t"),
                     QString::number(seconds)};
    if (format == QLatin1String("webm"))
        args << QStringLiteral("-c:v") << QStringLiteral("libvpx") << QStringLiteral("-b:v")
             << QStringLiteral("50k");
    else
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
             << QStringLiteral("ultrafast") << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p");
    args << QStringLiteral("-f") << format << path;
    ffmpeg.start(QStringLiteral("ffmpeg"), args);
    if (!ffmpeg.waitForFinished(60'000) || ffmpeg.exitCode() != 0)
        qFatal("ffmpeg could not make %s: %s", qPrintable(path), ffmpeg.readAllStandardError().constData());
}

void writeMp4(const QString& path, qint64 size, quint64 seed) {
    writeClip(path, 2);
    const qint64 clip = QFileInfo(path).size();
    const qint64 box = size - clip;
    if (box < 8 || box > 0xFFFFFFFFll)
        qFatal("writeMp4: %lld bytes cannot hold a %lld-byte clip and a free box", size, clip);
    const QString padding = path + QStringLiteral(".free");
    writeFile(padding, box - 8, seed);
    QFile out(path);
    QFile in(padding);
    if (!out.open(QIODevice::Append) || !in.open(QIODevice::ReadOnly))
        qFatal("writeMp4: cannot write %s", qPrintable(path));
    const quint32 boxSize = quint32(box);
    const char header[8] = {
        char(boxSize >> 24), char(boxSize >> 16), char(boxSize >> 8), char(boxSize), 'f', 'r', 'e', 'e'};
    out.write(header, 8);
    while (!in.atEnd())
        out.write(in.read(1 << 20));
    in.remove();
}

QString writeLoopbackCertificate(const QString& dir) {
    const QString pem = QDir(dir).filePath(QStringLiteral("loopback.pem"));
    const QString key = QDir(dir).filePath(QStringLiteral("loopback.key"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), pem});
    if (!openssl.waitForFinished(60'000) || openssl.exitCode() != 0)
        qFatal("openssl: %s", openssl.readAllStandardError().constData());
    // One file with the certificate and its key, as Python's ssl and libcurl both take it.
    QFile out(pem);
    QFile k(key);
    if (!out.open(QIODevice::Append) || !k.open(QIODevice::ReadOnly))
        qFatal("cannot write %s", qPrintable(pem));
    out.write(k.readAll());
    return pem;
}

QByteArray sha256Hex(const QString& path) {
    const auto hash = Digest::ofFile(Digest::Algorithm::Sha256, path);
    return hash ? hash->toHex() : QByteArray("unreadable");
}

FakePlatforms::FakePlatforms() : ownStorage_(std::make_unique<QTemporaryDir>()) {
    isolateNetwork();
    start(ownStorage_->path(), {});
}

FakePlatforms::FakePlatforms(const QString& storageDir, bool discard) {
    start(storageDir, discard ? QStringList{QStringLiteral("--discard")} : QStringList{});
}

FakePlatforms::FakePlatforms(const QString& host, const QString& tlsCertificate)
    : ownStorage_(std::make_unique<QTemporaryDir>()), host_(host), caFile_(tlsCertificate),
      tls_(!tlsCertificate.isEmpty()) {
    isolateNetwork();
    QStringList options{QStringLiteral("--host"), host};
    if (tls_)
        options << QStringLiteral("--tls-cert") << tlsCertificate;
    start(ownStorage_->path(), options);
}

void FakePlatforms::start(const QString& storageDir, const QStringList& options) {
    QDir().mkpath(storageDir);
    QStringList args{QStringLiteral(XZ_FAKE_PLATFORMS), QStringLiteral("--dir"), storageDir};
    args << options;
    process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process_.start(QStringLiteral("python3"), args);
    if (!process_.waitForStarted(5'000))
        return;
    for (int i = 0; i < 100 && !process_.canReadLine(); ++i)
        process_.waitForReadyRead(100);
    const QByteArray line = process_.readLine().trimmed();
    if (line.startsWith("PORT "))
        port_ = line.mid(5).toInt();
}

FakePlatforms::~FakePlatforms() {
    process_.terminate();
    if (!process_.waitForFinished(3'000)) {
        process_.kill();
        process_.waitForFinished(3'000);
    }
}

QJsonObject FakePlatforms::control(const QString& path, const QByteArray& body) {
    struct EasyFree {
        void operator()(CURL* e) const { curl_easy_cleanup(e); }
    };
    std::unique_ptr<CURL, EasyFree> easy(curl_easy_init());
    QByteArray reply;
    const QByteArray url = (base() + path).toUtf8();
    curl_easy_setopt(easy.get(), CURLOPT_URL, url.constData());
    curl_easy_setopt(easy.get(), CURLOPT_NOPROXY, "*");
    const QByteArray ca = QFile::encodeName(caFile_);
    if (tls_)
        curl_easy_setopt(easy.get(), CURLOPT_CAINFO, ca.constData());
    curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, 20'000L);
    curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(easy.get(), CURLOPT_POSTFIELDSIZE, long(body.size()));
    curl_easy_setopt(
        easy.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t n, void* out) {
            static_cast<QByteArray*>(out)->append(data, qsizetype(size * n));
            return size * n;
        });
    curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &reply);
    curl_easy_perform(easy.get());
    return QJsonDocument::fromJson(reply).object();
}

void FakePlatforms::reset() {
    control(QStringLiteral("/_ctl/reset"));
}
void FakePlatforms::configure(const QJsonObject& config) {
    control(QStringLiteral("/_ctl/config"), QJsonDocument(config).toJson());
}
void FakePlatforms::setFaults(const QJsonArray& faults) {
    control(QStringLiteral("/_ctl/faults"), QJsonDocument(faults).toJson());
}
QJsonObject FakePlatforms::state() {
    return control(QStringLiteral("/_ctl/state"));
}

QJsonObject fault(const QString& method, const QString& path, const QJsonObject& action, int times,
                  const QString& endpoint) {
    QJsonObject f = action;
    QJsonObject match;
    if (!method.isEmpty())
        match.insert(QStringLiteral("method"), method);
    if (!path.isEmpty())
        match.insert(QStringLiteral("path"), path);
    if (!endpoint.isEmpty())
        match.insert(QStringLiteral("endpoint"), endpoint);
    f.insert(QStringLiteral("match"), match);
    f.insert(QStringLiteral("times"), times);
    return f;
}

TestHome::TestHome() {
    qputenv("XIAOZHAN_HOME", dir_.path().toUtf8());
    QDir().mkpath(xz::paths::configDir());
    QDir().mkpath(xz::paths::dataDir());
}

QJsonObject TestHome::fastLimits() {
    return QJsonObject{{QStringLiteral("concurrency"), 2},
                       {QStringLiteral("max_attempts"), 5},
                       {QStringLiteral("backoff_base_ms"), 20},
                       {QStringLiteral("backoff_cap_ms"), 200},
                       {QStringLiteral("max_retry_after_ms"), 1500},
                       {QStringLiteral("connect_timeout_ms"), 2000},
                       {QStringLiteral("low_speed_bytes_per_second"), 1024},
                       {QStringLiteral("low_speed_time_s"), 2},
                       {QStringLiteral("tus_chunk_bytes"), 4 << 20}};
}

void TestHome::writeConfig(QJsonObject config) const {
    QJsonObject limits = fastLimits();
    const QJsonObject overrides = config.value(QStringLiteral("limits")).toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        limits.insert(it.key(), it.value());
    config.insert(QStringLiteral("limits"), limits);
    const QString path = UploadConfig::defaultPath();
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(config).toJson());
}

QueueHarness::QueueHarness(bool startQueue, const QString& caFile) {
    auto loaded = UploadConfig::load();
    if (!loaded)
        qFatal("config: %s", qPrintable(loaded.error().describe()));
    config = *loaded;
    config.transfer.caFile = caFile;
    auto opened = JobStore::open(JobStore::defaultPath());
    if (!opened)
        qFatal("store: %s", qPrintable(opened.error().describe()));
    store = std::move(*opened);
    transport = std::make_unique<CurlTransport>(config.transfer);
    factory = std::make_unique<TargetFactory>(*transport, config);
    queue = std::make_unique<UploadQueue>(
        *store, [this](const QString& target) { return factory->create(target); }, config.limits);
    queue->setPollInterval(200);
    if (startQueue)
        queue->start();
}

QueueHarness::~QueueHarness() {
    queue.reset();
    factory.reset();
    transport.reset();
}

qint64 QueueHarness::add(const QString& path, const QString& target, const QString& title,
                         const QStringList& hashtags, bool force) {
    auto job = JobBuilder::fromFile(path, target, title, hashtags, config);
    if (!job) {
        qWarning() << "add failed:" << job.error().describe();
        return -1;
    }
    auto added = queue->add(*job, force);
    return added ? added->job.id : -1;
}

bool QueueHarness::runUntilDrained(int timeoutMs) {
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    QObject::connect(
        queue.get(), &UploadQueue::drained, &loop, [&loop] { loop.exit(0); }, Qt::QueuedConnection);
    if (!queue->hasWork())
        return true;
    timeout.start(timeoutMs);
    return loop.exec() == 0;
}

UploadJob QueueHarness::job(qint64 id) const {
    return queue->job(id).value_or(UploadJob{});
}

} // namespace xz::upload::test
