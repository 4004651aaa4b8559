// A rundown running on a Studio: the Studio is the rundown's StudioControl (a segment's take goes through
// preview and take, so the operator's monitors and the tally follow; its captions go to that scene's own
// copy), the Studio's recordings open and close the markers sidecars, and the controller the views and remote
// clients use is made here. One object so that the CLI, the surface and the tests wire a rundown the same
// way.
//
//   auto rundown = std::make_unique<live::StudioRundown>(*studio, loaded.rundown, options);
//   rundown->engine().resumeSavedState();     // or start from the top
//
// Destroy it before the Studio.
#pragma once

#include "clock.h"
#include "rundown.h"
#include "rundowncontroller.h"
#include "rundownengine.h"
#include "studiocontrol.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace xz::live {

class Studio;

class StudioRundown final : public QObject, public rundown::StudioControl {
    Q_OBJECT
public:
    // `clock` must outlive this object; null: the system clock.
    StudioRundown(Studio& studio, rundown::Rundown rundown, rundown::EngineOptions options,
                  const rundown::Clock* clock = nullptr, QObject* parent = nullptr);
    ~StudioRundown() override;

    rundown::RundownEngine& engine() { return *engine_; }
    const rundown::RundownEngine& engine() const { return *engine_; }
    rundown::RundownController& controller() { return *controller_; }

    // StudioControl
    std::optional<UserError> setText(const QString& sceneId, const QString& sourceId,
                                     const QString& text) override;
    std::optional<UserError> takeScene(const QString& sceneId, const QString& transitionId,
                                       int durationMs) override;
    std::optional<double> recordingSeconds() const override;

private:
    void followRecording();

    QPointer<Studio> studio_;
    rundown::SystemClock systemClock_;
    std::unique_ptr<rundown::RundownEngine> engine_;
    std::unique_ptr<rundown::RundownController> controller_;
    QString recordingPath_; // the recording the engine was told about; empty while none
};

} // namespace xz::live
