// Turns a Show into libobs objects: one private source per show source, one private scene per show scene,
// one transition per show transition. Built completely or not at all, so a bad show never half-applies and
// the graph already on air stays untouched.
#pragma once

#include "capturestatus.h"
#include "engineerror.h"
#include "show.h"

#include <QString>
#include <QStringList>
#include <map>
#include <memory>
#include <obs.hpp>
#include <optional>
#include <vector>

namespace xz::engine {

class SceneGraph {
public:
    static std::unique_ptr<SceneGraph> build(const show::Show& show, std::optional<EngineError>* error);
    ~SceneGraph();

    SceneGraph(const SceneGraph&) = delete;
    SceneGraph& operator=(const SceneGraph&) = delete;

    const show::Show& show() const { return show_; }
    QStringList sceneIds() const;
    obs_source_t* sceneSource(const QString& sceneId) const;
    obs_source_t* transition(const QString& transitionId) const;
    obs_source_t* source(const QString& sourceId) const;
    // The capture state of a camera fed by a device (nullopt for a test-pattern camera or an unknown id).
    std::optional<capture::CaptureStatus> cameraCapture(const QString& cameraId) const;
    // The cameras fed by a capture pipeline (a device, a phone, a file), in the show's order.
    const QStringList& captureCameraIds() const { return captureIds_; }
    // Sources that fell back to something simpler (e.g. a microphone with no sound server), for the log.
    const QStringList& warnings() const { return warnings_; }

private:
    SceneGraph() = default;
    bool createSources(std::optional<EngineError>* error);
    bool createScenes(std::optional<EngineError>* error);
    bool createTransitions(std::optional<EngineError>* error);
    OBSSourceAutoRelease createCamera(const show::Source& source);

    show::Show show_;
    std::map<QString, OBSSourceAutoRelease> sources_;
    std::map<QString, OBSSceneAutoRelease> cameraScenes_;
    std::vector<OBSSourceAutoRelease> cameraParts_;
    std::map<QString, OBSSceneAutoRelease> scenes_;
    std::map<QString, OBSSourceAutoRelease> transitions_;
    QStringList warnings_;
    QStringList captureIds_;
};

// libobs colours are 0xAABBGGRR.
uint32_t toObsColor(const QColor& color);

} // namespace xz::engine
