// The picture a camera shows when no real device feeds it: moving colour bars in the camera's tint, so a
// frozen output is obvious at a glance. Registered from the host (no module file), once per libobs start.
// The camera's name is laid over it by the scene graph with a text source.
#pragma once

namespace xz::engine {

inline constexpr const char* kTestPatternSourceId = "xz_test_pattern";

void registerTestPatternSource();

} // namespace xz::engine
