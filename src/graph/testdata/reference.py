#!/usr/bin/python3
"""Reference values for graph_test: reads an edge list, prints every measure as JSON.

Usage: reference.py EDGES_FILE KATZ_ALPHA
EDGES_FILE: first line "directed|undirected N", then "source target weight" per edge
(0-based node indexes, already merged: no self-loops, no parallel edges).
Measures come from networkx (and igraph's PRPACK for PageRank), the peers Tafkik must match.
"""
import json
import sys
import warnings

import igraph
import networkx as nx


def load(path):
    with open(path) as handle:
        kind, count = handle.readline().split()
        graph = nx.DiGraph() if kind == "directed" else nx.Graph()
        graph.add_nodes_from(range(int(count)))
        for line in handle:
            source, target, weight = line.split()
            graph.add_edge(int(source), int(target), weight=float(weight))
    return graph


def as_list(values, count):
    return [float(values[node]) for node in range(count)]


def partition(sets, count):
    label = [0] * count
    for index, members in enumerate(sets):
        for node in members:
            label[node] = index
    return label


def main():
    warnings.simplefilter("ignore")
    graph = load(sys.argv[1])
    alpha = float(sys.argv[2])
    n = graph.number_of_nodes()
    out = {}
    out["pagerank_nx"] = as_list(nx.pagerank(graph, tol=1e-15, max_iter=100000), n)
    out["pagerank_nx_unweighted"] = as_list(
        nx.pagerank(graph, tol=1e-15, max_iter=100000, weight=None), n)
    ig = igraph.Graph(n=n, edges=[(u, v) for u, v in graph.edges()], directed=graph.is_directed())
    ig.es["weight"] = [d["weight"] for _, _, d in graph.edges(data=True)]
    out["pagerank_igraph"] = ig.pagerank(weights="weight", implementation="prpack")
    out["betweenness"] = as_list(nx.betweenness_centrality(graph), n)
    out["betweenness_weighted"] = as_list(nx.betweenness_centrality(graph, weight="weight"), n)
    out["betweenness_raw"] = as_list(nx.betweenness_centrality(graph, normalized=False), n)
    edge = nx.edge_betweenness_centrality(graph)
    out["edge_betweenness"] = [[u, v, value] for (u, v), value in edge.items()]
    out["closeness"] = as_list(nx.closeness_centrality(graph), n)
    out["closeness_weighted"] = as_list(nx.closeness_centrality(graph, distance="weight"), n)
    out["harmonic"] = as_list(nx.harmonic_centrality(graph), n)
    out["degree_centrality"] = as_list(nx.degree_centrality(graph), n)
    # Eigenvector centrality is unique (Perron-Frobenius) on a strongly connected graph.
    largest = max(nx.strongly_connected_components(graph) if graph.is_directed()
                  else nx.connected_components(graph), key=len)
    if graph.number_of_edges() > 0 and len(largest) > 1:
        core = graph.subgraph(largest)
        ev = nx.eigenvector_centrality_numpy(core, weight="weight")
        out["eigenvector_core"] = [[node, abs(float(value))] for node, value in ev.items()]
    if graph.number_of_edges() > 0:
        out["katz"] = as_list(nx.katz_centrality_numpy(graph, alpha=alpha, weight="weight"), n)
    undirected = graph.to_undirected() if graph.is_directed() else graph
    out["core_number"] = as_list(nx.core_number(undirected), n)
    out["articulation_points"] = sorted(nx.articulation_points(undirected))
    out["bridges"] = sorted(sorted(edge) for edge in nx.bridges(undirected))
    if graph.is_directed():
        out["wcc"] = partition(nx.weakly_connected_components(graph), n)
        out["scc"] = partition(nx.strongly_connected_components(graph), n)
    else:
        out["wcc"] = partition(nx.connected_components(graph), n)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
