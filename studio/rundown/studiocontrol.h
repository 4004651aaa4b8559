// What the rundown asks of the running studio. The studio's `Studio` object implements it; the rundown's
// tests use a recording fake. Kept this small so the rundown's automation is tested without libobs or a
// display.
#pragma once

#include "usererror.h"

#include <QString>
#include <optional>

namespace xz::rundown {

class StudioControl {
public:
    virtual ~StudioControl() = default;
    // Sets a text item of one scene (the scene's own copy: editing a scene not on air never touches program).
    virtual std::optional<xz::UserError> setText(const QString& sceneId, const QString& sourceId,
                                                 const QString& text) = 0;
    // Takes sceneId to program with the transition (empty = the show's default; durationMs 0 = its default).
    virtual std::optional<xz::UserError> takeScene(const QString& sceneId, const QString& transitionId,
                                                   int durationMs) = 0;
    // Seconds since the current recording's first frame; nullopt while not recording.
    virtual std::optional<double> recordingSeconds() const = 0;
};

} // namespace xz::rundown
