#include "curltransport.h"

#include "uniquefd.h"
#include "uploadlog.h"

#include <QFile>
#include <QSocketNotifier>

#include <curl/curl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>

namespace xz::upload {
namespace {

struct EasyFree {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct MimeFree {
    void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};

// A reply body bigger than this is not an API answer; keep the start for error messages and drop the rest.
constexpr qint64 kMaxResponseBody = 1 << 20;
// Bigger reads mean fewer trips through the event loop per megabyte; 512 KB matches curl's own throughput.
constexpr long kUploadBufferBytes = 512 * 1024;

void ensureCurlGlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

void CurlTransport::MultiFree::operator()(CURLM* multi) const {
    curl_multi_cleanup(multi);
}

struct CurlTransport::Transfer {
    Id id = 0;
    CurlTransport* owner = nullptr;
    // Declared before easy so they outlive it: curl reads both until curl_easy_cleanup.
    std::unique_ptr<curl_slist, SlistFree> headers;
    std::unique_ptr<curl_mime, MimeFree> mime;
    std::unique_ptr<CURL, EasyFree> easy;
    HttpRequest request;
    UniqueFd fd;
    qint64 readPos = 0;
    qint64 readEnd = 0;
    qint64 memoryPos = 0;
    qint64 lastProgress = -1;
    bool paused = false;
    QString readError;
    HttpResponse response;
    Done done;
    Progress progress;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

struct CurlTransport::SocketWatch {
    QSocketNotifier* read = nullptr;
    QSocketNotifier* write = nullptr;
    ~SocketWatch() {
        // Deferred: we may be inside this very notifier's activated() signal.
        for (QSocketNotifier* n : {read, write}) {
            if (n) {
                n->setEnabled(false);
                n->deleteLater();
            }
        }
    }
};

// The C callbacks libcurl calls; they only touch the Transfer they were given.
struct TransferCallbacks {
    static size_t read(char* buffer, size_t size, size_t count, void* data) {
        auto* t = static_cast<CurlTransport::Transfer*>(data);
        qint64 want = qint64(size * count);
        if (t->request.file)
            want = std::min(want, t->readEnd - t->readPos);
        else
            want = std::min(want, qint64(t->request.body.size()) - t->memoryPos);
        if (want <= 0)
            return 0;
        RateLimiter& limiter = t->owner->limiter_;
        if (limiter.limited()) {
            want = limiter.take(want);
            if (want == 0) {
                t->paused = true;
                t->owner->schedulePausedResume();
                return CURL_READFUNC_PAUSE;
            }
        }
        if (!t->request.file) {
            std::memcpy(buffer, t->request.body.constData() + t->memoryPos, size_t(want));
            t->memoryPos += want;
            return size_t(want);
        }
        for (;;) {
            const ssize_t got = ::pread(t->fd.get(), buffer, size_t(want), t->readPos);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                // A short file means it shrank after queueing; never pad the upload with garbage.
                t->readError = got < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                                       : QStringLiteral("the file ended early (it changed after queueing)");
                return CURL_READFUNC_ABORT;
            }
            t->readPos += got;
            return size_t(got);
        }
    }

    static int seek(void* data, curl_off_t offset, int origin) {
        auto* t = static_cast<CurlTransport::Transfer*>(data);
        if (origin != SEEK_SET)
            return CURL_SEEKFUNC_CANTSEEK;
        if (t->request.file)
            t->readPos = t->request.file->offset + offset;
        else
            t->memoryPos = offset;
        return CURL_SEEKFUNC_OK;
    }

