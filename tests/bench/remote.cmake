# bench_remote: obs-websocket request round trips at 100 requests/s while recording (against a WebSocket echo
# through the same event loop), and meters to 3 clients against none (render lag, CPU, main-thread lateness).
find_package(Qt6 6.4 REQUIRED COMPONENTS WebSockets)
add_executable(bench_remote ${CMAKE_CURRENT_LIST_DIR}/bench_remote.cpp)
target_link_libraries(bench_remote PRIVATE xz_remote xz_testing Qt6::WebSockets)
set_target_properties(bench_remote PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
