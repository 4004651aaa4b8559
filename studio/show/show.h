// The in-memory form of a show file (scenes/<program>/show.json): what the engine builds scenes from.
// Plain values only, no libobs: validation and tests run without a display.
#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace xz::show {

inline constexpr int kFormatVersion = 1;

struct Canvas {
    int width = 1280;
    int height = 720;
    int fps = 30;
};

enum class SourceKind {
    Camera = 1, // a camera id; without a real device it shows a labelled, moving test pattern
    Image,
    Text,
    Color,
    Media,
    AudioInput,
};

struct Source {
    QString id; // stable ASCII id, referenced by scene items and by --camera ID=PIPELINE
    SourceKind kind = SourceKind::Color;
    QString label; // human name shown to operators (and on a camera's test pattern)

    // image, media: absolute path (resolved against the show file's folder when loaded)
    QString file;
    bool loop = true; // media

    // text
    QString text;
    QString fontFace = QStringLiteral("Noto Sans CJK SC");
    int fontSize = 48;
    QString fontStyle = QStringLiteral("Bold");
    bool outline = false;
    bool dropShadow = false;

    // text colour, colour source fill, camera test-pattern tint
    QColor color = Qt::white;
    // colour source size (0 = canvas size)
    int width = 0;
    int height = 0;

    // camera: an optional GStreamer pipeline; audio-input: device id ("default" = system default)
    QString device;

    // default audio level for sources that carry audio (media, audio-input, camera with sound)
    double volumeDb = 0.0;
    bool muted = false;
};

struct SceneItem {
    QString sourceId;
    double x = 0; // top-left position on the canvas, in canvas pixels
    double y = 0;
    double width = 0; // bounding box; 0 = the source's natural size
    double height = 0;
    bool visible = true;
};

struct Scene {
    QString id;
    QString name;   // shown to operators (Chinese first)
    QString nameEn; // English name; empty when the file gives only a Chinese one
    QList<SceneItem> items;
};

enum class TransitionKind {
    Cut = 1,
    Fade,
    FadeToColor,
    Swipe,
    Slide,
    Wipe,
    Stinger,
};

struct Transition {
    QString id;
    TransitionKind kind = TransitionKind::Cut;
    int durationMs = 0;
    QColor color = Qt::black;                   // fade-to-colour
    QString file;                               // stinger: media file (absolute)
    int transitionPointMs = 0;                  // stinger: when the scene switches under the stinger
    QString direction = QStringLiteral("left"); // swipe, slide: "left", "right", "up" or "down"
};

struct Show {
    int version = kFormatVersion;
    QString id; // "cooking", "first-aid", ...
    QString titleZh;
    QString titleEn;
    Canvas canvas;
    QList<Source> sources;
    QList<Scene> scenes;
    QList<Transition> transitions;
    QString defaultTransitionId;
    QString standbySceneId; // the show's own "please stand by" scene; empty = the studio's built-in slate
    QString filePath;       // absolute path of the file it was loaded from

    const Source* findSource(const QString& sourceId) const;
    const Scene* findScene(const QString& sceneId) const;
    const Transition* findTransition(const QString& transitionId) const;
};

} // namespace xz::show
