// Owns the libobs lifetime for one process: display platform, startup, audio/video reset, the modules the
// studio needs (opened one by one: obs_load_all_modules aborts in a non-widgets host), and a clean shutdown.
#pragma once

#include "engineerror.h"
#include "headlessdisplay.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

struct _XDisplay;

namespace xz::engine {

struct CanvasConfig {
    int width = 1280;
    int height = 720;
    int fps = 30;
};

class ObsRuntime {
public:
    static std::unique_ptr<ObsRuntime> start(const CanvasConfig& canvas, std::optional<EngineError>* error);
    ~ObsRuntime();

    ObsRuntime(const ObsRuntime&) = delete;
    ObsRuntime& operator=(const ObsRuntime&) = delete;

    const CanvasConfig& canvas() const { return canvas_; }
    // Another show with another size or frame rate. Only while nothing records or streams, and only after
    // every encoder is released (encoders hold on to the old video).
    std::optional<EngineError> resetCanvas(const CanvasConfig& canvas);
    const QStringList& loadedModules() const { return modules_; }

    // Memory blocks libobs still held after the last shutdown in this process (0 = no leak).
    static long allocationsLeftAfterShutdown();

private:
    ObsRuntime() = default;
    bool startUp(const CanvasConfig& canvas, std::optional<EngineError>* error);
    void loadModules();
    std::optional<EngineError> resetVideo(const CanvasConfig& canvas);

    CanvasConfig canvas_;
    QStringList modules_;
    std::unique_ptr<HeadlessDisplay> headless_;
    _XDisplay* x11_ = nullptr;
    bool started_ = false;
};

} // namespace xz::engine
