#include "studiorequests.h"

#include "obsterms.h"
#include "showparser.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>
#include <obs.h>
#include <util/platform.h>

namespace xz::remote {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// The studio refused: its own bilingual reason goes to the client as the comment.
RequestResult refused(RequestStatus status, const UserError& error) {
    return RequestResult::error(status, error.toString());
}

double dbToMul(double db) {
    return db <= -100.0 ? 0.0 : std::pow(10.0, db / 20.0);
}

template <typename Method>
void add(ProtocolServer& server, const char* type, StudioRequests* self, Method method) {
    server.registerRequest(QString::fromLatin1(type),
                           [self, method](const Request& r) { return (self->*method)(r); });
}

} // namespace

StudioRequests::StudioRequests(live::Studio& studio, ProtocolServer& server) : studio_(studio) {
    add(server, "GetStats", this, &StudioRequests::getStats);
    add(server, "GetSceneList", this, &StudioRequests::getSceneList);
    server.registerRequest(QStringLiteral("GetCurrentProgramScene"), [this](const Request&) {
        return RequestResult::ok({{QStringLiteral("currentProgramSceneName"), studio_.programScene()}});
    });
    add(server, "SetCurrentProgramScene", this, &StudioRequests::setCurrentProgramScene);
    server.registerRequest(QStringLiteral("GetCurrentPreviewScene"), [this](const Request&) {
        return RequestResult::ok({{QStringLiteral("currentPreviewSceneName"), studio_.previewScene()}});
    });
    add(server, "SetCurrentPreviewScene", this, &StudioRequests::setCurrentPreviewScene);
    server.registerRequest(QStringLiteral("GetStudioModeEnabled"), [](const Request&) {
        return RequestResult::ok({{QStringLiteral("studioModeEnabled"), true}});
    });
    add(server, "SetStudioModeEnabled", this, &StudioRequests::setStudioModeEnabled);
    add(server, "TriggerStudioModeTransition", this, &StudioRequests::triggerStudioModeTransition);
    add(server, "GetSceneTransitionList", this, &StudioRequests::getSceneTransitionList);
    add(server, "GetCurrentSceneTransition", this, &StudioRequests::getCurrentSceneTransition);
    add(server, "SetCurrentSceneTransition", this, &StudioRequests::setCurrentSceneTransition);
    add(server, "SetCurrentSceneTransitionDuration", this,
        &StudioRequests::setCurrentSceneTransitionDuration);
    add(server, "SetTBarPosition", this, &StudioRequests::setTBarPosition);
    add(server, "GetInputList", this, &StudioRequests::getInputList);
    add(server, "GetInputVolume", this, &StudioRequests::getInputVolume);
    add(server, "SetInputVolume", this, &StudioRequests::setInputVolume);
    add(server, "GetInputMute", this, &StudioRequests::getInputMute);
    add(server, "SetInputMute", this, &StudioRequests::setInputMute);
    add(server, "ToggleInputMute", this, &StudioRequests::toggleInputMute);
    add(server, "GetInputSettings", this, &StudioRequests::getInputSettings);
    add(server, "SetInputSettings", this, &StudioRequests::setInputSettings);
    add(server, "GetSceneItemList", this, &StudioRequests::getSceneItemList);
    add(server, "GetSceneItemId", this, &StudioRequests::getSceneItemId);
    add(server, "GetSceneItemEnabled", this, &StudioRequests::getSceneItemEnabled);
    add(server, "SetSceneItemEnabled", this, &StudioRequests::setSceneItemEnabled);
    add(server, "GetRecordStatus", this, &StudioRequests::getRecordStatus);
    add(server, "StartRecord", this, &StudioRequests::startRecord);
    add(server, "StopRecord", this, &StudioRequests::stopRecord);
    add(server, "ToggleRecord", this, &StudioRequests::toggleRecord);
    add(server, "GetStreamStatus", this, &StudioRequests::getStreamStatus);
    add(server, "StartStream", this, &StudioRequests::startStream);
    add(server, "StopStream", this, &StudioRequests::stopStream);
    add(server, "ToggleStream", this, &StudioRequests::toggleStream);
}

// --- field checks ------------------------------------------------------------------------------------------

