#!/usr/bin/env bash
# Entity resolution side by side on the same generated records (1,000,000 by default;
# TAFKIK_RESOLVE_RECORDS sets another size): Tafkik's whole pipeline (normalise, block,
# compare, EM, score, cluster; 2 threads) and a plain blocked Jaro-Winkler baseline in
# python3-jellyfish. Prints the median of TAFKIK_BENCH_REPETITIONS runs (default 1 here: a
# run is long) of each, their F1 on the planted truth and the time ratio.
# Usage: bench/resolve_bench.sh BUILD_DIR
set -euo pipefail
build_dir=${1:?usage: bench/resolve_bench.sh BUILD_DIR}
records=${TAFKIK_RESOLVE_RECORDS:-1000000}
repetitions=${TAFKIK_BENCH_REPETITIONS:-1}
work=$(mktemp -d /tmp/tafkik-resolve-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

for run in $(seq "$repetitions"); do
  "$build_dir/bench/resolve_bench" --records "$records" --csv "$work/records.csv" \
    --threads 2 | tee "$work/tafkik.$run" | sed 's/^/  tafkik: /'
  /usr/bin/python3 "$here/resolve_baseline.py" "$work/records.csv" | tee "$work/peer.$run" |
    sed 's/^/  jellyfish: /'
done

median() {  # file-glob field -> median of that field's value over the runs
  cat $1 | awk -v field="$2" '{for (i = 1; i < NF; i++) if ($i == field) print $(i + 1)}' |
    sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
t_seconds=$(median "$work/tafkik.*" seconds)
t_f1=$(median "$work/tafkik.*" f1)
t_pairs=$(median "$work/tafkik.*" pairs_compared)
p_seconds=$(median "$work/peer.*" seconds)
p_f1=$(median "$work/peer.*" f1)
p_rate=$(median "$work/peer.*" pairs_per_second)
awk -v n="$records" -v ts="$t_seconds" -v tf="$t_f1" -v tp="$t_pairs" -v ps="$p_seconds" \
    -v pf="$p_f1" -v pr="$p_rate" 'BEGIN {
  printf "resolve, %d records, median of runs:\n", n;
  printf "  tafkik pipeline   %8.2f s  F1 %.4f  (%d pairs compared, %.0f pairs/s end to end)\n", ts, tf, tp, tp / ts;
  printf "  jellyfish JW      %8.2f s  F1 %.4f  (%.0f pairs/s in the compare loop)\n", ps, pf, pr;
  printf "  time ratio tafkik / jellyfish: %.2f\n", ts / ps;
}'