    static size_t header(char* buffer, size_t size, size_t count, void* data) {
        auto* t = static_cast<CurlTransport::Transfer*>(data);
        const size_t bytes = size * count;
        const QByteArray line = QByteArray(buffer, qsizetype(bytes)).trimmed();
        if (line.startsWith("HTTP/")) {
            // A new response (after 100 Continue, say): only the final one's headers count.
            t->response.headers.clear();
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            t->response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        return bytes;
    }

    static size_t write(char* buffer, size_t size, size_t count, void* data) {
        auto* t = static_cast<CurlTransport::Transfer*>(data);
        const size_t bytes = size * count;
        const qint64 room = kMaxResponseBody - t->response.body.size();
        if (room > 0)
            t->response.body.append(buffer, qsizetype(std::min<qint64>(room, qint64(bytes))));
        return bytes;
    }

    static int progress(void* data, curl_off_t, curl_off_t, curl_off_t, curl_off_t uploaded) {
        auto* t = static_cast<CurlTransport::Transfer*>(data);
        if (uploaded != t->lastProgress && t->progress) {
            t->lastProgress = uploaded;
            t->progress(qint64(uploaded));
        }
        return 0;
    }
};

CurlTransport::CurlTransport(TransferSettings settings, QObject* parent)
    : QObject(parent), settings_(settings), limiter_(settings.maxBytesPerSecond) {
    ensureCurlGlobalInit();
    multi_.reset(curl_multi_init());
    curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETFUNCTION, &CurlTransport::socketCallback);
    curl_multi_setopt(multi_.get(), CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_.get(), CURLMOPT_TIMERFUNCTION, &CurlTransport::timerCallback);
    curl_multi_setopt(multi_.get(), CURLMOPT_TIMERDATA, this);
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &CurlTransport::onTimeout);
    rateTimer_.setSingleShot(true);
    connect(&rateTimer_, &QTimer::timeout, this, &CurlTransport::resumePaused);
}

CurlTransport::~CurlTransport() {
    while (!transfers_.empty())
        detach(transfers_.begin()->first);
    sockets_.clear();
}

void CurlTransport::setMaxBytesPerSecond(qint64 bytesPerSecond) {
    limiter_.setRate(bytesPerSecond);
}

Transport::Id CurlTransport::send(HttpRequest request, Done done, Progress progress) {
    auto t = std::make_unique<Transfer>();
    t->id = nextId_++;
    t->owner = this;
    t->done = std::move(done);
    t->progress = std::move(progress);
    t->request = std::move(request);
    const HttpRequest& req = t->request;

    if (req.file) {
        t->fd = UniqueFd(::open(QFile::encodeName(req.file->path).constData(), O_RDONLY | O_CLOEXEC));
        if (!t->fd.valid()) {
            // Report asynchronously like every other outcome, so callers never re-enter themselves.
            HttpResponse failed;
            failed.curlCode = CURLE_READ_ERROR;
            failed.errorText = QStringLiteral("cannot open %1: %2")
                                   .arg(req.file->path, QString::fromLocal8Bit(std::strerror(errno)));
            QTimer::singleShot(0, this, [cb = std::move(t->done), failed] {
                if (cb)
                    cb(failed);
            });
            return t->id;
        }
        ::posix_fadvise(t->fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
        t->readPos = req.file->offset;
        t->readEnd = req.file->offset + req.file->length;
    }

    t->easy.reset(curl_easy_init());
    CURL* e = t->easy.get();
    curl_easy_setopt(e, CURLOPT_URL, req.url.toUtf8().constData());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errorBuffer);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    // Never let a redirect or a crafted URL take a clip to file://, ftp:// and the like.
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings_.caFile.isEmpty())
        curl_easy_setopt(e, CURLOPT_CAINFO, QFile::encodeName(settings_.caFile).constData());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(settings_.connectTimeoutMs));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, long(settings_.lowSpeedBytesPerSecond));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, long(settings_.lowSpeedTimeS));
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "Xiaozhan/0.1 (libcurl)");
    curl_easy_setopt(e, CURLOPT_UPLOAD_BUFFERSIZE, kUploadBufferBytes);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &TransferCallbacks::header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &TransferCallbacks::write);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, &TransferCallbacks::progress);
    curl_easy_setopt(e, CURLOPT_XFERINFODATA, t.get());
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    // Proxies come from the environment (http_proxy, https_proxy, no_proxy): libcurl's default, kept on
    // purpose.

    curl_slist* headers = nullptr;
    for (const auto& [name, value] : req.headers)
        headers = curl_slist_append(headers, (name + ": " + value).constData());
    // No "Expect: 100-continue" round trip: our servers answer errors after reading the body anyway.
    headers = curl_slist_append(headers, "Expect:");
    t->headers.reset(headers);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);

    const QByteArray method = req.method.toUpper();
    if (req.form && req.file) {
        t->mime.reset(curl_mime_init(e));
        for (const auto& [name, value] : req.form->fields) {
            curl_mimepart* part = curl_mime_addpart(t->mime.get());
            curl_mime_name(part, name.constData());
            curl_mime_data(part, value.constData(), size_t(value.size()));
        }
        curl_mimepart* part = curl_mime_addpart(t->mime.get());
        curl_mime_name(part, req.form->filePartName.constData());
        curl_mime_filename(part, req.form->fileName.toUtf8().constData());
        curl_mime_type(part, req.form->fileContentType.constData());
        curl_mime_data_cb(part, curl_off_t(req.file->length), &TransferCallbacks::read,
                          &TransferCallbacks::seek, nullptr, t.get());
        curl_easy_setopt(e, CURLOPT_MIMEPOST, t->mime.get());
    } else if (req.file || method == "POST" || method == "PUT" || method == "PATCH") {
        const qint64 length = req.file ? req.file->length : req.body.size();
        curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(e, CURLOPT_READFUNCTION, &TransferCallbacks::read);
        curl_easy_setopt(e, CURLOPT_READDATA, t.get());
        curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, &TransferCallbacks::seek);
        curl_easy_setopt(e, CURLOPT_SEEKDATA, t.get());
        curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, curl_off_t(length));
        if (method != "PUT")
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.constData());
    } else if (method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (method != "GET") {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.constData());
    }

    const Id id = t->id;
    transfers_.emplace(id, std::move(t));
    curl_multi_add_handle(multi_.get(), e);
    return id;
}

