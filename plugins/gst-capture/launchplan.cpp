#include "launchplan.h"

#include <QRegularExpression>

namespace xz::capture {
namespace {

// The raw formats libobs takes without conversion. videoconvert passes through when the source already
// produces one of them, so the only copy a frame sees is libobs' own upload copy.
QString videoChain(bool ownQueue) {
    return (ownQueue ? QStringLiteral("queue name=vsink max-size-buffers=3 leaky=downstream ! videoconvert")
                     : QStringLiteral("videoconvert name=vsink")) +
           QStringLiteral(" ! video/x-raw,format=(string){I420,NV12,YUY2,UYVY,YVYU,BGRA,BGRx,RGBA,Y42B,Y444,"
                          "GRAY8,I420_10LE,P010_10LE,I422_10LE} ! appsink name=%1 sync=true max-buffers=2 "
                          "drop=true")
               .arg(QLatin1String(kVideoSinkName));
}

// libobs mixes float; mono and stereo map to its speaker layouts, anything wider is folded to stereo.
// Beside a picture the sound is optional (`optional`): a file without it must still preroll on its picture
// alone, so async=false keeps the audio sink out of the preroll; timestamps still keep the two in step.
QString audioChain(bool ownQueue, bool optional) {
    return (ownQueue
                ? QStringLiteral("queue name=asink max-size-time=500000000 leaky=downstream ! audioconvert")
                : QStringLiteral("audioconvert name=asink")) +
           QStringLiteral(" ! audioresample ! audio/x-raw,format=F32LE,layout=interleaved,channels=[1,2] ! "
                          "appsink name=%1 sync=true max-buffers=8 drop=true%2")
               .arg(QLatin1String(kAudioSinkName), optional ? QStringLiteral(" async=false") : QString());
}

bool references(const QString& description, const char* name) {
    // `vsink.` as a link target: preceded by start, space or '!' and followed by end, space or '!'.
    const QRegularExpression pattern(QStringLiteral("(^|[\\s!])%1\\.(\\s|!|$)").arg(QLatin1String(name)));
    return pattern.match(description).hasMatch();
}

} // namespace

std::optional<LaunchPlan> planLaunch(const QString& userDescription, MediaKind kind, CaptureError* error,
                                     BranchThreads threads) {
    const bool ownQueues = threads == BranchThreads::Own;
    const QString description = userDescription.trimmed();
    if (description.isEmpty()) {
        *error = {QStringLiteral("采集管道是空的"), QStringLiteral("the capture pipeline is empty"),
                  QString(), true};
        return std::nullopt;
    }
    if (description.endsWith(QLatin1Char('!'))) {
        *error = {
            QStringLiteral("采集管道不能以“!”结尾，插件会自己接上输出"),
            QStringLiteral("the capture pipeline must not end with '!': the plugin attaches its own sinks"),
            description, true};
        return std::nullopt;
    }
    if (description.contains(QLatin1String("appsink"))) {
        *error = {
            QStringLiteral("采集管道里不能有 appsink，插件会自己接上输出"),
            QStringLiteral("the capture pipeline must not contain appsink: the plugin attaches its own"),
            description, true};
        return std::nullopt;
    }
    LaunchPlan plan;
    const bool namesVideo = references(description, "vsink");
    const bool namesAudio = references(description, "asink");
    if (namesVideo || namesAudio) {
        plan.description = description;
        if (namesVideo)
            plan.description += QStringLiteral("  ") + videoChain(ownQueues);
        if (namesAudio)
            plan.description += QStringLiteral("  ") + audioChain(ownQueues, namesVideo);
        plan.video = namesVideo;
        plan.audio = namesAudio;
        return plan;
    }
    plan.video = kind == MediaKind::Video;
    plan.audio = kind == MediaKind::Audio;
    plan.description = description + QStringLiteral(" ! ") +
                       (plan.video ? videoChain(ownQueues) : audioChain(ownQueues, false));
    return plan;
}

} // namespace xz::capture
