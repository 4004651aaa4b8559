// The studio's things in obs-websocket's terms. OBS names everything by a unique source name; the show
// file's ids are exactly that (scenes and sources share one set of ids), so sceneName and inputName are
// show ids ("host", "mic-host", "lt-host-name"). Also: the libobs kinds behind each show source, stable
// scene item ids, OBS's output-state strings and its timecode format.
#pragma once

#include "studio.h"

#include <QList>
#include <QString>
#include <optional>

namespace xz::remote {

// The libobs source kind that draws a show source (what OBS reports as inputKind).
QString inputKind(const live::Studio& studio, const show::Source& source);
QString transitionKind(show::TransitionKind kind);
// Cut and stinger have no duration of their own to set (OBS's obs_transition_fixed).
bool transitionFixed(show::TransitionKind kind);

// A scene's items as obs-websocket numbers them: sceneItemId is the item's place in the show file's scene
// plus one (stable for as long as the show is loaded, whatever is shown or hidden), sceneItemIndex its
// place from the bottom of the picture. A source shown twice in a scene counts once, as the studio
// addresses items by source.
struct SceneItemRef {
    int id = 0;
    int index = 0;
    QString sourceId;
    const show::SceneItem* item = nullptr;
};
QList<SceneItemRef> sceneItems(const live::Studio& studio, const QString& sceneId);

// "HH:MM:SS.mmm", OBS's outputTimecode.
QString timecode(qint64 ms);

// OBS's ObsOutputState strings.
inline const QString kOutputStarting = QStringLiteral("OBS_WEBSOCKET_OUTPUT_STARTING");
inline const QString kOutputStarted = QStringLiteral("OBS_WEBSOCKET_OUTPUT_STARTED");
inline const QString kOutputStopping = QStringLiteral("OBS_WEBSOCKET_OUTPUT_STOPPING");
inline const QString kOutputStopped = QStringLiteral("OBS_WEBSOCKET_OUTPUT_STOPPED");
inline const QString kOutputReconnecting = QStringLiteral("OBS_WEBSOCKET_OUTPUT_RECONNECTING");
inline const QString kOutputReconnected = QStringLiteral("OBS_WEBSOCKET_OUTPUT_RECONNECTED");

// The recording's state as RecordStateChanged says it; nullopt for "never recorded".
std::optional<QString> recordOutputState(engine::RecordingState state);

// Every stream target of the studio seen as OBS's one stream output: live as soon as one target is live,
// reconnecting while none is live and one reconnects, and so on.
struct StreamSummary {
    QString state = kOutputStopped;
    bool active = false;       // some target connects, is live, reconnects or is closing (obs_output_active)
    bool reconnecting = false; // some target reconnects
    qint64 durationMs = 0;     // of the longest-running live target, from its frames (as OBS computes it)
    quint64 bytes = 0;
    int skippedFrames = 0;
    int totalFrames = 0;
    int targets = 0;
};
StreamSummary summarizeStreams(const QList<live::StreamStatus>& streams, int fps);

} // namespace xz::remote
