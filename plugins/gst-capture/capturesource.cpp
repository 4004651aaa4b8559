#include "capturesource.h"

#include "capturelogging.h"
#include "devicemonitor.h"
#include "gstcapture.h"
#include "gstinit.h"

#include <algorithm>
#include <unordered_map>
#include <util/platform.h>

namespace xz::capture {
namespace {

constexpr const char* kFramesSourceId = "xz_gst_capture_frames";
constexpr uint32_t kDefaultWidth = 1280;
constexpr uint32_t kDefaultHeight = 720;
// Backoff between restarts (defaults of the retry settings): quick at first (a phone that blinked), never
// slower than the maximum so a returning sender is picked up within a couple of seconds.
constexpr int kFirstBackoffMs = 250;
// How long something that prerolls (a file) may take to give its first buffer.
constexpr uint64_t kPrerollTimeoutMs = 5000;
constexpr int kMaxBackoffMs = 2000;

std::unordered_map<const obs_source_t*, CaptureSource*>& registry() {
    static std::unordered_map<const obs_source_t*, CaptureSource*> map;
    return map;
}

QString slateText(CaptureState state, const CaptureError& error, const QString& label) {
    QString text = label.isEmpty() ? QString() : label + QLatin1Char('\n');
    switch (state) {
    case CaptureState::Starting:
        return text + QStringLiteral("等待信号… / waiting for signal…");
    case CaptureState::Live:
    case CaptureState::Reconnecting:
        return text + QStringLiteral("信号中断 / signal lost\n正在重新连接… / reconnecting…");
    case CaptureState::Failed:
        return text + QStringLiteral("信号中断 / signal lost\n") + error.messageZh + QLatin1Char('\n') +
               error.messageEn;
    }
    return text;
}

// The private child that receives frames: an async video source with nothing of its own.
void* framesCreate(obs_data_t*, obs_source_t*) {
    return reinterpret_cast<void*>(1);
}
void framesDestroy(void*) {}
const char* framesName(void*) {
    return "Xiaozhan capture frames";
}

void* sourceCreate(obs_data_t* settings, obs_source_t* source) {
    return new CaptureSource(settings, source);
}
void sourceDestroy(void* data) {
    delete static_cast<CaptureSource*>(data);
}
void sourceUpdate(void* data, obs_data_t* settings) {
    static_cast<CaptureSource*>(data)->update(settings);
}
void sourceRender(void* data, gs_effect_t*) {
    static_cast<CaptureSource*>(data)->render();
}
uint32_t sourceWidth(void* data) {
    return static_cast<CaptureSource*>(data)->width();
}
uint32_t sourceHeight(void* data) {
    return static_cast<CaptureSource*>(data)->height();
}
const char* sourceName(void*) {
    return "GStreamer capture (Xiaozhan)";
}
void sourceEnum(void* data, obs_source_enum_proc_t callback, void* param) {
    static_cast<CaptureSource*>(data)->enumActiveChildren(callback, param);
}
void sourceDefaults(obs_data_t* settings) {
    obs_data_set_default_string(settings, kSettingDevice, "");
    obs_data_set_default_bool(settings, kSettingAudio, false);
    obs_data_set_default_int(settings, kSettingWidth, 0);
    obs_data_set_default_int(settings, kSettingHeight, 0);
    obs_data_set_default_int(settings, kSettingStallMs, 1500);
    obs_data_set_default_int(settings, kSettingRetryFirstMs, kFirstBackoffMs);
    obs_data_set_default_int(settings, kSettingRetryMaxMs, kMaxBackoffMs);
}

} // namespace

void CaptureSource::registerTypes() {
    obs_source_info frames{};
    frames.id = kFramesSourceId;
    frames.type = OBS_SOURCE_TYPE_INPUT;
    frames.output_flags = OBS_SOURCE_ASYNC_VIDEO | OBS_SOURCE_CAP_DISABLED;
    frames.get_name = framesName;
    frames.create = framesCreate;
    frames.destroy = framesDestroy;
    obs_register_source(&frames);

    obs_source_info info{};
    info.id = kGstCaptureSourceId;
    info.type = OBS_SOURCE_TYPE_INPUT;
    // Audio is output by this source itself (libobs mixes a root's own audio); video through the child.
    // CUSTOM_DRAW and SRGB: the child draws itself with libobs' own colour handling, which 10-bit frames
    // (converted to linear light) need; wrapped in the default effect they came out with gamma applied twice.
    info.output_flags = OBS_SOURCE_VIDEO | OBS_SOURCE_AUDIO | OBS_SOURCE_DO_NOT_DUPLICATE |
                        OBS_SOURCE_CUSTOM_DRAW | OBS_SOURCE_SRGB;
    info.get_name = sourceName;
    info.create = sourceCreate;
    info.destroy = sourceDestroy;
    info.update = sourceUpdate;
    info.get_defaults = sourceDefaults;
    info.video_render = sourceRender;
    info.get_width = sourceWidth;
    info.get_height = sourceHeight;
    info.enum_active_sources = sourceEnum;
    obs_register_source(&info);
}

std::mutex& CaptureSource::registryMutex() {
    static std::mutex mutex;
    return mutex;
}

CaptureSource* CaptureSource::fromSource(obs_source_t* source) {
    const auto it = registry().find(source);
    return it == registry().end() ? nullptr : it->second;
}

CaptureSource::CaptureSource(obs_data_t* settings, obs_source_t* self) : self_(self) {
    gst::ensureGstInitialised();
    const QByteArray name = obs_source_get_name(self);
    frames_ = obs_source_create_private(kFramesSourceId, (name + ":frames").constData(), nullptr);
    slate_ = std::make_unique<Slate>(QString::fromUtf8(name));
    signal_handler_add(obs_source_get_signal_handler(self),
                       "void capture_state(ptr source, int state, string message)");
    {
        std::lock_guard lock(registryMutex());
        registry()[self] = this;
    }
    update(settings);
    supervisor_ = std::thread([this] { supervise(); });
}

CaptureSource::~CaptureSource() {
    {
        std::lock_guard lock(registryMutex());
        registry().erase(self_);
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    // The supervisor stops its pipeline (waiting for the streaming threads) before it returns, so after the
    // join no frame can reach the child or this source.
    if (supervisor_.joinable())
        supervisor_.join();
}

void CaptureSource::update(obs_data_t* settings) {
    Config config;
    config.device = QString::fromUtf8(obs_data_get_string(settings, kSettingDevice));
    config.audio = obs_data_get_bool(settings, kSettingAudio);
    config.label = QString::fromUtf8(obs_data_get_string(settings, kSettingLabel));
    config.width = static_cast<uint32_t>(std::max<long long>(0, obs_data_get_int(settings, kSettingWidth)));
    config.height = static_cast<uint32_t>(std::max<long long>(0, obs_data_get_int(settings, kSettingHeight)));
    config.stallMs =
        static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, kSettingStallMs), 200, 60000));
    config.retryFirstMs =
        static_cast<int>(std::clamp<long long>(obs_data_get_int(settings, kSettingRetryFirstMs), 50, 600000));
    config.retryMaxMs = static_cast<int>(
        std::clamp<long long>(obs_data_get_int(settings, kSettingRetryMaxMs), config.retryFirstMs, 600000));
    width_ = config.width;
    height_ = config.height;
    {
        std::lock_guard lock(mutex_);
        config_ = config;
        ++generation_;
    }
    wake_.notify_all();
}

