// A folder as a target (a NAS share or a USB disk): copy to a hidden temporary name, fsync, then rename, so
// the folder never shows a half-written clip. The copy runs on its own thread; results hop back to the
// thread that owns the target. Resumes from the last fsync'd offset after a crash.
#pragma once

#include "uploadtarget.h"

#include <QObject>

#include <atomic>
#include <thread>

namespace xz::upload {

struct FolderOptions {
    QString directory;
    qint64 maxBytesPerSecond = 0;
};

class FolderTarget : public UploadTarget {
public:
    explicit FolderTarget(FolderOptions options);
    ~FolderTarget() override;

    void start(const TargetJob& job, Callbacks callbacks) override;
    void abort() override;

private:
    void run(TargetJob job); // on the worker thread
    void post(std::function<void()> call);

    FolderOptions options_;
    Callbacks callbacks_;
    bool active_ = false;
    std::atomic_bool cancel_ = false;
    QObject context_; // receives the worker's hand-offs; events die with it
    std::thread worker_;
};

} // namespace xz::upload
