#include "scenegraph.h"

#include "gstcapture.h"
#include "logging.h"
#include "obstext.h"
#include "paths.h"
#include "presets.h"
#include "testpattern.h"

namespace xz::engine {
namespace {

using show::SourceKind;
using show::TransitionKind;

bool typeAvailable(const char* typeId) {
    return obs_source_get_display_name(typeId) != nullptr;
}

EngineError missingType(const show::Source& source, const char* typeId) {
    return EngineError{QStringLiteral("源“%1”需要的功能模块未加载").arg(source.id),
                       QStringLiteral("source '%1' needs a libobs module that is not loaded").arg(source.id),
                       QStringLiteral("source type %1").arg(QLatin1String(typeId))};
}

media::TextStyle styleOf(const show::Source& source) {
    media::TextStyle style;
    style.face = source.fontFace;
    style.style = source.fontStyle;
    style.size = source.fontSize;
    style.colorAbgr = toObsColor(source.color);
    style.outline = source.outline;
    style.dropShadow = source.dropShadow;
    return style;
}

// What a show's microphone is recorded through: a device name of the sound server (or "default"), or a
// capture description / preset given in full.
QString microphoneDevice(const show::Source& source) {
    const QString device = source.device.trimmed();
    if (capture::isPresetSpec(device) || device.contains(QLatin1Char(' ')))
        return device;
    if (device.isEmpty() || device == QLatin1String("default"))
        return QStringLiteral("preset:microphone");
    return QStringLiteral("preset:microphone device=\"%1\"").arg(device);
}

const char* transitionType(TransitionKind kind) {
    switch (kind) {
    case TransitionKind::Cut:
        return "cut_transition";
    case TransitionKind::Fade:
        return "fade_transition";
    case TransitionKind::FadeToColor:
        return "fade_to_color_transition";
    case TransitionKind::Swipe:
        return "swipe_transition";
    case TransitionKind::Slide:
        return "slide_transition";
    case TransitionKind::Wipe:
        return "wipe_transition";
    case TransitionKind::Stinger:
        return "obs_stinger_transition";
    }
    return "cut_transition";
}

} // namespace

uint32_t toObsColor(const QColor& color) {
    return (static_cast<uint32_t>(color.alpha()) << 24) | (static_cast<uint32_t>(color.blue()) << 16) |
           (static_cast<uint32_t>(color.green()) << 8) | static_cast<uint32_t>(color.red());
}

std::unique_ptr<SceneGraph> SceneGraph::build(const show::Show& show, std::optional<EngineError>* error) {
    std::unique_ptr<SceneGraph> graph(new SceneGraph);
    graph->show_ = show;
    if (!graph->createSources(error) || !graph->createScenes(error) || !graph->createTransitions(error))
        return nullptr; // everything created so far is released with the half-built graph
    if (show.standbySceneId.isEmpty())
        graph->createStandby();
    return graph;
}

SceneGraph::~SceneGraph() {
    // Scenes hold references to their items' sources; drop scenes first so sources go in one pass.
    items_.clear();
    scenes_.clear();
    texts_.clear();
    transitions_.clear();
    cameraScenes_.clear();
    parts_.clear();
    sources_.clear();
}

OBSSourceAutoRelease SceneGraph::createCapture(const show::Source& source, const QString& device,
                                               bool audio) {
    // The capture source fits its picture to the canvas and shows its own slate (with the camera's name)
    // while the signal is missing, so a bad pipeline never stops the rest of the show.
    OBSDataAutoRelease settings = obs_data_create();
    obs_data_set_string(settings, capture::kSettingDevice, device.toUtf8().constData());
    obs_data_set_bool(settings, capture::kSettingAudio, audio);
    obs_data_set_string(settings, capture::kSettingLabel,
                        (source.label.isEmpty() || source.label == source.id
                             ? source.id
                             : source.label + QStringLiteral("  ") + source.id)
                            .toUtf8()
                            .constData());
    if (!audio) {
        obs_data_set_int(settings, capture::kSettingWidth, show_.canvas.width);
        obs_data_set_int(settings, capture::kSettingHeight, show_.canvas.height);
    }
    const QString prefix = audio ? QStringLiteral("microphone:") : QStringLiteral("camera:");
    return obs_source_create_private(capture::kGstCaptureSourceId, (prefix + source.id).toUtf8().constData(),
                                     settings);
}

OBSSourceAutoRelease SceneGraph::createCamera(const show::Source& source) {
    const show::Canvas& canvas = show_.canvas;
    if (!source.device.isEmpty()) {
        OBSSourceAutoRelease capture = createCapture(source, source.device, false);
        if (capture)
            captureIds_.append(source.id);
        return capture;
    }
    // No device: the camera is a private scene of a moving pattern with its name on it.
    OBSDataAutoRelease patternSettings = obs_data_create();
    obs_data_set_int(patternSettings, "width", canvas.width);
    obs_data_set_int(patternSettings, "height", canvas.height);
    const QColor tint = source.color;
    obs_data_set_int(patternSettings, "tint", static_cast<long long>(tint.rgb() & 0xffffff));
    const QByteArray name = ("camera:" + source.id).toUtf8();
    OBSSourceAutoRelease pattern =
        obs_source_create_private(kTestPatternSourceId, (name + ":pattern").constData(), patternSettings);

    media::TextStyle labelStyle;
    labelStyle.size = std::max(24, canvas.height / 16);
    labelStyle.outline = true;
    QString shownName = source.label.isEmpty() ? source.id : source.label;
    if (!shownName.contains(source.id))
        shownName += QStringLiteral("  ") + source.id;
    const QString labelText = shownName + QStringLiteral("\n测试画面 · 未接入摄像头  TEST PATTERN");
    OBSDataAutoRelease labelSettings = media::textSettings(labelText, labelStyle);
    OBSSourceAutoRelease label =
        obs_source_create_private(media::kTextSourceId, (name + ":label").constData(), labelSettings);

    OBSSceneAutoRelease scene = obs_scene_create_private(name.constData());
    obs_scene_add(scene, pattern);
    obs_sceneitem_t* labelItem = obs_scene_add(scene, label);
    // In the middle of the bars: shows put their own lower thirds and badges at the bottom and the corners.
    vec2 position{static_cast<float>(canvas.width) / 24.0f, static_cast<float>(canvas.height) * 0.3f};
    obs_sceneitem_set_pos(labelItem, &position);

    OBSSourceAutoRelease sceneSource = obs_source_get_ref(obs_scene_get_source(scene));
    parts_.push_back(std::move(pattern));
    parts_.push_back(std::move(label));
    cameraScenes_.emplace(source.id, std::move(scene));
    return sceneSource;
}

bool SceneGraph::createSources(std::optional<EngineError>* error) {
    if (!typeAvailable(media::kTextSourceId) || !typeAvailable("image_source") ||
        !typeAvailable("color_source_v3")) {
        *error = EngineError{QStringLiteral("图像或文字模块未加载"),
                             QStringLiteral("image or text modules are missing"),
                             QStringLiteral("image-source / text-freetype2")};
        return false;
    }
    for (const show::Source& source : show_.sources) {
        const QByteArray name = source.id.toUtf8();
        OBSDataAutoRelease settings = obs_data_create();
        OBSSourceAutoRelease created;
        switch (source.kind) {
        case SourceKind::Camera:
            created = createCamera(source);
            break;
        case SourceKind::Image:
            obs_data_set_string(settings, "file", source.file.toUtf8().constData());
            obs_data_set_bool(settings, "unload", false);
            created = obs_source_create_private("image_source", name.constData(), settings);
            break;
        case SourceKind::Text:
            continue; // each scene makes its own copy (createScenes)
        case SourceKind::Color:
            obs_data_set_int(settings, "color", toObsColor(source.color));
            obs_data_set_int(settings, "width", source.width > 0 ? source.width : show_.canvas.width);
            obs_data_set_int(settings, "height", source.height > 0 ? source.height : show_.canvas.height);
            created = obs_source_create_private("color_source_v3", name.constData(), settings);
            break;
        case SourceKind::Media:
            if (!typeAvailable("ffmpeg_source")) {
                *error = missingType(source, "ffmpeg_source");
                return false;
            }
            obs_data_set_bool(settings, "is_local_file", true);
            obs_data_set_string(settings, "local_file", source.file.toUtf8().constData());
            obs_data_set_bool(settings, "looping", source.loop);
            obs_data_set_bool(settings, "restart_on_activate", true);
            obs_data_set_bool(settings, "hw_decode", false);
            created = obs_source_create_private("ffmpeg_source", name.constData(), settings);
            break;
        case SourceKind::AudioInput:
            // Through the capture plugin, like cameras: a microphone pulled out is reported the same way.
            created = createCapture(source, microphoneDevice(source), true);
            if (created)
                microphoneIds_.append(source.id);
            break;
        }
        if (!created) {
            *error = EngineError{QStringLiteral("无法创建源“%1”").arg(source.id),
                                 QStringLiteral("cannot create source '%1'").arg(source.id), QString()};
            return false;
        }
        obs_source_set_volume(created, obs_db_to_mul(static_cast<float>(source.volumeDb)));
        obs_source_set_muted(created, source.muted);
        sources_.emplace(source.id, std::move(created));
    }
    for (const QString& warning : warnings_)
        qCWarning(lcEngine).noquote() << warning;
    return true;
}

bool SceneGraph::createScenes(std::optional<EngineError>* error) {
    for (const show::Scene& scene : show_.scenes) {
        OBSSceneAutoRelease created = obs_scene_create_private(("scene:" + scene.id).toUtf8().constData());
        for (const show::SceneItem& item : scene.items) {
            obs_source_t* source = this->source(item.sourceId);
            const show::Source* spec = show_.findSource(item.sourceId);
            if (spec && spec->kind == SourceKind::Text) {
                OBSDataAutoRelease settings = media::textSettings(spec->text, styleOf(*spec));
                OBSSourceAutoRelease copy = obs_source_create_private(
                    media::kTextSourceId, ("scene:" + scene.id + "/" + item.sourceId).toUtf8().constData(),
                    settings);
                source = copy;
                texts_[scene.id][item.sourceId] = std::move(copy);
            }
            if (!source)
                continue;
            obs_sceneitem_t* sceneItem = obs_scene_add(created, source);
            if (!sceneItem) {
                *error = EngineError{
                    QStringLiteral("场景“%1”无法放入“%2”").arg(scene.id, item.sourceId),
                    QStringLiteral("scene '%1' cannot hold '%2'").arg(scene.id, item.sourceId), QString()};
                return false;
            }
            const vec2 position{static_cast<float>(item.x), static_cast<float>(item.y)};
            obs_sceneitem_set_pos(sceneItem, &position);
            if (item.width > 0 && item.height > 0) {
                const vec2 bounds{static_cast<float>(item.width), static_cast<float>(item.height)};
                obs_sceneitem_set_bounds_type(sceneItem, OBS_BOUNDS_SCALE_INNER);
                obs_sceneitem_set_bounds(sceneItem, &bounds);
            }
            obs_sceneitem_set_visible(sceneItem, item.visible);
            items_[scene.id][item.sourceId] = sceneItem;
        }
        scenes_.emplace(scene.id, std::move(created));
    }
    return true;
}

bool SceneGraph::createTransitions(std::optional<EngineError>* error) {
    // A cut is always there: operators need an instant switch even if the show lists none.
    QList<show::Transition> transitions = show_.transitions;
    if (!show_.findTransition(QStringLiteral("cut"))) {
        show::Transition cut;
        cut.id = QStringLiteral("cut");
        cut.kind = TransitionKind::Cut;
        transitions.append(cut);
        show_.transitions.append(cut);
    }
    for (const show::Transition& transition : transitions) {
        const char* type = transitionType(transition.kind);
        if (!typeAvailable(type)) {
            *error = EngineError{QStringLiteral("转场“%1”不可用").arg(transition.id),
                                 QStringLiteral("transition '%1' is not available").arg(transition.id),
                                 QLatin1String(type)};
            return false;
        }
        OBSDataAutoRelease settings = obs_data_create();
        switch (transition.kind) {
        case TransitionKind::FadeToColor:
            obs_data_set_int(settings, "color", toObsColor(transition.color));
            break;
        case TransitionKind::Swipe:
        case TransitionKind::Slide:
            obs_data_set_string(settings, "direction", transition.direction.toUtf8().constData());
            break;
        case TransitionKind::Wipe:
            obs_data_set_string(settings, "luma_image", "linear-h.png");
            break;
        case TransitionKind::Stinger:
            obs_data_set_string(settings, "path", transition.file.toUtf8().constData());
            obs_data_set_int(settings, "transition_point", transition.transitionPointMs);
            break;
        default:
            break;
        }
        OBSSourceAutoRelease created =
            obs_source_create_private(type, ("transition:" + transition.id).toUtf8().constData(), settings);
        if (!created) {
            *error =
                EngineError{QStringLiteral("无法创建转场“%1”").arg(transition.id),
                            QStringLiteral("cannot create transition '%1'").arg(transition.id), QString()};
            return false;
        }
        obs_transition_set_size(created, static_cast<uint32_t>(show_.canvas.width),
                                static_cast<uint32_t>(show_.canvas.height));
        transitions_.emplace(transition.id, std::move(created));
    }
    return true;
}

// The built-in safe slate: calm colours, the station mark and "please stand by", whatever the show.
void SceneGraph::createStandby() {
    const show::Canvas& canvas = show_.canvas;
    OBSSceneAutoRelease scene = obs_scene_create_private("scene:@standby");
    OBSDataAutoRelease background = obs_data_create();
    obs_data_set_int(background, "color", toObsColor(QColor(0x1d, 0x2b, 0x3a)));
    obs_data_set_int(background, "width", canvas.width);
    obs_data_set_int(background, "height", canvas.height);
    OBSSourceAutoRelease fill =
        obs_source_create_private("color_source_v3", "standby:background", background);
    obs_scene_add(scene, fill);

    OBSDataAutoRelease markSettings = obs_data_create();
    obs_data_set_string(
        markSettings, "file",
        (paths::assetsDir() + QStringLiteral("/common/station-mark.png")).toUtf8().constData());
    obs_data_set_bool(markSettings, "unload", false);
    OBSSourceAutoRelease mark = obs_source_create_private("image_source", "standby:mark", markSettings);
    obs_sceneitem_t* markItem = obs_scene_add(scene, mark);
    obs_sceneitem_set_alignment(markItem, OBS_ALIGN_CENTER);
    const vec2 markAt{static_cast<float>(canvas.width) / 2.0f, static_cast<float>(canvas.height) * 0.32f};
    obs_sceneitem_set_pos(markItem, &markAt);

    media::TextStyle style;
    style.size = std::max(28, canvas.height / 11);
    OBSDataAutoRelease textSettings =
        media::textSettings(QStringLiteral("请稍候，节目马上回来\nPlease stand by"), style);
    OBSSourceAutoRelease words =
        obs_source_create_private(media::kTextSourceId, "standby:text", textSettings);
    obs_sceneitem_t* wordsItem = obs_scene_add(scene, words);
    obs_sceneitem_set_alignment(wordsItem, OBS_ALIGN_CENTER);
    const vec2 wordsAt{static_cast<float>(canvas.width) / 2.0f, static_cast<float>(canvas.height) * 0.68f};
    obs_sceneitem_set_pos(wordsItem, &wordsAt);

    parts_.push_back(std::move(fill));
    parts_.push_back(std::move(mark));
    parts_.push_back(std::move(words));
    scenes_.emplace(kBuiltInStandbyId, std::move(scene));
}

QString SceneGraph::standbySceneId() const {
    return show_.standbySceneId.isEmpty() ? kBuiltInStandbyId : show_.standbySceneId;
}

QStringList SceneGraph::sceneIds() const {
    QStringList ids;
    for (const show::Scene& scene : show_.scenes)
        ids.append(scene.id);
    return ids;
}

obs_source_t* SceneGraph::sceneSource(const QString& sceneId) const {
    const auto it = scenes_.find(sceneId);
    return it == scenes_.end() ? nullptr : obs_scene_get_source(it->second);
}

obs_source_t* SceneGraph::transition(const QString& transitionId) const {
    const auto it = transitions_.find(transitionId);
    return it == transitions_.end() ? nullptr : it->second.Get();
}

std::optional<capture::CaptureStatus> SceneGraph::cameraCapture(const QString& cameraId) const {
    if (!captureIds_.contains(cameraId) && !microphoneIds_.contains(cameraId))
        return std::nullopt;
    return capture::captureStatus(source(cameraId));
}

obs_source_t* SceneGraph::source(const QString& sourceId) const {
    const auto it = sources_.find(sourceId);
    return it == sources_.end() ? nullptr : it->second.Get();
}

QStringList SceneGraph::textSourceIds() const {
    QStringList ids;
    for (const show::Source& source : show_.sources) {
        if (source.kind != SourceKind::Text)
            continue;
        for (const auto& [sceneId, texts] : texts_)
            if (texts.count(source.id)) {
                ids.append(source.id);
                break;
            }
    }
    return ids;
}

std::optional<EngineError> SceneGraph::noItem(const QString& sceneId, const QString& sourceId) const {
    if (!scenes_.count(sceneId))
        return EngineError{QStringLiteral("没有场景“%1”").arg(sceneId),
                           QStringLiteral("no scene '%1'").arg(sceneId), QString()};
    return EngineError{QStringLiteral("场景“%1”里没有“%2”").arg(sceneId, sourceId),
                       QStringLiteral("scene '%1' does not show '%2'").arg(sceneId, sourceId), QString()};
}

obs_source_t* SceneGraph::itemSource(const QString& sceneId, const QString& sourceId) const {
    const auto scene = items_.find(sceneId);
    if (scene == items_.end())
        return nullptr;
    const auto item = scene->second.find(sourceId);
    return item == scene->second.end() ? nullptr : obs_sceneitem_get_source(item->second);
}

std::optional<QString> SceneGraph::text(const QString& sceneId, const QString& sourceId) const {
    const auto scene = texts_.find(sceneId);
    if (scene == texts_.end() || !scene->second.count(sourceId))
        return std::nullopt;
    OBSDataAutoRelease settings = obs_source_get_settings(scene->second.at(sourceId));
    return QString::fromUtf8(obs_data_get_string(settings, "text"));
}

std::optional<EngineError> SceneGraph::setText(const QString& sceneId, const QString& sourceId,
                                               const QString& text) {
    const auto scene = texts_.find(sceneId);
    if (scene == texts_.end() || !scene->second.count(sourceId)) {
        const show::Source* spec = show_.findSource(sourceId);
        if (spec && spec->kind != SourceKind::Text)
            return EngineError{QStringLiteral("“%1”不是文字").arg(sourceId),
                               QStringLiteral("'%1' is not a text item").arg(sourceId), QString()};
        return noItem(sceneId, sourceId);
    }
    OBSDataAutoRelease settings = obs_data_create();
    obs_data_set_string(settings, "text", text.toUtf8().constData());
    obs_source_update(scene->second.at(sourceId), settings);
    return std::nullopt;
}

std::optional<bool> SceneGraph::itemVisible(const QString& sceneId, const QString& sourceId) const {
    const auto scene = items_.find(sceneId);
    if (scene == items_.end() || !scene->second.count(sourceId))
        return std::nullopt;
    return obs_sceneitem_visible(scene->second.at(sourceId));
}

std::optional<EngineError> SceneGraph::setItemVisible(const QString& sceneId, const QString& sourceId,
                                                      bool visible) {
    const auto scene = items_.find(sceneId);
    if (scene == items_.end() || !scene->second.count(sourceId))
        return noItem(sceneId, sourceId);
    obs_sceneitem_set_visible(scene->second.at(sourceId), visible);
    return std::nullopt;
}

std::optional<EngineError> SceneGraph::setDevice(const QString& sourceId, const QString& device) {
    const show::Source* spec = show_.findSource(sourceId);
    if (!spec || (spec->kind != SourceKind::Camera && spec->kind != SourceKind::AudioInput))
        return EngineError{QStringLiteral("节目里没有摄像头或话筒“%1”").arg(sourceId),
                           QStringLiteral("the show has no camera or microphone '%1'").arg(sourceId),
                           QString()};
    if (device.trimmed().isEmpty())
        return EngineError{QStringLiteral("“%1”需要一个采集管道或预设").arg(sourceId),
                           QStringLiteral("'%1' needs a capture pipeline or preset").arg(sourceId),
                           QString()};
    const bool audio = spec->kind == SourceKind::AudioInput;
    if (const std::optional<capture::CaptureError> problem = capture::checkDevice(device, audio))
        return EngineError{QStringLiteral("“%1”：%2").arg(sourceId, problem->messageZh),
                           QStringLiteral("'%1': %2").arg(sourceId, problem->messageEn), problem->detail};
    for (show::Source& source : show_.sources)
        if (source.id == sourceId)
            source.device = device;
    if (captureIds_.contains(sourceId) || audio) {
        // Already a capture source: it restarts its pipeline with the new description on its own thread.
        OBSDataAutoRelease settings = obs_data_create();
        obs_data_set_string(settings, capture::kSettingDevice, device.toUtf8().constData());
        obs_source_update(source(sourceId), settings);
        return std::nullopt;
    }
    // A test-pattern camera becomes a capture camera: every item showing it gets the new source in its place,
    // with the same position, size, visibility and stacking order.
    OBSSourceAutoRelease replacement = createCapture(*spec, device, false);
    if (!replacement)
        return EngineError{QStringLiteral("无法创建摄像头“%1”").arg(sourceId),
                           QStringLiteral("cannot create camera '%1'").arg(sourceId), QString()};
    obs_source_set_volume(replacement, obs_db_to_mul(static_cast<float>(spec->volumeDb)));
    obs_source_set_muted(replacement, spec->muted);
    for (auto& [sceneId, items] : items_) {
        const auto found = items.find(sourceId);
        if (found == items.end())
            continue;
        obs_sceneitem_t* old = found->second;
        obs_transform_info transform{};
        obs_sceneitem_get_info(old, &transform);
        const bool visible = obs_sceneitem_visible(old);
        const int order = obs_sceneitem_get_order_position(old);
        obs_sceneitem_t* added = obs_scene_add(scenes_.at(sceneId), replacement);
        obs_sceneitem_set_info(added, &transform);
        obs_sceneitem_set_visible(added, visible);
        obs_sceneitem_set_order_position(added, order);
        obs_sceneitem_remove(old);
        found->second = added;
    }
    cameraScenes_.erase(sourceId);
    sources_[sourceId] = std::move(replacement);
    captureIds_.append(sourceId);
    return std::nullopt;
}

} // namespace xz::engine
