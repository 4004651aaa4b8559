#include "previewcache.h"

#include "mediareader.h"
#include "paths.h"
#include "sourceinfo.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <cmath>

namespace xz::clips {
namespace {

constexpr quint32 kWaveformMagic = 0x58575631; // "XWV1"

UserError cacheError(const QString& path) {
    return UserError{QStringLiteral("无法写入预览缓存：%1").arg(path),
                     QStringLiteral("cannot write the preview cache: %1").arg(path),
                     {}};
}

} // namespace

QString PreviewCache::cacheDirFor(const QString& recording) {
    const QFileInfo info(recording);
    const QByteArray key = info.absoluteFilePath().toUtf8() + '\n' + QByteArray::number(info.size()) + '\n' +
                           QByteArray::number(info.lastModified().toMSecsSinceEpoch());
    return xz::paths::dataDir() + QStringLiteral("/editor-cache/") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(20));
}

Result<Filmstrip> PreviewCache::filmstrip(const QString& recording, double intervalSec, int height,
                                          const CancelToken& cancel,
                                          const std::function<void(double)>& progress) {
    const QString dir = cacheDirFor(recording);
    const QString index = dir + QStringLiteral("/filmstrip-%1-%2.json").arg(intervalSec).arg(height);
    if (QFile file(index); file.open(QIODevice::ReadOnly)) {
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        Filmstrip cached;
        cached.height = json.value(QStringLiteral("height")).toInt();
        for (const QJsonValue& v : json.value(QStringLiteral("thumbs")).toArray())
            cached.thumbs.append(
                {v.toObject().value(QStringLiteral("t")).toDouble(),
                 dir + QLatin1Char('/') + v.toObject().value(QStringLiteral("file")).toString()});
        if (!cached.thumbs.isEmpty())
            return cached;
    }
    auto source = SourceProbe::probe(recording);
    if (!source)
        return source.error();
    if (!source->hasVideo)
        return UserError{QStringLiteral("这个文件没有视频画面"), QStringLiteral("this file has no video"),
                         recording};
    const int width =
        std::max(2, int(std::lround(double(height) * source->width / std::max(1, source->height) / 2)) * 2);
    // One keyframe per step: a key-unit seek to the keyframe at or after each step, paused, so the decoder
    // decodes exactly that picture; steps closer than the keyframes land on the same one and are skipped.
    ReaderStream video{
        ReaderStream::Mode::Decoded,
        QStringLiteral("videoconvert ! videoscale ! video/x-raw,width=%1,height=%2 ! jpegenc quality=80")
            .arg(width)
            .arg(height)};
    auto reader = MediaReader::open(recording, video, {});
    if (!reader)
        return reader.error();
    const QString staging = dir + QStringLiteral("/.filmstrip-%1-%2.partial").arg(intervalSec).arg(height);
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging))
        return cacheError(staging);
    Filmstrip strip;
    strip.height = height;
    QJsonArray list;
    const double duration = source->durationSec > 0 ? source->durationSec : 1e9;
    for (double step = 0; step < duration && !cancel.isCancelled(); step += intervalSec) {
        double from = 0;
        if (step > 0) {
            from = strip.thumbs.isEmpty() ? step : std::max(step, strip.thumbs.last().timeSec + 0.001);
            if (auto error = (*reader)->seek(from, -1,
                                             GstSeekFlags(GST_SEEK_FLAG_KEY_UNIT | GST_SEEK_FLAG_SNAP_AFTER)))
                return *error;
        }
        gst::SamplePtr sample = (*reader)->preroll(MediaReader::Stream::Video);
        if (!sample)
            break; // past the last keyframe
        GstBuffer* buffer = gst_sample_get_buffer(sample.get());
        const double t = double(GST_BUFFER_PTS(buffer)) / GST_SECOND;
        if (t + 0.0005 < from)
            break; // no keyframe after the step: the demuxer fell back to the last one
        if (!strip.thumbs.isEmpty() && t <= strip.thumbs.last().timeSec + 0.0005)
            continue;
        const QString name = QStringLiteral("thumb-%1-%2.jpg")
                                 .arg(height)
                                 .arg(qint64(std::llround(t * 1000)), 9, 10, QLatin1Char('0'));
        GstMapInfo map;
        gst_buffer_map(buffer, &map, GST_MAP_READ);
        QFile out(staging + QLatin1Char('/') + name);
        const bool ok = out.open(QIODevice::WriteOnly) && out.write(reinterpret_cast<const char*>(map.data),
                                                                    qint64(map.size)) == qint64(map.size);
        gst_buffer_unmap(buffer, &map);
        if (!ok)
            return cacheError(out.fileName());
        strip.thumbs.append({t, dir + QLatin1Char('/') + name});
        list.append(QJsonObject{{QStringLiteral("t"), t}, {QStringLiteral("file"), name}});
        if (progress && source->durationSec > 0)
            progress(std::min(1.0, t / source->durationSec));
    }
    if (cancel.isCancelled()) {
        QDir(staging).removeRecursively();
        return UserError{QStringLiteral("已取消"), QStringLiteral("cancelled"), recording};
    }
    if (auto error = (*reader)->error())
        return *error;
    // Pictures first, the index last: an index on disk always names pictures that are there.
    for (const QString& name : QDir(staging).entryList(QDir::Files)) {
        QFile::remove(dir + QLatin1Char('/') + name);
        QFile::rename(staging + QLatin1Char('/') + name, dir + QLatin1Char('/') + name);
    }
    QDir(staging).removeRecursively();
    QSaveFile file(index);
    if (!file.open(QIODevice::WriteOnly))
        return cacheError(index);
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("height"), height}, {QStringLiteral("thumbs"), list}})
            .toJson());
    if (!file.commit())
        return cacheError(index);
    return strip;
}

