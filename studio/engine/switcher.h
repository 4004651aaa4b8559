// Studio mode: a scene is put in preview, then taken to program (output channel 0) with a transition, or
// faded across by hand with the T-bar. Operators never change what is on air by selecting a scene, only by
// taking it.
#pragma once

#include "engineerror.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <map>
#include <obs.hpp>
#include <optional>

namespace xz::engine {

class SceneGraph;

class Switcher : public QObject {
    Q_OBJECT
public:
    // The T-bar's release rule, shown to operators: past half way the transition completes, before it the
    // picture goes back to what was on air.
    static constexpr double kTBarCompletesFrom = 0.5;

    // Puts firstSceneId on program at once (cut) and the next scene in preview.
    Switcher(const SceneGraph& graph, const QString& firstSceneId, QObject* parent = nullptr);
    ~Switcher() override;

    QString programSceneId() const { return program_; }
    QString previewSceneId() const { return preview_; }
    int takeCount() const { return takes_; }

    std::optional<EngineError> setPreview(const QString& sceneId);
    // Takes preview to program; transitionId empty = the show's default transition; durationMs 0 = the
    // transition's own duration. A cut is always possible, even during another transition.
    std::optional<EngineError> take(const QString& transitionId = QString(), int durationMs = 0);
    // Puts a scene on air at once with a cut (the safe slate), whatever is in preview, whatever transition
    // or T-bar move is under way. Preview stays as it was.
    std::optional<EngineError> cutTo(const QString& sceneId);
    // The scene after `sceneId` in show order, wrapping around.
    QString sceneAfter(const QString& sceneId) const;

    // The T-bar: moving it (0..1) fades preview over program by hand; releasing applies the rule above.
    std::optional<EngineError> setTBar(double position);
    std::optional<EngineError> releaseTBar();
    double tbarPosition() const { return tbarPosition_; }
    bool tbarActive() const { return manual_; }
    // The transition that fades by hand: the given one if it can (cut and stinger cannot), else a fade.
    QString manualTransitionFor(const QString& transitionId) const;

    bool transitionRunning() const { return running_; }
    // How far the running transition is (0..1); 1 when none runs.
    double transitionProgress() const;
    QString activeTransitionId() const { return active_; }

signals:
    void programChanged(const QString& sceneId);
    void previewChanged(const QString& sceneId);
    void transitionStarted(const QString& transitionId);
    void transitionEnded(const QString& transitionId);
    void tbarChanged(double position);

private:
    static void onTransitionStop(void* param, calldata_t* data);
    void handleTransitionStop(const QString& transitionId);
    void useTransition(const QString& transitionId);
    void commitTake();
    void finishCancel();

    const SceneGraph& graph_;
    QString program_;
    QString preview_;
    QString active_;
    int takes_ = 0;
    bool running_ = false;
    bool manual_ = false;
    bool cancelling_ = false;
    double tbarPosition_ = 0.0;
    QTimer cancelWatch_;
    std::map<QString, OBSSignal> stopSignals_;
};

} // namespace xz::engine
