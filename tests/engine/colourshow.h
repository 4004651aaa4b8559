// A show built in code for engine tests: full-screen colour scenes whose program colour is easy to assert.
#pragma once

#include "show.h"

#include <QImage>

namespace xz::testing {

inline show::Source colourSource(const QString& id, const QColor& colour) {
    show::Source source;
    source.id = id;
    source.kind = show::SourceKind::Color;
    source.color = colour;
    return source;
}

inline show::Scene fullScreenScene(const QString& id, const QString& sourceId) {
    show::Scene scene;
    scene.id = id;
    scene.name = id;
    show::SceneItem item;
    item.sourceId = sourceId;
    scene.items.append(item);
    return scene;
}

// Scenes "red", "blue" and "camera" (a camera with no device: the labelled test pattern), 640x360@30.
inline show::Show colourShow(int width = 640, int height = 360, int fps = 30) {
    show::Show show;
    show.id = QStringLiteral("test");
    show.titleZh = QStringLiteral("测试");
    show.canvas = {width, height, fps};
    show.sources = {colourSource(QStringLiteral("red"), QColor(220, 20, 20)),
                    colourSource(QStringLiteral("blue"), QColor(20, 20, 220))};
    show::Source camera;
    camera.id = QStringLiteral("cam-test");
    camera.kind = show::SourceKind::Camera;
    camera.label = QStringLiteral("测试机位");
    camera.color = QColor(0x33, 0x66, 0x99);
    show.sources.append(camera);
    show.scenes = {fullScreenScene(QStringLiteral("red"), QStringLiteral("red")),
                   fullScreenScene(QStringLiteral("blue"), QStringLiteral("blue")),
                   fullScreenScene(QStringLiteral("camera"), QStringLiteral("cam-test"))};
    show::Transition cut;
    cut.id = QStringLiteral("cut");
    show::Transition fade;
    fade.id = QStringLiteral("fade");
    fade.kind = show::TransitionKind::Fade;
    fade.durationMs = 300;
    show.transitions = {cut, fade};
    show.defaultTransitionId = QStringLiteral("cut");
    return show;
}

// Average colour of the tapped frame's centre region.
inline QColor centreColour(const QImage& image) {
    if (image.isNull())
        return QColor();
    long r = 0, g = 0, b = 0, n = 0;
    for (int y = image.height() / 4; y < image.height() * 3 / 4; ++y)
        for (int x = image.width() / 4; x < image.width() * 3 / 4; ++x) {
            const QColor c = image.pixelColor(x, y);
            r += c.red();
            g += c.green();
            b += c.blue();
            ++n;
        }
    return QColor(static_cast<int>(r / n), static_cast<int>(g / n), static_cast<int>(b / n));
}

inline bool isReddish(const QColor& c) {
    return c.isValid() && c.red() > 150 && c.blue() < 80 && c.green() < 80;
}
inline bool isBluish(const QColor& c) {
    return c.isValid() && c.blue() > 150 && c.red() < 80 && c.green() < 80;
}

inline QColor averageColour(const QImage& image, const QRect& area) {
    if (image.isNull())
        return QColor();
    long r = 0, g = 0, b = 0, n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            r += c.red();
            g += c.green();
            b += c.blue();
            ++n;
        }
    return n ? QColor(int(r / n), int(g / n), int(b / n)) : QColor();
}

inline bool near(const QColor& c, const QColor& expected, int tolerance) {
    return c.isValid() && qAbs(c.red() - expected.red()) <= tolerance &&
           qAbs(c.green() - expected.green()) <= tolerance && qAbs(c.blue() - expected.blue()) <= tolerance;
}

} // namespace xz::testing
