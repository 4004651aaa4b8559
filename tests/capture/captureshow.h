// Shows built in code for the capture suites: a red scene that must keep running, and camera scenes fed by
// GStreamer pipelines, with helpers to read the program picture.
#pragma once

#include "colourshow.h"
#include "gstcapture.h"
#include "slate.h"

namespace xz::testing {

inline show::Source deviceCamera(const QString& id, const QString& device) {
    show::Source camera;
    camera.id = id;
    camera.kind = show::SourceKind::Camera;
    camera.label = QStringLiteral("测试机位");
    camera.device = device;
    return camera;
}

// Scenes "red" and "camera" (the given camera full screen), 640x360@30.
inline show::Show captureShow(const QString& device) {
    show::Show show = colourShow();
    show.sources = {colourSource(QStringLiteral("red"), QColor(220, 20, 20)),
                    deviceCamera(QStringLiteral("cam-test"), device)};
    show.scenes = {fullScreenScene(QStringLiteral("red"), QStringLiteral("red")),
                   fullScreenScene(QStringLiteral("camera"), QStringLiteral("cam-test"))};
    return show;
}

// The slate's background, seen in the picture's left edge below the band (clear of the centred text).
inline bool showsSlate(const QImage& image) {
    const QColor expected = QColor::fromRgb(capture::kSlateBackgroundArgb & 0xffffff);
    const QRect edge(1, image.height() / 3, qMax(1, image.width() / 20), image.height() / 3);
    return near(averageColour(image, edge), expected, 14);
}

// Removes a buffer probe when the test leaves (also on a failed QVERIFY), so no streaming thread writes into
// a finished test's stack.
class ProbeGuard {
public:
    ProbeGuard(obs_source_t* source, std::function<void(const capture::BufferProbe&)> probe)
        : source_(source) {
        capture::setBufferProbe(source_, std::move(probe));
    }
    ~ProbeGuard() { capture::setBufferProbe(source_, {}); }
    ProbeGuard(const ProbeGuard&) = delete;
    ProbeGuard& operator=(const ProbeGuard&) = delete;

private:
    obs_source_t* source_;
};

} // namespace xz::testing
