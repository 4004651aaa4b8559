// What a capture source is doing, as the engine and the control surface see it, and the errors it reports.
// Plain values: copied out under a lock, never shared with the threads that produce them.
#pragma once

#include "usererror.h"

#include <QString>

namespace xz::capture {

// No meaningful value at 0 (libobs passes states through calldata ints; 0 would hide a missing value).
enum class CaptureState {
    Starting =
        1, // the pipeline is being built or waits for its first frame (an SRT listener waiting for a phone)
    Live,  // frames or samples are arriving
    Reconnecting, // the signal was lost; the pipeline is being restarted with backoff
    Failed,       // it cannot run as described (message says why); retried unless the description is invalid
};

// The studio's error shape; the detail holds GStreamer's own words, for the log and the curious operator.
struct CaptureError : xz::UserError {
    bool permanent = false; // retrying cannot help (the description itself is wrong)

    bool isEmpty() const { return messageEn.isEmpty(); }
};

struct CaptureStatus {
    CaptureState state = CaptureState::Starting;
    CaptureError error;      // the last error, kept while reconnecting so the operator sees why
    int restarts = 0;        // pipeline restarts since the source was created
    quint64 videoFrames = 0; // frames handed to libobs since the source was created, across restarts
    quint64 audioBuffers = 0;
};

const char* stateName(CaptureState state);

} // namespace xz::capture
