#include "recordingopener.h"

#include "mediareader.h"

#include <condition_variable>
#include <limits>
#include <mutex>

namespace xz::ui {
namespace {

// Cancels a token after a while unless it is let go first.
class CancelAfter {
public:
    CancelAfter(clips::CancelToken token, std::chrono::milliseconds after)
        : thread_([this, token, after] {
              std::unique_lock lock(mutex_);
              if (!woken_.wait_for(lock, after, [this] { return done_; }))
                  token.cancel();
          }) {}
    ~CancelAfter() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        woken_.notify_all();
        thread_.join();
    }
    CancelAfter(const CancelAfter&) = delete;
    CancelAfter& operator=(const CancelAfter&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable woken_;
    bool done_ = false;
    std::thread thread_;
};

// The container's times are not the pictures': its length often runs past the last picture (the sound goes
// on a little), and the first picture may start late (a muxer shifting everything by the AAC priming). The
// frame grid runs from the first picture to the end of the last, read from compressed video (parsed, never
// decoded): the preroll and the last seconds, each from a reader of its own, paused at the start or seeked
// near the end (one reader doing both can stall between its two sinks).
void findPictureSpan(OpenedRecording& opened, const clips::CancelToken& cancel) {
    const clips::SourceInfo& source = opened.source;
    opened.firstPictureSec = 0;
    opened.pictureEndSec = source.durationSec;
    if (source.videoCodec != QLatin1String("h264") || source.durationSec <= 0)
        return;
    const auto open = [&] {
        return clips::MediaReader::open(source.path,
                                        {clips::ReaderStream::Mode::Compressed,
                                         QStringLiteral("video/x-h264,stream-format=avc,alignment=au")},
                                        {});
    };
    const auto ptsOf = [](const gst::SamplePtr& sample) {
        const GstClockTime pts =
            sample ? GST_BUFFER_PTS(gst_sample_get_buffer(sample.get())) : GST_CLOCK_TIME_NONE;
        return GST_CLOCK_TIME_IS_VALID(pts) ? double(pts) / GST_SECOND : -1.0;
    };
    double firstSec = 0;
    if (auto head = open(); head && !(*head)->play()) {
        // With B-frames the earliest picture is not the first in decode order: a few are enough.
        firstSec = std::numeric_limits<double>::max();
        for (int i = 0; i < 8; ++i)
            if (gst::SamplePtr sample = (*head)->pull(clips::MediaReader::Stream::Video, cancel);
                sample && ptsOf(sample) >= 0)
                firstSec = std::min(firstSec, ptsOf(sample));
        if (firstSec == std::numeric_limits<double>::max())
            firstSec = 0;
    }
    auto tail = open();
    if (!tail)
        return;
    const double from = std::max(0.0, source.durationSec - 10.0);
    const auto flags = GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT | GST_SEEK_FLAG_SNAP_BEFORE);
    if ((*tail)->seek(from, -1, flags) || (*tail)->play())
        return;
    double last = -1;
    while (gst::SamplePtr sample = (*tail)->pull(clips::MediaReader::Stream::Video, cancel))
        last = std::max(last, ptsOf(sample));
    if (last < firstSec || cancel.isCancelled())
        return; // the container's own span: at worst a frame too many at the end
    opened.firstPictureSec = firstSec;
    opened.pictureEndSec = std::min(source.durationSec, last + source.frameDurationSec());
}

} // namespace

RecordingOpener::RecordingOpener(QObject* parent) : QObject(parent) {}

RecordingOpener::~RecordingOpener() {
    for (Worker& worker : workers_) {
        worker.cancel.cancel();
        worker.thread.join();
    }
}

clips::Result<OpenedRecording> RecordingOpener::scan(const QString& path, const clips::CancelToken& cancel,
                                                     std::chrono::milliseconds limit) {
    auto source = clips::SourceProbe::probe(path);
    if (!source)
        return source.error();
    OpenedRecording opened;
    opened.source = *source;
    const CancelAfter deadline(cancel, limit); // a healthy file takes milliseconds
    findPictureSpan(opened, cancel);
    return opened;
}

void RecordingOpener::abandon() {
    for (Worker& worker : workers_)
        worker.cancel.cancel();
    pending_ = 0;
}

void RecordingOpener::open(const QString& path) {
    joinFinished();
    abandon(); // a newer open is what the editor wants
    Worker worker;
    worker.id = next_++;
    worker.done = std::make_shared<std::atomic<bool>>(false);
    pending_ = worker.id;
    // The answer is posted to this object's thread; the destructor joins the worker first, and a posted
    // answer dies with the object.
    worker.thread = std::thread([this, id = worker.id, path, cancel = worker.cancel, done = worker.done] {
        auto result = scan(path, cancel);
        QMetaObject::invokeMethod(
            this,
            [this, id, path, result] {
                if (id != pending_)
                    return; // a newer open came since
                pending_ = 0;
                if (result)
                    emit opened(path, *result);
                else
                    emit failed(path, result.error().message());
            },
            Qt::QueuedConnection);
        done->store(true);
    });
    workers_.push_back(std::move(worker));
}

void RecordingOpener::joinFinished() {
    for (auto it = workers_.begin(); it != workers_.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = workers_.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace xz::ui
