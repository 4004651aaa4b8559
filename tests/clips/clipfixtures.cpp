#include "clipfixtures.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

namespace xz::testing {
namespace {

constexpr int kBits = 16;
constexpr int kRate = 48000;
constexpr int kAacDelay = 1024; // avenc_aac's priming: the content is written this much early to be in sync

QByteArray run(const QString& program, const QStringList& args, QByteArray* errors = nullptr) {
    QProcess process;
    process.start(program, args);
    process.waitForFinished(300000);
    if (errors)
        *errors = process.readAllStandardError();
    return process.readAllStandardOutput();
}

void paintFrame(quint8* y, quint8* u, quint8* v, int width, int height, int number, bool flash, bool tenBit) {
    const int columnWidth = width / kBits;
    auto put = [&](quint8* plane, int stride, int x, int yy, int value) {
        if (tenBit)
            reinterpret_cast<quint16*>(plane)[yy * stride + x] = quint16(value << 2);
        else
            plane[yy * stride + x] = quint8(value);
    };
    for (int row = 0; row < height; ++row)
        for (int x = 0; x < width; ++x) {
            int value = 16;
            if (row < height / 2) {
                const int bit = std::min(kBits - 1, x / columnWidth);
                value = (number >> (kBits - 1 - bit)) & 1 ? 235 : 16;
            } else if (flash) {
                value = 235;
            }
            put(y, width, x, row, value);
        }
    for (int row = 0; row < height / 2; ++row)
        for (int x = 0; x < width / 2; ++x) {
            put(u, width / 2, x, row, 128);
            put(v, width / 2, x, row, 128);
        }
}

} // namespace

QString makeClip(const QString& path, const ClipSpec& spec) {
    gst_init(nullptr, nullptr);
    const bool withAudio = spec.audio != ClipSpec::Audio::None;
    const QString format = spec.tenBit ? QStringLiteral("I420_10LE") : QStringLiteral("I420");
    QString description =
        QStringLiteral(
            "appsrc name=v format=time block=true max-bytes=2000000 caps=video/x-raw,format=%1,width=%2,"
            "height=%3,framerate=%4/1 ! x264enc speed-preset=superfast key-int-max=%5 bframes=%6 "
            "b-adapt=false option-string=scenecut=0 ! video/x-h264,profile=%7 ! h264parse ! queue ! mux. ")
            .arg(format)
            .arg(spec.width)
            .arg(spec.height)
            .arg(spec.variableRate ? 0 : spec.fps)
            .arg(spec.keyInterval)
            .arg(spec.bframes)
            .arg(spec.tenBit ? QStringLiteral("high-10") : spec.profile);
    if (withAudio)
        description +=
            QStringLiteral("appsrc name=a format=time block=true max-bytes=4000000 "
                           "caps=audio/x-raw,format=S16LE,rate=48000,channels=2,layout=interleaved ! "
                           "audioconvert ! avenc_aac bitrate=128000 ! aacparse ! queue ! mux. ");
    description += spec.container == ClipSpec::Container::Mkv ? QStringLiteral("matroskamux name=mux")
                                                              : QStringLiteral("mp4mux name=mux");
    description += QStringLiteral(" ! filesink name=sink");
    GError* error = nullptr;
    GstElement* pipeline = gst_parse_launch(description.toUtf8().constData(), &error);
    if (error) {
        const QString text = QString::fromUtf8(error->message);
        g_error_free(error);
        return text;
    }
    GstElement* sink = gst_bin_get_by_name(GST_BIN(pipeline), "sink");
    g_object_set(sink, "location", QFile::encodeName(path).constData(), nullptr);
    gst_object_unref(sink);
    GstElement* vsrc = gst_bin_get_by_name(GST_BIN(pipeline), "v");
    GstElement* asrc = withAudio ? gst_bin_get_by_name(GST_BIN(pipeline), "a") : nullptr;
    gst_element_set_state(pipeline, GST_STATE_PLAYING);

    const double frameSec = 1.0 / spec.fps;
    auto frameTime = [&](int k) {
        if (!spec.variableRate)
            return k * frameSec;
        // Pairs of steps (25 ms, 41.7 ms) average to 1/30 s.
        return (k / 2) * 2 * frameSec + (k % 2) * 0.025;
    };
    const double totalSec = frameTime(spec.frames);
    const int bytesPerSample = spec.tenBit ? 2 : 1;
    const int ySize = spec.width * spec.height * bytesPerSample;
    const int cSize = ySize / 4;
    qint64 audioSample = 0;
    const qint64 totalSamples = qint64(totalSec * kRate);
    auto audioValue = [&](qint64 sample) -> double {
        const double t = double(sample + kAacDelay) / kRate;
        if (spec.audio == ClipSpec::Audio::Tone)
            return std::pow(10.0, spec.toneDbfs / 20) * std::sin(2 * M_PI * 440 * t);
        const double bed = std::pow(10.0, spec.bedDbfs / 20) * std::sin(2 * M_PI * 440 * t);
        for (int frame : spec.flashFrames) {
            const double start = frameTime(frame);
            if (t >= start && t < start + frameSec)
                return bed + 0.5 * std::sin(2 * M_PI * 1000 * (t - start));
        }
        return bed;
    };
    auto pushAudioUntil = [&](double untilSec) {
        while (asrc && audioSample < totalSamples && double(audioSample) / kRate < untilSec) {
            const int count = int(std::min<qint64>(1024, totalSamples - audioSample));
            GstBuffer* buffer = gst_buffer_new_allocate(nullptr, gsize(count * 4), nullptr);
            GstMapInfo map;
            gst_buffer_map(buffer, &map, GST_MAP_WRITE);
            auto* out = reinterpret_cast<qint16*>(map.data);
            for (int i = 0; i < count; ++i) {
                const auto value = qint16(std::lround(audioValue(audioSample + i) * 32767));
                out[2 * i] = out[2 * i + 1] = value;
            }
            gst_buffer_unmap(buffer, &map);
            GST_BUFFER_PTS(buffer) = gst_util_uint64_scale(audioSample, GST_SECOND, kRate);
            GST_BUFFER_DURATION(buffer) = gst_util_uint64_scale(count, GST_SECOND, kRate);
            audioSample += count;
            gst_app_src_push_buffer(GST_APP_SRC(asrc), buffer);
        }
    };
    for (int k = 0; k < spec.frames; ++k) {
        GstBuffer* buffer = gst_buffer_new_allocate(nullptr, gsize(ySize + 2 * cSize), nullptr);
        GstMapInfo map;
        gst_buffer_map(buffer, &map, GST_MAP_WRITE);
        paintFrame(map.data, map.data + ySize, map.data + ySize + cSize, spec.width, spec.height, k,
                   spec.flashFrames.contains(k), spec.tenBit);
        gst_buffer_unmap(buffer, &map);
        const double t = frameTime(k);
        GST_BUFFER_PTS(buffer) = GstClockTime(std::llround(t * GST_SECOND));
        GST_BUFFER_DURATION(buffer) = GstClockTime(std::llround((frameTime(k + 1) - t) * GST_SECOND));
        gst_app_src_push_buffer(GST_APP_SRC(vsrc), buffer);
        pushAudioUntil(frameTime(k + 1));
    }
    pushAudioUntil(totalSec + 1);
    gst_app_src_end_of_stream(GST_APP_SRC(vsrc));
    if (asrc)
        gst_app_src_end_of_stream(GST_APP_SRC(asrc));
    GstBus* bus = gst_element_get_bus(pipeline);
    GstMessage* message = gst_bus_timed_pop_filtered(bus, 120 * GST_SECOND,
                                                     GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
    QString result;
    if (!message) {
        result = QStringLiteral("timed out writing ") + path;
    } else if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
        GError* err = nullptr;
        gst_message_parse_error(message, &err, nullptr);
        result = QString::fromUtf8(err->message);
        g_error_free(err);
    }
    if (message)
        gst_message_unref(message);
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(vsrc);
    if (asrc)
        gst_object_unref(asrc);
    gst_object_unref(pipeline);
    return result;
}

QList<int> decodeFrameNumbers(const QString& path, int width, int height) {
    const QByteArray raw =
        run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
             QStringLiteral("-map"), QStringLiteral("0:v:0"), QStringLiteral("-vsync"),
             QStringLiteral("passthrough"), QStringLiteral("-f"), QStringLiteral("rawvideo"),
             QStringLiteral("-pix_fmt"), QStringLiteral("gray"), QStringLiteral("-")});
    QList<int> numbers;
    const int frameSize = width * height;
    const int columnWidth = width / kBits;
    for (qsizetype at = 0; at + frameSize <= raw.size(); at += frameSize) {
        const auto* frame = reinterpret_cast<const quint8*>(raw.constData() + at);
        int number = 0;
        bool clear = true;
        for (int bit = 0; bit < kBits; ++bit) {
            long sum = 0;
            int count = 0;
            for (int row = height / 8; row < height * 3 / 8; ++row)
                for (int x = bit * columnWidth + columnWidth / 4;
                     x < (bit + 1) * columnWidth - columnWidth / 4; ++x) {
                    sum += frame[row * width + x];
                    ++count;
                }
            const double mean = double(sum) / count;
            if (mean > 90 && mean < 160)
                clear = false;
            number = (number << 1) | (mean >= 128 ? 1 : 0);
        }
        numbers.append(clear ? number : -1);
    }
    return numbers;
}

