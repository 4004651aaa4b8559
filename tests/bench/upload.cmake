# bench_upload: upload throughput against curl on a loopback tus server, and peak RSS for a 2 GB upload.
# Included from tests/bench/CMakeLists.txt (and from tests/upload so it builds on its own); guarded for both.
if(NOT TARGET bench_upload)
  add_executable(bench_upload ${CMAKE_CURRENT_LIST_DIR}/bench_upload.cpp)
  target_link_libraries(bench_upload PRIVATE xz_upload)
  target_compile_definitions(bench_upload
    PRIVATE XZ_FAKE_PLATFORMS="${CMAKE_SOURCE_DIR}/tests/upload/servers/fake_platforms.py")
  set_target_properties(bench_upload PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
endif()
