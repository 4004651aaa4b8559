// Turns a Show into libobs objects: one private source per show source, one private scene per show scene,
// one transition per show transition. Built completely or not at all, so a bad show never half-applies and
// the graph already on air stays untouched.
//
// Text items (lower thirds, step cards, names) are the one exception to "one source per show source": each
// scene gets its own copy of each text it shows. Editing a scene that is not on air (in preview, or coming
// up in the rundown) then never changes what viewers see until that scene is taken.
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
    // The scene the safe-slate key puts on air: the show's own, or the studio's built-in "please stand by"
    // (kBuiltInStandbyId, never one of sceneIds()).
    static inline const QString kBuiltInStandbyId = QStringLiteral("@standby");
    QString standbySceneId() const;
    obs_source_t* sceneSource(const QString& sceneId) const;
    obs_source_t* transition(const QString& transitionId) const;
    // A show source by id: cameras, images, colours, media, microphones. Text items live per scene (below).
    obs_source_t* source(const QString& sourceId) const;
    // The capture state of a camera or microphone fed by a capture pipeline (nullopt otherwise).
    std::optional<capture::CaptureStatus> cameraCapture(const QString& cameraId) const;
    // The cameras fed by a capture pipeline (a device, a phone, a file), in the show's order.
    const QStringList& captureCameraIds() const { return captureIds_; }
    // The microphones (audio inputs), in the show's order; each is a capture source too.
    const QStringList& microphoneIds() const { return microphoneIds_; }
    // Sources that fell back to something simpler, for the log.
    const QStringList& warnings() const { return warnings_; }

    // The scenes' text items: what each scene shows, and changing it in one scene only.
    QStringList textSourceIds() const; // every text source some scene shows, in the show's order
    std::optional<QString> text(const QString& sceneId, const QString& sourceId) const;
    std::optional<EngineError> setText(const QString& sceneId, const QString& sourceId, const QString& text);
    // Whether a scene shows one of its items (a lower third, a logo), and showing or hiding it there.
    std::optional<bool> itemVisible(const QString& sceneId, const QString& sourceId) const;
    std::optional<EngineError> setItemVisible(const QString& sceneId, const QString& sourceId, bool visible);
    // The source a scene item draws: the scene's own text copy for text items, the shared source otherwise.
    obs_source_t* itemSource(const QString& sceneId, const QString& sourceId) const;

    // Feeds a camera (or microphone) from a capture pipeline or preset while the show runs; a camera that
    // showed its test pattern becomes a capture camera in every scene that shows it.
    std::optional<EngineError> setDevice(const QString& sourceId, const QString& device);

private:
    SceneGraph() = default;
    bool createSources(std::optional<EngineError>* error);
    bool createScenes(std::optional<EngineError>* error);
    bool createTransitions(std::optional<EngineError>* error);
    void createStandby();
    OBSSourceAutoRelease createCamera(const show::Source& source);
    OBSSourceAutoRelease createCapture(const show::Source& source, const QString& device, bool audio);
    std::optional<EngineError> noItem(const QString& sceneId, const QString& sourceId) const;

    show::Show show_;
    std::map<QString, OBSSourceAutoRelease> sources_;
    std::map<QString, OBSSceneAutoRelease> cameraScenes_;
    // Sources inside the studio's own private scenes: camera test patterns and labels, the standby slate.
    std::vector<OBSSourceAutoRelease> parts_;
    // Per scene: its own text copies, and every item by the id of the show source it draws.
    std::map<QString, std::map<QString, OBSSourceAutoRelease>> texts_;
    std::map<QString, std::map<QString, obs_sceneitem_t*>> items_;
    std::map<QString, OBSSceneAutoRelease> scenes_;
    std::map<QString, OBSSourceAutoRelease> transitions_;
    QStringList warnings_;
    QStringList captureIds_;
    QStringList microphoneIds_;
};

// libobs colours are 0xAABBGGRR.
uint32_t toObsColor(const QColor& color);

} // namespace xz::engine
