# Financial investigation: detectors over generated payments, trace queries, and the same
# fan-in and cycle queries in SQLite (recursive CTE) side by side (bench/finance_bench.sh).
add_executable(finance_bench ${CMAKE_CURRENT_SOURCE_DIR}/finance_bench.cc)
target_link_libraries(finance_bench PRIVATE tafkik::finance PkgConfig::SQLITE3)
