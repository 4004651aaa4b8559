#include "foldertarget.h"

#include "digest.h"
#include "uniquefd.h"
#include "uploadlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <vector>

namespace xz::upload {
namespace {

constexpr qint64 kBlockBytes = 4 << 20;
// fsync and checkpoint this often: a crash costs at most this much copying again.
constexpr qint64 kCheckpointBytes = 64 << 20;

QByteArray native(const QString& path) {
    return QFile::encodeName(path);
}

UploadError ioError(const QString& zh, const QString& en, const QString& path) {
    return UploadError::fatal(zh.arg(path), en.arg(path), QString::fromLocal8Bit(std::strerror(errno)));
}

bool sameContent(const QString& path, const TargetJob& job) {
    const QFileInfo info(path);
    if (!info.isFile() || info.size() != job.size)
        return false;
    const auto hash = Digest::ofFile(Digest::Algorithm::Sha256, path);
    return hash && hash->toHex() == job.sha256Hex;
}

} // namespace

FolderTarget::FolderTarget(FolderOptions options) : options_(std::move(options)) {}

FolderTarget::~FolderTarget() {
    abort();
}

void FolderTarget::abort() {
    active_ = false;
    cancel_ = true;
    if (worker_.joinable())
        worker_.join();
}

void FolderTarget::post(std::function<void()> call) {
    QMetaObject::invokeMethod(
        &context_,
        [this, call = std::move(call)] {
            if (active_)
                call();
        },
        Qt::QueuedConnection);
}

void FolderTarget::start(const TargetJob& job, Callbacks callbacks) {
    callbacks_ = std::move(callbacks);
    active_ = true;
    cancel_ = false;
    worker_ = std::thread([this, job] { run(job); });
}

void FolderTarget::run(TargetJob job) {
    auto finish = [this](TargetOutcome outcome) {
        post([this, outcome] {
            active_ = false;
            worker_.join(); // the worker is returning right after posting this
            if (auto cb = callbacks_.finished)
                cb(outcome);
        });
    };
    auto checkpoint = [this](QJsonObject session, qint64 offset) {
        post([this, session, offset] {
            if (callbacks_.checkpoint)
                callbacks_.checkpoint(session, offset);
            if (callbacks_.progress)
                callbacks_.progress(offset);
        });
    };
    auto fail = [&](UploadError e) { finish(TargetOutcome{false, {}, std::move(e)}); };

    const QDir dir(options_.directory);
    if (!QFileInfo(options_.directory).isDir())
        return fail(UploadError::fatal(
            QStringLiteral("目标文件夹不存在：%1").arg(options_.directory),
            QStringLiteral("the destination folder does not exist: %1").arg(options_.directory)));

    const QFileInfo source(job.path);
    QString finalPath = job.session.value(QLatin1String("final")).toString();
    const QString tempPath = dir.filePath(QStringLiteral(".%1.xz%2.part").arg(source.fileName()).arg(job.id));
    // The rename happened but was not recorded: the file is there, whole.
    if (!finalPath.isEmpty() && !QFileInfo::exists(tempPath) && sameContent(finalPath, job))
        return finish(TargetOutcome{true, finalPath, {}});
    if (finalPath.isEmpty()) {
        // Never overwrite someone else's file: "clip (2).mp4" instead. The same clip already there is no
        // duplicate.
        finalPath = dir.filePath(source.fileName());
        for (int n = 2; QFileInfo::exists(finalPath); ++n) {
            if (sameContent(finalPath, job))
                return finish(TargetOutcome{true, finalPath, {}});
            finalPath = dir.filePath(
                QStringLiteral("%1 (%2)%3")
                    .arg(source.completeBaseName())
                    .arg(n)
                    .arg(source.suffix().isEmpty() ? QString() : QLatin1Char('.') + source.suffix()));
        }
    }
    const QJsonObject session{{QStringLiteral("temp"), tempPath}, {QStringLiteral("final"), finalPath}};

    UniqueFd in(::open(native(job.path).constData(), O_RDONLY | O_CLOEXEC));
    if (!in.valid())
        return fail(
            ioError(QStringLiteral("无法读取文件：%1"), QStringLiteral("cannot read file: %1"), job.path));
    UniqueFd out(::open(native(tempPath).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    if (!out.valid())
        return fail(ioError(QStringLiteral("无法写入目标文件夹：%1"),
                            QStringLiteral("cannot write to the folder: %1"), options_.directory));
    // Only what was fsync'd and recorded counts; anything after it may be garbage from the crash.
    struct stat info {};
    ::fstat(out.get(), &info);
    qint64 offset = job.session.value(QLatin1String("temp")).toString() == tempPath
                        ? std::min<qint64>(job.confirmedOffset, info.st_size)
                        : 0;
    if (::ftruncate(out.get(), offset) != 0)
        return fail(ioError(QStringLiteral("无法写入目标文件夹：%1"),
                            QStringLiteral("cannot write to the folder: %1"), options_.directory));
    checkpoint(session, offset);

    std::vector<char> buffer(kBlockBytes);
    const auto started = std::chrono::steady_clock::now();
    const qint64 startOffset = offset;
    qint64 sinceSync = 0;
    while (offset < job.size) {
        if (cancel_)
            return;
        const ssize_t got =
            ::pread(in.get(), buffer.data(), size_t(std::min(kBlockBytes, job.size - offset)), offset);
        if (got <= 0)
            return fail(UploadError::fatal(
                QStringLiteral("读取文件失败（文件可能在排队后被修改）"),
                QStringLiteral("reading the file failed (it may have changed after queueing)"), job.path));
        for (ssize_t written = 0; written < got;) {
            const ssize_t n =
                ::pwrite(out.get(), buffer.data() + written, size_t(got - written), offset + written);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                // A full disk may be emptied; a missing disk may come back: worth another attempt later.
                return fail(UploadError::retryable(QStringLiteral("写入目标文件夹失败"),
                                                   QStringLiteral("writing to the destination folder failed"),
                                                   QString::fromLocal8Bit(std::strerror(errno))));
            written += n;
        }
        offset += got;
        sinceSync += got;
        if (sinceSync >= kCheckpointBytes) {
            ::fdatasync(out.get());
            sinceSync = 0;
            checkpoint(session, offset);
        } else {
            post([this, offset] {
                if (callbacks_.progress)
                    callbacks_.progress(offset);
            });
        }
        if (options_.maxBytesPerSecond > 0) {
            const auto due = started + std::chrono::milliseconds((offset - startOffset) * 1000 /
                                                                 options_.maxBytesPerSecond);
            while (!cancel_ && std::chrono::steady_clock::now() < due)
                QThread::msleep(10);
        }
    }
    if (::fsync(out.get()) != 0)
        return fail(UploadError::retryable(QStringLiteral("写入目标文件夹失败"),
                                           QStringLiteral("writing to the destination folder failed"),
                                           QString::fromLocal8Bit(std::strerror(errno))));
    out.reset();
    if (::rename(native(tempPath).constData(), native(finalPath).constData()) != 0)
        return fail(ioError(QStringLiteral("无法写入目标文件夹：%1"),
                            QStringLiteral("cannot write to the folder: %1"), options_.directory));
    // The rename itself must survive a power cut too.
    UniqueFd dirFd(::open(native(options_.directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dirFd.valid())
        ::fsync(dirFd.get());
    finish(TargetOutcome{true, finalPath, {}});
}

} // namespace xz::upload
