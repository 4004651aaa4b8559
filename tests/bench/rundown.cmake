# bench_rundown: lateness of the rundown's automatic takes against their deadlines, on the real clock.
add_executable(bench_rundown ${CMAKE_CURRENT_LIST_DIR}/bench_rundown.cpp)
target_link_libraries(bench_rundown PRIVATE xz_rundown)
set_target_properties(bench_rundown PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
