// Opens a recording for the Editor away from the GUI thread: probes the file, then finds where its pictures
// really start and end (the container's span is often a little off; see recordingopener.cpp). A demuxer that
// neither delivers nor ends cannot hold the window: the scan runs on a worker thread, gives up after a while
// and falls back to the container's span. Results arrive on the thread that owns the opener; only the newest
// request is answered, an older one is cancelled.
#pragma once

#include "canceltoken.h"
#include "sourceinfo.h"

#include <QObject>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace xz::ui {

struct OpenedRecording {
    clips::SourceInfo source;
    double firstPictureSec = 0; // the frame grid runs from the first picture ...
    double pictureEndSec = 0;   // ... to the end of the last one
};

class RecordingOpener : public QObject {
    Q_OBJECT

public:
    // How long the span scan may take before the container's span is used instead.
    static constexpr std::chrono::milliseconds kScanLimit{10000};

    explicit RecordingOpener(QObject* parent = nullptr);
    ~RecordingOpener() override; // cancels and waits for the worker

    // Starts opening `path`; an open still running is cancelled and never answered.
    void open(const QString& path);
    // The open still running (if any) is cancelled and never answered.
    void abandon();
    bool busy() const { return pending_ != 0; }

    // The scan itself, on the calling thread (the worker's job; tests call it directly).
    static clips::Result<OpenedRecording> scan(const QString& path, const clips::CancelToken& cancel,
                                               std::chrono::milliseconds limit = kScanLimit);

signals:
    void opened(const QString& path, const xz::ui::OpenedRecording& recording);
    void failed(const QString& path, const QString& message);

private:
    void joinFinished();

    struct Worker {
        quint64 id = 0;
        clips::CancelToken cancel;
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> workers_;
    quint64 next_ = 1;
    quint64 pending_ = 0;
};

} // namespace xz::ui
