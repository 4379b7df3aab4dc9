"""Medians per run kind of a rounds.sh output (lines: round kind seconds cost), and gn4j / best Ceres."""
import collections
import statistics
import sys

for path in sys.argv[1:]:
    runs = collections.defaultdict(list)
    for line in open(path):
        f = line.split()
        if len(f) == 4 and f[0].isdigit():
            runs[f[1]].append(float(f[2]))
    med = {k: statistics.median(v) for k, v in runs.items()}
    best = min(v for k, v in med.items() if k.startswith('ceres'))
    print(path)
    for k, v in runs.items():
        print(f"  {k:20s} n={len(v)} median {med[k]:.3f} s  / best Ceres {med[k] / best:.2f}   "
              + " ".join(f"{x:.3f}" for x in sorted(v)))
