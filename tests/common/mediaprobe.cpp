#include "mediaprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace xz::testing {
namespace {

QByteArray run(const QString& program, const QStringList& args, int timeoutMs = 120000) {
    QProcess process;
    process.start(program, args);
    process.waitForFinished(timeoutMs);
    return process.readAllStandardOutput();
}

double parseRate(const QString& rate) {
    const QStringList parts = rate.split(QLatin1Char('/'));
    if (parts.size() != 2 || parts[1].toDouble() == 0)
        return 0;
    return parts[0].toDouble() / parts[1].toDouble();
}

} // namespace

MediaInfo probeMedia(const QString& path) {
    MediaInfo info;
    const QJsonObject root =
        QJsonDocument::fromJson(run(QStringLiteral("ffprobe"),
                                    {QStringLiteral("-v"), QStringLiteral("error"),
                                     QStringLiteral("-print_format"), QStringLiteral("json"),
                                     QStringLiteral("-show_format"), QStringLiteral("-show_streams"), path}))
            .object();
    if (root.isEmpty()) {
        info.error = QStringLiteral("ffprobe could not read ") + path;
        return info;
    }
    info.readable = true;
    info.durationSec = root.value(QStringLiteral("format"))
                           .toObject()
                           .value(QStringLiteral("duration"))
                           .toString()
                           .toDouble();
    for (const QJsonValue& value : root.value(QStringLiteral("streams")).toArray()) {
        const QJsonObject stream = value.toObject();
        const QString type = stream.value(QStringLiteral("codec_type")).toString();
        if (type == QLatin1String("video")) {
            info.hasVideo = true;
            info.width = stream.value(QStringLiteral("width")).toInt();
            info.height = stream.value(QStringLiteral("height")).toInt();
            info.fps = parseRate(stream.value(QStringLiteral("avg_frame_rate")).toString());
            if (info.fps == 0)
                info.fps = parseRate(stream.value(QStringLiteral("r_frame_rate")).toString());
        } else if (type == QLatin1String("audio")) {
            info.hasAudio = true;
        }
    }
    return info;
}

QList<double> videoPacketTimes(const QString& path) {
    const QByteArray out =
        run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
             QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("packet=pts_time"),
             QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
    QList<double> times;
    for (const QByteArray& line : out.split('\n')) {
        bool ok = false;
        const double t = line.trimmed().toDouble(&ok);
        if (ok)
            times.append(t);
    }
    return times;
}

double decodableSeconds(const QString& path) {
    // Decode for real (not just read the index), as a viewer's player would.
    const QByteArray out =
        run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
             QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("frame=pts_time"),
             QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
    double last = 0;
    for (const QByteArray& line : out.split('\n')) {
        bool ok = false;
        const double t = line.trimmed().toDouble(&ok);
        if (ok && t > last)
            last = t;
    }
    return last;
}

} // namespace xz::testing
