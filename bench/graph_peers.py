#!/usr/bin/python3
"""The peers of bench/graph_benchmark.cc on the same edge list, same output lines.

Usage: graph_peers.py igraph|graph-tool EDGES_FILE ALGORITHM[,...] REPETITIONS
Prints "algorithm wall_ms cpu_ms check" per algorithm it has, then "peak_kib N".
"""
import math
import resource
import statistics
import sys
import time


def timed(name, repetitions, body):
    wall, cpu, check = [], [], 0
    for _ in range(repetitions):
        start, cpu_start = time.perf_counter(), time.process_time()
        check = body()
        cpu.append(time.process_time() - cpu_start)
        wall.append(time.perf_counter() - start)
    print(f"{name} {1000 * statistics.median(wall):.3f} {1000 * statistics.median(cpu):.3f} "
          f"{check:.10g}", flush=True)


def read(path):
    with open(path) as handle:
        nodes = int(handle.readline())
        edges = [tuple(map(int, line.split())) for line in handle]
    return nodes, edges


def run_igraph(path, algorithms, repetitions):
    import igraph
    box = {}

    def load():
        nodes, edges = read(path)
        graph = igraph.Graph(n=nodes, edges=edges, directed=False)
        graph.simplify()
        box["g"] = graph
        return graph.ecount()
    timed("load", 1, load)
    g = box["g"]
    bodies = {
        "pagerank": lambda: max(g.pagerank(implementation="prpack")),
        "components": lambda: len(g.connected_components()),
        "bfs": lambda: len(g.bfs(0)[0]),
        "khop": lambda: len(g.neighborhood(0, order=2)),
        "betweenness": lambda: max(g.betweenness()) / ((g.vcount() - 1) * (g.vcount() - 2) / 2),
        "leiden": lambda: g.modularity(
            g.community_leiden(objective_function="modularity").membership),
        "leiden2": lambda: g.modularity(
            g.community_leiden(objective_function="modularity", n_iterations=2).membership),
    }
    for name in algorithms:
        if name in bodies:
            timed(name, repetitions, bodies[name])


def run_graph_tool(path, algorithms, repetitions):
    import graph_tool.all as gt
    import numpy
    box = {}

    def load():
        nodes, edges = read(path)
        graph = gt.Graph(directed=False)
        graph.add_vertex(nodes)
        graph.add_edge_list(numpy.array(edges, dtype=numpy.int64))
        gt.remove_parallel_edges(graph)
        box["g"] = graph
        return graph.num_edges()
    timed("load", 1, load)
    g = box["g"]
    n = g.num_vertices()
    rng = numpy.random.default_rng(1)
    # As many sources as Tafkik samples for epsilon = delta = 0.1: ceil(ln(2n/delta)/(2 eps^2)).
    pivots = rng.choice(n, size=min(n, math.ceil(math.log(2 * n / 0.1) / 0.02)), replace=False)

    def sampled():
        gt.betweenness(g, pivots=pivots)
        return len(pivots)

    def bfs():
        dist = gt.shortest_distance(g, source=g.vertex(0))
        return int((dist.a < 2147483647).sum())
    bodies = {
        "pagerank": lambda: float(gt.pagerank(g).a.max()),
        "components": lambda: int(gt.label_components(g)[1].size),
        "bfs": bfs,
        "khop": lambda: int((gt.shortest_distance(g, source=g.vertex(0), max_dist=2).a <= 2).sum()),
        "betweenness": lambda: float(gt.betweenness(g)[0].a.max()),
        "sampled": sampled,
    }
    for name in algorithms:
        if name in bodies:
            timed(name, repetitions, bodies[name])


def main():
    library, path, algorithms, repetitions = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    names = algorithms.split(",")
    if library == "igraph":
        run_igraph(path, names, repetitions)
    else:
        run_graph_tool(path, names, repetitions)
    print(f"peak_kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


if __name__ == "__main__":
    main()
