#include "capturestates.h"

#include "scenegraph.h"

#include <QJsonObject>

namespace xz::live {

QString CaptureStates::stateText(capture::CaptureState state, bool microphone) {
    switch (state) {
    case capture::CaptureState::Starting:
        return QStringLiteral("正在启动 / starting");
    case capture::CaptureState::Live:
        return microphone ? QStringLiteral("声音正常 / live") : QStringLiteral("画面正常 / live");
    case capture::CaptureState::Reconnecting:
        return QStringLiteral("正在重连 / reconnecting");
    case capture::CaptureState::Failed:
        return QStringLiteral("失败 / failed");
    }
    return QString();
}

namespace {

QString changeLine(const QString& id, bool microphone, const capture::CaptureStatus& status) {
    QString line =
        (microphone ? QStringLiteral("话筒 / microphone %1: %2") : QStringLiteral("摄像头 / camera %1: %2"))
            .arg(id, CaptureStates::stateText(status.state, microphone));
    if (status.state != capture::CaptureState::Live && !status.error.isEmpty())
        line += QStringLiteral(" · ") + status.error.toString();
    return line;
}

} // namespace

CaptureStates::CaptureStates(const engine::SceneGraph& graph) : graph_(graph) {}

QStringList CaptureStates::poll() {
    QStringList lines;
    for (const QString& id : graph_.captureCameraIds() + graph_.microphoneIds()) {
        const bool microphone = graph_.microphoneIds().contains(id);
        const std::optional<capture::CaptureStatus> status = graph_.cameraCapture(id);
        if (!status)
            continue;
        const auto previous = last_.find(id);
        const capture::CaptureState before =
            previous == last_.end() ? capture::CaptureState::Starting : previous->second.state;
        // A restart in between (live, lost, live again within one poll) is a change too.
        const bool restarted = previous != last_.end() && status->restarts != previous->second.restarts;
        if (status->state != before)
            lines.append(changeLine(id, microphone, *status));
        else if (restarted && status->state == capture::CaptureState::Live)
            lines.append(changeLine(id, microphone, *status) +
                         QStringLiteral(" · 刚才短暂中断 / it dropped out briefly: ") +
                         status->error.toString());
        last_[id] = *status;
    }
    return lines;
}

QString CaptureStates::notLiveSummary() const {
    QString text;
    for (const auto& [id, status] : last_)
        if (status.state != capture::CaptureState::Live)
            text += QStringLiteral(" · %1 %2")
                        .arg(id, stateText(status.state, graph_.microphoneIds().contains(id)));
    return text;
}

std::optional<capture::CaptureStatus> CaptureStates::status(const QString& id) const {
    const auto it = last_.find(id);
    if (it == last_.end())
        return std::nullopt;
    return it->second;
}

QJsonArray CaptureStates::toJson(bool microphones) const {
    QJsonArray cameras;
    for (const auto& [id, status] : last_) {
        if (graph_.microphoneIds().contains(id) != microphones)
            continue;
        QJsonObject camera{{QStringLiteral("id"), id},
                           {QStringLiteral("state"), QString::fromLatin1(capture::stateName(status.state))},
                           {QStringLiteral("restarts"), status.restarts},
                           {QStringLiteral("videoFrames"), static_cast<qint64>(status.videoFrames)},
                           {QStringLiteral("audioBuffers"), static_cast<qint64>(status.audioBuffers)}};
        if (!status.error.isEmpty())
            camera.insert(QStringLiteral("lastError"), status.error.toString()); // kept after a recovery
        cameras.append(camera);
    }
    return cameras;
}

} // namespace xz::live
