# bench_clips: trims and editor previews against ffmpeg on a 10-minute 1280x720 recording made once and kept in
# the build tree. Included from tests/bench/CMakeLists.txt.
if(NOT TARGET bench_clips)
  add_executable(bench_clips ${CMAKE_CURRENT_LIST_DIR}/bench_clips.cpp)
  target_link_libraries(bench_clips PRIVATE xz_clips)
  target_compile_definitions(bench_clips PRIVATE XZ_BENCH_CACHE="${CMAKE_BINARY_DIR}/bench-media"
                                                 XIAOZHAN_BINARY="$<TARGET_FILE:xiaozhan>")
  add_dependencies(bench_clips xiaozhan)
  set_target_properties(bench_clips PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
endif()