Result<Waveform> PreviewCache::waveform(const QString& recording, int bucketsPerSecond,
                                        const CancelToken& cancel,
                                        const std::function<void(double)>& progress) {
    const QString dir = cacheDirFor(recording);
    const QString path = dir + QStringLiteral("/waveform-%1.bin").arg(bucketsPerSecond);
    if (QFile file(path); file.open(QIODevice::ReadOnly)) {
        QDataStream in(&file);
        quint32 magic = 0;
        qint32 rate = 0;
        Waveform cached;
        in >> magic >> rate >> cached.minimum >> cached.maximum;
        if (magic == kWaveformMagic && rate == bucketsPerSecond && in.status() == QDataStream::Ok) {
            cached.bucketsPerSecond = rate;
            return cached;
        }
    }
    auto source = SourceProbe::probe(recording);
    if (!source)
        return source.error();
    if (!source->hasAudio)
        return UserError{QStringLiteral("这个文件没有声音"), QStringLiteral("this file has no sound"),
                         recording};
    ReaderStream audio{ReaderStream::Mode::Decoded,
                       QStringLiteral("audioconvert ! audio/x-raw,format=S16LE,layout=interleaved")};
    auto reader = MediaReader::open(recording, {}, audio);
    if (!reader)
        return reader.error();
    if (auto error = (*reader)->play())
        return *error;
    Waveform wave;
    wave.bucketsPerSecond = bucketsPerSecond;
    qint64 perBucket = 0;
    int channels = 0;
    qint16 low = 0, high = 0;
    qint64 inBucket = 0;
    GstClockTime lastPts = GST_CLOCK_TIME_NONE;
    while (gst::SamplePtr sample = (*reader)->pull(MediaReader::Stream::Audio, cancel)) {
        if (channels == 0) {
            const GstStructure* s = gst_caps_get_structure(gst_sample_get_caps(sample.get()), 0);
            int rate = 48000;
            gst_structure_get_int(s, "rate", &rate);
            gst_structure_get_int(s, "channels", &channels);
            channels = std::max(1, channels);
            perBucket = std::max<qint64>(1, rate / bucketsPerSecond);
        }
        GstBuffer* buffer = gst_sample_get_buffer(sample.get());
        // The preroll's buffer comes again when playing starts.
        if (GST_BUFFER_PTS_IS_VALID(buffer) && GST_BUFFER_PTS(buffer) == lastPts)
            continue;
        lastPts = GST_BUFFER_PTS(buffer);
        GstMapInfo map;
        gst_buffer_map(buffer, &map, GST_MAP_READ);
        const auto* data = reinterpret_cast<const qint16*>(map.data);
        const qsizetype frames = qsizetype(map.size / (2 * size_t(channels)));
        for (qsizetype i = 0; i < frames; ++i) {
            for (int c = 0; c < channels; ++c) {
                low = std::min(low, data[i * channels + c]);
                high = std::max(high, data[i * channels + c]);
            }
            if (++inBucket == perBucket) {
                wave.minimum.append(low);
                wave.maximum.append(high);
                low = high = 0;
                inBucket = 0;
            }
        }
        gst_buffer_unmap(buffer, &map);
        if (progress && source->durationSec > 0)
            progress(std::min(1.0, double(wave.minimum.size()) / bucketsPerSecond / source->durationSec));
    }
    if (inBucket > 0) {
        wave.minimum.append(low);
        wave.maximum.append(high);
    }
    if (cancel.isCancelled())
        return UserError{QStringLiteral("已取消"), QStringLiteral("cancelled"), recording};
    if (auto error = (*reader)->error())
        return *error;
    QDir().mkpath(dir);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cacheError(path);
    QDataStream out(&file);
    out << kWaveformMagic << qint32(bucketsPerSecond) << wave.minimum << wave.maximum;
    if (!file.commit())
        return cacheError(path);
    return wave;
}

