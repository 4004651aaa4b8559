// bench_rundown: how close to their deadlines the rundown's automatic takes happen (end action `next`) on the
// real clock of this machine, against a bare precise QTimer armed for the same instants in the same run.
// Goal: every take within one frame (33 ms at 30 fps) of its deadline.
#include "rundownengine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace xz::rundown;

namespace {

constexpr int kSegments = 50;
constexpr qint64 kSegmentMs = 200;

// Wall-clock milliseconds with microseconds, on the epoch the rundown's SystemClock uses.
double nowMs() {
    return double(std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count()) /
           1000.0;
}

// Notes when each take arrives.
class TimingStudio final : public StudioControl {
public:
    std::optional<xz::UserError> setText(const QString&, const QString&, const QString&) override {
        return std::nullopt;
    }
    std::optional<xz::UserError> takeScene(const QString&, const QString&, int) override {
        takes.push_back(nowMs());
        return std::nullopt;
    }
    std::optional<double> recordingSeconds() const override { return std::nullopt; }
    std::vector<double> takes;
};

struct Figures {
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Figures figures(std::vector<double> late) {
    std::sort(late.begin(), late.end());
    return {late[late.size() / 2], late[size_t(double(late.size() - 1) * 0.95)], late.back()};
}

std::vector<double> rundownLateness() {
    Rundown rundown;
    rundown.title = QStringLiteral("bench");
    for (int i = 0; i < kSegments; ++i) {
        Segment segment;
        segment.title = QString::number(i);
        segment.sceneId = QStringLiteral("scene");
        segment.durationMs = kSegmentMs;
        segment.end = EndAction::Next;
        rundown.segments.append(segment);
    }
    SystemClock clock;
    TimingStudio studio;
    RundownEngine engine(rundown, studio, clock, {});
    QEventLoop loop;
    QObject::connect(&engine, &RundownEngine::changed, &loop, [&] {
        if (engine.timer().state().phase == RunPhase::Finished)
            loop.quit();
    });
    engine.advance();
    const qint64 start = engine.timer().state().startedAtMs;
    loop.exec();
    std::vector<double> late;
    for (size_t i = 1; i < studio.takes.size(); ++i)
        late.push_back(studio.takes[i] - double(start + qint64(i) * kSegmentMs));
    return late;
}

std::vector<double> referenceLateness() {
    std::vector<double> late;
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    QEventLoop loop;
    const double start = nowMs();
    int fired = 0;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        ++fired;
        const double now = nowMs();
        late.push_back(now - (start + double(fired * kSegmentMs)));
        if (fired == kSegments - 1) {
            loop.quit();
            return;
        }
        timer.start(int(std::max(0.0, start + double((fired + 1) * kSegmentMs) - now)));
    });
    timer.start(int(kSegmentMs));
    loop.exec();
    return late;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("xz.rundown.info=false")); // one log line per take otherwise
    const Figures reference = figures(referenceLateness());
    const Figures rundown = figures(rundownLateness());
    printf("bench_rundown: %d automatic takes %lld ms apart on the real clock\n", kSegments - 1, kSegmentMs);
    printf("  bare QTimer (reference): lateness median %.2f ms, p95 %.2f ms, max %.2f ms\n", reference.median,
           reference.p95, reference.max);
    printf("  rundown takes:           lateness median %.2f ms, p95 %.2f ms, max %.2f ms\n", rundown.median,
           rundown.p95, rundown.max);
    printf("  p95 ratio rundown/reference: %.2f; within one frame (33 ms): %s\n",
           reference.p95 > 0 ? rundown.p95 / reference.p95 : 0.0, rundown.max <= 33.0 ? "yes" : "NO");
    return rundown.max <= 33.0 ? 0 : 1;
}
