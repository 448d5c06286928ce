#!/usr/bin/env bash
# Case files side by side on the same evidence file in one run: intake (`tafkik evidence add`:
# libmagic, copy into blobs/ with fsync, re-hash of the stored copy, one audit transaction)
# against the shell doing the same work (sha256sum, cp, sync, sha256sum); re-verification
# (`tafkik evidence verify`) against sha256sum; package export against `sha256sum` + `zip -0`;
# package verify against `unzip -tq` (CRC only: no hashes, no signature). Then the PDF report
# of a generated case (no peer: time and pages). Prints medians and peer/Tafkik ratios
# (> 1: Tafkik is faster).
# Usage: bench/casefile_bench.sh BUILD_DIR [WORK_DIR]
#   TAFKIK_BENCH_MIB (default 256), TAFKIK_BENCH_REPETITIONS (default 3)
set -euo pipefail
build_dir=$1
work=${2:-$(mktemp -d /tmp/tafkik-casefile-bench.XXXXXX)}
tafkik=$build_dir/src/cli/tafkik
mib=${TAFKIK_BENCH_MIB:-256}
repetitions=${TAFKIK_BENCH_REPETITIONS:-3}
mkdir -p "$work"
file=$work/evidence-$mib.bin
[[ -s $file ]] || head -c $((mib * 1048576)) /dev/urandom > "$file"
export TAFKIK_ACTOR=bench

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

fresh_case() {  # workspace
  rm -rf "$1"
  "$tafkik" -w "$1" init > /dev/null
  "$tafkik" -w "$1" case create --reference BENCH-1 --country ma --offence tip --lead-unit Bench > /dev/null
}

intake=(); intake_peer=(); verify=(); verify_peer=(); export_=(); export_peer=(); check=(); check_peer=()
for ((run = 1; run <= repetitions; run++)); do
  ws=$work/ws; fresh_case "$ws"
  intake+=("$(seconds "$tafkik" -w "$ws" evidence add BENCH-1 --type digital --description bench \
      --collected-by bench --collected-at 2026-01-01T00:00:00Z --place bench --legal-basis consent \
      --file "$file")")
  rm -rf "$work/peer"; mkdir -p "$work/peer"
  intake_peer+=("$(seconds sh -c "sha256sum '$file' && cp '$file' '$work/peer/blob' && sync '$work/peer/blob' && sha256sum '$work/peer/blob'")")
  verify+=("$(seconds "$tafkik" -w "$ws" evidence verify BENCH-1)")
  verify_peer+=("$(seconds sha256sum "$work/peer/blob")")
  rm -f "$work/package.zip" "$work/peer.zip"
  export_+=("$(seconds "$tafkik" -w "$ws" package export BENCH-1 -o "$work/package.zip")")
  export_peer+=("$(seconds sh -c "cd '$work/peer' && sha256sum blob > manifest && zip -q -0 '$work/peer.zip' blob manifest")")
  check+=("$(seconds "$tafkik" package verify "$work/package.zip")")
  check_peer+=("$(seconds unzip -tq "$work/peer.zip")")
done

report() {  # label, tafkik times..., --, peer times...
  local label=$1; shift
  local ours=() theirs=() side=0
  for value in "$@"; do
    if [[ $value == -- ]]; then side=1; continue; fi
    if ((side == 0)); then ours+=("$value"); else theirs+=("$value"); fi
  done
  local t p
  t=$(median "${ours[@]}"); p=$(median "${theirs[@]}")
  printf "%-22s tafkik %7.3f s  %7.1f MiB/s   peer %7.3f s  %7.1f MiB/s   ratio %5.2f\n" \
    "$label" "$t" "$(echo "$mib / $t" | bc -l)" "$p" "$(echo "$mib / $p" | bc -l)" "$(echo "$p / $t" | bc -l)"
}
echo "== case files: one ${mib} MiB evidence file, median of $repetitions"
report "intake (add)" "${intake[@]}" -- "${intake_peer[@]}"
report "verify" "${verify[@]}" -- "${verify_peer[@]}"
report "package export" "${export_[@]}" -- "${export_peer[@]}"
report "package verify" "${check[@]}" -- "${check_peer[@]}"

# The PDF report of a generated investigation (scale 1): no peer in Debian drafts case files.
gen=$work/generated
if [[ ! -d $gen ]]; then "$tafkik" generate --seed 7 --scale 1 "$gen" > /dev/null 2>&1; fi
reference=$("$tafkik" -w "$gen" case list --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["reference"])')
times=()
for lang in fr ar en; do
  for ((run = 1; run <= repetitions; run++)); do
    times+=("$(seconds "$tafkik" -w "$gen" report case "$reference" --lang "$lang" --format pdf -o "$work/report-$lang.pdf")")
  done
  pages=$(pdfinfo "$work/report-$lang.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  printf "report pdf %-3s        tafkik %7.3f s  (%s pages, %s bytes, case %s)\n" "$lang" \
    "$(median "${times[@]}")" "${pages:-?}" "$(stat -c %s "$work/report-$lang.pdf")" "$reference"
  times=()
done
