#include "studio.h"

#include "audiobus.h"
#include "capturestates.h"
#include "encoderset.h"
#include "obsruntime.h"
#include "remuxer.h"
#include "scenegraph.h"
#include "streamtarget.h"
#include "switcher.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QThreadPool>
#include <obs.h>
#include <util/platform.h>

Q_LOGGING_CATEGORY(lcStudio, "xz.studio", QtInfoMsg)

namespace xz::live {
namespace {

constexpr int kStatsIntervalMs = 1000;
// A phone dropping out must reach the operator at once, not with the next status line.
constexpr int kCaptureIntervalMs = 250;

UserError noSuch(const QString& whatZh, const QString& whatEn, const QString& id) {
    return UserError{QStringLiteral("没有%1“%2”").arg(whatZh, id),
                     QStringLiteral("no %1 '%2'").arg(whatEn, id), QString()};
}

} // namespace

uint64_t Studio::nowNs() {
    return os_gettime_ns();
}

Studio::Studio(QObject* parent) : QObject(parent) {
    statsTimer_.setInterval(kStatsIntervalMs);
    connect(&statsTimer_, &QTimer::timeout, this, &Studio::sampleStats);
    captureTimer_.setInterval(kCaptureIntervalMs);
    connect(&captureTimer_, &QTimer::timeout, this, &Studio::pollCaptures);
}

std::unique_ptr<Studio> Studio::start(const show::Show& show, std::optional<UserError>* error,
                                      QObject* parent) {
    std::unique_ptr<Studio> studio(new Studio(parent));
    studio->runtime_ =
        engine::ObsRuntime::start({show.canvas.width, show.canvas.height, show.canvas.fps}, error);
    if (!studio->runtime_)
        return nullptr;
    studio->monitors_ = std::make_unique<engine::MonitorHub>();
    studio->mixMeter_ = std::make_unique<engine::MixMeter>();
    if ((*error = studio->buildShow(show)))
        return nullptr;
    studio->startedNs_ = os_gettime_ns();
    studio->statsTimer_.start();
    studio->captureTimer_.start();
    return studio;
}

Studio::~Studio() {
    statsTimer_.stop();
    captureTimer_.stop();
    for (StreamEntry& entry : streams_)
        entry.streamer->stopAndWait();
    if (recorder_)
        recorder_->stopAndWait();
    // A remux still running on the pool only touches its files; wait for it so the MP4 is complete.
    QThreadPool::globalInstance()->waitForDone();
    streams_.clear();
    recorder_.reset();
    encoders_.reset();
    teardownShow();
    mixMeter_.reset();
    monitors_.reset();
    sampler_.reset();
    runtime_.reset();
}

// --- the show
// -----------------------------------------------------------------------------------------------

std::optional<UserError> Studio::buildShow(const show::Show& show) {
    std::optional<engine::EngineError> error;
    std::unique_ptr<engine::SceneGraph> graph = engine::SceneGraph::build(show, &error);
    if (!graph)
        return error;
    if (show.scenes.isEmpty())
        return UserError{QStringLiteral("节目没有场景"), QStringLiteral("the show has no scenes"), show.id};
    teardownShow();
    // A finished recorder is made again for the new show (its files carry the show's id).
    if (recorder_ && !recorder_->active())
        recorder_.reset();
    graph_ = std::move(graph);
    for (const QString& warning : graph_->warnings())
        warnings_.append(warning);
    switcher_ = std::make_unique<engine::Switcher>(*graph_, show.scenes.first().id);
    audioBus_ = std::make_unique<engine::AudioBus>(*graph_);
    captures_ = std::make_unique<CaptureStates>(*graph_);
    for (const AudioInput& input : audioInputs())
        meters_[input.id] = std::make_unique<engine::SourceMeter>(graph_->source(input.id));
    transition_ = show.defaultTransitionId;
    durationOverridesMs_.clear();
    beforeStandby_.clear();
    if (!sampler_)
        sampler_ = std::make_unique<engine::StatsSampler>(recordingDir_);

    connect(switcher_.get(), &engine::Switcher::programChanged, this, &Studio::programSceneChanged);
    connect(switcher_.get(), &engine::Switcher::previewChanged, this, [this](const QString& sceneId) {
        for (engine::MonitorHub::FeedId feed : previewFeeds_)
            monitors_->retarget(feed, graph_->sceneSource(sceneId));
        emit previewSceneChanged(sceneId);
    });
    connect(switcher_.get(), &engine::Switcher::transitionStarted, this, [this](const QString& id) {
        emit transitionStarted(id);
        emit transitionRunningChanged(true);
    });
    connect(switcher_.get(), &engine::Switcher::transitionEnded, this, [this](const QString& id) {
        emit transitionEnded(id);
        emit transitionRunningChanged(false);
    });
    connect(switcher_.get(), &engine::Switcher::tbarChanged, this, &Studio::tbarChanged);

    // Monitors that watched the old show's scenes now watch the new one's.
    for (engine::MonitorHub::FeedId feed : previewFeeds_)
        monitors_->retarget(feed, graph_->sceneSource(switcher_->previewSceneId()));
    for (const auto& [feed, sceneId] : sceneFeeds_)
        monitors_->retarget(feed, graph_->sceneSource(sceneId));

    qCInfo(lcStudio).noquote() << "show" << show.id << show.titleZh << "on, scene"
                               << switcher_->programSceneId();
    emit showChanged();
    emit programSceneChanged(switcher_->programSceneId());
    emit previewSceneChanged(switcher_->previewSceneId());
    emit transitionChanged();
    return std::nullopt;
}

void Studio::teardownShow() {
    // What points into the graph goes first; monitors let go of its scenes before they are released.
    for (engine::MonitorHub::FeedId feed : previewFeeds_)
        monitors_->retarget(feed, nullptr);
    for (const auto& [feed, sceneId] : sceneFeeds_)
        monitors_->retarget(feed, nullptr);
    meters_.clear();
    captures_.reset();
    audioBus_.reset();
    switcher_.reset();
    graph_.reset();
}

std::optional<UserError> Studio::loadShow(const show::Show& show) {
    const engine::CanvasConfig canvas{show.canvas.width, show.canvas.height, show.canvas.fps};
    const engine::CanvasConfig& current = runtime_->canvas();
    const bool newCanvas =
        canvas.width != current.width || canvas.height != current.height || canvas.fps != current.fps;
    if (newCanvas) {
        if (recording() || streaming() || outputsBusy())
            return UserError{QStringLiteral("正在录像或直播，不能换成画面尺寸不同的节目；请先停止"),
                             QStringLiteral("cannot switch to a show with another picture size while "
                                            "recording or streaming; stop first"),
                             QStringLiteral("%1x%2@%3").arg(canvas.width).arg(canvas.height).arg(canvas.fps)};
        // Encoders hold on to the old video: they go, and come back when an output next needs them.
        // Streamers are made again on their next start; what they did so far goes to the summary.
        for (StreamEntry& entry : streams_)
            if (entry.streamer) {
                if (entry.streamer->state() != engine::StreamState::Idle)
                    finishedStreams_.append(streamJson(entry));
                entry.streamer.reset();
            }
        recorder_.reset();
        encoders_.reset();
        teardownShow();
        if (auto error = runtime_->resetCanvas(canvas))
            return error;
    }
    return buildShow(show);
}

const show::Show& Studio::show() const {
    return graph_->show();
}
QString Studio::showId() const {
    return graph_ ? graph_->show().id : QString();
}
QString Studio::showTitle() const {
    return graph_ ? graph_->show().titleZh : QString();
}
QStringList Studio::sceneIds() const {
    return graph_ ? graph_->sceneIds() : QStringList();
}
QString Studio::sceneName(const QString& sceneId) const {
    if (sceneId == engine::SceneGraph::kBuiltInStandbyId)
        return QStringLiteral("请稍候");
    const show::Scene* scene = graph_ ? graph_->show().findScene(sceneId) : nullptr;
    return scene ? scene->name : QString();
}

// --- studio mode
// --------------------------------------------------------------------------------------------

QString Studio::programScene() const {
    return switcher_ ? switcher_->programSceneId() : QString();
}
QString Studio::previewScene() const {
    return switcher_ ? switcher_->previewSceneId() : QString();
}

std::optional<UserError> Studio::setPreview(const QString& sceneId) {
    return switcher_->setPreview(sceneId);
}

std::optional<UserError> Studio::take(const QString& transitionId, int durationMs) {
    const QString id = transitionId.isEmpty() ? transition_ : transitionId;
    if (durationMs <= 0) {
        const auto override = durationOverridesMs_.find(id);
        if (override != durationOverridesMs_.end())
            durationMs = override->second;
    }
    return switcher_->take(id, durationMs);
}

std::optional<UserError> Studio::cutTo(const QString& sceneId) {
    if (!graph_->sceneSource(sceneId))
        return noSuch(QStringLiteral("场景"), QStringLiteral("scene"), sceneId);
    return switcher_->cutTo(sceneId);
}

int Studio::transitionDurationMs() const {
    const auto override = durationOverridesMs_.find(transition_);
    if (override != durationOverridesMs_.end())
        return override->second;
    const show::Transition* spec = graph_ ? graph_->show().findTransition(transition_) : nullptr;
    return spec ? spec->durationMs : 0;
}

QStringList Studio::transitionIds() const {
    QStringList ids;
    if (graph_)
        for (const show::Transition& transition : graph_->show().transitions)
            ids.append(transition.id);
    return ids;
}

std::optional<UserError> Studio::setTransition(const QString& transitionId) {
    if (!graph_->transition(transitionId))
        return noSuch(QStringLiteral("转场"), QStringLiteral("transition"), transitionId);
    if (transition_ != transitionId) {
        transition_ = transitionId;
        emit transitionChanged();
    }
    return std::nullopt;
}

std::optional<UserError> Studio::setTransitionDurationMs(int durationMs) {
    const show::Transition* spec = graph_->show().findTransition(transition_);
    if (!spec || spec->kind == show::TransitionKind::Cut || spec->kind == show::TransitionKind::Stinger)
        return UserError{QStringLiteral("切换和片头动画转场没有可调的时长"),
                         QStringLiteral("a cut or a stinger has no duration to set"), transition_};
    if (durationMs < show::limits::kMinTransitionMs || durationMs > show::limits::kMaxTransitionMs)
        return UserError{QStringLiteral("转场时长应在 %1 到 %2 毫秒之间")
                             .arg(show::limits::kMinTransitionMs)
                             .arg(show::limits::kMaxTransitionMs),
                         QStringLiteral("a transition lasts from %1 to %2 ms")
                             .arg(show::limits::kMinTransitionMs)
                             .arg(show::limits::kMaxTransitionMs),
                         QString::number(durationMs)};
    durationOverridesMs_[transition_] = durationMs;
    emit transitionChanged();
    return std::nullopt;
}

bool Studio::transitionRunning() const {
    return switcher_ && switcher_->transitionRunning();
}
double Studio::transitionProgress() const {
    return switcher_ ? switcher_->transitionProgress() : 1.0;
}
std::optional<UserError> Studio::setTBar(double position) {
    return switcher_->setTBar(position);
}
std::optional<UserError> Studio::releaseTBar() {
    return switcher_->releaseTBar();
}
double Studio::tbarPosition() const {
    return switcher_ ? switcher_->tbarPosition() : 0.0;
}
int Studio::takeCount() const {
    return switcher_ ? switcher_->takeCount() : 0;
}

void Studio::toggleStandby() {
    const QString standby = graph_->standbySceneId();
    if (programScene() == standby && !beforeStandby_.isEmpty()) {
        const QString back = std::exchange(beforeStandby_, QString());
        switcher_->cutTo(back);
        emit report(QStringLiteral("安全画面已撤下 / stand-by slate off: %1").arg(back));
        return;
    }
    if (programScene() == standby)
        return;
    beforeStandby_ = programScene();
    switcher_->cutTo(standby);
    emit report(QStringLiteral("安全画面已播出 / stand-by slate on air"));
}

bool Studio::standbyOnAir() const {
    return graph_ && programScene() == graph_->standbySceneId();
}

// --- graphics
// -----------------------------------------------------------------------------------------------

QStringList Studio::textSourceIds() const {
    return graph_->textSourceIds();
}
std::optional<QString> Studio::text(const QString& sceneId, const QString& sourceId) const {
    return graph_->text(sceneId, sourceId);
}

std::optional<UserError> Studio::setText(const QString& sceneId, const QString& sourceId,
                                         const QString& text) {
    if (auto error = graph_->setText(sceneId, sourceId, text))
        return error;
    emit textChanged(sceneId, sourceId, text);
    return std::nullopt;
}

std::optional<UserError> Studio::setTextEverywhere(const QString& sourceId, const QString& text) {
    bool any = false;
    for (const QString& sceneId : graph_->sceneIds())
        if (graph_->text(sceneId, sourceId)) {
            graph_->setText(sceneId, sourceId, text);
            emit textChanged(sceneId, sourceId, text);
            any = true;
        }
    if (!any)
        return noSuch(QStringLiteral("文字"), QStringLiteral("text item"), sourceId);
    return std::nullopt;
}

std::optional<bool> Studio::itemVisible(const QString& sceneId, const QString& sourceId) const {
    return graph_->itemVisible(sceneId, sourceId);
}

std::optional<UserError> Studio::setItemVisible(const QString& sceneId, const QString& sourceId,
                                                bool visible) {
    if (auto error = graph_->setItemVisible(sceneId, sourceId, visible))
        return error;
    emit itemVisibilityChanged(sceneId, sourceId, visible);
    return std::nullopt;
}

QStringList Studio::itemIds(const QString& sceneId) const {
    QStringList ids;
    if (const show::Scene* scene = graph_->show().findScene(sceneId))
        for (const show::SceneItem& item : scene->items)
            if (graph_->itemVisible(sceneId, item.sourceId))
                ids.append(item.sourceId);
    return ids;
}

// --- cameras and microphones -------------------------------------------------------------------------------

std::optional<UserError> Studio::setDevice(const QString& sourceId, const QString& device) {
    const bool wasAudio = meters_.count(sourceId) > 0;
    if (auto error = graph_->setDevice(sourceId, device))
        return error;
    captures_ = std::make_unique<CaptureStates>(*graph_);
    if (!wasAudio && graph_->microphoneIds().contains(sourceId))
        meters_[sourceId] = std::make_unique<engine::SourceMeter>(graph_->source(sourceId));
    emit captureChanged(sourceId);
    return std::nullopt;
}

QStringList Studio::captureIds() const {
    return graph_->captureCameraIds() + graph_->microphoneIds();
}

std::optional<capture::CaptureStatus> Studio::captureStatus(const QString& id) const {
    return graph_->cameraCapture(id);
}

void Studio::pollCaptures() {
    if (!captures_)
        return;
    const QStringList lines = captures_->poll();
    for (const QString& line : lines)
        emit report(line);
    if (!lines.isEmpty())
        emit captureChanged(QString());
}

// --- audio
// --------------------------------------------------------------------------------------------------

QList<AudioInput> Studio::audioInputs() const {
    QList<AudioInput> inputs;
    if (!graph_)
        return inputs;
    for (const show::Source& source : graph_->show().sources) {
        const bool microphone = source.kind == show::SourceKind::AudioInput;
        const bool carriesSound = source.kind == show::SourceKind::Media ||
                                  (source.kind == show::SourceKind::Camera && !source.device.isEmpty());
        obs_source_t* obsSource = graph_->source(source.id);
        if ((!microphone && !carriesSound) || !obsSource)
            continue;
        AudioInput input;
        input.id = source.id;
        input.label = source.label;
        input.microphone = microphone;
        input.volumeDb = obs_mul_to_db(obs_source_get_volume(obsSource));
        input.muted = obs_source_muted(obsSource);
        inputs.append(input);
    }
    return inputs;
}

std::optional<UserError> Studio::setVolumeDb(const QString& inputId, double db) {
    obs_source_t* source = meters_.count(inputId) ? graph_->source(inputId) : nullptr;
    if (!source)
        return noSuch(QStringLiteral("音频输入"), QStringLiteral("audio input"), inputId);
    if (db > show::limits::kMaxVolumeDb)
        return UserError{QStringLiteral("音量最高 +%1 dB").arg(show::limits::kMaxVolumeDb),
                         QStringLiteral("the volume goes up to +%1 dB").arg(show::limits::kMaxVolumeDb),
                         QString::number(db)};
    // Below the fader's floor is silence, as on a mixing desk.
    obs_source_set_volume(source, db <= -100.0 ? 0.0f : obs_db_to_mul(static_cast<float>(db)));
    emit volumeChanged(inputId, db);
    return std::nullopt;
}

std::optional<UserError> Studio::setMuted(const QString& inputId, bool muted) {
    obs_source_t* source = meters_.count(inputId) ? graph_->source(inputId) : nullptr;
    if (!source)
        return noSuch(QStringLiteral("音频输入"), QStringLiteral("audio input"), inputId);
    if (obs_source_muted(source) != muted) {
        obs_source_set_muted(source, muted);
        emit muteChanged(inputId, muted);
    }
    return std::nullopt;
}

std::optional<engine::AudioLevels> Studio::levels(const QString& inputId) const {
    const auto meter = meters_.find(inputId);
    if (meter == meters_.end())
        return std::nullopt;
    return meter->second->levels();
}

engine::AudioLevels Studio::mixLevels() const {
    return mixMeter_->levels();
}

// --- outputs
// ------------------------------------------------------------------------------------------------

engine::EncoderSet* Studio::encoders(std::optional<UserError>* error) {
    if (!encoders_) {
        std::optional<engine::EngineError> failure;
        encoders_ = engine::EncoderSet::create({}, &failure);
        if (!encoders_) {
            *error = failure;
            return nullptr;
        }
    }
    return encoders_.get();
}

void Studio::setRecordingFolder(const QString& directory) {
    if (directory == recordingDir_ || recording())
        return;
    recordingDir_ = directory;
    sampler_ = std::make_unique<engine::StatsSampler>(directory);
}

std::optional<UserError> Studio::startRecording(const QString& requested) {
    const QString directory = requested.isEmpty() ? recordingDir_ : requested;
    if (directory.isEmpty())
        return UserError{QStringLiteral("还没有选择录像文件夹"), QStringLiteral("no recording folder is set"),
                         QString()};
    std::optional<UserError> error;
    engine::EncoderSet* set = encoders(&error);
    if (!set)
        return error;
    if (!recorder_) {
        recorder_ = std::make_unique<engine::Recorder>(*set, graph_->show().id);
        connect(recorder_.get(), &engine::Recorder::stateChanged, this, &Studio::recordingChanged);
        connect(recorder_.get(), &engine::Recorder::finished, this, &Studio::onRecordingFinished);
        connect(recorder_.get(), &engine::Recorder::failed, this, [this](const QString& message) {
            addError(message);
            emit alert(message);
        });
    }
    if (auto failure = recorder_->start(directory))
        return failure;
    recordingDir_ = directory;
    sampler_ = std::make_unique<engine::StatsSampler>(directory);
    emit report(QStringLiteral("开始录像 / recording: %1").arg(recorder_->path()));
    return std::nullopt;
}

void Studio::stopRecording() {
    if (recorder_)
        recorder_->stop();
}

bool Studio::recording() const {
    return recorder_ && recorder_->state() == engine::RecordingState::Recording;
}

RecordingStatus Studio::recordingStatus() const {
    RecordingStatus status;
    if (!recorder_)
        return status;
    status.state = recorder_->state();
    status.path = recorder_->path();
    status.seconds = recorder_->seconds();
    status.bytes = recorder_->bytes();
    if (recorder_->failure())
        status.error = recorder_->failure()->toString();
    return status;
}

std::optional<double> Studio::recordingSecondsNow() const {
    return recorder_ ? recorder_->secondsAt(os_gettime_ns()) : std::nullopt;
}

void Studio::onRecordingFinished(const QString& path) {
    QJsonObject entry{{QStringLiteral("path"), path},
                      {QStringLiteral("seconds"), recorder_->seconds()},
                      {QStringLiteral("bytes"), static_cast<double>(QFileInfo(path).size())}};
    if (recorder_->failure())
        entry.insert(QStringLiteral("error"), recorder_->failure()->toString());
    const qsizetype index = finishedRecordings_.size();
    finishedRecordings_.append(entry);
    const bool remux = remux_ && !recorder_->failure();
    if (remux)
        ++remuxesRunning_; // counted before anyone hears the recording is over: the outputs are still busy
    emit report(QStringLiteral("录像已完成 / recording complete: %1").arg(path));
    emit recordingFinished(path);
    emit recordingChanged();
    if (!remux)
        return;
    // The MP4 copy is made off the main thread; the studio carries on meanwhile.
    QPointer<Studio> self(this);
    QThreadPool::globalInstance()->start([self, path, index] {
        const QString mp4 = clips::Remuxer::mp4PathFor(path);
        const std::optional<clips::RemuxError> failure = clips::Remuxer::remuxToMp4(path, mp4);
        const QString error = failure ? failure->toString() : QString();
        QMetaObject::invokeMethod(
            self.data(),
            [self, path, mp4, error, index] {
                if (!self)
                    return;
                QJsonObject entry = self->finishedRecordings_.at(index).toObject();
                if (error.isEmpty()) {
                    entry.insert(QStringLiteral("mp4"), mp4);
                } else {
                    entry.insert(QStringLiteral("remuxError"), error);
                    self->addError(error);
                }
                self->finishedRecordings_.replace(index, entry);
                --self->remuxesRunning_;
                emit self->remuxFinished(path, error.isEmpty() ? mp4 : QString(), error);
                emit self->recordingChanged();
            },
            Qt::QueuedConnection);
    });
}

Studio::StreamEntry* Studio::findStream(int id) {
    for (StreamEntry& entry : streams_)
        if (entry.id == id)
            return &entry;
    return nullptr;
}

const Studio::StreamEntry* Studio::findStream(int id) const {
    return const_cast<Studio*>(this)->findStream(id);
}

std::optional<int> Studio::addStream(const QString& url, const QString& name,
                                     std::optional<UserError>* error) {
    std::optional<engine::EngineError> parseError;
    const std::optional<engine::StreamTarget> target = engine::StreamTarget::parse(url, &parseError);
    if (!target) {
        *error = parseError;
        return std::nullopt;
    }
    StreamEntry entry;
    entry.id = nextStreamId_++;
    entry.name = name.isEmpty() ? target->redacted() : name;
    entry.target = *target;
    streams_.push_back(std::move(entry));
    emit streamsChanged();
    return streams_.back().id;
}

void Studio::onStreamState(int id, engine::StreamState state) {
    StreamEntry* stream = findStream(id);
    if (!stream)
        return;
    emit report(QStringLiteral("直播 / stream %1: %2").arg(stream->name, stream->streamer->stateText()));
    if (state == engine::StreamState::Failed && stream->streamer->failure()) {
        const QString message = QStringLiteral("直播“%1”中断 / stream '%1' failed: %2")
                                    .arg(stream->name, stream->streamer->failure()->toString());
        addError(message);
        emit alert(message);
    }
    if ((state == engine::StreamState::Stopped || state == engine::StreamState::Failed) &&
        stream->removeWhenStopped) {
        finishedStreams_.append(streamJson(*stream));
        std::erase_if(streams_, [id](const StreamEntry& e) { return e.id == id; });
    }
    emit streamsChanged();
}

std::optional<UserError> Studio::removeStream(int id) {
    StreamEntry* entry = findStream(id);
    if (!entry)
        return noSuch(QStringLiteral("直播目标"), QStringLiteral("stream target"), QString::number(id));
    if (entry->streamer && entry->streamer->active()) {
        entry->removeWhenStopped = true;
        entry->streamer->stop();
        return std::nullopt;
    }
    if (entry->streamer && entry->streamer->state() != engine::StreamState::Idle)
        finishedStreams_.append(streamJson(*entry));
    std::erase_if(streams_, [id](const StreamEntry& e) { return e.id == id; });
    emit streamsChanged();
    return std::nullopt;
}

std::optional<UserError> Studio::startStream(int id) {
    StreamEntry* entry = findStream(id);
    if (!entry)
        return noSuch(QStringLiteral("直播目标"), QStringLiteral("stream target"), QString::number(id));
    if (!entry->streamer) {
        std::optional<UserError> error;
        engine::EncoderSet* set = encoders(&error);
        if (!set)
            return error;
        entry->streamer = std::make_unique<engine::Streamer>(*set, entry->target);
        connect(entry->streamer.get(), &engine::Streamer::stateChanged, this,
                [this, id](engine::StreamState state) { onStreamState(id, state); });
    }
    return entry->streamer->start();
}

std::optional<UserError> Studio::stopStream(int id) {
    StreamEntry* entry = findStream(id);
    if (!entry)
        return noSuch(QStringLiteral("直播目标"), QStringLiteral("stream target"), QString::number(id));
    if (entry->streamer)
        entry->streamer->stop();
    return std::nullopt;
}

QList<StreamStatus> Studio::streams() const {
    QList<StreamStatus> list;
    for (const StreamEntry& entry : streams_) {
        StreamStatus status;
        status.id = entry.id;
        status.name = entry.name;
        status.redactedUrl = entry.target.redacted();
        if (entry.streamer) {
            const engine::Streamer& streamer = *entry.streamer;
            status.redactedUrl = streamer.redactedUrl();
            status.state = streamer.state();
            status.stateText = streamer.stateText();
            status.reconnectAttempt = streamer.reconnectAttempt();
            status.maxRetries = streamer.maxRetries();
            status.bitrateKbps = const_cast<engine::Streamer&>(streamer).bitrateKbps();
            status.droppedFrames = streamer.droppedFrames();
            status.totalFrames = streamer.totalFrames();
            status.bytes = streamer.totalBytes();
            if (streamer.failure())
                status.error = streamer.failure()->toString();
        }
        list.append(status);
    }
    return list;
}

bool Studio::streaming() const {
    for (const StreamEntry& entry : streams_)
        if (entry.streamer && entry.streamer->state() == engine::StreamState::Live)
            return true;
    return false;
}

void Studio::stopAllOutputs() {
    for (StreamEntry& entry : streams_)
        if (entry.streamer)
            entry.streamer->stop();
    stopRecording();
}

bool Studio::outputsBusy() const {
    if (remuxesRunning_ > 0)
        return true;
    if (recorder_ && recorder_->active())
        return true;
    for (const StreamEntry& entry : streams_)
        if (entry.streamer && entry.streamer->active())
            return true;
    return false;
}

// --- monitors
// -----------------------------------------------------------------------------------------------

engine::MonitorHub::FeedId Studio::watchProgram(QSize size, int everyNthFrame,
                                                engine::MonitorHub::Sink sink) {
    return monitors_->watchProgram(size, everyNthFrame, std::move(sink));
}

engine::MonitorHub::FeedId Studio::watchPreview(QSize size, int everyNthFrame,
                                                engine::MonitorHub::Sink sink) {
    const auto feed =
        monitors_->watchSource(graph_->sceneSource(previewScene()), size, everyNthFrame, std::move(sink));
    previewFeeds_.push_back(feed);
    return feed;
}

engine::MonitorHub::FeedId Studio::watchScene(const QString& sceneId, QSize size, int everyNthFrame,
                                              engine::MonitorHub::Sink sink) {
    const auto feed =
        monitors_->watchSource(graph_->sceneSource(sceneId), size, everyNthFrame, std::move(sink));
    sceneFeeds_[feed] = sceneId;
    return feed;
}

void Studio::unwatch(engine::MonitorHub::FeedId feed) {
    std::erase(previewFeeds_, feed);
    sceneFeeds_.erase(feed);
    monitors_->unwatch(feed);
}

// --- state and reporting -----------------------------------------------------------------------------------

void Studio::addError(const QString& message) {
    if (!errors_.contains(message))
        errors_.append(message);
}

void Studio::sampleStats() {
    stats_.engine = sampler_->sample();
    stats_.recordingHoursLeft = -1;
    if (recording() && stats_.engine.freeDiskBytes > 0) {
        // At the encoders' bitrate: what a volunteer needs to know is "will the disk last the show?".
        const engine::EncoderSettings settings;
        const double bytesPerSecond = (settings.videoBitrateKbps + settings.audioBitrateKbps) * 1000.0 / 8.0;
        stats_.recordingHoursLeft =
            static_cast<double>(stats_.engine.freeDiskBytes) / bytesPerSecond / 3600.0;
    }
    emit statsChanged();
    emit streamsChanged(); // bitrates and dropped frames move on
    if (recorder_ && recorder_->active())
        emit recordingChanged(); // seconds and bytes move on
}

QJsonObject Studio::streamJson(const StreamEntry& entry) const {
    const engine::Streamer& streamer = *entry.streamer;
    QJsonObject stream{{QStringLiteral("url"), streamer.redactedUrl()},
                       {QStringLiteral("state"), engine::streamStateName(streamer.state())},
                       {QStringLiteral("reconnectAttempts"), streamer.reconnectsTotal()},
                       {QStringLiteral("frames"), streamer.totalFrames()},
                       {QStringLiteral("droppedFrames"), streamer.droppedFrames()},
                       {QStringLiteral("bytes"), static_cast<double>(streamer.totalBytes())}};
    if (entry.name != streamer.redactedUrl())
        stream.insert(QStringLiteral("name"), entry.name);
    if (streamer.failure())
        stream.insert(QStringLiteral("error"), streamer.failure()->toString());
    return stream;
}

QJsonObject Studio::summary() const {
    const engine::StudioStats stats = sampler_->sample();
    QJsonArray streams = finishedStreams_;
    int dropped = 0;
    for (const StreamEntry& entry : streams_)
        if (entry.streamer && entry.streamer->state() != engine::StreamState::Idle)
            streams.append(streamJson(entry));
    for (const QJsonValue& stream : streams)
        dropped += stream.toObject().value(QStringLiteral("droppedFrames")).toInt();
    return QJsonObject{
        {QStringLiteral("show"), showId()},
        {QStringLiteral("title"), showTitle()},
        {QStringLiteral("seconds"), static_cast<double>(os_gettime_ns() - startedNs_) / 1e9},
        {QStringLiteral("frames"), static_cast<qint64>(stats.renderedFrames)},
        {QStringLiteral("lagged"), static_cast<qint64>(stats.laggedFrames)},
        {QStringLiteral("encodedFrames"), static_cast<qint64>(stats.encodedFrames)},
        {QStringLiteral("skipped"), static_cast<qint64>(stats.skippedFrames)},
        {QStringLiteral("dropped"), dropped},
        {QStringLiteral("takes"), takeCount()},
        {QStringLiteral("programScene"), programScene()},
        {QStringLiteral("recordings"), finishedRecordings_},
        {QStringLiteral("streams"), streams},
        {QStringLiteral("cameras"), captures_ ? captures_->toJson(false) : QJsonArray()},
        {QStringLiteral("microphones"), captures_ ? captures_->toJson(true) : QJsonArray()},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings_)},
        {QStringLiteral("errors"), QJsonArray::fromStringList(errors_)},
    };
}

} // namespace xz::live
