#include "operatormodel.h"

#include "studio.h"
#include "switcher.h"

#include <QKeyEvent>

namespace xz::ui {
namespace {

constexpr int kNoticeMs = 6000;

QString clockTime(double seconds) {
    const auto total = static_cast<qint64>(seconds);
    return QStringLiteral("%1:%2:%3")
        .arg(total / 3600, 2, 10, QLatin1Char('0'))
        .arg(total / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

OperatorModel::OperatorModel(live::Studio& studio, QObject* parent)
    : QObject(parent), studio_(studio), scenes_(studio), mixer_(studio), streams_(studio),
      lowerThirds_(studio), preflight_(studio) {
    noticeTimer_.setSingleShot(true);
    noticeTimer_.setInterval(kNoticeMs);
    connect(&noticeTimer_, &QTimer::timeout, this, [this] { setNotice(QString()); });
    connect(&studio_, &live::Studio::showChanged, this, [this] {
        emit showChanged();
        emit transitionChanged();
        emit tallyChanged();
    });
    connect(&studio_, &live::Studio::programSceneChanged, this, &OperatorModel::tallyChanged);
    connect(&studio_, &live::Studio::previewSceneChanged, this, &OperatorModel::tallyChanged);
    connect(&studio_, &live::Studio::transitionChanged, this, &OperatorModel::transitionChanged);
    connect(&studio_, &live::Studio::transitionRunningChanged, this,
            &OperatorModel::transitionRunningChanged);
    connect(&studio_, &live::Studio::tbarChanged, this, &OperatorModel::tbarChanged);
    const auto outputs = [this] {
        mixer_.setShowLive(onAir() || recording());
        emit outputsChanged();
    };
    connect(&studio_, &live::Studio::streamsChanged, this, outputs);
    connect(&studio_, &live::Studio::recordingChanged, this, outputs);
    connect(&studio_, &live::Studio::statsChanged, this, &OperatorModel::statsChanged);
    connect(&studio_, &live::Studio::alert, this,
            [this](const QString& message) { alerts_.raise(message, true); });
    connect(&mixer_, &MixerModel::silentMicrophone, this,
            [this](const QString& message) { alerts_.raise(message, true); });
    connect(&studio_, &live::Studio::captureChanged, this, [this] {
        // A camera or microphone that stopped delivering is worth an alert while the show is live.
        if (!onAir() && !recording())
            return;
        for (const QString& id : studio_.captureIds()) {
            const auto status = studio_.captureStatus(id);
            if (status && (status->state == capture::CaptureState::Reconnecting ||
                           status->state == capture::CaptureState::Failed)) {
                const show::Source* source = studio_.show().findSource(id);
                const QString name = source && !source->label.isEmpty() ? source->label : id;
                alerts_.raise(tr("%1信号中断：%2")
                                  .arg(name, english_ ? status->error.messageEn : status->error.messageZh),
                              true);
            }
        }
    });
}

QObject* OperatorModel::studioObject() const {
    return &studio_;
}

QString OperatorModel::showTitle() const {
    return english_ && !studio_.show().titleEn.isEmpty() ? studio_.show().titleEn : studio_.showTitle();
}

QString OperatorModel::programName() const {
    if (studio_.standbyOnAir() && studio_.show().standbySceneId.isEmpty())
        return tr("请稍候（安全画面）");
    const int row = static_cast<int>(studio_.sceneIds().indexOf(studio_.programScene()));
    return row >= 0 ? scenes_.data(scenes_.index(row), int(SceneListModel::Role::Name)).toString()
                    : studio_.programScene();
}

QString OperatorModel::previewName() const {
    const int row = static_cast<int>(studio_.sceneIds().indexOf(studio_.previewScene()));
    return row >= 0 ? scenes_.data(scenes_.index(row), int(SceneListModel::Role::Name)).toString()
                    : studio_.previewScene();
}

bool OperatorModel::standbyOnAir() const {
    return studio_.standbyOnAir();
}

QStringList OperatorModel::transitionNames() const {
    QStringList names;
    for (const show::Transition& transition : studio_.show().transitions) {
        switch (transition.kind) {
        case show::TransitionKind::Cut:
            names.append(tr("切换（立即）"));
            break;
        case show::TransitionKind::Fade:
            names.append(tr("淡入淡出"));
            break;
        case show::TransitionKind::FadeToColor:
            names.append(tr("经色场过渡"));
            break;
        case show::TransitionKind::Swipe:
            names.append(tr("推移"));
            break;
        case show::TransitionKind::Slide:
            names.append(tr("滑动"));
            break;
        case show::TransitionKind::Wipe:
            names.append(tr("擦除"));
            break;
        case show::TransitionKind::Stinger:
            names.append(tr("片花动画"));
            break;
        }
    }
    return names;
}

int OperatorModel::transitionIndex() const {
    return static_cast<int>(studio_.transitionIds().indexOf(studio_.transition()));
}

void OperatorModel::setTransitionIndex(int index) {
    const QStringList ids = studio_.transitionIds();
    if (index >= 0 && index < ids.size())
        say(studio_.setTransition(ids.at(index)));
}

int OperatorModel::transitionDurationMs() const {
    return studio_.transitionDurationMs();
}

void OperatorModel::setTransitionDurationMs(int ms) {
    say(studio_.setTransitionDurationMs(ms));
}

bool OperatorModel::durationAdjustable() const {
    const show::Transition* spec = studio_.show().findTransition(studio_.transition());
    return spec && spec->kind != show::TransitionKind::Cut && spec->kind != show::TransitionKind::Stinger;
}

bool OperatorModel::transitionRunning() const {
    return studio_.transitionRunning();
}

double OperatorModel::tbarPosition() const {
    return studio_.tbarPosition();
}

QString OperatorModel::tbarRule() const {
    return tr("推过一半松手：切换完成；不到一半松手：退回原画面");
}

bool OperatorModel::onAir() const {
    return studio_.streaming();
}

bool OperatorModel::streamsConfigured() const {
    return !studio_.streams().isEmpty();
}

bool OperatorModel::streamsActive() const {
    for (const live::StreamStatus& stream : studio_.streams())
        if (stream.state == engine::StreamState::Connecting || stream.state == engine::StreamState::Live ||
            stream.state == engine::StreamState::Reconnecting)
            return true;
    return false;
}

bool OperatorModel::recording() const {
    return studio_.recording();
}

QString OperatorModel::recordingTime() const {
    return studio_.recording() ? clockTime(studio_.recordingStatus().seconds) : QString();
}

void OperatorModel::setRecordingFolder(const QString& folder) {
    if (folder == recordingFolder_)
        return;
    recordingFolder_ = folder;
    preflight_.setRecordingFolder(folder);
    studio_.setRecordingFolder(folder);
    emit outputsChanged();
}

QString OperatorModel::cpuText() const {
    return tr("CPU %1%").arg(studio_.stats().engine.cpuPercent, 0, 'f', 0);
}

QString OperatorModel::lagText() const {
    const engine::StudioStats& stats = studio_.stats().engine;
    const double percent = stats.renderedFrames ? 100.0 * stats.laggedFrames / stats.renderedFrames : 0.0;
    return tr("画面延迟 %1%").arg(percent, 0, 'f', 1);
}

QString OperatorModel::diskText() const {
    const live::StudioStatsSnapshot stats = studio_.stats();
    QString text = tr("磁盘剩余 %1 GB").arg(static_cast<double>(stats.engine.freeDiskBytes) / 1e9, 0, 'f', 1);
    if (stats.recordingHoursLeft >= 0)
        text += tr("，约可录 %1 小时").arg(stats.recordingHoursLeft, 0, 'f', 1);
    return text;
}

bool OperatorModel::diskLow() const {
    const double hours = studio_.stats().recordingHoursLeft;
    return hours >= 0 && hours < kDiskLowHours;
}

QString OperatorModel::confirmationText() const {
    if (confirmation_ == QLatin1String("quit"))
        return tr("正在直播或录像。确定要关闭小站吗？直播会结束，录像会保存。");
    if (confirmation_ == QLatin1String("stopLive"))
        return tr("确定要结束直播吗？观众将看不到节目。");
    if (confirmation_ == QLatin1String("stopRecording"))
        return tr("确定要停止录像吗？");
    return QString();
}

QString OperatorModel::confirmLabel() const {
    if (confirmation_ == QLatin1String("quit"))
        return tr("关闭小站");
    if (confirmation_ == QLatin1String("stopLive"))
        return tr("结束直播");
    if (confirmation_ == QLatin1String("stopRecording"))
        return tr("停止录像");
    return QString();
}

void OperatorModel::setNotice(const QString& notice) {
    if (notice == notice_)
        return;
    notice_ = notice;
    if (!notice_.isEmpty())
        noticeTimer_.start();
    emit noticeChanged();
}

void OperatorModel::say(const std::optional<UserError>& error) {
    if (error)
        setNotice(english_ ? error->messageEn : error->messageZh);
}

void OperatorModel::preview(int row) {
    const QString scene = scenes_.sceneAt(row);
    if (!scene.isEmpty())
        say(studio_.setPreview(scene));
}

void OperatorModel::previewAndTake(int row) {
    const QString scene = scenes_.sceneAt(row);
    if (scene.isEmpty() || scene == studio_.programScene())
        return;
    if (auto error = studio_.setPreview(scene)) {
        say(error);
        return;
    }
    take();
}

void OperatorModel::take() {
    if (studio_.transitionRunning())
        return; // a second press during a fade changes nothing (as in OBS); no need to say so
    say(studio_.take());
}

void OperatorModel::cut() {
    say(studio_.take(QStringLiteral("cut")));
}

void OperatorModel::toggleStandby() {
    studio_.toggleStandby();
}

void OperatorModel::moveTBar(double position) {
    say(studio_.setTBar(position));
}

void OperatorModel::releaseTBar() {
    say(studio_.releaseTBar());
}

void OperatorModel::goLive() {
    if (studio_.streams().isEmpty()) {
        setNotice(tr("还没有直播地址：请先在“设置”里添加"));
        return;
    }
    for (const live::StreamStatus& stream : studio_.streams())
        if (stream.state != engine::StreamState::Live && stream.state != engine::StreamState::Connecting &&
            stream.state != engine::StreamState::Reconnecting)
            say(studio_.startStream(stream.id));
}

void OperatorModel::startRecording() {
    if (studio_.recording())
        return;
    say(studio_.startRecording(recordingFolder_));
}

void OperatorModel::ask(const QString& what) {
    confirmation_ = what;
    emit confirmationChanged();
}

void OperatorModel::stopLive() {
    if (streamsActive())
        ask(QStringLiteral("stopLive"));
}

void OperatorModel::stopRecording() {
    if (studio_.recording())
        ask(QStringLiteral("stopRecording"));
}

void OperatorModel::askToQuit() {
    ask(QStringLiteral("quit"));
}

void OperatorModel::confirm() {
    const QString what = std::exchange(confirmation_, QString());
    emit confirmationChanged();
    if (what == QLatin1String("quit")) {
        emit quitConfirmed();
    } else if (what == QLatin1String("stopLive")) {
        for (const live::StreamStatus& stream : studio_.streams())
            studio_.stopStream(stream.id);
    } else if (what == QLatin1String("stopRecording")) {
        studio_.stopRecording();
    }
}

void OperatorModel::cancel() {
    if (confirmation_.isEmpty())
        return;
    confirmation_.clear();
    emit confirmationChanged();
}

bool OperatorModel::handleKey(int key, int modifiers) {
    if (modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    if (!confirmation_.isEmpty()) {
        // While asking, no key confirms: Space, Enter and Esc all mean "no", only the button says yes.
        if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape) {
            cancel();
            return true;
        }
        return false;
    }
    if (key >= Qt::Key_1 && key <= Qt::Key_9) {
        preview(key - Qt::Key_1);
        return true;
    }
    switch (key) {
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        take();
        return true;
    case Qt::Key_Escape:
        toggleStandby();
        return true;
    default:
        return false;
    }
}

void OperatorModel::setEnglish(bool english) {
    english_ = english;
    scenes_.setEnglish(english);
    mixer_.retranslate();
    streams_.retranslate();
    emit showChanged();
    emit tallyChanged();
    emit transitionChanged();
    emit statsChanged();
    emit confirmationChanged();
    emit languageChanged();
}

} // namespace xz::ui
