// What the operator needs to know about the show's capture cameras and microphones: a line the moment one
// drops out or comes back, the ones not live in the periodic status line, and each one's story in the
// summary. Polled on the main thread; the capture sources keep their status behind their own lock.
#pragma once

#include "capturestatus.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>

namespace xz::engine {
class SceneGraph;
}

namespace xz::live {

class CaptureStates {
public:
    explicit CaptureStates(const engine::SceneGraph& graph);

    // One line per camera whose state changed since the last call (none for the first "starting").
    QStringList poll();
    // " · cam-x 正在重连 / reconnecting" for each camera that is not live now; empty when all are.
    QString notLiveSummary() const;
    // [{id, state, restarts, videoFrames, audioBuffers, lastError?}] as last polled: cameras or microphones.
    QJsonArray toJson(bool microphones = false) const;
    // The last polled status of one camera or microphone.
    std::optional<capture::CaptureStatus> status(const QString& id) const;
    // "正在重连 / reconnecting" ...
    static QString stateText(capture::CaptureState state, bool microphone);

private:
    const engine::SceneGraph& graph_;
    std::map<QString, capture::CaptureStatus> last_;
};

} // namespace xz::live
