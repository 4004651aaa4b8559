#include "livesession.h"

#include "audiobus.h"
#include "camerastates.h"
#include "encoderset.h"
#include "gstcapture.h"
#include "obsruntime.h"
#include "paths.h"
#include "recorder.h"
#include "remuxer.h"
#include "scenegraph.h"
#include "showloader.h"
#include "streamer.h"
#include "studiostats.h"
#include "switcher.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

namespace xz::app {
namespace {

void printErr(const QString& line) {
    fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    fflush(stderr);
}

} // namespace

LiveSession::LiveSession(const LiveOptions& options, QObject* parent) : QObject(parent), options_(options) {
    durationTimer_.setSingleShot(true);
    connect(&durationTimer_, &QTimer::timeout, this, &LiveSession::finished);
    connect(&cycleTimer_, &QTimer::timeout, this, &LiveSession::takeNextScene);
    connect(&statusTimer_, &QTimer::timeout, this, &LiveSession::printStatus);
    connect(&cameraTimer_, &QTimer::timeout, this, &LiveSession::reportCameraChanges);
}

LiveSession::~LiveSession() {
    stop();
}

void LiveSession::addError(const engine::EngineError& error) {
    errors_.append(error.toString());
    printErr(QStringLiteral("错误 / error: ") + error.toString());
}

bool LiveSession::prepare() {
    const QString path = show::ShowLoader::resolveShowPath(options_.show, paths::scenesDir());
    const show::LoadResult loaded = show::ShowLoader::loadFile(path);
    if (!loaded.ok()) {
        for (const show::ShowError& error : loaded.errors)
            errors_.append(error.toString());
        for (const QString& error : errors_)
            printErr(error);
        fatal_ = true;
        return false;
    }
    show_ = *loaded.show;

    for (const CameraOverride& camera : options_.cameras) {
        const show::Source* source = show_.findSource(camera.cameraId);
        if (!source || source->kind != show::SourceKind::Camera) {
            QStringList cameras;
            for (const show::Source& candidate : show_.sources)
                if (candidate.kind == show::SourceKind::Camera)
                    cameras.append(candidate.id);
            errors_.append(
                QStringLiteral("节目里没有摄像头“%1”（有：%2） / the show has no camera '%1' (it has: %2)")
                    .arg(camera.cameraId, cameras.join(QStringLiteral(", "))));
            continue;
        }
        // The override replaces the camera's device; a description that cannot work is reported precisely,
        // and the camera shows its slate while the rest of the show runs.
        for (show::Source& candidate : show_.sources)
            if (candidate.id == camera.cameraId)
                candidate.device = camera.pipeline;
        if (const std::optional<capture::CaptureError> problem = capture::checkDevice(camera.pipeline))
            warnings_.append(QStringLiteral("摄像头“%1”：%2 / camera '%1': %3")
                                 .arg(camera.cameraId, problem->messageZh, problem->messageEn) +
                             QStringLiteral(" (") + problem->detail + QLatin1Char(')'));
    }
    if (!options_.rundown.isEmpty())
        warnings_.append(
            QStringLiteral("串联单功能尚未完成，--rundown 被忽略 / the rundown is not available yet; "
                           "--rundown is ignored"));

    for (const QString& url : options_.streamUrls) {
        std::optional<engine::EngineError> error;
        if (!engine::StreamTarget::parse(url, &error))
            errors_.append(error->toString());
    }
    for (const QString& warning : warnings_)
        printErr(QStringLiteral("注意 / warning: ") + warning);
    if (!errors_.isEmpty()) {
        for (const QString& error : errors_)
            printErr(QStringLiteral("错误 / error: ") + error);
        fatal_ = true;
        return false;
    }
    return true;
}

bool LiveSession::start() {
    std::optional<engine::EngineError> error;
    runtime_ = engine::ObsRuntime::start({show_.canvas.width, show_.canvas.height, show_.canvas.fps}, &error);
    if (runtime_)
        graph_ = engine::SceneGraph::build(show_, &error);
    if (!graph_) {
        addError(*error);
        fatal_ = true;
        return false;
    }
    warnings_.append(graph_->warnings());
    switcher_ = std::make_unique<engine::Switcher>(*graph_, show_.scenes.first().id);
    audio_ = std::make_unique<engine::AudioBus>(*graph_);
    stats_ = std::make_unique<engine::StatsSampler>(options_.recordDir);
    cameras_ = std::make_unique<CameraStates>(*graph_);

    if (!options_.recordDir.isEmpty() || !options_.streamUrls.isEmpty()) {
        encoders_ = engine::EncoderSet::create({}, &error);
        if (!encoders_) {
            addError(*error);
            fatal_ = true;
            return false;
        }
    }
    if (!options_.recordDir.isEmpty()) {
        recorder_ = std::make_unique<engine::Recorder>(*encoders_, show_.id);
        connect(recorder_.get(), &engine::Recorder::failed, this,
                [this](const QString& message) { printErr(QStringLiteral("错误 / error: ") + message); });
        // A recording that cannot start is reported; the streams still go out.
        if (auto failure = recorder_->start(options_.recordDir))
            addError(*failure);
    }
    for (const QString& url : options_.streamUrls) {
        std::optional<engine::EngineError> parseError;
        const auto target = engine::StreamTarget::parse(url, &parseError);
        auto streamer = std::make_unique<engine::Streamer>(*encoders_, *target);
        connect(streamer.get(), &engine::Streamer::stateChanged, this, [this, s = streamer.get()] {
            printErr(QStringLiteral("直播 / stream %1: %2").arg(s->redactedUrl(), s->stateText()));
        });
        if (auto failure = streamer->start())
            addError(*failure);
        streamers_.push_back(std::move(streamer));
    }

    clock_.start();
    started_ = true;
    if (options_.durationSec > 0)
        durationTimer_.start(static_cast<int>(options_.durationSec * 1000));
    if (options_.cycleScenesSec > 0)
        cycleTimer_.start(static_cast<int>(options_.cycleScenesSec * 1000));
    statusTimer_.start(5000);
    // A phone dropping out must reach the operator at once, not with the next status line.
    cameraTimer_.start(250);
    printErr(QStringLiteral("开始 / started: %1 《%2》 %3x%4@%5, 场景 / scene: %6")
                 .arg(show_.id, show_.titleZh)
                 .arg(show_.canvas.width)
                 .arg(show_.canvas.height)
                 .arg(show_.canvas.fps)
                 .arg(switcher_->programSceneId()));
    return true;
}

void LiveSession::takeNextScene() {
    switcher_->setPreview(switcher_->sceneAfter(switcher_->programSceneId()));
    if (auto error = switcher_->take())
        addError(*error);
}

void LiveSession::printStatus() {
    const engine::StudioStats stats = stats_->sample();
    QString line =
        QStringLiteral(
            "[%1 s] 场景 / scene %2 · %3 fps · 渲染延迟 / lagged %4 · 编码跳帧 / skipped %5 · CPU %6%")
            .arg(clock_.elapsed() / 1000)
            .arg(switcher_->programSceneId())
            .arg(stats.fps, 0, 'f', 1)
            .arg(stats.laggedFrames)
            .arg(stats.skippedFrames)
            .arg(stats.cpuPercent, 0, 'f', 0);
    if (recorder_) {
        line += recorder_->active() ? QStringLiteral(" · 录像中 / recording")
                                    : QStringLiteral(" · 未录像 / not recording");
        // Operators watch this run down during a long show; the recorder stops itself when it is nearly gone.
        line += QStringLiteral(" · 磁盘剩余 / disk free %1 GB").arg(stats.freeDiskBytes / 1e9, 0, 'f', 1);
    }
    for (const auto& streamer : streamers_)
        line += QStringLiteral(" · ") + streamer->stateText();
    line += cameras_->notLiveSummary();
    printErr(line);
}

void LiveSession::reportCameraChanges() {
    for (const QString& line : cameras_->poll())
        printErr(line);
}

void LiveSession::stop() {
    if (stopped_ || !started_)
        return;
    stopped_ = true;
    durationTimer_.stop();
    cycleTimer_.stop();
    statusTimer_.stop();
    cameraTimer_.stop();
    reportCameraChanges();

    QJsonArray streams;
    int dropped = 0;
    for (const auto& streamer : streamers_) {
        streamer->stop();
        dropped += streamer->droppedFrames();
        QJsonObject stream{{QStringLiteral("url"), streamer->redactedUrl()},
                           {QStringLiteral("state"), engine::streamStateName(streamer->state())},
                           {QStringLiteral("reconnectAttempts"), streamer->reconnectsTotal()},
                           {QStringLiteral("frames"), streamer->totalFrames()},
                           {QStringLiteral("droppedFrames"), streamer->droppedFrames()},
                           {QStringLiteral("bytes"), static_cast<double>(streamer->totalBytes())}};
        if (streamer->failure()) {
            stream.insert(QStringLiteral("error"), streamer->failure()->toString());
            errors_.append(streamer->failure()->toString());
        }
        streams.append(stream);
    }
    QJsonArray recordings;
    if (recorder_ && !recorder_->path().isEmpty()) {
        recorder_->stop();
        QJsonObject recording{
            {QStringLiteral("path"), recorder_->path()},
            {QStringLiteral("seconds"), recorder_->seconds()},
            {QStringLiteral("bytes"), static_cast<double>(QFileInfo(recorder_->path()).size())}};
        if (recorder_->failure()) {
            recording.insert(QStringLiteral("error"), recorder_->failure()->toString());
            errors_.append(recorder_->failure()->toString());
        }
        if (options_.remux && !recorder_->failure()) {
            const QString mp4 = clips::Remuxer::mp4PathFor(recorder_->path());
            if (auto failure = clips::Remuxer::remuxToMp4(recorder_->path(), mp4)) {
                recording.insert(QStringLiteral("remuxError"), failure->toString());
                errors_.append(failure->toString());
            } else {
                recording.insert(QStringLiteral("mp4"), mp4);
            }
        }
        recordings.append(recording);
    }
    const engine::StudioStats stats = stats_->sample();
    finalSummary_ = QJsonObject{
        {QStringLiteral("show"), show_.id},
        {QStringLiteral("title"), show_.titleZh},
        {QStringLiteral("seconds"), static_cast<double>(clock_.elapsed()) / 1000.0},
        {QStringLiteral("frames"), static_cast<qint64>(stats.renderedFrames)},
        {QStringLiteral("lagged"), static_cast<qint64>(stats.laggedFrames)},
        {QStringLiteral("encodedFrames"), static_cast<qint64>(stats.encodedFrames)},
        {QStringLiteral("skipped"), static_cast<qint64>(stats.skippedFrames)},
        {QStringLiteral("dropped"), dropped},
        {QStringLiteral("takes"), switcher_->takeCount()},
        {QStringLiteral("programScene"), switcher_->programSceneId()},
        {QStringLiteral("recordings"), recordings},
        {QStringLiteral("streams"), streams},
        {QStringLiteral("cameras"), cameras_->toJson()},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings_)},
        {QStringLiteral("errors"), QJsonArray::fromStringList(errors_)},
    };

    // Outputs first, then what they use, then libobs itself.
    streamers_.clear();
    recorder_.reset();
    encoders_.reset();
    stats_.reset();
    cameras_.reset();
    audio_.reset();
    switcher_.reset();
    graph_.reset();
    runtime_.reset();
    finalSummary_.insert(QStringLiteral("libobsLeaks"),
                         static_cast<qint64>(engine::ObsRuntime::allocationsLeftAfterShutdown()));
}

QJsonObject LiveSession::summary() const {
    if (!finalSummary_.isEmpty())
        return finalSummary_;
    return QJsonObject{{QStringLiteral("show"), show_.id.isEmpty() ? options_.show : show_.id},
                       {QStringLiteral("frames"), 0},
                       {QStringLiteral("lagged"), 0},
                       {QStringLiteral("skipped"), 0},
                       {QStringLiteral("dropped"), 0},
                       {QStringLiteral("recordings"), QJsonArray()},
                       {QStringLiteral("streams"), QJsonArray()},
                       {QStringLiteral("errors"), QJsonArray::fromStringList(errors_)}};
}

int LiveSession::exitCode() const {
    if (fatal_)
        return 2;
    return errors_.isEmpty() ? 0 : 1;
}

} // namespace xz::app
