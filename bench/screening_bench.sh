#!/usr/bin/env bash
# Screening benchmark: catalogue load, rule evaluation per screening, and k-anonymisation of
# the 14,299 CTDC-derived records of ../shared/data/victims beside a plain-Python peer of the
# same suppression in the same run; prints medians and the ratio.
# Usage: bench/screening_bench.sh BUILD_DIR [K]
set -euo pipefail
build_dir=${1:?usage: bench/screening_bench.sh BUILD_DIR [K]}
k=${2:-11}
root=$(cd "$(dirname "$0")/.." && pwd)
ctdc=$root/../shared/data/victims/trafficking_cleaned.csv
cmake --build "$build_dir" --target screening_bench >/dev/null
ours=$("$build_dir/bench/screening_bench" "$root/data/indicators" "$ctdc" "$k")
peer=$(/usr/bin/python3 "$root/bench/screening_kanon_peer.py" "$ctdc" "$k")
echo "$ours" | grep -v '^TAFKIK_'
echo "$peer" | grep -v '^PEER_'
t=$(echo "$ours" | sed -n 's/^TAFKIK_KANON_SECONDS=//p')
p=$(echo "$peer" | sed -n 's/^PEER_KANON_SECONDS=//p')
awk -v t="$t" -v p="$p" 'BEGIN { printf "k-anonymise ratio (python peer / tafkik): %.1fx\n", p / t }'
