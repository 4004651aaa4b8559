#include "switcher.h"

#include "logging.h"
#include "scenegraph.h"

#include <obs.h>

namespace xz::engine {

Switcher::Switcher(const SceneGraph& graph, const QString& firstSceneId, QObject* parent)
    : QObject(parent), graph_(graph), program_(firstSceneId), activeTransition_(QStringLiteral("cut")) {
    obs_source_t* cut = graph_.transition(activeTransition_);
    obs_transition_set(cut, graph_.sceneSource(program_));
    obs_set_output_source(0, cut);
    preview_ = sceneAfter(program_);
}

Switcher::~Switcher() {
    obs_set_output_source(0, nullptr);
}

QString Switcher::sceneAfter(const QString& sceneId) const {
    const QStringList ids = graph_.sceneIds();
    const qsizetype index = ids.indexOf(sceneId);
    return ids.isEmpty() ? QString() : ids.at((index + 1) % ids.size());
}

std::optional<EngineError> Switcher::setPreview(const QString& sceneId) {
    if (!graph_.sceneSource(sceneId))
        return EngineError{QStringLiteral("没有场景“%1”").arg(sceneId),
                           QStringLiteral("no scene '%1'").arg(sceneId), QString()};
    preview_ = sceneId;
    emit previewChanged(preview_);
    return std::nullopt;
}

std::optional<EngineError> Switcher::take(const QString& transitionId) {
    const show::Show& show = graph_.show();
    const QString wanted = transitionId.isEmpty() ? show.defaultTransitionId : transitionId;
    const QString id = wanted.isEmpty() ? QStringLiteral("cut") : wanted;
    obs_source_t* transition = graph_.transition(id);
    if (!transition)
        return EngineError{QStringLiteral("没有转场“%1”").arg(id),
                           QStringLiteral("no transition '%1'").arg(id), QString()};
    obs_source_t* target = graph_.sceneSource(preview_);
    obs_source_t* current = graph_.sceneSource(program_);
    if (target == current)
        return EngineError{
            QStringLiteral("预览和节目是同一个场景“%1”，无需切换").arg(preview_),
            QStringLiteral("preview and program are the same scene '%1': nothing to take").arg(preview_),
            QString()};

    if (id != activeTransition_) {
        // The new transition starts from what is on air now, so swapping it onto channel 0 shows no change.
        obs_transition_set(transition, current);
        obs_set_output_source(0, transition);
        activeTransition_ = id;
    }
    const show::Transition* spec = show.findTransition(id);
    if (!spec || spec->kind == show::TransitionKind::Cut) {
        // A cut is immediate: the next rendered frame is the new scene.
        obs_transition_set(transition, target);
    } else if (!obs_transition_start(transition, OBS_TRANSITION_MODE_AUTO,
                                     static_cast<uint32_t>(spec->durationMs), target)) {
        // Nothing changed on air, so nothing is counted or swapped.
        return EngineError{QStringLiteral("转场“%1”没有开始").arg(id),
                           QStringLiteral("the transition '%1' did not start").arg(id),
                           QStringLiteral("obs_transition_start refused")};
    }
    ++takes_;
    // What was on air comes back to preview, so pressing take again returns to it (the usual studio habit).
    std::swap(program_, preview_);
    qCInfo(lcEngine) << "take" << preview_ << "->" << program_ << "with" << id;
    emit programChanged(program_);
    emit previewChanged(preview_);
    return std::nullopt;
}

} // namespace xz::engine