uint32_t CaptureSource::width() const {
    if (!hasVideo_)
        return 0;
    const uint32_t configured = width_;
    if (configured > 0)
        return configured;
    const uint32_t own = obs_source_get_width(frames_);
    return own > 0 ? own : kDefaultWidth;
}

uint32_t CaptureSource::height() const {
    if (!hasVideo_)
        return 0;
    const uint32_t configured = height_;
    if (configured > 0)
        return configured;
    const uint32_t own = obs_source_get_height(frames_);
    return own > 0 ? own : kDefaultHeight;
}

void CaptureSource::render() {
    const uint32_t w = width();
    const uint32_t h = height();
    if (w == 0 || h == 0)
        return;
    const uint32_t frameWidth = obs_source_get_width(frames_);
    const uint32_t frameHeight = obs_source_get_height(frames_);
    if (state_.load() != CaptureState::Live || frameWidth == 0 || frameHeight == 0) {
        slate_->render(w, h);
        return;
    }
    // Fitted inside the source's box, centred (a 4:3 webcam in a 16:9 show gets side bars).
    const float scale = std::min(static_cast<float>(w) / static_cast<float>(frameWidth),
                                 static_cast<float>(h) / static_cast<float>(frameHeight));
    gs_matrix_push();
    gs_matrix_translate3f((static_cast<float>(w) - static_cast<float>(frameWidth) * scale) / 2.0f,
                          (static_cast<float>(h) - static_cast<float>(frameHeight) * scale) / 2.0f, 0.0f);
    gs_matrix_scale3f(scale, scale, 1.0f);
    obs_source_video_render(frames_);
    gs_matrix_pop();
}

