// The studio's signals as obs-websocket events, with OBS's names, fields and intents: scene, transition,
// mixer, scene item and output changes. Studio signals arrive on the main thread, so each event goes out at
// once, in the order the studio changed. Signals that repeat a state (the recording and the streams are
// re-announced every second with new counters) only make an event when the state itself changed.
#pragma once

#include "protocolserver.h"
#include "studio.h"

namespace xz::remote {

class StudioEvents : public QObject {
    Q_OBJECT
public:
    StudioEvents(live::Studio& studio, ProtocolServer& server, QObject* parent = nullptr);

private:
    void onShowChanged();
    void onTransitionChanged();
    void onRecordingChanged();
    void onStreamsChanged();

    live::Studio& studio_;
    ProtocolServer& server_;
    QString transition_;
    int transitionDurationMs_ = 0;
    engine::RecordingState recording_ = engine::RecordingState::Idle;
    QString streamState_;
};

} // namespace xz::remote
