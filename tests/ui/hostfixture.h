// A small first-aid rundown on the rundown tests' fake studio and fake clock, for the Host view, the
// rundown panel and the mirror: 开场 5 min (warning at 2 min, danger at 1 min), 示范 3 min, 问答 4 min.
#pragma once

#include "fakeclock.h"
#include "fakestudio.h"
#include "rundown.h"
#include "rundowncontroller.h"
#include "rundownengine.h"

#include <memory>

namespace xz::ui::test {

inline rundown::Rundown firstAidRundown() {
    rundown::Rundown r;
    r.title = QStringLiteral("急救培训会");
    r.plannedStart = QTime(10, 0);
    const auto segment = [](const char* cue, const QString& title, int minutes) {
        rundown::Segment s;
        s.cue = QString::fromLatin1(cue);
        s.title = title;
        s.durationMs = qint64(minutes) * 60 * 1000;
        s.start = rundown::StartMode::Manual;
        return s;
    };
    rundown::Segment opening = segment("1", QStringLiteral("开场：认识心肺复苏"), 5);
    opening.notes = QStringLiteral("刘医生就位，先介绍自己");
    opening.script = {QStringLiteral("欢迎来到急救培训会")};
    r.segments = {opening, segment("2", QStringLiteral("示范"), 3), segment("3", QStringLiteral("问答"), 4)};
    return r;
}

// The engine and controller over the fake studio, on a fake clock at 2026-12-05 10:00 (UTC+8).
struct RundownFixture {
    rundown::test::FakeClock clock{rundown::test::at(QStringLiteral("2026-12-05 10:00:00"))};
    rundown::test::FakeStudio studio;
    std::unique_ptr<rundown::RundownEngine> engine;
    std::unique_ptr<rundown::RundownController> controller;

    explicit RundownFixture(rundown::EngineOptions options = {}) {
        engine = std::make_unique<rundown::RundownEngine>(firstAidRundown(), studio, clock, options);
        controller = std::make_unique<rundown::RundownController>(*engine);
    }
    // Moves the show's clock on and lets the engine and the host's screen catch up.
    void advanceClock(qint64 ms) {
        clock.advance(ms);
        engine->tick();
        controller->host()->refresh();
    }
};

} // namespace xz::ui::test
