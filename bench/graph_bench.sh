#!/usr/bin/env bash
# Network kernels side by side: Tafkik (bench/graph_benchmark), python3-igraph and
# python3-graph-tool (Debian's, under /usr/bin/python3) on the same generated graphs in one
# run: 10k nodes / 50k edges scale-free (exact betweenness), 100k nodes / 1M edges
# scale-free and R-MAT (sampled betweenness). Prints medians, the fastest peer, the ratio
# (fastest peer's median / Tafkik's, wall and CPU time of all threads; > 1 means
# Tafkik is faster; CPU time is the fairer figure on a shared machine), the check figures and peak memory.
# Usage: bench/graph_bench.sh BUILD_DIR [WORK_DIR]   (TAFKIK_BENCH_REPETITIONS, default 3)
set -euo pipefail
build_dir=$1
work=${2:-$(mktemp -d /tmp/tafkik-graph-bench.XXXXXX)}
repetitions=${TAFKIK_BENCH_REPETITIONS:-3}
bench=$build_dir/bench/graph_benchmark
peers=$(dirname "$0")/graph_peers.py
mkdir -p "$work"

run_graph() {  # label kind nodes edges algorithms
  local label=$1 kind=$2 nodes=$3 edges=$4 algorithms=$5 file=$work/$1.edges
  [[ -s $file ]] || "$bench" generate "$kind" "$nodes" "$edges" 2026 "$file"
  "$bench" run "$file" "$algorithms" "$repetitions" > "$work/$label.tafkik"
  /usr/bin/python3 "$peers" igraph "$file" "$algorithms" "$repetitions" > "$work/$label.igraph"
  /usr/bin/python3 "$peers" graph-tool "$file" "$algorithms" "$repetitions" > "$work/$label.gt"
  echo "== $label ($kind, $nodes nodes, $edges edges requested)"
  awk '
    FNR == 1 { tool++ }
    $1 == "peak_kib" { peak[tool] = $2; next }
    { wall[tool, $1] = $2; cpu[tool, $1] = $3; check[tool, $1] = $4; if (tool == 1) order[++n] = $1 }
    function best(table, a,    t, b) {
      b = ""
      for (t = 2; t <= 3; t++) if ((t, a) in table && (b == "" || table[t, a] < b)) b = table[t, a]
      return b
    }
    function cell(table, t, a) { return ((t, a) in table) ? table[t, a] : "-" }
    END {
      printf "%-11s %21s %21s %21s %7s %7s   %s\n", "algorithm", "tafkik wall/cpu ms",
             "igraph wall/cpu ms", "graph-tool wall/cpu", "x wall", "x cpu",
             "checks (tafkik / igraph / graph-tool)"
      for (i = 1; i <= n; i++) {
        a = order[i]; bw = best(wall, a); bc = best(cpu, a)
        printf "%-11s %10s/%-10s %10s/%-10s %10s/%-10s %7s %7s   %s / %s / %s\n", a,
               wall[1, a], cpu[1, a], cell(wall, 2, a), cell(cpu, 2, a), cell(wall, 3, a),
               cell(cpu, 3, a),
               (bw != "" && wall[1, a] > 0) ? sprintf("%.1f", bw / wall[1, a]) : "-",
               (bc != "" && cpu[1, a] > 0) ? sprintf("%.1f", bc / cpu[1, a]) : "-",
               check[1, a], cell(check, 2, a), cell(check, 3, a)
      }
      printf "peak memory KiB: tafkik %d, igraph %d, graph-tool %d (tafkik/smallest peer %.2f)\n",
             peak[1], peak[2], peak[3], peak[1] / (peak[2] < peak[3] ? peak[2] : peak[3])
    }' "$work/$label.tafkik" "$work/$label.igraph" "$work/$label.gt"
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
run_graph small-ba ba 10000 50000 pagerank,components,bfs,khop,betweenness,leiden,leiden2
run_graph large-ba ba 100000 1000000 pagerank,components,bfs,khop,sampled,leiden,leiden2
run_graph large-rmat rmat 100000 1000000 pagerank,components,bfs,khop,sampled,leiden,leiden2
