"""Peer baseline for bench/resolve_bench.sh: plain blocked Jaro-Winkler with jellyfish.

Reads the CSV written by resolve_bench (id,name,birth_date,entity), blocks on the birth year
and the first two letters of the last name token, links every pair in a block whose whole-name
Jaro-Winkler similarity (lower case) is at least 0.9, closes the links transitively into
clusters (as Tafkik does), and prints pairs/s, seconds and precision/recall/F1 of the cluster
pairs against the planted groups. Run with /usr/bin/python3 (Debian's python3-jellyfish).
"""
import csv
import sys
import time
from collections import defaultdict

import jellyfish


def main(path, threshold=0.9):
    started = time.perf_counter()
    names, blocks, entity = [], defaultdict(list), []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].lower()
            index = len(names)
            names.append(name)
            entity.append(row["entity"])
            tokens = name.split()
            last = tokens[-1][:2] if tokens else ""
            blocks[(row["birth_date"][:4], last)].append(index)
    parent = list(range(len(names)))

    def find(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    compare_started = time.perf_counter()
    pairs = 0
    jaro_winkler = jellyfish.jaro_winkler_similarity
    for members in blocks.values():
        for first_idx in range(len(members)):
            left = members[first_idx]
            for right in members[first_idx + 1:]:
                pairs += 1
                if jaro_winkler(names[left], names[right]) >= threshold:
                    parent[find(left)] = find(right)
    compare_seconds = time.perf_counter() - compare_started

    groups = defaultdict(list)
    for node in range(len(names)):
        groups[find(node)].append(node)
    predicted = correct = 0
    for members in groups.values():
        for first_idx in range(len(members)):
            for second in members[first_idx + 1:]:
                predicted += 1
                correct += entity[members[first_idx]] == entity[second]
    sizes = defaultdict(int)
    for key in entity:
        sizes[key] += 1
    actual = sum(size * (size - 1) // 2 for size in sizes.values())
    precision = correct / predicted if predicted else 0.0
    recall = correct / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    seconds = time.perf_counter() - started
    print(f"records {len(names)} pairs_compared {pairs} compare_seconds {compare_seconds:.2f} "
          f"pairs_per_second {pairs / compare_seconds:.0f} seconds {seconds:.2f} "
          f"precision {precision:.4f} recall {recall:.4f} f1 {f1:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