QList<double> flashTimes(const QString& path, int width, int height) {
    const QByteArray raw =
        run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
             QStringLiteral("-map"), QStringLiteral("0:v:0"), QStringLiteral("-vsync"),
             QStringLiteral("passthrough"), QStringLiteral("-f"), QStringLiteral("rawvideo"),
             QStringLiteral("-pix_fmt"), QStringLiteral("gray"), QStringLiteral("-")});
    // Presentation times from the same decode, so a picture's time is the file's, not a count of frames.
    const QByteArray times =
        run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
             QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("frame=pts_time"),
             QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
    QList<double> pts;
    for (const QByteArray& line : times.split('\n'))
        if (!line.trimmed().isEmpty())
            pts.append(line.trimmed().toDouble());
    QList<double> flashes;
    const int frameSize = width * height;
    bool previous = false;
    int index = 0;
    for (qsizetype at = 0; at + frameSize <= raw.size(); at += frameSize, ++index) {
        const auto* frame = reinterpret_cast<const quint8*>(raw.constData() + at);
        long sum = 0;
        for (int i = frameSize * 5 / 8; i < frameSize * 7 / 8; ++i)
            sum += frame[i];
        const bool lit = double(sum) / (frameSize / 4) > 128;
        if (lit && !previous && index < pts.size())
            flashes.append(pts[index]);
        previous = lit;
    }
    return flashes;
}

