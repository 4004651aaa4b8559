#include "studioevents.h"

#include "obsterms.h"

#include <QJsonArray>
#include <cmath>

namespace xz::remote {

StudioEvents::StudioEvents(live::Studio& studio, ProtocolServer& server, QObject* parent)
    : QObject(parent), studio_(studio), server_(server), transition_(studio.transition()),
      transitionDurationMs_(studio.transitionDurationMs()), recording_(studio.recordingStatus().state),
      streamState_(summarizeStreams(studio.streams(), studio.show().canvas.fps).state) {
    using live::Studio;
    connect(&studio, &Studio::programSceneChanged, this, [this](const QString& sceneId) {
        server_.broadcast(subscription::Scenes, QStringLiteral("CurrentProgramSceneChanged"),
                          {{QStringLiteral("sceneName"), sceneId}});
    });
    connect(&studio, &Studio::previewSceneChanged, this, [this](const QString& sceneId) {
        server_.broadcast(subscription::Scenes, QStringLiteral("CurrentPreviewSceneChanged"),
                          {{QStringLiteral("sceneName"), sceneId}});
    });
    connect(&studio, &Studio::showChanged, this, &StudioEvents::onShowChanged);
    connect(&studio, &Studio::transitionStarted, this, [this](const QString& transitionId) {
        server_.broadcast(subscription::Transitions, QStringLiteral("SceneTransitionStarted"),
                          {{QStringLiteral("transitionName"), transitionId}});
    });
    connect(&studio, &Studio::transitionEnded, this, [this](const QString& transitionId) {
        server_.broadcast(subscription::Transitions, QStringLiteral("SceneTransitionEnded"),
                          {{QStringLiteral("transitionName"), transitionId}});
    });
    connect(&studio, &Studio::transitionChanged, this, &StudioEvents::onTransitionChanged);
    connect(&studio, &Studio::muteChanged, this, [this](const QString& inputId, bool muted) {
        server_.broadcast(subscription::Inputs, QStringLiteral("InputMuteStateChanged"),
                          {{QStringLiteral("inputName"), inputId}, {QStringLiteral("inputMuted"), muted}});
    });
    connect(&studio, &Studio::volumeChanged, this, [this](const QString& inputId, double db) {
        const double shown = std::isfinite(db) ? std::max(db, -100.0) : -100.0;
        server_.broadcast(
            subscription::Inputs, QStringLiteral("InputVolumeChanged"),
            {{QStringLiteral("inputName"), inputId},
             {QStringLiteral("inputVolumeMul"), shown <= -100.0 ? 0.0 : std::pow(10.0, shown / 20.0)},
             {QStringLiteral("inputVolumeDb"), shown}});
    });
    connect(&studio, &Studio::itemVisibilityChanged, this,
            [this](const QString& sceneId, const QString& sourceId, bool visible) {
                for (const SceneItemRef& ref : sceneItems(studio_, sceneId))
                    if (ref.sourceId == sourceId)
                        server_.broadcast(subscription::SceneItems,
                                          QStringLiteral("SceneItemEnableStateChanged"),
                                          {{QStringLiteral("sceneName"), sceneId},
                                           {QStringLiteral("sceneItemId"), ref.id},
                                           {QStringLiteral("sceneItemEnabled"), visible}});
            });
    connect(&studio, &Studio::recordingChanged, this, &StudioEvents::onRecordingChanged);
    connect(&studio, &Studio::streamsChanged, this, &StudioEvents::onStreamsChanged);
}

void StudioEvents::onShowChanged() {
    // Another show: another list of scenes (OBS's scene collection change).
    const QStringList ids = studio_.sceneIds();
    QJsonArray scenes;
    for (qsizetype i = ids.size() - 1; i >= 0; --i)
        scenes.append(QJsonObject{{QStringLiteral("sceneName"), ids[i]},
                                  {QStringLiteral("sceneIndex"), static_cast<int>(ids.size() - 1 - i)}});
    server_.broadcast(subscription::Scenes, QStringLiteral("SceneListChanged"),
                      {{QStringLiteral("scenes"), scenes}});
}

void StudioEvents::onTransitionChanged() {
    if (studio_.transition() != transition_) {
        transition_ = studio_.transition();
        server_.broadcast(subscription::Transitions, QStringLiteral("CurrentSceneTransitionChanged"),
                          {{QStringLiteral("transitionName"), transition_}});
    }
    if (studio_.transitionDurationMs() != transitionDurationMs_) {
        transitionDurationMs_ = studio_.transitionDurationMs();
        server_.broadcast(subscription::Transitions, QStringLiteral("CurrentSceneTransitionDurationChanged"),
                          {{QStringLiteral("transitionDuration"), transitionDurationMs_}});
    }
}

void StudioEvents::onRecordingChanged() {
    const live::RecordingStatus status = studio_.recordingStatus();
    if (status.state == recording_)
        return;
    recording_ = status.state;
    const std::optional<QString> state = recordOutputState(status.state);
    if (!state)
        return;
    // As obs-websocket: the file's path when the recording starts and when it is complete.
    const bool withPath = *state == kOutputStarted || *state == kOutputStopped;
    server_.broadcast(subscription::Outputs, QStringLiteral("RecordStateChanged"),
                      {{QStringLiteral("outputActive"), *state == kOutputStarted},
                       {QStringLiteral("outputState"), *state},
                       {QStringLiteral("outputPath"), withPath ? QJsonValue(status.path) : QJsonValue()}});
}

void StudioEvents::onStreamsChanged() {
    QString state = summarizeStreams(studio_.streams(), studio_.show().canvas.fps).state;
    if (state == streamState_)
        return;
    // Live again after reconnecting is OBS's "reconnected".
    const bool reconnected = state == kOutputStarted && streamState_ == kOutputReconnecting;
    streamState_ = state;
    if (reconnected)
        state = kOutputReconnected;
    server_.broadcast(
        subscription::Outputs, QStringLiteral("StreamStateChanged"),
        {{QStringLiteral("outputActive"), state == kOutputStarted || state == kOutputReconnected},
         {QStringLiteral("outputState"), state}});
}

} // namespace xz::remote
