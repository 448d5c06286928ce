# Victim screening: catalogue load, rule evaluation per screening, and k-anonymisation of the
# CTDC-derived records beside a Python implementation of the same suppression (peer), in the
# same run (bench/screening_bench.sh).
add_executable(screening_bench ${CMAKE_CURRENT_SOURCE_DIR}/screening_bench.cc)
target_link_libraries(screening_bench PRIVATE tafkik::screening)
