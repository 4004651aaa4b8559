// Waiting for rendered frames instead of for time, so tests hold on a busy machine.
#pragma once

#include "frametap.h"

#include <QTest>

namespace xz::testing {

// Waits (generously: the machine may be busy) until the tap has seen `count` more rendered frames. Tests use
// it instead of a fixed wait: "nothing changed over 10 frames" holds however slowly they come.
inline bool waitForFrames(const engine::FrameTap& tap, uint64_t count, int timeoutMs = 30000) {
    const uint64_t start = tap.latest().sequence;
    return QTest::qWaitFor([&] { return tap.latest().sequence >= start + count; }, timeoutMs);
}

} // namespace xz::testing