PreviewCache::PreviewCache(QObject* parent) : QObject(parent) {}

PreviewCache::~PreviewCache() {
    for (auto& [id, token] : running_)
        token.cancel();
    for (auto& [id, thread] : threads_)
        if (thread.joinable())
            thread.join();
}

template <class Work> qint64 PreviewCache::start(Work work) {
    const qint64 id = next_++;
    CancelToken token;
    running_[id] = token;
    QPointer<PreviewCache> self(this);
    threads_[id] = std::thread([this, self, id, token, work] {
        auto report = [this, self, id](double fraction) {
            QMetaObject::invokeMethod(
                this,
                [this, self, id, fraction] {
                    if (self)
                        emit progress(id, fraction);
                },
                Qt::QueuedConnection);
        };
        work(this, id, token, report);
    });
    return id;
}

qint64 PreviewCache::requestFilmstrip(const QString& recording, double intervalSec, int height) {
    return start([recording, intervalSec, height](PreviewCache* cache, qint64 id, const CancelToken& token,
                                                  const std::function<void(double)>& report) {
        auto result = filmstrip(recording, intervalSec, height, token, report);
        QMetaObject::invokeMethod(
            cache,
            [cache, id, result] {
                cache->running_.erase(id);
                if (result)
                    emit cache->filmstripReady(id, *result);
                else
                    emit cache->failed(id, result.error().message(), result.error().detail);
            },
            Qt::QueuedConnection);
    });
}

qint64 PreviewCache::requestWaveform(const QString& recording, int bucketsPerSecond) {
    return start([recording, bucketsPerSecond](PreviewCache* cache, qint64 id, const CancelToken& token,
                                               const std::function<void(double)>& report) {
        auto result = waveform(recording, bucketsPerSecond, token, report);
        QMetaObject::invokeMethod(
            cache,
            [cache, id, result] {
                cache->running_.erase(id);
                if (result)
                    emit cache->waveformReady(id, *result);
                else
                    emit cache->failed(id, result.error().message(), result.error().detail);
            },
            Qt::QueuedConnection);
    });
}

void PreviewCache::cancel(qint64 request) {
    if (auto it = running_.find(request); it != running_.end())
        it->second.cancel();
}

} // namespace xz::clips
