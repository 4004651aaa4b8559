#include "scenegraph.h"

#include "gstcapture.h"
#include "logging.h"
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

OBSDataAutoRelease textSettings(const QString& text, const show::Source& style) {
    OBSDataAutoRelease settings = obs_data_create();
    OBSDataAutoRelease font = obs_data_create();
    obs_data_set_string(font, "face", style.fontFace.toUtf8().constData());
    obs_data_set_string(font, "style", style.fontStyle.toUtf8().constData());
    obs_data_set_int(font, "size", style.fontSize);
    obs_data_set_int(font, "flags", style.fontStyle.contains(QLatin1String("Bold")) ? 1 : 0);
    obs_data_set_obj(settings, "font", font);
    obs_data_set_string(settings, "text", text.toUtf8().constData());
    const uint32_t color = toObsColor(style.color);
    obs_data_set_int(settings, "color1", color);
    obs_data_set_int(settings, "color2", color);
    obs_data_set_bool(settings, "outline", style.outline);
    obs_data_set_bool(settings, "drop_shadow", style.dropShadow);
    return settings;
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
    return graph;
}

SceneGraph::~SceneGraph() {
    // Scenes hold references to their items' sources; drop scenes first so sources go in one pass.
    scenes_.clear();
    transitions_.clear();
    cameraScenes_.clear();
    cameraParts_.clear();
    sources_.clear();
}

OBSSourceAutoRelease SceneGraph::createCamera(const show::Source& source) {
    const show::Canvas& canvas = show_.canvas;
    if (!source.device.isEmpty()) {
        // A real device: the capture source fits its picture to the canvas and shows its own slate (with the
        // camera's name) while the signal is missing, so a bad pipeline never stops the rest of the show.
        OBSDataAutoRelease settings = obs_data_create();
        obs_data_set_string(settings, capture::kSettingDevice, source.device.toUtf8().constData());
        obs_data_set_string(
            settings, capture::kSettingLabel,
            (source.label.isEmpty() ? source.id : source.label + QStringLiteral("  ") + source.id)
                .toUtf8()
                .constData());
        obs_data_set_int(settings, capture::kSettingWidth, canvas.width);
        obs_data_set_int(settings, capture::kSettingHeight, canvas.height);
        OBSSourceAutoRelease capture = obs_source_create_private(
            capture::kGstCaptureSourceId, ("camera:" + source.id).toUtf8().constData(), settings);
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

    show::Source labelStyle;
    labelStyle.fontSize = std::max(24, canvas.height / 16);
    labelStyle.color = Qt::white;
    labelStyle.outline = true;
    QString shownName = source.label.isEmpty() ? source.id : source.label;
    if (!shownName.contains(source.id))
        shownName += QStringLiteral("  ") + source.id;
    const QString labelText = shownName + QStringLiteral("\n测试画面 · 未接入摄像头  TEST PATTERN");
    OBSDataAutoRelease labelSettings = textSettings(labelText, labelStyle);
    OBSSourceAutoRelease label =
        obs_source_create_private("text_ft2_source_v2", (name + ":label").constData(), labelSettings);

    OBSSceneAutoRelease scene = obs_scene_create_private(name.constData());
    obs_scene_add(scene, pattern);
    obs_sceneitem_t* labelItem = obs_scene_add(scene, label);
    // In the middle of the bars: shows put their own lower thirds and badges at the bottom and the corners.
    vec2 position{static_cast<float>(canvas.width) / 24.0f, static_cast<float>(canvas.height) * 0.3f};
    obs_sceneitem_set_pos(labelItem, &position);

    OBSSourceAutoRelease sceneSource = obs_source_get_ref(obs_scene_get_source(scene));
    cameraParts_.push_back(std::move(pattern));
    cameraParts_.push_back(std::move(label));
    cameraScenes_.emplace(source.id, std::move(scene));
    return sceneSource;
}

bool SceneGraph::createSources(std::optional<EngineError>* error) {
    if (!typeAvailable("text_ft2_source_v2") || !typeAvailable("image_source") ||
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
            settings = textSettings(source.text, source);
            created = obs_source_create_private("text_ft2_source_v2", name.constData(), settings);
            break;
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
            if (!typeAvailable("pulse_input_capture")) {
                // A studio without a sound server still runs its pictures; the operator is told.
                warnings_.append(
                    QStringLiteral("麦克风“%1”不可用（无声音服务） / microphone '%1' unavailable "
                                   "(no sound server module)")
                        .arg(source.id));
                continue;
            }
            obs_data_set_string(
                settings, "device_id",
                (source.device.isEmpty() ? QStringLiteral("default") : source.device).toUtf8().constData());
            created = obs_source_create_private("pulse_input_capture", name.constData(), settings);
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
            if (!source)
                continue; // an unavailable microphone: the scene plays without it
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
    if (!captureIds_.contains(cameraId))
        return std::nullopt;
    return capture::captureStatus(source(cameraId));
}

obs_source_t* SceneGraph::source(const QString& sourceId) const {
    const auto it = sources_.find(sourceId);
    return it == sources_.end() ? nullptr : it->second.Get();
}

} // namespace xz::engine
