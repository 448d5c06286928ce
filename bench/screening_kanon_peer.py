#!/usr/bin/python3
"""Peer for bench/screening_bench.sh: the same k-anonymisation as screening/statistics.cc
(suppress recruiter, citizenship, labour type, means, year, age, exploitation, gender in turn
for rows in groups smaller than k; drop what is still too small), in plain Python with dicts,
on the same CTDC-derived file. Prints the median time and the suppressed cells, which must
equal Tafkik's. Usage: screening_kanon_peer.py CTDC_CSV [K]"""
import collections
import csv
import statistics
import sys
import time

UNKNOWN = {"", "0", "-99", "Unknown", "Not Specified"}
COLUMNS = ["yearOfRegistration", "gender", "ageCategories", "citizenship", "ControlCategory",
           "ExploitType", "Labor_Type", "RecruiterCategory"]
ORDER = [7, 3, 6, 4, 0, 2, 5, 1]


def read(path):
    with open(path, newline="") as handle:
        return [[("" if row[c].strip() in UNKNOWN else row[c].strip()) for c in COLUMNS]
                for row in csv.DictReader(handle)]


def anonymise(rows, k):
    rows = [list(row) for row in rows]
    suppressed = 0
    for field in ORDER:
        sizes = collections.Counter(tuple(row) for row in rows)
        small = [row for row in rows if sizes[tuple(row)] < k]
        for row in small:
            if row[field]:
                row[field] = ""
                suppressed += 1
    sizes = collections.Counter(tuple(row) for row in rows)
    kept = [row for row in rows if sizes[tuple(row)] >= k]
    return kept, suppressed, len(rows) - len(kept)


def main():
    path = sys.argv[1]
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    rows = read(path)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        kept, suppressed, dropped = anonymise(rows, k)
        times.append(time.perf_counter() - start)
    # Cells suppressed in rows dropped later are not counted by Tafkik either.
    print(f"python peer k-anonymise: median {statistics.median(times) * 1e3:.1f} ms for "
          f"{len(rows)} rows, k={k}, {suppressed} cells suppressed, {dropped} rows dropped")
    print(f"PEER_KANON_SECONDS={statistics.median(times):.6f}")


main()
