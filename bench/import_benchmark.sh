#!/usr/bin/env bash
# Import benchmark: on the same generated operator CDR CSV (1M rows; TAFKIK_BENCH_ROWS=10000000
# for 10M), runs `tafkik import --profile cdr` into a fresh workspace and `sqlite3 .import` of
# the raw file into a plain table, and prints rows/s, MB/s, peak RSS and the ratio.
# Usage: bench/import_benchmark.sh TAFKIK_BINARY [WORK_DIR]
set -euo pipefail
tafkik=$1
work=${2:-$(mktemp -d /tmp/tafkik-import-bench.XXXXXX)}
rows=${TAFKIK_BENCH_ROWS:-1000000}
lines=${TAFKIK_BENCH_LINES:-20000}   # distinct subscribers
mkdir -p "$work"
csv=$work/cdr-$rows.csv

# 20k subscribers in national format, a call a second from 2025-05-01 (Morocco, UTC+1).
if [[ ! -s $csv ]]; then
  awk -v rows="$rows" -v lines="$lines" 'BEGIN {
    srand(2026); print "caller,callee,start,duration,type,imsi,imei,cell_first,cell_last";
    split("VOICE VOICE VOICE SMS DATA", types, " ");
    for (r = 0; r < rows; r++) {
      a = int(rand() * lines); b = int(rand() * lines); t = 1746057600 + r;
      printf "06%08d,07%08d,%s,%d,%s,6040012%08d,3569380%07d0,604-00-%d-%d,604-00-%d-%d\n",
        a, b, strftime("%Y-%m-%d %H:%M:%S", t, 1), int(rand() * 600), types[1 + int(rand() * 5)],
        a, a, 1200 + a % 50, a % 300, 1200 + a % 50, (a + 1) % 300;
    }
  }' > "$csv"
fi
bytes=$(stat -c %s "$csv")

measure() {  # label, command... -> "seconds peak_kib"
  local log=$work/time.log
  /usr/bin/time -v "${@}" > /dev/null 2> "$log"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "$wall $rss"
}

rm -rf "$work/ws" "$work/raw.db"
"$tafkik" -w "$work/ws" init > /dev/null
read -r t_secs t_rss < <(measure "$tafkik" -w "$work/ws" import "$csv" --profile cdr)
read -r s_secs s_rss < <(measure sqlite3 "$work/raw.db" ".import --csv $csv calls")

awk -v rows="$rows" -v bytes="$bytes" -v ts="$t_secs" -v tr="$t_rss" -v ss="$s_secs" -v sr="$s_rss" 'BEGIN {
  printf "file: %d rows, %.1f MB\n", rows, bytes / 1e6;
  printf "%-22s %12s %10s %14s\n", "", "rows/s", "MB/s", "peak RSS MiB";
  printf "%-22s %12d %10.1f %14.0f\n", "tafkik import cdr", rows / ts, bytes / 1e6 / ts, tr / 1024;
  printf "%-22s %12d %10.1f %14.0f\n", "sqlite3 .import", rows / ss, bytes / 1e6 / ss, sr / 1024;
  printf "ratio tafkik / sqlite3: %.3f (time %.1f s vs %.1f s)\n", ss / ts, ts, ss;
}'
