#include "obsruntime.h"

#include "gstcapture.h"
#include "obslog.h"
#include "recordingclock.h"
#include "rtmpservice.h"
#include "testpattern.h"

#include "logging.h"
#include <QDir>
#include <QStandardPaths>
#include <X11/Xlib.h>
#include <csignal>
#include <obs-nix-platform.h>
#include <obs.h>
#include <util/bmem.h>

Q_LOGGING_CATEGORY(lcEngine, "xz.engine", QtInfoMsg)

namespace xz::engine {
namespace {

// Debian's layout; the unversioned libobs-opengl.so exists only with -dev installed, so use the SONAME.
constexpr const char* kGraphicsModule = "libobs-opengl.so.1";
constexpr const char* kPluginBinDir = "/usr/lib/x86_64-linux-gnu/obs-plugins/";
constexpr const char* kPluginDataDir = "/usr/share/obs/obs-plugins/";

// Only what the studio uses. frontend-tools and obs-websocket need a Qt 5 widgets frontend and abort here;
// rtmp-services fetches a service list from the internet at load, so the host registers its own RTMP service.
const char* const kModules[] = {
    "image-source",    "obs-ffmpeg",  "obs-x264",       "obs-outputs",
    "obs-transitions", "obs-filters", "text-freetype2", "linux-pulseaudio",
};

long leftAfterShutdown = 0;
// Some plugins (text-freetype2 among them) keep static state that survives obs_shutdown and crashes a second
// start in the same process, so libobs is started at most once per process; restarting means a new process.
bool startedBefore = false;

} // namespace

std::unique_ptr<ObsRuntime> ObsRuntime::start(const CanvasConfig& canvas, std::optional<EngineError>* error) {
    std::unique_ptr<ObsRuntime> runtime(new ObsRuntime);
    if (!runtime->startUp(canvas, error))
        return nullptr; // the destructor undoes whatever part of the start-up happened
    return runtime;
}

bool ObsRuntime::startUp(const CanvasConfig& canvas, std::optional<EngineError>* error) {
    canvas_ = canvas;
    if (startedBefore) {
        *error = EngineError{QStringLiteral("演播引擎在本进程中只能启动一次"),
                             QStringLiteral("the studio engine can start only once per process"),
                             QStringLiteral("libobs plugins keep static state across obs_shutdown")};
        return false;
    }
    startedBefore = true;
    // libobs writes to its muxer helper through a pipe; if the helper dies (disk full, killed) the write must
    // fail with EPIPE and be reported, not kill the whole studio with SIGPIPE.
    signal(SIGPIPE, SIG_IGN);
    headless_ = HeadlessDisplay::startIfNeeded(error);
    if (error->has_value())
        return false;

    x11_ = XOpenDisplay(nullptr);
    if (!x11_) {
        *error = EngineError{QStringLiteral("无法连接显示服务"), QStringLiteral("cannot open the X display"),
                             QStringLiteral("DISPLAY=%1").arg(qEnvironmentVariable("DISPLAY"))};
        return false;
    }
    obslog::install();
    obs_set_nix_platform(OBS_NIX_PLATFORM_X11_EGL);
    obs_set_nix_platform_display(x11_);

    const QString moduleConfig = QStandardPaths::writableLocation(QStandardPaths::TempLocation) +
                                 QStringLiteral("/xiaozhan-obs-config");
    QDir().mkpath(moduleConfig);
    if (!obs_startup("zh-CN", moduleConfig.toUtf8().constData(), nullptr)) {
        *error = EngineError{QStringLiteral("演播引擎启动失败"), QStringLiteral("libobs failed to start"),
                             QStringLiteral("obs_startup")};
        return false;
    }
    started_ = true;

    obs_audio_info audio{};
    audio.samples_per_sec = 48000;
    audio.speakers = SPEAKERS_STEREO;
    if (!obs_reset_audio(&audio)) {
        *error = EngineError{QStringLiteral("音频初始化失败"), QStringLiteral("audio set-up failed"),
                             QStringLiteral("obs_reset_audio")};
        return false;
    }

    if (auto failure = resetVideo(canvas)) {
        *error = failure;
        return false;
    }

    loadModules();
    registerTestPatternSource();
    capture::registerGstCaptureSource();
    registerRtmpService();
    RecordingClock::registerOutputType();
    obs_post_load_modules();
    qCInfo(lcEngine) << "libobs" << obs_get_version_string() << "started" << canvas.width << "x"
                     << canvas.height << "@" << canvas.fps << "modules" << modules_;
    return true;
}

std::optional<EngineError> ObsRuntime::resetVideo(const CanvasConfig& canvas) {
    obs_video_info video{};
    video.graphics_module = kGraphicsModule;
    video.fps_num = static_cast<uint32_t>(canvas.fps);
    video.fps_den = 1;
    video.base_width = video.output_width = static_cast<uint32_t>(canvas.width);
    video.base_height = video.output_height = static_cast<uint32_t>(canvas.height);
    video.output_format = VIDEO_FORMAT_NV12;
    video.adapter = 0;
    video.gpu_conversion = true;
    video.colorspace = VIDEO_CS_709;
    video.range = VIDEO_RANGE_PARTIAL;
    video.scale_type = OBS_SCALE_BICUBIC;
    const int videoResult = obs_reset_video(&video);
    if (videoResult == OBS_VIDEO_CURRENTLY_ACTIVE)
        return EngineError{
            QStringLiteral("正在录像或直播，不能改变画面尺寸；请先停止"),
            QStringLiteral("cannot change the picture size while recording or streaming; stop first"),
            QStringLiteral("obs_reset_video: outputs active")};
    if (videoResult != OBS_VIDEO_SUCCESS)
        return EngineError{QStringLiteral("视频初始化失败（显卡或显示不可用）"),
                           QStringLiteral("video set-up failed (graphics or display unavailable)"),
                           QStringLiteral("obs_reset_video returned %1").arg(videoResult)};
    canvas_ = canvas;
    return std::nullopt;
}

std::optional<EngineError> ObsRuntime::resetCanvas(const CanvasConfig& canvas) {
    if (canvas.width == canvas_.width && canvas.height == canvas_.height && canvas.fps == canvas_.fps)
        return std::nullopt;
    qCInfo(lcEngine) << "canvas" << canvas_.width << "x" << canvas_.height << "@" << canvas_.fps << "->"
                     << canvas.width << "x" << canvas.height << "@" << canvas.fps;
    return resetVideo(canvas);
}

void ObsRuntime::loadModules() {
    for (const char* name : kModules) {
        const QByteArray binary = QByteArray(kPluginBinDir) + name + ".so";
        const QByteArray data = QByteArray(kPluginDataDir) + name;
        obs_module_t* module = nullptr;
        const int result = obs_open_module(&module, binary.constData(), data.constData());
        if (result != MODULE_SUCCESS) {
            qCWarning(lcEngine) << "module" << name << "could not be opened, code" << result;
            continue;
        }
        if (!obs_init_module(module)) {
            qCWarning(lcEngine) << "module" << name << "failed to initialise";
            continue;
        }
        modules_.append(QString::fromLatin1(name));
    }
}

ObsRuntime::~ObsRuntime() {
    if (started_) {
        // Outputs, encoders and sources are owned by other RAII objects that must be gone by now; anything
        // still queued for destruction is flushed before libobs goes away.
        obs_set_output_source(0, nullptr);
        obs_wait_for_destroy_queue();
        obs_shutdown();
        leftAfterShutdown = bnum_allocs();
        if (leftAfterShutdown > 0)
            qCWarning(lcEngine) << "libobs reports" << leftAfterShutdown << "memory blocks not freed";
    }
    if (x11_)
        XCloseDisplay(x11_);
    headless_.reset();
}

long ObsRuntime::allocationsLeftAfterShutdown() {
    return leftAfterShutdown;
}

} // namespace xz::engine