FieldError StudioRequests::sceneField(const Request& request, const QString& key, QString* sceneId) const {
    if (auto error = request.requireString(key))
        return error;
    const QString name = request.value(key).toString();
    if (studio_.sceneIds().contains(name)) {
        *sceneId = name;
        return std::nullopt;
    }
    if (studio_.show().findSource(name))
        return RequestResult::error(RequestStatus::InvalidResourceType,
                                    QStringLiteral("The specified source is not a scene."));
    return RequestResult::error(RequestStatus::ResourceNotFound,
                                QStringLiteral("No source was found by the name of `%1`.").arg(name));
}

FieldError StudioRequests::inputField(const Request& request, const QString& key,
                                      const show::Source** source) const {
    if (auto error = request.requireString(key))
        return error;
    const QString name = request.value(key).toString();
    if ((*source = studio_.show().findSource(name)))
        return std::nullopt;
    if (studio_.sceneIds().contains(name))
        return RequestResult::error(RequestStatus::InvalidResourceType,
                                    QStringLiteral("The specified source is not an input."));
    return RequestResult::error(RequestStatus::ResourceNotFound,
                                QStringLiteral("No source was found by the name of `%1`.").arg(name));
}

FieldError StudioRequests::audioInputField(const Request& request, live::AudioInput* input) const {
    const show::Source* source = nullptr;
    if (auto error = inputField(request, QStringLiteral("inputName"), &source))
        return error;
    for (const live::AudioInput& candidate : studio_.audioInputs())
        if (candidate.id == source->id) {
            *input = candidate;
            return std::nullopt;
        }
    return RequestResult::error(RequestStatus::InvalidResourceState,
                                QStringLiteral("The specified input does not support audio."));
}

// --- general -----------------------------------------------------------------------------------------------

RequestResult StudioRequests::getStats(const Request& request) const {
    const live::StudioStatsSnapshot stats = studio_.stats();
    // Memory and the average render time are not in the Studio's stats: read from libobs directly (both are
    // plain counters, safe from any thread).
    return RequestResult::ok({
        {QStringLiteral("cpuUsage"), stats.engine.cpuPercent},
        {QStringLiteral("memoryUsage"), static_cast<double>(os_get_proc_resident_size()) / kMiB},
        {QStringLiteral("availableDiskSpace"), static_cast<double>(stats.engine.freeDiskBytes) / kMiB},
        {QStringLiteral("activeFps"), stats.engine.fps},
        {QStringLiteral("averageFrameRenderTime"),
         static_cast<double>(obs_get_average_frame_time_ns()) / 1e6},
        {QStringLiteral("renderSkippedFrames"), static_cast<qint64>(stats.engine.laggedFrames)},
        {QStringLiteral("renderTotalFrames"), static_cast<qint64>(stats.engine.renderedFrames)},
        {QStringLiteral("outputSkippedFrames"), static_cast<qint64>(stats.engine.skippedFrames)},
        {QStringLiteral("outputTotalFrames"), static_cast<qint64>(stats.engine.encodedFrames)},
        {QStringLiteral("webSocketSessionIncomingMessages"), static_cast<qint64>(request.incomingMessages)},
        {QStringLiteral("webSocketSessionOutgoingMessages"), static_cast<qint64>(request.outgoingMessages)},
    });
}

// --- scenes and studio mode --------------------------------------------------------------------------------

RequestResult StudioRequests::getSceneList(const Request&) const {
    // obs-websocket lists scenes bottom-up: the last scene of OBS's list comes first, with sceneIndex 0.
    const QStringList ids = studio_.sceneIds();
    QJsonArray scenes;
    for (qsizetype i = ids.size() - 1; i >= 0; --i)
        scenes.append(QJsonObject{{QStringLiteral("sceneName"), ids[i]},
                                  {QStringLiteral("sceneIndex"), static_cast<int>(ids.size() - 1 - i)}});
    return RequestResult::ok({{QStringLiteral("currentProgramSceneName"), studio_.programScene()},
                              {QStringLiteral("currentPreviewSceneName"), studio_.previewScene()},
                              {QStringLiteral("scenes"), scenes}});
}

