# bench_studio: studio vs bare libobs CPU while recording + streaming with fades, lagged/skipped frames, the
# monitors' cost, the control surface against headless, take latency.
add_executable(bench_studio ${CMAKE_CURRENT_LIST_DIR}/bench_studio.cpp)
target_include_directories(bench_studio PRIVATE ${CMAKE_SOURCE_DIR}/tests/engine)
target_link_libraries(bench_studio PRIVATE xz_live xz_engine xz_show xz_testing)
add_dependencies(bench_studio xiaozhan)
set_target_properties(bench_studio PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