void CaptureSource::enumActiveChildren(obs_source_enum_proc_t callback, void* param) {
    callback(self_, frames_, param);
    if (slate_->textSource())
        callback(self_, slate_->textSource(), param);
}

CaptureStatus CaptureSource::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void CaptureSource::setProbe(std::function<void(const BufferProbe&)> probe) {
    std::lock_guard lock(probeMutex_);
    probe_ = std::move(probe);
}

bool CaptureSource::leaving(uint64_t generation) const {
    return stopping_ || generation != generation_;
}

bool CaptureSource::waitFor(std::chrono::milliseconds delay, uint64_t generation) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, delay, [&] { return leaving(generation) || deviceArrived_; });
    deviceArrived_ = false;
    return !leaving(generation);
}

namespace {

// Sources that open a device on this machine, which the device monitor sees come and go.
bool usesLocalDevice(const QString& description) {
    for (const char* element : {"v4l2src", "pulsesrc", "alsasrc"})
        if (description.contains(QLatin1String(element)))
            return true;
    return false;
}

} // namespace

void CaptureSource::setState(CaptureState state, const CaptureError& error, const QString& label,
                             bool announce) {
    const CaptureState previous = state_.exchange(state);
    {
        std::lock_guard lock(mutex_);
        status_.state = state;
        if (state != CaptureState::Live || !error.isEmpty())
            status_.error = error;
    }
    slate_->setText(slateText(state, error, label), std::max<uint32_t>(height(), 360));
    if (previous == state && state != CaptureState::Failed && !announce)
        return;
    if (state == CaptureState::Live)
        qCInfo(lcCapture).noquote() << obs_source_get_name(self_) << "live";
    else if (!error.isEmpty() && (previous != state || error.message() != lastLogged_))
        // A device that stays missing fails the same way at every retry: said once, not every 2 s.
        qCWarning(lcCapture).noquote() << obs_source_get_name(self_) << stateName(state) << error.toString();
    lastLogged_ = state == CaptureState::Live ? QString() : error.message();
    calldata_t data;
    calldata_init(&data);
    calldata_set_ptr(&data, "source", self_);
    calldata_set_int(&data, "state", static_cast<long long>(state));
    calldata_set_string(&data, "message", error.toString().toUtf8().constData());
    signal_handler_signal(obs_source_get_signal_handler(self_), "capture_state", &data);
    calldata_free(&data);
}

CapturePipeline::Sinks CaptureSource::makeSinks() {
    CapturePipeline::Sinks sinks;
    obs_source_t* frames = frames_;
    obs_source_t* self = self_;
    sinks.video = [frames](const obs_source_frame& frame) { obs_source_output_video(frames, &frame); };
    sinks.audio = [self](const obs_source_audio& audio) { obs_source_output_audio(self, &audio); };
    sinks.probe = [this](const BufferProbe& probe) {
        std::lock_guard lock(probeMutex_);
        if (probe_)
            probe_(probe);
    };
    return sinks;
}

void CaptureSource::supervise() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const Config config = config_;
        const uint64_t generation = generation_;
        lock.unlock();
        runConfig(config, generation);
        lock.lock();
        // A permanent failure waits here for new settings instead of spinning.
        wake_.wait(lock, [&] { return stopping_ || generation != generation_; });
    }
}

