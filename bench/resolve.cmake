# Entity resolution on 1M generated persons with planted duplicates (resolve_bench.sh runs it
# beside the jellyfish baseline, resolve_baseline.py).
add_executable(resolve_bench resolve_bench.cc)
target_link_libraries(resolve_bench PRIVATE tafkik::resolve)
