#include "livesession.h"

#include "eventlog.h"
#include "gstcapture.h"
#include "markerssidecar.h"
#include "obsruntime.h"
#include "paths.h"
#include "remoteserver.h"
#include "rundownloader.h"
#include "rundownvendor.h"
#include "showloader.h"
#include "statestore.h"
#include "streamtarget.h"
#include "studio.h"
#include "studiorundown.h"

#include <QEventLoop>
#include <QJsonArray>
#include <cstdio>

namespace xz::app {
namespace {

void printErr(const QString& line) {
    fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    fflush(stderr);
}

// How long the end of a run may take: closing files, closing connections, copying recordings into MP4.
constexpr int kFinishTimeoutMs = 30 * 60 * 1000;

} // namespace

LiveSession::LiveSession(const LiveOptions& options, QObject* parent) : QObject(parent), options_(options) {
    durationTimer_.setSingleShot(true);
    connect(&durationTimer_, &QTimer::timeout, this, &LiveSession::finished);
    connect(&cycleTimer_, &QTimer::timeout, this, &LiveSession::takeNextScene);
    connect(&statusTimer_, &QTimer::timeout, this, &LiveSession::printStatus);
}

LiveSession::~LiveSession() {
    stop();
}

void LiveSession::addError(const QString& message) {
    errors_.append(message);
    printErr(QStringLiteral("错误 / error: ") + message);
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

    QStringList problems;
    for (const CameraOverride& camera : options_.cameras) {
        const show::Source* source = show_.findSource(camera.cameraId);
        if (!source || source->kind != show::SourceKind::Camera) {
            QStringList cameras;
            for (const show::Source& candidate : show_.sources)
                if (candidate.kind == show::SourceKind::Camera)
                    cameras.append(candidate.id);
            problems.append(
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
    if (!loadRundown()) {
        fatal_ = true;
        return false;
    }
    for (const QString& url : options_.streamUrls) {
        std::optional<engine::EngineError> error;
        if (!engine::StreamTarget::parse(url, &error))
            problems.append(error->toString());
    }
    for (const QString& warning : warnings_)
        printErr(QStringLiteral("注意 / warning: ") + warning);
    if (!problems.isEmpty()) {
        for (const QString& problem : problems)
            addError(problem);
        fatal_ = true;
        return false;
    }
    return true;
}

bool LiveSession::start() {
    std::optional<UserError> error;
    studio_ = live::Studio::start(show_, &error);
    if (!studio_) {
        addError(error->toString());
        fatal_ = true;
        return false;
    }
    connect(studio_.get(), &live::Studio::report, this, [](const QString& line) { printErr(line); });
    connect(studio_.get(), &live::Studio::alert, this,
            [](const QString& message) { printErr(QStringLiteral("错误 / error: ") + message); });
    studio_->setRemuxAfterRecording(options_.remux);
    // The rundown first, so that it hears of the recording from its first frame.
    startRundown();
    // A recording that cannot start is reported; the streams still go out.
    if (!options_.recordDir.isEmpty())
        if (auto failure = studio_->startRecording(options_.recordDir))
            addError(failure->toString());
    for (const QString& url : options_.streamUrls) {
        std::optional<UserError> failure;
        const std::optional<int> id = studio_->addStream(url, QString(), &failure);
        if (!id) {
            addError(failure->toString());
            continue;
        }
        if ((failure = studio_->startStream(*id)))
            addError(failure->toString());
    }

    startRemoteControl();

    clock_.start();
    started_ = true;
    if (options_.durationSec > 0)
        durationTimer_.start(static_cast<int>(options_.durationSec * 1000));
    if (options_.cycleScenesSec > 0)
        cycleTimer_.start(static_cast<int>(options_.cycleScenesSec * 1000));
    statusTimer_.start(5000);
    printErr(QStringLiteral("开始 / started: %1 《%2》 %3x%4@%5, 场景 / scene: %6")
                 .arg(show_.id, show_.titleZh)
                 .arg(show_.canvas.width)
                 .arg(show_.canvas.height)
                 .arg(show_.canvas.fps)
                 .arg(studio_->programScene()));
    return true;
}

// The rundown file is checked against the show that runs (its scenes and captions must exist in it).
bool LiveSession::loadRundown() {
    if (options_.rundown.isEmpty())
        return true;
    const QString path = rundown::RundownLoader::resolveRundownPath(options_.rundown, paths::scenesDir());
    const rundown::RundownLoadResult loaded = rundown::RundownLoader::loadFile(
        path, show::ShowLoader::resolveShowPath(options_.show, paths::scenesDir()));
    if (!loaded.ok()) {
        for (const rundown::FileError& error : loaded.errors)
            addError(error.toString());
        return false;
    }
    rundown_ = std::make_unique<rundown::Rundown>(*loaded.rundown);
    return true;
}

void LiveSession::startRundown() {
    if (!rundown_)
        return;
    rundown::EngineOptions engineOptions;
    engineOptions.showId = show_.id;
    engineOptions.statePath = rundown::StateStore::defaultPath();
    engineOptions.logPath = rundown::EventLog::defaultPath(show_.id, QDateTime::currentMSecsSinceEpoch(),
                                                           QTimeZone::systemTimeZone());
    engineOptions.autoAdvance = options_.autoAdvance;
    rundownRun_ = std::make_unique<live::StudioRundown>(*studio_, *rundown_, engineOptions);
    connect(&rundownRun_->engine(), &rundown::RundownEngine::problem, this,
            [](const UserError& error) { printErr(QStringLiteral("注意 / warning: ") + error.toString()); });
    const bool resumed = rundownRun_->engine().resumeSavedState();
    // A rehearsal or an unattended loop has no one to start it: the first segment goes on air with the show.
    if (!resumed && options_.autoAdvance)
        if (std::optional<UserError> error = rundownRun_->engine().advance())
            printErr(QStringLiteral("注意 / warning: ") + error->toString());
    const rundown::RundownTimer& timer = rundownRun_->engine().timer();
    printErr(QStringLiteral("串联单 / rundown: 《%1》 %2 段 / segments%3")
                 .arg(rundown_->title)
                 .arg(rundown_->segments.size())
                 .arg(resumed ? QStringLiteral("，从第 %1 段继续 / resumed at segment %1")
                                    .arg(timer.currentIndex() + 1)
                              : QString()));
}

void LiveSession::startRemoteControl() {
    if (!options_.control)
        return;
    remote_ = std::make_unique<remote::RemoteServer>(*studio_, *options_.control);
    if (!options_.recordDir.isEmpty())
        remote_->setRecordingFolder(options_.recordDir);
    if (rundownRun_)
        remote::serveRundown(*remote_, rundownRun_->controller());
    if (std::optional<UserError> error = remote_->start()) {
        addError(error->toString());
        remote_.reset();
        return;
    }
    printErr(QStringLiteral("遥控 / remote control: ws://%1:%2%3")
                 .arg(options_.control->address.toString())
                 .arg(remote_->port())
                 .arg(options_.control->password.isEmpty() ? QStringLiteral("（无密码 / no password）")
                                                           : QString()));
}

rundown::RundownController* LiveSession::rundownController() const {
    return rundownRun_ ? &rundownRun_->controller() : nullptr;
}

void LiveSession::takeNextScene() {
    const QStringList scenes = studio_->sceneIds();
    const QString next = scenes.at((scenes.indexOf(studio_->programScene()) + 1) % scenes.size());
    studio_->setPreview(next);
    if (auto error = studio_->take())
        printErr(QStringLiteral("注意 / warning: ") + error->toString());
}

void LiveSession::printStatus() {
    const live::StudioStatsSnapshot snapshot = studio_->stats();
    const engine::StudioStats& stats = snapshot.engine;
    QString line =
        QStringLiteral(
            "[%1 s] 场景 / scene %2 · %3 fps · 渲染延迟 / lagged %4 · 编码跳帧 / skipped %5 · CPU %6%")
            .arg(clock_.elapsed() / 1000)
            .arg(studio_->programScene())
            .arg(stats.fps, 0, 'f', 1)
            .arg(stats.laggedFrames)
            .arg(stats.skippedFrames)
            .arg(stats.cpuPercent, 0, 'f', 0);
    if (!options_.recordDir.isEmpty()) {
        line += studio_->recording() ? QStringLiteral(" · 录像中 / recording")
                                     : QStringLiteral(" · 未录像 / not recording");
        // Operators watch this run down during a long show; the recorder stops itself when it is nearly gone.
        line += QStringLiteral(" · 磁盘剩余 / disk free %1 GB").arg(stats.freeDiskBytes / 1e9, 0, 'f', 1);
        if (snapshot.recordingHoursLeft >= 0)
            line += QStringLiteral("（约 %1 小时 / about %1 h）").arg(snapshot.recordingHoursLeft, 0, 'f', 1);
    }
    for (const live::StreamStatus& stream : studio_->streams())
        line += QStringLiteral(" · ") + stream.stateText;
    for (const QString& id : studio_->captureIds()) {
        const std::optional<capture::CaptureStatus> status = studio_->captureStatus(id);
        if (status && status->state != capture::CaptureState::Live)
            line +=
                QStringLiteral(" · %1 %2").arg(id, QString::fromLatin1(capture::stateName(status->state)));
    }
    printErr(line);
}

void LiveSession::stop() {
    if (stopped_ || !started_)
        return;
    stopped_ = true;
    durationTimer_.stop();
    cycleTimer_.stop();
    statusTimer_.stop();
    // Remote clients hear that the show ends before the outputs close.
    remote_.reset();
    // Outputs finish on libobs' threads; the event loop runs meanwhile so their news arrives.
    studio_->stopAllOutputs();
    if (studio_->outputsBusy()) {
        QEventLoop finishing;
        const auto check = [&] {
            if (!studio_->outputsBusy())
                finishing.quit();
        };
        connect(studio_.get(), &live::Studio::recordingChanged, &finishing, check);
        connect(studio_.get(), &live::Studio::streamsChanged, &finishing, check);
        connect(studio_.get(), &live::Studio::remuxFinished, &finishing, check);
        QTimer::singleShot(kFinishTimeoutMs, &finishing, &QEventLoop::quit);
        finishing.exec();
    }
    // The rundown closes its segment and markers while the studio's recording clock still answers.
    QJsonObject rundownSummary;
    QStringList markerFiles;
    if (rundownRun_) {
        rundownSummary = rundownRun_->engine().summary();
        markerFiles = rundownRun_->engine().markerFiles();
    }
    finalSummary_ = studio_->summary();
    if (rundownRun_) {
        finalSummary_.insert(QStringLiteral("rundown"), rundownSummary);
        QJsonArray recordings = finalSummary_.value(QStringLiteral("recordings")).toArray();
        for (QJsonValueRef entry : recordings) {
            QJsonObject recording = entry.toObject();
            const QString sidecar =
                rundown::MarkersSidecar::pathFor(recording.value(QStringLiteral("path")).toString());
            if (markerFiles.contains(sidecar))
                recording.insert(QStringLiteral("markers"), sidecar);
            entry = recording;
        }
        finalSummary_.insert(QStringLiteral("recordings"), recordings);
    }
    // The summary's errors are the studio's (outputs that failed) plus what this run could not do.
    QJsonArray allErrors = QJsonArray::fromStringList(errors_);
    for (const QString& error : studio_->errors())
        if (!errors_.contains(error))
            allErrors.append(error);
    finalSummary_.insert(QStringLiteral("errors"), allErrors);
    QJsonArray allWarnings = QJsonArray::fromStringList(warnings_);
    for (const QString& warning : studio_->warnings())
        allWarnings.append(warning);
    finalSummary_.insert(QStringLiteral("warnings"), allWarnings);
    errors_.clear();
    for (const QJsonValue& error : allErrors)
        errors_.append(error.toString());
    rundownRun_.reset();
    studio_.reset();
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

QStringList LiveSession::errors() const {
    return errors_;
}

int LiveSession::exitCode() const {
    if (fatal_)
        return 2;
    return errors_.isEmpty() ? 0 : 1;
}

} // namespace xz::app
