// A minimal RTMP service type (server + key) registered by the host. It replaces Debian's rtmp-services
// module, whose load phones home for a service list: a studio (and its tests) must not reach the internet.
#pragma once

namespace xz::engine {

inline constexpr const char* kRtmpServiceId = "xz_rtmp_service";

void registerRtmpService();

} // namespace xz::engine
