#!/bin/bash
# the full comparison, all three sizes, one run (held under flock by the caller)
F=/tmp/ba2/final
cd $F
L=$F/logs
echo "start $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) commit $(cat $F/commit)" > $L/run.txt
GN4J_CONFIGS="ceres-like lm-default" GN4J_SOLVERS="sparse-schur dense-schur" ITERATIONS=50 OUT=$L \
  bench/ceres/run-bal.sh /tmp/ba2/ba-50.bal > $L/ba-50.table.md 2>&1
echo "ba-50 done $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L/run.txt
GN4J_CONFIGS="ceres-like" GN4J_SOLVERS="sparse-schur dense-schur" ITERATIONS=30 OUT=$L \
  bench/ceres/run-bal.sh /tmp/ba2/ba-200.bal > $L/ba-200.table.md 2>&1
echo "ba-200 done $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L/run.txt
CERES_SOLVERS="sparse_schur iterative_schur" GN4J_CONFIGS="ceres-like" GN4J_SOLVERS="sparse-schur" ITERATIONS=50 OUT=$L \
  bench/ceres/run-bal.sh /tmp/ba2/ba-1000.bal > $L/ba-1000.table.md 2>&1
echo "ba-1000 done $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L/run.txt
# DENSE_SCHUR at 1000 cameras (a dense 9000 x 9000 reduced system): its per-iteration time, 3 iterations
bench/ceres/build/bundle_adjuster --input=/tmp/ba2/ba-1000.bal --linear_solver=dense_schur --num_threads=2 \
  --num_iterations=3 > $L/ba-1000.ceres-3-iterations.dense_schur.log 2>&1
echo "end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $L/run.txt