void CurlTransport::cancel(Id id) {
    detach(id);
}

std::unique_ptr<CurlTransport::Transfer> CurlTransport::detach(Id id) {
    auto it = transfers_.find(id);
    if (it == transfers_.end())
        return {};
    std::unique_ptr<Transfer> t = std::move(it->second);
    transfers_.erase(it);
    if (t->easy)
        curl_multi_remove_handle(multi_.get(), t->easy.get());
    return t;
}

int CurlTransport::socketCallback(void*, int fd, int what, void* self, void*) {
    static_cast<CurlTransport*>(self)->watchSocket(fd, what);
    return 0;
}

int CurlTransport::timerCallback(CURLM*, long timeoutMs, void* self) {
    auto* transport = static_cast<CurlTransport*>(self);
    // Never drive curl from inside its own callback: the QTimer calls back from the event loop.
    if (timeoutMs < 0)
        transport->timer_.stop();
    else
        transport->timer_.start(int(std::min<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

void CurlTransport::watchSocket(int fd, int what) {
    if (what == CURL_POLL_REMOVE) {
        sockets_.erase(fd);
        return;
    }
    std::unique_ptr<SocketWatch>& watch = sockets_[fd];
    if (!watch)
        watch = std::make_unique<SocketWatch>();
    auto ensure = [&](QSocketNotifier*& notifier, QSocketNotifier::Type type, int mask) {
        if (!notifier) {
            notifier = new QSocketNotifier(qintptr(fd), type, this);
            connect(notifier, &QSocketNotifier::activated, this,
                    [this, fd, mask](QSocketDescriptor, QSocketNotifier::Type) { onSocketReady(fd, mask); });
        }
    };
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (wantRead)
        ensure(watch->read, QSocketNotifier::Read, CURL_CSELECT_IN);
    if (wantWrite)
        ensure(watch->write, QSocketNotifier::Write, CURL_CSELECT_OUT);
    if (watch->read)
        watch->read->setEnabled(wantRead);
    if (watch->write)
        watch->write->setEnabled(wantWrite);
}

void CurlTransport::onSocketReady(int fd, int eventMask) {
    int running = 0;
    curl_multi_socket_action(multi_.get(), curl_socket_t(fd), eventMask, &running);
    collectFinished();
}

void CurlTransport::onTimeout() {
    int running = 0;
    curl_multi_socket_action(multi_.get(), CURL_SOCKET_TIMEOUT, 0, &running);
    collectFinished();
}

void CurlTransport::collectFinished() {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        const CURLcode code = msg->data.result;
        Transfer* raw = nullptr;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
        // Detaching invalidates msg; everything needed was read above.
        std::unique_ptr<Transfer> t = detach(raw->id);
        HttpResponse& r = t->response;
        long status = 0;
        curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &status);
        curl_off_t sent = 0;
        curl_easy_getinfo(t->easy.get(), CURLINFO_SIZE_UPLOAD_T, &sent);
        r.status = int(status);
        r.bytesSent = qint64(sent);
        r.curlCode = int(code);
        if (!t->readError.isEmpty()) {
            r.curlCode = CURLE_READ_ERROR;
            r.errorText = QStringLiteral("reading %1 failed: %2").arg(t->request.file->path, t->readError);
        } else if (code != CURLE_OK) {
            r.errorText = QString::fromUtf8(t->errorBuffer[0] ? t->errorBuffer : curl_easy_strerror(code));
        }
        if (t->done)
            t->done(r);
    }
}

void CurlTransport::schedulePausedResume() {
    if (!rateTimer_.isActive())
        rateTimer_.start(limiter_.msUntilAvailable());
}

void CurlTransport::resumePaused() {
    std::vector<Id> paused;
    for (const auto& [id, t] : transfers_) {
        if (t->paused)
            paused.push_back(id);
    }
    for (Id id : paused) {
        auto it = transfers_.find(id);
        if (it == transfers_.end())
            continue;
        it->second->paused = false;
        // May call the read callback at once, which may pause again: that is fine.
        curl_easy_pause(it->second->easy.get(), CURLPAUSE_CONT);
    }
    collectFinished();
}

} // namespace xz::upload
