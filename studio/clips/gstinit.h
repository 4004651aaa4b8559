// GStreamer is initialised once per process, on first use, from whichever part needs it first.
#pragma once

namespace xz::clips {

void ensureGstInitialised();

} // namespace xz::clips
