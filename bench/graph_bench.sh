#!/usr/bin/env bash
# Network kernels side by side: Tafkik (bench/graph_benchmark), python3-igraph and
# python3-graph-tool (Debian's, under /usr/bin/python3) on the same generated graphs in one
# run: 10k nodes / 50k edges scale-free (exact betweenness), 100k nodes / 1M edges
# scale-free and R-MAT (sampled betweenness). Prints medians, the fastest peer, the ratio
# (peer time / Tafkik time, > 1 means Tafkik is faster), the check figures and peak memory.
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
  awk -v label="$label" '
    FNR == 1 { tool++ }
    $1 == "peak_kib" { peak[tool] = $2; next }
    { ms[tool, $1] = $2; check[tool, $1] = $3; if (tool == 1) order[++n] = $1 }
    END {
      printf "%-12s %10s %10s %10s %8s   %s\n", "algorithm", "tafkik_ms", "igraph_ms", "gt_ms",
             "ratio", "checks (tafkik / igraph / graph-tool)"
      for (i = 1; i <= n; i++) {
        a = order[i]; best = ""
        for (t = 2; t <= 3; t++) if ((t, a) in ms && (best == "" || ms[t, a] < best)) best = ms[t, a]
        ratio = (best != "" && ms[1, a] > 0) ? sprintf("%.1fx", best / ms[1, a]) : "-"
        printf "%-12s %10s %10s %10s %8s   %s / %s / %s\n", a, ms[1, a],
               ((2, a) in ms ? ms[2, a] : "-"), ((3, a) in ms ? ms[3, a] : "-"), ratio,
               check[1, a], ((2, a) in check ? check[2, a] : "-"), ((3, a) in check ? check[3, a] : "-")
      }
      printf "peak memory KiB: tafkik %d, igraph %d, graph-tool %d (tafkik/smallest peer %.2f)\n",
             peak[1], peak[2], peak[3], peak[1] / (peak[2] < peak[3] ? peak[2] : peak[3])
    }' "$work/$label.tafkik" "$work/$label.igraph" "$work/$label.gt"
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
run_graph small-ba ba 10000 50000 pagerank,components,bfs,khop,betweenness,leiden
run_graph large-ba ba 100000 1000000 pagerank,components,bfs,khop,sampled,leiden
run_graph large-rmat rmat 100000 1000000 pagerank,components,bfs,khop,sampled,leiden
