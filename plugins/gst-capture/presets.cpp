#include "presets.h"

#include <QMap>
#include <QProcess>

namespace xz::capture {
namespace {

constexpr QLatin1String kPrefix("preset:");

CaptureError presetError(const QString& zh, const QString& en, const QString& spec) {
    return {zh, en, spec, true};
}

// gst-launch quoting for a property value (paths and URLs can hold spaces).
QString quoted(const QString& value) {
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool isTrue(const QString& value) {
    return value == QLatin1String("1") || value == QLatin1String("true") || value == QLatin1String("yes");
}

QString decodeBranches(const QString& source, bool withAudio) {
    if (!withAudio)
        return source + QStringLiteral(" ! decodebin");
    // Caps on each branch so decodebin's video pad cannot be linked into the audio chain or the reverse.
    return source +
           QStringLiteral(" ! decodebin name=d  d. ! video/x-raw ! vsink.  d. ! audio/x-raw ! asink.");
}

} // namespace

const QList<PresetInfo>& presets() {
    static const QList<PresetInfo> list = {
        {QStringLiteral("usb-camera"),
         QStringLiteral("USB 摄像头（v4l2）"),
         QStringLiteral("USB camera (v4l2)"),
         {QStringLiteral("device*"), QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("fps"),
          QStringLiteral("format")}},
        {QStringLiteral("microphone"),
         QStringLiteral("麦克风（PulseAudio 或 ALSA）"),
         QStringLiteral("microphone (PulseAudio or ALSA)"),
         {QStringLiteral("device"), QStringLiteral("api")}},
        {QStringLiteral("srt-listener"),
         QStringLiteral("手机/远程摄像头（SRT，演播室等待连接）"),
         QStringLiteral("phone or remote camera over SRT (the studio listens)"),
         {QStringLiteral("port*"), QStringLiteral("address"), QStringLiteral("latency"),
          QStringLiteral("audio")}},
        {QStringLiteral("rtmp-pull"),
         QStringLiteral("拉取 RTMP 流"),
         QStringLiteral("pull an RTMP stream"),
         {QStringLiteral("url*"), QStringLiteral("audio")}},
        {QStringLiteral("media-file"),
         QStringLiteral("循环播放的媒体文件"),
         QStringLiteral("a media file, looped"),
         {QStringLiteral("path*"), QStringLiteral("loop"), QStringLiteral("audio")}},
        {QStringLiteral("test-pattern"),
         QStringLiteral("测试画面"),
         QStringLiteral("test pattern"),
         {QStringLiteral("pattern"), QStringLiteral("width"), QStringLiteral("height"),
          QStringLiteral("fps")}},
    };
    return list;
}

bool isPresetSpec(const QString& device) {
    return device.trimmed().startsWith(kPrefix);
}

std::optional<CaptureRecipe> resolveDevice(const QString& device, CaptureError* error) {
    if (!isPresetSpec(device))
        return CaptureRecipe{device.trimmed(), MediaKind::Video, false};

    const QString spec = device.trimmed();
    const QStringList words = QProcess::splitCommand(spec.mid(kPrefix.size()));
    QStringList names;
    for (const PresetInfo& preset : presets())
        names.append(preset.name);
    if (words.isEmpty()) {
        *error = presetError(
            QStringLiteral("预设名称缺失（可用：%1）").arg(names.join(QStringLiteral(", "))),
            QStringLiteral("preset name missing (known: %1)").arg(names.join(QStringLiteral(", "))), spec);
        return std::nullopt;
    }
    const QString name = words.first();
    const PresetInfo* info = nullptr;
    for (const PresetInfo& preset : presets())
        if (preset.name == name)
            info = &preset;
    if (!info) {
        *error = presetError(
            QStringLiteral("未知的预设“%1”（可用：%2）").arg(name, names.join(QStringLiteral(", "))),
            QStringLiteral("unknown preset '%1' (known: %2)").arg(name, names.join(QStringLiteral(", "))),
            spec);
        return std::nullopt;
    }
    QMap<QString, QString> values;
    QStringList accepted;
    for (QString key : info->keys)
        accepted.append(key.remove(QLatin1Char('*')));
    for (const QString& word : words.mid(1)) {
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        const QString key = word.left(equals);
        if (equals <= 0 || !accepted.contains(key)) {
            *error = presetError(QStringLiteral("预设 %1 不认识“%2”（可用：%3）")
                                     .arg(name, word, accepted.join(QStringLiteral(", "))),
                                 QStringLiteral("preset %1 does not take '%2' (it takes: %3)")
                                     .arg(name, word, accepted.join(QStringLiteral(", "))),
                                 spec);
            return std::nullopt;
        }
        values.insert(key, word.mid(equals + 1));
    }
    for (const QString& key : info->keys)
        if (key.endsWith(QLatin1Char('*')) && values.value(key.chopped(1)).isEmpty()) {
            *error = presetError(QStringLiteral("预设 %1 需要 %2=…").arg(name, key.chopped(1)),
                                 QStringLiteral("preset %1 needs %2=...").arg(name, key.chopped(1)), spec);
            return std::nullopt;
        }
    auto number = [&](const QString& key, int fallback, int low, int high, bool* ok) {
        if (!values.contains(key))
            return fallback;
        bool parsed = false;
        const int value = values.value(key).toInt(&parsed);
        if (!parsed || value < low || value > high) {
            *error = presetError(
                QStringLiteral("预设 %1 的 %2 必须是 %3 到 %4 之间的整数").arg(name, key).arg(low).arg(high),
                QStringLiteral("preset %1: %2 must be a whole number from %3 to %4")
                    .arg(name, key)
                    .arg(low)
                    .arg(high),
                spec);
            *ok = false;
        }
        return value;
    };
    bool ok = true;
    CaptureRecipe recipe;
    const bool withAudio = isTrue(values.value(QStringLiteral("audio")));

    if (name == QLatin1String("usb-camera")) {
        const QString path = values.value(QStringLiteral("device"));
        if (!path.startsWith(QLatin1String("/dev/"))) {
            *error = presetError(QStringLiteral("摄像头设备应是 /dev/video… 这样的路径"),
                                 QStringLiteral("a camera device is a path like /dev/video0"), spec);
            return std::nullopt;
        }
        const int width = number(QStringLiteral("width"), 0, 16, 7680, &ok);
        const int height = number(QStringLiteral("height"), 0, 16, 4320, &ok);
        const int fps = number(QStringLiteral("fps"), 0, 1, 240, &ok);
        if (!ok)
            return std::nullopt;
        QStringList caps;
        if (width > 0)
            caps.append(QStringLiteral("width=%1").arg(width));
        if (height > 0)
            caps.append(QStringLiteral("height=%1").arg(height));
        if (fps > 0)
            caps.append(QStringLiteral("framerate=%1/1").arg(fps));
        const bool mjpeg = values.value(QStringLiteral("format")) == QLatin1String("mjpeg");
        recipe.description = QStringLiteral("v4l2src device=%1").arg(quoted(path));
        // Most USB cameras give 720p30 only as MJPEG; raw YUY2 at that size is often 5-10 fps over USB 2.
        if (mjpeg)
            recipe.description +=
                QStringLiteral(" ! image/jpeg%1 ! jpegdec")
                    .arg(caps.isEmpty() ? QString() : QLatin1Char(',') + caps.join(QLatin1Char(',')));
        else if (!caps.isEmpty())
            recipe.description += QStringLiteral(" ! video/x-raw,") + caps.join(QLatin1Char(','));
    } else if (name == QLatin1String("microphone")) {
        const QString api = values.value(QStringLiteral("api"), QStringLiteral("pulse"));
        const QString dev = values.value(QStringLiteral("device"), QStringLiteral("default"));
        if (api == QLatin1String("pulse")) {
            recipe.description = QStringLiteral("pulsesrc");
            if (dev != QLatin1String("default"))
                recipe.description += QStringLiteral(" device=") + quoted(dev);
        } else if (api == QLatin1String("alsa")) {
            recipe.description = QStringLiteral("alsasrc device=") + quoted(dev);
        } else {
            *error = presetError(QStringLiteral("麦克风 api 只能是 pulse 或 alsa"),
                                 QStringLiteral("microphone api is pulse or alsa"), spec);
            return std::nullopt;
        }
        recipe.kind = MediaKind::Audio;
    } else if (name == QLatin1String("srt-listener")) {
        const int port = number(QStringLiteral("port"), 0, 1, 65535, &ok);
        const int latency = number(QStringLiteral("latency"), 120, 20, 8000, &ok);
        if (!ok)
            return std::nullopt;
        // Loopback unless told otherwise: a phone on the studio's network needs address=0.0.0.0 on purpose.
        const QString address = values.value(QStringLiteral("address"), QStringLiteral("127.0.0.1"));
        const QString source = QStringLiteral("srtsrc uri=\"srt://%1:%2?mode=listener\" latency=%3 "
                                              "wait-for-connection=true poll-timeout=100")
                                   .arg(address)
                                   .arg(port)
                                   .arg(latency);
        recipe.description = decodeBranches(source, withAudio);
    } else if (name == QLatin1String("rtmp-pull")) {
        const QString url = values.value(QStringLiteral("url"));
        if (!url.startsWith(QLatin1String("rtmp://")) && !url.startsWith(QLatin1String("rtmps://"))) {
            *error = presetError(QStringLiteral("RTMP 地址应以 rtmp:// 开头"),
                                 QStringLiteral("an RTMP address starts with rtmp://"), QString());
            return std::nullopt;
        }
        recipe.description = decodeBranches(QStringLiteral("rtmp2src location=") + quoted(url), withAudio);
    } else if (name == QLatin1String("media-file")) {
        const QString path = values.value(QStringLiteral("path"));
        recipe.description = decodeBranches(QStringLiteral("filesrc location=") + quoted(path), withAudio);
        // Not live: nothing to drop, and decodebin already gives each stream a thread.
        recipe.threads = BranchThreads::FromDescription;
        recipe.loop =
            !values.contains(QStringLiteral("loop")) || isTrue(values.value(QStringLiteral("loop")));
    } else { // test-pattern
        const int width = number(QStringLiteral("width"), 1280, 16, 7680, &ok);
        const int height = number(QStringLiteral("height"), 720, 16, 4320, &ok);
        const int fps = number(QStringLiteral("fps"), 30, 1, 240, &ok);
        if (!ok)
            return std::nullopt;
        recipe.description =
            QStringLiteral("videotestsrc is-live=true pattern=%1 ! video/x-raw,width=%2,height=%3,"
                           "framerate=%4/1")
                .arg(values.value(QStringLiteral("pattern"), QStringLiteral("smpte")))
                .arg(width)
                .arg(height)
                .arg(fps);
    }
    return recipe;
}

} // namespace xz::capture
