#include "capturestatus.h"

namespace xz::capture {

const char* stateName(CaptureState state) {
    switch (state) {
    case CaptureState::Starting:
        return "starting";
    case CaptureState::Live:
        return "live";
    case CaptureState::Reconnecting:
        return "reconnecting";
    case CaptureState::Failed:
        return "failed";
    }
    return "unknown";
}

} // namespace xz::capture