void CaptureSource::runConfig(const Config& config, uint64_t generation) {
    // Announced even when the last pipeline was starting too: a reconfigured camera starts over.
    setState(CaptureState::Starting, {}, config.label, true);
    CaptureError error;
    const std::optional<CaptureRecipe> recipe = resolveDevice(config.device, &error);
    std::optional<LaunchPlan> plan;
    if (recipe)
        plan =
            planLaunch(recipe->description,
                       config.audio || recipe->kind == MediaKind::Audio ? MediaKind::Audio : MediaKind::Video,
                       &error, recipe->threads);
    if (!plan) {
        setState(CaptureState::Failed, error, config.label);
        return;
    }
    hasVideo_ = plan->video;
    // A volunteer plugs a pulled-out microphone or camera back in: retry at once instead of waiting out the
    // backoff. Any device arriving wakes the wait; the retry finds out whether it was this one. The watch
    // ends with this function, and once it is gone no report can reach this source.
    std::unique_ptr<DeviceMonitor> deviceWatch;
    if (usesLocalDevice(plan->description)) {
        deviceWatch = std::make_unique<DeviceMonitor>([this](const CaptureDevice&, bool added) {
            if (!added)
                return;
            {
                std::lock_guard lock(mutex_);
                deviceArrived_ = true;
            }
            wake_.notify_all();
        });
        deviceWatch->start();
    }

    bool everLive = false;
    int attempt = 0;
    const uint64_t stallNs = static_cast<uint64_t>(config.stallMs) * 1000000ull;
    const uint64_t prerollNs = std::max<uint64_t>(kPrerollTimeoutMs, config.stallMs) * 1000000ull;
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (leaving(generation))
                return;
        }
        error = {};
        bool live = false;
        bool looping = false;
        // The counts run on across restarts: the status tells what the source delivered in all.
        quint64 videoBefore = 0;
        quint64 audioBefore = 0;
        {
            std::lock_guard lock(mutex_);
            videoBefore = status_.videoFrames;
            audioBefore = status_.audioBuffers;
        }
        std::unique_ptr<CapturePipeline> pipeline = CapturePipeline::create(*plan, makeSinks(), &error);
        if (!pipeline) {
            setState(CaptureState::Failed, error, config.label);
            if (error.permanent)
                return;
        } else if (pipeline->play(&error, recipe->loop)) {
            const uint64_t startedNs = os_gettime_ns();
            while (true) {
                {
                    std::lock_guard lock(mutex_);
                    if (leaving(generation))
                        break;
                    status_.videoFrames = videoBefore + pipeline->videoFrames();
                    status_.audioBuffers = audioBefore + pipeline->audioBuffers();
                }
                const CapturePipeline::Event event =
                    pipeline->waitForEvent(std::chrono::milliseconds(100), &error);
                if (event == CapturePipeline::Event::EndOfStream && recipe->loop) {
                    // A looped file that could not loop by seeking starts again with a fresh pipeline; it
                    // stays live, so no slate flashes between loops.
                    looping = true;
                    break;
                }
                if (event == CapturePipeline::Event::Error || event == CapturePipeline::Event::EndOfStream)
                    break;
                const uint64_t last = pipeline->lastBufferNs();
                if (last != 0 && !live) {
                    live = everLive = true;
                    attempt = 0;
                    setState(CaptureState::Live, {}, config.label);
                }
                // A file (anything that prerolls) that has not given a buffer by now never will: typically
                // it lacks the picture the source asks for. A live source may wait for its sender forever.
                if (!live && !pipeline->isLive() && os_gettime_ns() - startedNs > prerollNs) {
                    error = {
                        QStringLiteral("采集没有开始：%1 秒内没有画面或声音").arg(prerollNs / 1000000000),
                        QStringLiteral("capture did not start: no picture or sound within %1 s")
                            .arg(prerollNs / 1000000000),
                        QStringLiteral("is the file damaged, or without the picture or sound asked for?"),
                        false};
                    break;
                }
                if (live && os_gettime_ns() - pipeline->lastBufferNs() > stallNs) {
                    error = {QStringLiteral("信号中断"), QStringLiteral("signal lost"),
                             QStringLiteral("no data for %1 ms").arg(config.stallMs), false};
                    break;
                }
            }
        }
        if (looping) {
            pipeline.reset();
            continue;
        }
        bool left = false;
        {
            std::lock_guard lock(mutex_);
            left = leaving(generation);
            if (!left)
                ++status_.restarts;
        }
        if (left) {
            // Never under mutex_: a network source can take seconds to close, and update() and status()
            // (the graphics and main threads) take that lock.
            pipeline.reset();
            obs_source_output_video(frames_, nullptr);
            return;
        }
        // The slate goes up before the teardown, which can take a moment (a network source closing its
        // socket).
        setState(everLive ? CaptureState::Reconnecting : CaptureState::Failed, error, config.label);
        const uint64_t teardownStartNs = os_gettime_ns();
        pipeline.reset(); // waits for the streaming threads
        // The last picture must not come back when the signal does: clear it now.
        obs_source_output_video(frames_, nullptr);
        qCDebug(lcCapture) << "pipeline stopped in" << (os_gettime_ns() - teardownStartNs) / 1000000 << "ms";
        const int delayMs = static_cast<int>(
            std::min<long long>(config.retryMaxMs, (long long)config.retryFirstMs << std::min(attempt, 16)));
        ++attempt;
        if (!waitFor(std::chrono::milliseconds(delayMs), generation))
            return;
    }
}

} // namespace xz::capture
