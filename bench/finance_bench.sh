#!/usr/bin/env bash
# Finance benchmark: detectors over TAFKIK_FINANCE_N generated payments (default 10M) on 2
# threads, trace median, and fan-in / cycle queries beside SQLite on the first
# TAFKIK_FINANCE_PEER_N (default 1M) in the same run. Usage: bench/finance_bench.sh BUILD_DIR
set -euo pipefail
build_dir=${1:?usage: bench/finance_bench.sh BUILD_DIR}
cmake --build "$build_dir" --target finance_bench >/dev/null
/usr/bin/time -f "peak RSS %M KiB, wall %e s" \
  "$build_dir/bench/finance_bench" "${TAFKIK_FINANCE_N:-10000000}" "${TAFKIK_FINANCE_PEER_N:-1000000}"
