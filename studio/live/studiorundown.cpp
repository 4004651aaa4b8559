#include "studiorundown.h"

#include "studio.h"

namespace xz::live {

StudioRundown::StudioRundown(Studio& studio, rundown::Rundown rundown, rundown::EngineOptions options,
                             const rundown::Clock* clock, QObject* parent)
    : QObject(parent), studio_(&studio) {
    engine_ = std::make_unique<rundown::RundownEngine>(std::move(rundown), *this,
                                                       clock ? *clock : systemClock_, std::move(options));
    controller_ = std::make_unique<rundown::RundownController>(*engine_);
    connect(&studio, &Studio::recordingChanged, this, &StudioRundown::followRecording);
    followRecording(); // a recording started before the rundown was loaded
}

StudioRundown::~StudioRundown() {
    // The open segment and range get their end in the sidecar.
    if (!recordingPath_.isEmpty())
        engine_->recordingStopped(recordingSeconds());
    controller_.reset();
    engine_.reset();
}

void StudioRundown::followRecording() {
    if (!studio_)
        return;
    const RecordingStatus status = studio_->recordingStatus();
    const bool recording = status.state == engine::RecordingState::Recording;
    if (recording && status.path != recordingPath_) {
        if (!recordingPath_.isEmpty())
            engine_->recordingStopped(std::nullopt);
        recordingPath_ = status.path;
        engine_->recordingStarted(recordingPath_);
    } else if (!recording && !recordingPath_.isEmpty()) {
        // Stopping still has the recording clock; after that, the recorder's own count of seconds.
        std::optional<double> last = recordingSeconds();
        if (!last && status.path == recordingPath_)
            last = status.seconds;
        recordingPath_.clear();
        engine_->recordingStopped(last);
    }
}

std::optional<UserError> StudioRundown::setText(const QString& sceneId, const QString& sourceId,
                                                const QString& text) {
    if (!studio_)
        return UserError{QStringLiteral("节目已经结束"), QStringLiteral("the show has ended"), {}};
    return studio_->setText(sceneId, sourceId, text);
}

std::optional<UserError> StudioRundown::takeScene(const QString& sceneId, const QString& transitionId,
                                                  int durationMs) {
    if (!studio_)
        return UserError{QStringLiteral("节目已经结束"), QStringLiteral("the show has ended"), {}};
    if (studio_->programScene() == sceneId)
        return std::nullopt;
    if (std::optional<UserError> error = studio_->setPreview(sceneId))
        return error;
    // The safe slate was put on air by hand: the rundown never takes it off by itself.
    if (studio_->standbyOnAir())
        return UserError{
            QStringLiteral("“请稍候”画面正在播出：场景“%1”已放到预览，没有切换")
                .arg(studio_->sceneName(sceneId)),
            QStringLiteral("the standby slate is on air: scene '%1' is in preview, not taken").arg(sceneId),
            sceneId};
    return studio_->take(transitionId, durationMs);
}

std::optional<double> StudioRundown::recordingSeconds() const {
    return studio_ ? studio_->recordingSecondsNow() : std::nullopt;
}

} // namespace xz::live
