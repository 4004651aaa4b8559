#include "obsterms.h"

#include "gstcapture.h"
#include "obstext.h"
#include "testpattern.h"

#include <algorithm>

namespace xz::remote {

QString inputKind(const live::Studio& studio, const show::Source& source) {
    switch (source.kind) {
    case show::SourceKind::Camera:
        // A camera with a device is a capture source; without one the studio draws its test pattern.
        return QLatin1String(studio.captureIds().contains(source.id) ? capture::kGstCaptureSourceId
                                                                     : engine::kTestPatternSourceId);
    case show::SourceKind::AudioInput:
        return QLatin1String(capture::kGstCaptureSourceId);
    case show::SourceKind::Image:
        return QStringLiteral("image_source");
    case show::SourceKind::Text:
        return QLatin1String(media::kTextSourceId);
    case show::SourceKind::Color:
        return QStringLiteral("color_source_v3");
    case show::SourceKind::Media:
        return QStringLiteral("ffmpeg_source");
    }
    return QString();
}

QString transitionKind(show::TransitionKind kind) {
    switch (kind) {
    case show::TransitionKind::Cut:
        return QStringLiteral("cut_transition");
    case show::TransitionKind::Fade:
        return QStringLiteral("fade_transition");
    case show::TransitionKind::FadeToColor:
        return QStringLiteral("fade_to_color_transition");
    case show::TransitionKind::Swipe:
        return QStringLiteral("swipe_transition");
    case show::TransitionKind::Slide:
        return QStringLiteral("slide_transition");
    case show::TransitionKind::Wipe:
        return QStringLiteral("wipe_transition");
    case show::TransitionKind::Stinger:
        return QStringLiteral("obs_stinger_transition");
    }
    return QString();
}

bool transitionFixed(show::TransitionKind kind) {
    return kind == show::TransitionKind::Cut || kind == show::TransitionKind::Stinger;
}

QList<SceneItemRef> sceneItems(const live::Studio& studio, const QString& sceneId) {
    QList<SceneItemRef> refs;
    if (!studio.sceneIds().contains(sceneId))
        return refs;
    const show::Scene* scene = studio.show().findScene(sceneId);
    const QStringList present = studio.itemIds(sceneId);
    for (qsizetype i = 0; i < scene->items.size(); ++i) {
        const show::SceneItem& item = scene->items[i];
        const bool seen = std::any_of(refs.cbegin(), refs.cend(),
                                      [&](const SceneItemRef& ref) { return ref.sourceId == item.sourceId; });
        if (seen || !present.contains(item.sourceId))
            continue;
        refs.append(
            SceneItemRef{static_cast<int>(i) + 1, static_cast<int>(refs.size()), item.sourceId, &item});
    }
    return refs;
}

QString timecode(qint64 ms) {
    const qint64 seconds = ms / 1000;
    return QString::asprintf("%02lld:%02lld:%02lld.%03lld", seconds / 3600, (seconds / 60) % 60, seconds % 60,
                             ms % 1000);
}

std::optional<QString> recordOutputState(engine::RecordingState state) {
    switch (state) {
    case engine::RecordingState::Idle:
        return std::nullopt;
    case engine::RecordingState::Recording:
        return kOutputStarted;
    case engine::RecordingState::Stopping:
        return kOutputStopping;
    case engine::RecordingState::Stopped:
    case engine::RecordingState::Failed:
        return kOutputStopped;
    }
    return std::nullopt;
}

StreamSummary summarizeStreams(const QList<live::StreamStatus>& streams, int fps) {
    using engine::StreamState;
    StreamSummary summary;
    bool live = false, connecting = false, stopping = false;
    for (const live::StreamStatus& stream : streams) {
        ++summary.targets;
        live |= stream.state == StreamState::Live;
        connecting |= stream.state == StreamState::Connecting;
        stopping |= stream.state == StreamState::Stopping;
        summary.reconnecting |= stream.state == StreamState::Reconnecting;
        if (stream.state == StreamState::Live && fps > 0)
            summary.durationMs = std::max<qint64>(summary.durationMs, stream.totalFrames * 1000LL / fps);
        summary.bytes += stream.bytes;
        summary.skippedFrames += stream.droppedFrames;
        summary.totalFrames += stream.totalFrames;
    }
    summary.active = live || connecting || stopping || summary.reconnecting;
    summary.state = live                   ? kOutputStarted
                    : summary.reconnecting ? kOutputReconnecting
                    : connecting           ? kOutputStarting
                    : stopping             ? kOutputStopping
                                           : kOutputStopped;
    return summary;
}

} // namespace xz::remote
