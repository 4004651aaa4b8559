#include "gstinit.h"

#include <gst/gst.h>
#include <mutex>

namespace xz::gst {

void ensureGstInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { gst_init(nullptr, nullptr); });
}

} // namespace xz::gst