RequestResult StudioRequests::setCurrentProgramScene(const Request& request) {
    QString sceneId;
    if (auto error = sceneField(request, QStringLiteral("sceneName"), &sceneId))
        return *error;
    if (auto error = studio_.cutTo(sceneId))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

RequestResult StudioRequests::setCurrentPreviewScene(const Request& request) {
    QString sceneId;
    if (auto error = sceneField(request, QStringLiteral("sceneName"), &sceneId))
        return *error;
    if (auto error = studio_.setPreview(sceneId))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

RequestResult StudioRequests::setStudioModeEnabled(const Request& request) {
    if (auto error = request.requireBoolean(QStringLiteral("studioModeEnabled")))
        return *error;
    if (request.value(QStringLiteral("studioModeEnabled")).toBool())
        return RequestResult::ok();
    return RequestResult::error(
        RequestStatus::CannotAct,
        QStringLiteral("小站始终处于导播模式：画面先进预览，再切换上播，不能关闭 / studio mode "
                       "is always on in Xiaozhan: scenes go to preview first and are "
                       "taken to program; it cannot be turned off"));
}

RequestResult StudioRequests::triggerStudioModeTransition(const Request&) {
    if (auto error = studio_.take())
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

// --- transitions -------------------------------------------------------------------------------------------

RequestResult StudioRequests::getSceneTransitionList(const Request&) const {
    QJsonArray transitions;
    QString currentKind;
    for (const show::Transition& transition : studio_.show().transitions) {
        transitions.append(QJsonObject{{QStringLiteral("transitionName"), transition.id},
                                       {QStringLiteral("transitionKind"), transitionKind(transition.kind)},
                                       {QStringLiteral("transitionFixed"), transitionFixed(transition.kind)},
                                       // Settings are the show file's; nothing is configurable remotely.
                                       {QStringLiteral("transitionConfigurable"), false}});
        if (transition.id == studio_.transition())
            currentKind = transitionKind(transition.kind);
    }
    return RequestResult::ok({{QStringLiteral("currentSceneTransitionName"), studio_.transition()},
                              {QStringLiteral("currentSceneTransitionKind"), currentKind},
                              {QStringLiteral("transitions"), transitions}});
}

RequestResult StudioRequests::getCurrentSceneTransition(const Request&) const {
    const show::Transition* transition = studio_.show().findTransition(studio_.transition());
    if (!transition)
        return RequestResult::error(RequestStatus::InvalidResourceState,
                                    QStringLiteral("OBS does not currently have a scene transition set."));
    const bool fixed = transitionFixed(transition->kind);
    return RequestResult::ok({
        {QStringLiteral("transitionName"), transition->id},
        {QStringLiteral("transitionKind"), transitionKind(transition->kind)},
        {QStringLiteral("transitionFixed"), fixed},
        {QStringLiteral("transitionDuration"),
         fixed ? QJsonValue() : QJsonValue(studio_.transitionDurationMs())},
        {QStringLiteral("transitionConfigurable"), false},
        {QStringLiteral("transitionSettings"), QJsonValue()},
    });
}

RequestResult StudioRequests::setCurrentSceneTransition(const Request& request) {
    if (auto error = request.requireString(QStringLiteral("transitionName")))
        return *error;
    const QString id = request.value(QStringLiteral("transitionName")).toString();
    if (!studio_.transitionIds().contains(id))
        return RequestResult::error(RequestStatus::ResourceNotFound,
                                    QStringLiteral("No scene transition was found by that name."));
    if (auto error = studio_.setTransition(id))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

RequestResult StudioRequests::setCurrentSceneTransitionDuration(const Request& request) {
    // The studio's own range (OBS allows up to 20 s; a show's transitions last at most 10 s).
    if (auto error = request.requireNumber(QStringLiteral("transitionDuration"),
                                           show::limits::kMinTransitionMs, show::limits::kMaxTransitionMs))
        return *error;
    if (auto error =
            studio_.setTransitionDurationMs(request.value(QStringLiteral("transitionDuration")).toInt()))
        return refused(RequestStatus::InvalidResourceState, *error);
    return RequestResult::ok();
}

RequestResult StudioRequests::setTBarPosition(const Request& request) {
    if (auto error = request.requireNumber(QStringLiteral("position"), 0.0, 1.0))
        return *error;
    bool release = true;
    if (request.contains(QStringLiteral("release"))) {
        if (auto error = request.optionalBoolean(QStringLiteral("release")))
            return *error;
        release = request.value(QStringLiteral("release")).toBool();
    }
    if (auto error = studio_.setTBar(request.value(QStringLiteral("position")).toDouble()))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    // The studio's release rule: past half way the take completes, before it the picture goes back.
    if (release)
        if (auto error = studio_.releaseTBar())
            return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

// --- inputs ------------------------------------------------------------------------------------------------

RequestResult StudioRequests::getInputList(const Request& request) const {
    QString wanted;
    if (request.contains(QStringLiteral("inputKind"))) {
        if (auto error = request.optionalString(QStringLiteral("inputKind")))
            return *error;
        wanted = request.value(QStringLiteral("inputKind")).toString();
    }
    static const QRegularExpression version(QStringLiteral("_v\\d+$"));
    QJsonArray inputs;
    for (const show::Source& source : studio_.show().sources) {
        const QString kind = inputKind(studio_, source);
        if (!wanted.isEmpty() && kind != wanted)
            continue;
        inputs.append(QJsonObject{{QStringLiteral("inputName"), source.id},
                                  {QStringLiteral("inputKind"), kind},
                                  {QStringLiteral("unversionedInputKind"), QString(kind).remove(version)}});
    }
    return RequestResult::ok({{QStringLiteral("inputs"), inputs}});
}

RequestResult StudioRequests::getInputVolume(const Request& request) const {
    live::AudioInput input;
    if (auto error = audioInputField(request, &input))
        return *error;
    const double db = std::isfinite(input.volumeDb) ? std::max(input.volumeDb, -100.0) : -100.0;
    return RequestResult::ok(
        {{QStringLiteral("inputVolumeMul"), dbToMul(db)}, {QStringLiteral("inputVolumeDb"), db}});
}

RequestResult StudioRequests::setInputVolume(const Request& request) {
    live::AudioInput input;
    if (auto error = audioInputField(request, &input))
        return *error;
    // The studio's fader goes up to +20 dB (OBS's to +26 dB).
    const double maxDb = show::limits::kMaxVolumeDb;
    const bool hasMul = request.contains(QStringLiteral("inputVolumeMul"));
    if (hasMul)
        if (auto error = request.optionalNumber(QStringLiteral("inputVolumeMul"), 0, dbToMul(maxDb)))
            return *error;
    const bool hasDb = request.contains(QStringLiteral("inputVolumeDb"));
    if (hasDb)
        if (auto error = request.optionalNumber(QStringLiteral("inputVolumeDb"), -100, maxDb))
            return *error;
    if (hasMul && hasDb)
        return RequestResult::error(RequestStatus::TooManyRequestFields,
                                    QStringLiteral("You may only specify one volume field."));
    if (!hasMul && !hasDb)
        return RequestResult::error(RequestStatus::MissingRequestField,
                                    QStringLiteral("You must specify one volume field."));
    double db = request.value(QStringLiteral("inputVolumeDb")).toDouble();
    if (hasMul) {
        const double mul = request.value(QStringLiteral("inputVolumeMul")).toDouble();
        db = mul <= 0 ? -100.0 : std::max(-100.0, 20.0 * std::log10(mul));
    }
    if (auto error = studio_.setVolumeDb(input.id, db))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

RequestResult StudioRequests::getInputMute(const Request& request) const {
    live::AudioInput input;
    if (auto error = audioInputField(request, &input))
        return *error;
    return RequestResult::ok({{QStringLiteral("inputMuted"), input.muted}});
}

RequestResult StudioRequests::setInputMute(const Request& request) {
    live::AudioInput input;
    if (auto error = audioInputField(request, &input))
        return *error;
    if (auto error = request.requireBoolean(QStringLiteral("inputMuted")))
        return *error;
    if (auto error = studio_.setMuted(input.id, request.value(QStringLiteral("inputMuted")).toBool()))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

RequestResult StudioRequests::toggleInputMute(const Request& request) {
    live::AudioInput input;
    if (auto error = audioInputField(request, &input))
        return *error;
    if (auto error = studio_.setMuted(input.id, !input.muted))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok({{QStringLiteral("inputMuted"), !input.muted}});
}

namespace {

RequestResult notConfigurable() {
    return RequestResult::error(
        RequestStatus::ResourceNotConfigurable,
        QStringLiteral("只有文字元素可以远程读取或修改设置 / only text items' settings can be "
                       "read or changed remotely"));
}

} // namespace

RequestResult StudioRequests::getInputSettings(const Request& request) const {
    const show::Source* source = nullptr;
    if (auto error = inputField(request, QStringLiteral("inputName"), &source))
        return *error;
    if (source->kind != show::SourceKind::Text)
        return notConfigurable();
    // Each scene has its own copy of a text: the one on air if program shows it, else the first scene's.
    QString text = source->text;
    QStringList scenes = studio_.sceneIds();
    scenes.prepend(studio_.programScene());
    for (const QString& sceneId : scenes)
        if (const std::optional<QString> shown = studio_.text(sceneId, source->id)) {
            text = *shown;
            break;
        }
    return RequestResult::ok({{QStringLiteral("inputSettings"), QJsonObject{{QStringLiteral("text"), text}}},
                              {QStringLiteral("inputKind"), inputKind(studio_, *source)}});
}

RequestResult StudioRequests::setInputSettings(const Request& request) {
    const show::Source* source = nullptr;
    if (auto error = inputField(request, QStringLiteral("inputName"), &source))
        return *error;
    if (auto error = request.requireObject(QStringLiteral("inputSettings"), true))
        return *error;
    if (request.contains(QStringLiteral("overlay")))
        if (auto error = request.optionalBoolean(QStringLiteral("overlay")))
            return *error;
    if (source->kind != show::SourceKind::Text)
        return notConfigurable();
    QJsonObject settings = request.value(QStringLiteral("inputSettings")).toObject();
    const QJsonValue text = settings.take(QStringLiteral("text"));
    if (!settings.isEmpty())
        return RequestResult::error(
            RequestStatus::InvalidRequestField,
            QStringLiteral("文字元素只能修改 text / a text item takes only `text` here, not: %1")
                .arg(settings.keys().join(QStringLiteral(", "))));
    if (text.isUndefined())
        return RequestResult::ok(); // nothing to change
    if (!text.isString())
        return RequestResult::error(RequestStatus::InvalidRequestFieldType,
                                    QStringLiteral("The field value of `text` must be a string."));
    // As OBS changes a source everywhere it appears: every scene's copy, the one on air included.
    if (auto error = studio_.setTextEverywhere(source->id, text.toString()))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

// --- scene items -------------------------------------------------------------------------------------------

RequestResult StudioRequests::getSceneItemList(const Request& request) const {
    QString sceneId;
    if (auto error = sceneField(request, QStringLiteral("sceneName"), &sceneId))
        return *error;
    QJsonArray items;
    for (const SceneItemRef& ref : sceneItems(studio_, sceneId)) {
        const show::Source* source = studio_.show().findSource(ref.sourceId);
        const bool bounded = ref.item->width > 0 && ref.item->height > 0;
        // Only what the show file sets: position and bounds; the studio neither rotates nor crops.
        const QJsonObject transform{
            {QStringLiteral("positionX"), ref.item->x},
            {QStringLiteral("positionY"), ref.item->y},
            {QStringLiteral("rotation"), 0},
            {QStringLiteral("alignment"), 5}, // OBS_ALIGN_TOP | OBS_ALIGN_LEFT
            {QStringLiteral("boundsType"),
             bounded ? QStringLiteral("OBS_BOUNDS_SCALE_INNER") : QStringLiteral("OBS_BOUNDS_NONE")},
            {QStringLiteral("boundsAlignment"), 0},
            {QStringLiteral("boundsWidth"), bounded ? ref.item->width : 0.0},
            {QStringLiteral("boundsHeight"), bounded ? ref.item->height : 0.0},
            {QStringLiteral("cropLeft"), 0},
            {QStringLiteral("cropRight"), 0},
            {QStringLiteral("cropTop"), 0},
            {QStringLiteral("cropBottom"), 0},
        };
        items.append(QJsonObject{
            {QStringLiteral("sceneItemId"), ref.id},
            {QStringLiteral("sceneItemIndex"), ref.index},
            {QStringLiteral("sceneItemEnabled"), studio_.itemVisible(sceneId, ref.sourceId).value_or(false)},
            {QStringLiteral("sceneItemLocked"), false},
            {QStringLiteral("sceneItemTransform"), transform},
            {QStringLiteral("sceneItemBlendMode"), QStringLiteral("OBS_BLEND_NORMAL")},
            {QStringLiteral("sourceName"), ref.sourceId},
            {QStringLiteral("sourceType"), QStringLiteral("OBS_SOURCE_TYPE_INPUT")},
            {QStringLiteral("inputKind"), source ? inputKind(studio_, *source) : QString()},
            {QStringLiteral("isGroup"), QJsonValue()},
        });
    }
    return RequestResult::ok({{QStringLiteral("sceneItems"), items}});
}

RequestResult StudioRequests::getSceneItemId(const Request& request) const {
    QString sceneId;
    if (auto error = sceneField(request, QStringLiteral("sceneName"), &sceneId))
        return *error;
    if (auto error = request.requireString(QStringLiteral("sourceName")))
        return *error;
    int offset = 0;
    if (request.contains(QStringLiteral("searchOffset"))) {
        if (auto error = request.optionalNumber(QStringLiteral("searchOffset"), -1))
            return *error;
        offset = request.value(QStringLiteral("searchOffset")).toInt();
    }
    const QString sourceId = request.value(QStringLiteral("sourceName")).toString();
    // Each source appears once in a scene here, so it is both the first (0) and the last (-1) match.
    if (offset == 0 || offset == -1)
        for (const SceneItemRef& ref : sceneItems(studio_, sceneId))
            if (ref.sourceId == sourceId)
                return RequestResult::ok({{QStringLiteral("sceneItemId"), ref.id}});
    return RequestResult::error(
        RequestStatus::ResourceNotFound,
        QStringLiteral("No scene items were found in the specified scene by that name or "
                       "offset."));
}

namespace {

FieldError findItem(const live::Studio& studio, const Request& request, const QString& sceneId,
                    SceneItemRef* found) {
    if (auto error = request.requireNumber(QStringLiteral("sceneItemId"), 0))
        return error;
    const qint64 id = static_cast<qint64>(request.value(QStringLiteral("sceneItemId")).toDouble());
    for (const SceneItemRef& ref : sceneItems(studio, sceneId))
        if (ref.id == id) {
            *found = ref;
            return std::nullopt;
        }
    return RequestResult::error(
        RequestStatus::ResourceNotFound,
        QStringLiteral("No scene items were found in scene `%1` with the ID `%2`.").arg(sceneId).arg(id));
}

} // namespace

RequestResult StudioRequests::getSceneItemEnabled(const Request& request) const {
    QString sceneId;
    SceneItemRef ref;
    if (auto error = sceneField(request, QStringLiteral("sceneName"), &sceneId))
        return *error;
    if (auto error = findItem(studio_, request, sceneId, &ref))
        return *error;
    return RequestResult::ok(
        {{QStringLiteral("sceneItemEnabled"), studio_.itemVisible(sceneId, ref.sourceId).value_or(false)}});
}

RequestResult StudioRequests::setSceneItemEnabled(const Request& request) {
    QString sceneId;
    SceneItemRef ref;
    if (auto error = sceneField(request, QStringLiteral("sceneName"), &sceneId))
        return *error;
    if (auto error = findItem(studio_, request, sceneId, &ref))
        return *error;
    if (auto error = request.requireBoolean(QStringLiteral("sceneItemEnabled")))
        return *error;
    if (auto error = studio_.setItemVisible(sceneId, ref.sourceId,
                                            request.value(QStringLiteral("sceneItemEnabled")).toBool()))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

// --- recording ---------------------------------------------------------------------------------------------

RequestResult StudioRequests::getRecordStatus(const Request&) const {
    const live::RecordingStatus status = studio_.recordingStatus();
    const bool active =
        status.state == engine::RecordingState::Recording || status.state == engine::RecordingState::Stopping;
    const qint64 ms = active ? static_cast<qint64>(status.seconds * 1000.0) : 0;
    return RequestResult::ok(
        {{QStringLiteral("outputActive"), active},
         {QStringLiteral("outputPaused"), false},
         {QStringLiteral("outputTimecode"), timecode(ms)},
         {QStringLiteral("outputDuration"), ms},
         {QStringLiteral("outputBytes"), active ? static_cast<double>(status.bytes) : 0.0}});
}

RequestResult StudioRequests::startRecord(const Request&) {
    if (studio_.recordingStatus().state == engine::RecordingState::Recording)
        return RequestResult::error(RequestStatus::OutputRunning);
    if (studio_.recordingStatus().state == engine::RecordingState::Stopping)
        return RequestResult::error(
            RequestStatus::OutputRunning,
            QStringLiteral("上一段录像还在收尾 / the last recording is still being finished"));
    // No folder given here: the studio's own (the settings'), or its plain refusal when it has none either.
    if (auto error = studio_.startRecording(recordingFolder_))
        return refused(RequestStatus::RequestProcessingFailed, *error);
    return RequestResult::ok();
}

RequestResult StudioRequests::stopRecord(const Request&) {
    if (studio_.recordingStatus().state != engine::RecordingState::Recording)
        return RequestResult::error(RequestStatus::OutputNotRunning);
    const QString path = studio_.recordingStatus().path;
    studio_.stopRecording();
    return RequestResult::ok({{QStringLiteral("outputPath"), path}});
}

RequestResult StudioRequests::toggleRecord(const Request& request) {
    if (studio_.recordingStatus().state == engine::RecordingState::Recording) {
        studio_.stopRecording();
        return RequestResult::ok({{QStringLiteral("outputActive"), false}});
    }
    RequestResult started = startRecord(request);
    if (started.succeeded())
        started.data = QJsonObject{{QStringLiteral("outputActive"), true}};
    return started;
}

// --- streaming ---------------------------------------------------------------------------------------------

RequestResult StudioRequests::getStreamStatus(const Request&) const {
    const StreamSummary summary = summarizeStreams(studio_.streams(), studio_.show().canvas.fps);
    return RequestResult::ok({
        {QStringLiteral("outputActive"), summary.active},
        {QStringLiteral("outputReconnecting"), summary.reconnecting},
        {QStringLiteral("outputTimecode"), timecode(summary.durationMs)},
        {QStringLiteral("outputDuration"), summary.durationMs},
        // The studio does not measure congestion: unknown rather than a made-up 0.
        {QStringLiteral("outputCongestion"), QJsonValue()},
        {QStringLiteral("outputBytes"), static_cast<double>(summary.bytes)},
        {QStringLiteral("outputSkippedFrames"), summary.skippedFrames},
        {QStringLiteral("outputTotalFrames"), summary.totalFrames},
    });
}

RequestResult StudioRequests::startStream(const Request&) {
    const QList<live::StreamStatus> streams = studio_.streams();
    const StreamSummary summary = summarizeStreams(streams, studio_.show().canvas.fps);
    if (summary.active)
        return RequestResult::error(RequestStatus::OutputRunning);
    if (streams.isEmpty())
        return RequestResult::error(
            RequestStatus::OutputDisabled,
            QStringLiteral("没有直播目标（--stream 或设置里的直播地址） / there is no stream "
                           "target (--stream URL or the settings' stream addresses)"));
    QStringList failures;
    for (const live::StreamStatus& stream : streams)
        if (auto error = studio_.startStream(stream.id))
            failures.append(QStringLiteral("%1: %2").arg(stream.name, error->toString()));
    RequestResult result = failures.size() == streams.size()
                               ? RequestResult::error(RequestStatus::RequestProcessingFailed)
                               : RequestResult::ok();
    result.comment = failures.join(QStringLiteral("; "));
    return result;
}

RequestResult StudioRequests::stopStream(const Request&) {
    const QList<live::StreamStatus> streams = studio_.streams();
    if (!summarizeStreams(streams, studio_.show().canvas.fps).active)
        return RequestResult::error(RequestStatus::OutputNotRunning);
    for (const live::StreamStatus& stream : streams)
        studio_.stopStream(stream.id);
    return RequestResult::ok();
}

RequestResult StudioRequests::toggleStream(const Request& request) {
    if (summarizeStreams(studio_.streams(), studio_.show().canvas.fps).active) {
        stopStream(request);
        return RequestResult::ok({{QStringLiteral("outputActive"), false}});
    }
    RequestResult started = startStream(request);
    if (started.succeeded())
        started.data = QJsonObject{{QStringLiteral("outputActive"), true}};
    return started;
}

} // namespace xz::remote
