// The Editor's previews of a recording, made once and kept on disk: a filmstrip (one small JPEG per
// keyframe-aligned step, decoded from keyframes only) and a waveform (min/max peaks per bucket from one audio
// decode). Kept under xz::paths::dataDir()/editor-cache/<key>, keyed by the recording's path, size and
// modification time: the recordings folder stays as the studio wrote it (and may be read-only), and a
// re-recorded file never shows stale pictures. Requests run on a worker thread; results and progress arrive
// on the thread that owns the cache (the Editor's).
#pragma once

#include "canceltoken.h"
#include "clipresult.h"

#include <QObject>
#include <QString>
#include <QVector>
#include <map>
#include <thread>

namespace xz::clips {

struct Filmstrip {
    struct Thumb {
        double timeSec = 0; // the keyframe's time
        QString file;       // JPEG
    };
    QVector<Thumb> thumbs;
    int height = 0;
};

struct Waveform {
    int bucketsPerSecond = 0;
    QVector<qint16> minimum; // per bucket, of all channels, full scale = 32767
    QVector<qint16> maximum;
};

class PreviewCache : public QObject {
    Q_OBJECT
public:
    explicit PreviewCache(QObject* parent = nullptr);
    ~PreviewCache() override; // cancels and waits for running requests

    // Thumbnails about every `intervalSec` (never closer than the keyframes), `height` pixels tall.
    qint64 requestFilmstrip(const QString& recording, double intervalSec = 5.0, int height = 90);
    qint64 requestWaveform(const QString& recording, int bucketsPerSecond = 100);
    void cancel(qint64 request);

    // Blocking versions (what the requests run; also for the command line and benchmarks).
    static Result<Filmstrip> filmstrip(const QString& recording, double intervalSec, int height,
                                       const CancelToken& cancel,
                                       const std::function<void(double)>& progress = {});
    static Result<Waveform> waveform(const QString& recording, int bucketsPerSecond,
                                     const CancelToken& cancel,
                                     const std::function<void(double)>& progress = {});
    static QString cacheDirFor(const QString& recording);

signals:
    void progress(qint64 request, double fraction);
    void filmstripReady(qint64 request, const xz::clips::Filmstrip& filmstrip);
    void waveformReady(qint64 request, const xz::clips::Waveform& waveform);
    void failed(qint64 request, const QString& message, const QString& detail);

private:
    template <class Work> qint64 start(Work work);
    qint64 next_ = 1;
    std::map<qint64, CancelToken> running_;
    std::map<qint64, std::thread> threads_;
};

} // namespace xz::clips

Q_DECLARE_METATYPE(xz::clips::Filmstrip)
Q_DECLARE_METATYPE(xz::clips::Waveform)
