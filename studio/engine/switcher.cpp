#include "switcher.h"

#include "logging.h"
#include "scenegraph.h"

#include <obs.h>

namespace xz::engine {
namespace {

bool canFadeByHand(const show::Transition* spec) {
    return spec && spec->kind != show::TransitionKind::Cut && spec->kind != show::TransitionKind::Stinger;
}

} // namespace

Switcher::Switcher(const SceneGraph& graph, const QString& firstSceneId, QObject* parent)
    : QObject(parent), graph_(graph), program_(firstSceneId), active_(QStringLiteral("cut")) {
    obs_source_t* cut = graph_.transition(active_);
    obs_transition_set(cut, graph_.sceneSource(program_));
    obs_set_output_source(0, cut);
    preview_ = sceneAfter(program_);
    // Each transition says when it has finished (on the graphics thread; handled on this one).
    for (const show::Transition& transition : graph_.show().transitions) {
        obs_source_t* source = graph_.transition(transition.id);
        if (!source)
            continue;
        stopSignals_[transition.id].Connect(obs_source_get_signal_handler(source), "transition_stop",
                                            onTransitionStop, this);
    }
    cancelWatch_.setInterval(15);
    connect(&cancelWatch_, &QTimer::timeout, this, [this] {
        if (obs_transition_get_time(graph_.transition(active_)) <= 0.001f)
            finishCancel();
    });
}

Switcher::~Switcher() {
    stopSignals_.clear(); // disconnected before anything they point at goes
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
    if (manual_)
        return EngineError{QStringLiteral("正在手动推拉转场，请先松开推杆"),
                           QStringLiteral("the T-bar is in use; release it first"), QString()};
    if (sceneId == preview_)
        return std::nullopt;
    preview_ = sceneId;
    emit previewChanged(preview_);
    return std::nullopt;
}

void Switcher::useTransition(const QString& transitionId) {
    if (transitionId == active_)
        return;
    obs_source_t* transition = graph_.transition(transitionId);
    // The new transition starts from what is on air now, so swapping it onto channel 0 shows no change.
    obs_transition_set(transition, graph_.sceneSource(program_));
    obs_set_output_source(0, transition);
    active_ = transitionId;
}

std::optional<EngineError> Switcher::take(const QString& transitionId, int durationMs) {
    const show::Show& show = graph_.show();
    const QString wanted = transitionId.isEmpty() ? show.defaultTransitionId : transitionId;
    const QString id = wanted.isEmpty() ? QStringLiteral("cut") : wanted;
    obs_source_t* transition = graph_.transition(id);
    if (!transition)
        return EngineError{QStringLiteral("没有转场“%1”").arg(id),
                           QStringLiteral("no transition '%1'").arg(id), QString()};
    const show::Transition* spec = show.findTransition(id);
    const bool cut = !spec || spec->kind == show::TransitionKind::Cut;
    if (manual_)
        return EngineError{QStringLiteral("正在手动推拉转场，请先松开推杆"),
                           QStringLiteral("the T-bar is in use; release it first"), QString()};
    if (running_ && !cut)
        return EngineError{QStringLiteral("上一个转场还没结束"),
                           QStringLiteral("a transition is still running"), active_};
    obs_source_t* target = graph_.sceneSource(preview_);
    if (target == graph_.sceneSource(program_))
        return EngineError{
            QStringLiteral("预览和节目是同一个场景“%1”，无需切换").arg(preview_),
            QStringLiteral("preview and program are the same scene '%1': nothing to take").arg(preview_),
            QString()};

    useTransition(id);
    if (cut) {
        // A cut is immediate: the next rendered frame is the new scene.
        obs_transition_set(transition, target);
        running_ = false;
    } else {
        const int duration = durationMs > 0 ? durationMs : spec->durationMs;
        if (!obs_transition_start(transition, OBS_TRANSITION_MODE_AUTO, static_cast<uint32_t>(duration),
                                  target)) {
            // Nothing changed on air, so nothing is counted or swapped.
            return EngineError{QStringLiteral("转场“%1”没有开始").arg(id),
                               QStringLiteral("the transition '%1' did not start").arg(id),
                               QStringLiteral("obs_transition_start refused")};
        }
        running_ = true;
        emit transitionStarted(id);
    }
    qCInfo(lcEngine) << "take" << program_ << "->" << preview_ << "with" << id;
    commitTake();
    return std::nullopt;
}

std::optional<EngineError> Switcher::cutTo(const QString& sceneId) {
    obs_source_t* scene = graph_.sceneSource(sceneId);
    if (!scene)
        return EngineError{QStringLiteral("没有场景“%1”").arg(sceneId),
                           QStringLiteral("no scene '%1'").arg(sceneId), QString()};
    const bool wasRunning = running_;
    const QString interrupted = active_;
    cancelWatch_.stop();
    manual_ = cancelling_ = running_ = false;
    if (tbarPosition_ != 0.0) {
        tbarPosition_ = 0.0;
        emit tbarChanged(tbarPosition_);
    }
    useTransition(QStringLiteral("cut"));
    obs_transition_set(graph_.transition(active_), scene);
    if (wasRunning)
        emit transitionEnded(interrupted);
    if (sceneId == program_)
        return std::nullopt;
    ++takes_;
    program_ = sceneId;
    qCInfo(lcEngine) << "cut to" << sceneId;
    emit programChanged(program_);
    return std::nullopt;
}

// What was on air comes back to preview, so taking again returns to it (the usual studio habit).
void Switcher::commitTake() {
    ++takes_;
    std::swap(program_, preview_);
    emit programChanged(program_);
    emit previewChanged(preview_);
}

QString Switcher::manualTransitionFor(const QString& transitionId) const {
    const show::Show& show = graph_.show();
    const QString wanted = transitionId.isEmpty() ? show.defaultTransitionId : transitionId;
    if (canFadeByHand(show.findTransition(wanted)))
        return wanted;
    for (const show::Transition& transition : show.transitions)
        if (transition.kind == show::TransitionKind::Fade)
            return transition.id;
    for (const show::Transition& transition : show.transitions)
        if (canFadeByHand(&transition))
            return transition.id;
    return QString();
}

std::optional<EngineError> Switcher::setTBar(double position) {
    position = std::clamp(position, 0.0, 1.0);
    if (!manual_) {
        if (position <= 0.0)
            return std::nullopt;
        if (running_)
            return EngineError{QStringLiteral("上一个转场还没结束"),
                               QStringLiteral("a transition is still running"), active_};
        const QString id = manualTransitionFor(active_);
        if (id.isEmpty())
            return EngineError{QStringLiteral("这个节目没有可以手动推拉的转场（需要淡入淡出等）"),
                               QStringLiteral("this show has no transition that can be faded by hand"),
                               QString()};
        obs_source_t* target = graph_.sceneSource(preview_);
        if (target == graph_.sceneSource(program_))
            return EngineError{QStringLiteral("预览和节目是同一个场景，无需切换"),
                               QStringLiteral("preview and program are the same scene: nothing to take"),
                               preview_};
        useTransition(id);
        obs_source_t* transition = graph_.transition(id);
        // As OBS does: the picture follows the bar with a little inertia, so a jerky hand looks smooth.
        obs_transition_set_manual_torque(transition, 8.0f, 0.05f);
        if (!obs_transition_start(transition, OBS_TRANSITION_MODE_MANUAL, 0, target))
            return EngineError{QStringLiteral("转场“%1”没有开始").arg(id),
                               QStringLiteral("the transition '%1' did not start").arg(id), QString()};
        manual_ = true;
        cancelling_ = false;
        cancelWatch_.stop();
        running_ = true;
        emit transitionStarted(id);
    }
    tbarPosition_ = position;
    obs_transition_set_manual_time(graph_.transition(active_), static_cast<float>(position));
    emit tbarChanged(tbarPosition_);
    return std::nullopt;
}

std::optional<EngineError> Switcher::releaseTBar() {
    if (!manual_)
        return std::nullopt;
    obs_source_t* transition = graph_.transition(active_);
    if (tbarPosition_ >= kTBarCompletesFrom) {
        // Committed: program is the new scene from now on; libobs finishes the fade and says so.
        obs_transition_set_manual_time(transition, 1.0f);
        manual_ = false;
        commitTake();
    } else {
        // Back to what was on air: the picture glides back, then the transition lets go of the new scene.
        obs_transition_set_manual_time(transition, 0.0f);
        cancelling_ = true;
        cancelWatch_.start();
    }
    tbarPosition_ = 0.0;
    emit tbarChanged(tbarPosition_);
    return std::nullopt;
}

void Switcher::finishCancel() {
    cancelWatch_.stop();
    cancelling_ = false;
    manual_ = false;
    running_ = false;
    obs_transition_set(graph_.transition(active_), graph_.sceneSource(program_));
    emit transitionEnded(active_);
}

double Switcher::transitionProgress() const {
    if (!running_)
        return 1.0;
    return obs_transition_get_time(graph_.transition(active_));
}

void Switcher::onTransitionStop(void* param, calldata_t* data) {
    auto* self = static_cast<Switcher*>(param);
    obs_source_t* source = static_cast<obs_source_t*>(calldata_ptr(data, "source"));
    const QString name = QString::fromUtf8(obs_source_get_name(source));
    QMetaObject::invokeMethod(
        self, [self, name] { self->handleTransitionStop(name.section(QLatin1Char(':'), 1)); },
        Qt::QueuedConnection);
}

void Switcher::handleTransitionStop(const QString& transitionId) {
    if (transitionId != active_ || !running_)
        return;
    if (manual_ && !cancelling_) {
        // The bar was pushed all the way: that is a take.
        manual_ = false;
        tbarPosition_ = 0.0;
        commitTake();
        emit tbarChanged(tbarPosition_);
    }
    if (cancelling_)
        return;
    running_ = false;
    emit transitionEnded(transitionId);
}

} // namespace xz::engine
