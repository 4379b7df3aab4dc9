#!/usr/bin/env bash
# The runs behind "Bundle adjustment against Ceres" in docs/BENCHMARKS.md (2026-12-03), from the repository root,
# with the BAL files of that section in BAL_DIR; held under /tmp/gn4j-bench.lock:
#   flock /tmp/gn4j-bench.lock docs/results/2026-12-03-bawarm/run.sh
# OUT_DIR: another folder for the logs; WITH_1000=0 leaves the 1000-camera file out.
# gn4j runs 11 solves of each file in one JVM: the first is the cold figure, the eleventh the warm one.
set -euo pipefail
out="${OUT_DIR:-docs/results/2026-12-03-bawarm}"
mkdir -p "$out"
d="${BAL_DIR:-.}"
echo "start $(date -u +%H:%M:%S) $(uptime)" > "$out/load.txt"
OUT=$out ITERATIONS=30 WARMUP=10 GN4J_CONFIGS=ceres-like GN4J_SOLVERS=sparse-schur \
  CERES_SOLVERS="sparse_schur dense_schur" bench/ceres/run-bal.sh "$d/ba-50.bal" "$d/ba-200.bal" > "$out/table-50-200.md"
echo "after 50/200 $(date -u +%H:%M:%S) $(uptime)" >> "$out/load.txt"
# the same gn4j run with the JVM's C2 compiler off (GN4J_JAVA_OPTS, an opt-in of the launcher), 50 cameras
GN4J_JAVA_OPTS="-XX:TieredStopAtLevel=1 -Dgn4j.threads=2" ./gn4j ba --file "$d/ba-50.bal" --solver sparse-schur \
  --damping nielsen --initial-damping 1e-4 --scaling current --no-geodesic --ftol 1e-16 --gtol 1e-16 --xtol 1e-8 \
  --max-iterations 30 --warmup 10 --trace > "$out/ba-50.gn4j.ceres-like.sparse-schur.c1-only.log" 2>&1
python3 bench/ceres/bal_table.py "$out" ba-50 > "$out/table-50-with-c1-only.md"
echo "after c1-only $(date -u +%H:%M:%S) $(uptime)" >> "$out/load.txt"
if [ "${WITH_1000:-1}" = 1 ]; then
  OUT=$out ITERATIONS=30 GN4J_JAVA_OPTS=-Xmx8g GN4J_CONFIGS=ceres-like GN4J_SOLVERS=sparse-schur \
    CERES_SOLVERS=sparse_schur bench/ceres/run-bal.sh "$d/ba-1000.bal" > "$out/table-1000.md"
  echo "after 1000 $(date -u +%H:%M:%S) $(uptime)" >> "$out/load.txt"
fi
