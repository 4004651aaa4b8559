# bench_capture: CPU of a 1280x720 30 fps capture through the plugin against OBS's own ffmpeg_source playing
# the same file, and the latency from a buffer's pipeline timestamp to the composited program frame.
if(NOT TARGET bench_capture)
  add_executable(bench_capture ${CMAKE_CURRENT_LIST_DIR}/bench_capture.cpp)
  target_link_libraries(bench_capture PRIVATE xz_engine)
  set_target_properties(bench_capture PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
endif()
