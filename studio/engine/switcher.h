// Studio mode: a scene is put in preview, then taken to program (output channel 0) with a transition.
// Operators never change what is on air by selecting a scene, only by taking it.
#pragma once

#include "engineerror.h"

#include <QObject>
#include <QString>
#include <optional>

namespace xz::engine {

class SceneGraph;

class Switcher : public QObject {
    Q_OBJECT
public:
    // Puts firstSceneId on program at once (cut) and the next scene in preview.
    Switcher(const SceneGraph& graph, const QString& firstSceneId, QObject* parent = nullptr);
    ~Switcher() override;

    QString programSceneId() const { return program_; }
    QString previewSceneId() const { return preview_; }
    int takeCount() const { return takes_; }

    std::optional<EngineError> setPreview(const QString& sceneId);
    // Takes preview to program; transitionId empty = the show's default transition.
    std::optional<EngineError> take(const QString& transitionId = QString());
    // The scene after `sceneId` in show order, wrapping around.
    QString sceneAfter(const QString& sceneId) const;

signals:
    void programChanged(const QString& sceneId);
    void previewChanged(const QString& sceneId);

private:
    const SceneGraph& graph_;
    QString program_;
    QString preview_;
    QString activeTransition_;
    int takes_ = 0;
};

} // namespace xz::engine
