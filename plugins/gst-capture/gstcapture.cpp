#include "gstcapture.h"

#include "capturelogging.h"
#include "capturesource.h"
#include "gstinit.h"
#include "launchplan.h"
#include "presets.h"

#include <mutex>

Q_LOGGING_CATEGORY(lcCapture, "xz.capture", QtInfoMsg)

namespace xz::capture {

void registerGstCaptureSource() {
    gst::ensureGstInitialised();
    CaptureSource::registerTypes();
}

bool srtLibraryInUse() {
    return CapturePipeline::srtUsed();
}

std::optional<CaptureStatus> captureStatus(obs_source_t* source) {
    std::lock_guard lock(CaptureSource::registryMutex());
    CaptureSource* capture = CaptureSource::fromSource(source);
    if (!capture)
        return std::nullopt;
    return capture->status();
}

bool setBufferProbe(obs_source_t* source, std::function<void(const BufferProbe&)> probe) {
    std::lock_guard lock(CaptureSource::registryMutex());
    CaptureSource* capture = CaptureSource::fromSource(source);
    if (!capture)
        return false;
    capture->setProbe(std::move(probe));
    return true;
}

std::optional<CaptureError> checkDevice(const QString& device, bool audio) {
    gst::ensureGstInitialised();
    CaptureError error;
    const std::optional<CaptureRecipe> recipe = resolveDevice(device, &error);
    if (!recipe)
        return error;
    const std::optional<LaunchPlan> plan = planLaunch(
        recipe->description, audio || recipe->kind == MediaKind::Audio ? MediaKind::Audio : MediaKind::Video,
        &error, recipe->threads);
    if (!plan)
        return error;
    // Parsing builds the elements without opening devices or sockets.
    if (!CapturePipeline::create(*plan, {}, &error))
        return error;
    return std::nullopt;
}

} // namespace xz::capture
