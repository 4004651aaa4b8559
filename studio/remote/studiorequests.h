// The obs-websocket requests the studio answers, each one a thin translation to a Studio call with OBS's
// names, fields and status codes: scenes and studio mode (always on: operators preview, then take),
// transitions and the T-bar, the mixer, text items (the lower thirds), scene items, recording, streaming
// and stats. Registered into a ProtocolServer; everything runs on the main thread, none of it blocks.
#pragma once

#include "protocolserver.h"
#include "studio.h"

namespace xz::remote {

class StudioRequests {
public:
    StudioRequests(live::Studio& studio, ProtocolServer& server);

    // StartRecord records here (the app passes --record DIR or the settings' folder); empty: the folder the
    // Studio was given (Studio::setRecordingFolder).
    void setRecordingFolder(const QString& directory) { recordingFolder_ = directory; }

private:
    // Field checks that name studio things: a scene, an input, an audio input.
    FieldError sceneField(const Request& request, const QString& key, QString* sceneId) const;
    FieldError inputField(const Request& request, const QString& key, const show::Source** source) const;
    FieldError audioInputField(const Request& request, live::AudioInput* input) const;

    RequestResult getStats(const Request& request) const;
    RequestResult getSceneList(const Request& request) const;
    RequestResult setCurrentProgramScene(const Request& request);
    RequestResult setCurrentPreviewScene(const Request& request);
    RequestResult setStudioModeEnabled(const Request& request);
    RequestResult triggerStudioModeTransition(const Request& request);
    RequestResult getSceneTransitionList(const Request& request) const;
    RequestResult getCurrentSceneTransition(const Request& request) const;
    RequestResult setCurrentSceneTransition(const Request& request);
    RequestResult setCurrentSceneTransitionDuration(const Request& request);
    RequestResult setTBarPosition(const Request& request);
    RequestResult getInputList(const Request& request) const;
    RequestResult getInputVolume(const Request& request) const;
    RequestResult setInputVolume(const Request& request);
    RequestResult getInputMute(const Request& request) const;
    RequestResult setInputMute(const Request& request);
    RequestResult toggleInputMute(const Request& request);
    RequestResult getInputSettings(const Request& request) const;
    RequestResult setInputSettings(const Request& request);
    RequestResult getSceneItemList(const Request& request) const;
    RequestResult getSceneItemId(const Request& request) const;
    RequestResult getSceneItemEnabled(const Request& request) const;
    RequestResult setSceneItemEnabled(const Request& request);
    RequestResult getRecordStatus(const Request& request) const;
    RequestResult startRecord(const Request& request);
    RequestResult stopRecord(const Request& request);
    RequestResult toggleRecord(const Request& request);
    RequestResult getStreamStatus(const Request& request) const;
    RequestResult startStream(const Request& request);
    RequestResult stopStream(const Request& request);
    RequestResult toggleStream(const Request& request);

    live::Studio& studio_;
    QString recordingFolder_;
};

} // namespace xz::remote
