// The terminal side of `xiaozhan upload run`: a progress bar with rate and ETA on a terminal, one line per
// finished job either way (so logs of unattended runs stay readable).
#pragma once

#include <QObject>
#include <QTimer>

#include <cstdio>

namespace xz::upload {

class UploadQueue;

class ProgressPrinter : public QObject {
    Q_OBJECT
public:
    ProgressPrinter(UploadQueue& queue, std::FILE* out, bool interactive, QObject* parent = nullptr);
    ~ProgressPrinter() override;

    static QString formatBytes(double bytes);
    // One line: bar, percentage, rate, ETA and what is being uploaded; exposed for tests.
    static QString barLine(double fraction, double bytesPerSecond, qint64 etaSeconds, const QString& label,
                           int width);

private:
    void redraw();
    void onFinished(qint64 id, bool ok);
    void clearLine();
    void print(const QString& text);

    UploadQueue& queue_;
    std::FILE* out_;
    bool interactive_;
    bool lineShown_ = false;
    QTimer timer_;
};

} // namespace xz::upload
