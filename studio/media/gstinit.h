// GStreamer is initialised once per process, on first use, from whichever part needs it first.
#pragma once

namespace xz::gst {

void ensureGstInitialised();

} // namespace xz::gst