QVector<float> decodeAudio(const QString& path) {
    const QByteArray raw = run(QStringLiteral("ffmpeg"),
                               {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
                                QStringLiteral("-map"), QStringLiteral("0:a:0"), QStringLiteral("-ac"),
                                QStringLiteral("1"), QStringLiteral("-ar"), QStringLiteral("48000"),
                                QStringLiteral("-f"), QStringLiteral("f32le"), QStringLiteral("-")});
    QVector<float> samples(raw.size() / 4);
    memcpy(samples.data(), raw.constData(), size_t(samples.size()) * 4);
    return samples;
}

QList<double> beepTimes(const QVector<float>& samples) {
    QList<double> onsets;
    qsizetype quietSince = 0;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (std::abs(samples[i]) > 0.1f) {
            if (i - quietSince > kRate / 5)
                onsets.append(double(i) / kRate);
            quietSince = i;
        }
    }
    return onsets;
}

Loudness ffmpegLoudness(const QString& path) {
    QByteArray errors;
    run(QStringLiteral("ffmpeg"),
        {QStringLiteral("-nostats"), QStringLiteral("-i"), path, QStringLiteral("-map"),
         QStringLiteral("0:a:0"), QStringLiteral("-af"), QStringLiteral("ebur128=peak=true"),
         QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
        &errors);
    const QString text = QString::fromUtf8(errors);
    const qsizetype summary = text.lastIndexOf(QStringLiteral("Summary:"));
    Loudness loudness;
    if (summary < 0)
        return loudness;
    const QString tail = text.mid(summary);
    const auto integrated = QRegularExpression(QStringLiteral("I:\\s+(-?[\\d.]+) LUFS")).match(tail);
    const auto peak = QRegularExpression(QStringLiteral("Peak:\\s+(-?[\\d.]+|-inf) dBFS")).match(tail);
    if (!integrated.hasMatch() || !peak.hasMatch())
        return loudness;
    loudness.integratedLufs = integrated.captured(1).toDouble();
    loudness.truePeakDbtp = peak.captured(1) == QLatin1String("-inf") ? -200 : peak.captured(1).toDouble();
    loudness.ok = true;
    return loudness;
}

QList<double> frameTimes(const QString& path) {
    const QByteArray out =
        run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
             QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("frame=pts_time"),
             QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
    QList<double> times;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            times.append(line.trimmed().toDouble());
    std::sort(times.begin(), times.end());
    return times;
}

QList<bool> videoKeyframes(const QString& path) {
    const QByteArray out =
        run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
             QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("packet=flags"),
             QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
    QList<bool> keys;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            keys.append(line.startsWith('K'));
    return keys;
}

} // namespace xz::testing
