// libobs needs an X server even when nothing is shown. When the studio runs with no DISPLAY, this starts a
// private Xvfb (24-bit, the depth Qt and Mesa need) for the life of the process and points DISPLAY at it.
#pragma once

#include "engineerror.h"

#include <memory>
#include <optional>
#include <sys/types.h>

namespace xz::engine {

class HeadlessDisplay {
public:
    // Returns nullptr (and no error) when a display is already set: nothing to do.
    static std::unique_ptr<HeadlessDisplay> startIfNeeded(std::optional<EngineError>* error);
    ~HeadlessDisplay();

    HeadlessDisplay(const HeadlessDisplay&) = delete;
    HeadlessDisplay& operator=(const HeadlessDisplay&) = delete;

private:
    explicit HeadlessDisplay(pid_t pid) : pid_(pid) {}
    pid_t pid_;
};

} // namespace xz::engine
