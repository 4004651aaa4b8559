// The options of `xiaozhan live`, parsed and checked before anything starts, so a typo never leaves a
// half-started show. Errors name the option and the value that was wrong.
#pragma once

#include "controlsettings.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace xz::app {

struct CameraOverride {
    QString cameraId;
    QString pipeline;
};

struct LiveOptions {
    // A week: longer than any show, and far inside what a millisecond timer can count (about 24 days).
    static constexpr double kMaxDurationSec = 7 * 24 * 3600;
    // A take needs time to be seen (and a transition to finish); a day between takes is the other end.
    static constexpr double kMinCycleScenesSec = 1;
    static constexpr double kMaxCycleScenesSec = 24 * 3600;

    QString show;              // NAME or FILE
    bool headless = false;     // no window (the studio still renders, off screen)
    QString recordDir;         // empty = no recording
    QStringList streamUrls;    // secrets inside: never print them unredacted
    double durationSec = 0;    // 0 = until stopped
    double cycleScenesSec = 0; // 0 = no automatic takes
    QList<CameraOverride> cameras;
    QString rundown;          // FILE or NAME (scenes/NAME/rundown.json); empty = no rundown
    bool autoAdvance = false; // every segment ends as `next` (rehearsals, unattended loops, demos)
    bool remux = false;       // after a clean stop, also write an .mp4 next to each .mkv
    // The obs-websocket server (--control-port ...); none without --control-port. The password is a secret.
    std::optional<remote::ControlSettings> control;

    // On failure returns nullopt and sets error to a bilingual message naming the option.
    static std::optional<LiveOptions> parse(const QStringList& args, QString* error);
    static QString usage();
};

} // namespace xz::app
