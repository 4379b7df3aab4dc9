#!/bin/bash
# Cold first solves, interleaved: each round runs Ceres's bundle_adjuster (dense_schur, sparse_schur) and gn4j's
# first solve in a fresh JVM from two jars (BASE_JAR, NEW_JAR), on one BAL file, 2 threads, same stopping rules.
# Prints one line per run: round, run, seconds to the end of iteration TARGET_ITER (Ceres: total_time column; gn4j:
# the trace's seconds), final cost. Raw logs go to $OUT.
#   usage: OUT=dir ROUNDS=7 TARGET_ITER=3 BASE_JAR=a.jar NEW_JAR=b.jar [EXTRA="--warmup 10"] rounds.sh FILE
set -euo pipefail
f=$1
ceres=${CERES:-/work/main/bench/ceres/build/bundle_adjuster}
mkdir -p "$OUT"
name=$(basename "$f" .bal)
for round in $(seq "${ROUNDS:-7}"); do
  for s in dense_schur sparse_schur; do
    log="$OUT/$name.r$round.ceres.$s.log"
    "$ceres" --input="$f" --linear_solver="$s" --num_threads=2 --num_iterations=30 >"$log" 2>&1
    t=$(awk -v it="${TARGET_ITER:-3}" '$1 == it && NF == 10 {print $10}' "$log")
    c=$(awk '/^Final/ {print $2}' "$log")
    echo "$round ceres-$s $t $c"
  done
  for which in base new; do
    jar=$BASE_JAR; [ "$which" = new ] && jar=$NEW_JAR
    log="$OUT/$name.r$round.gn4j-$which.log"
    java --add-modules jdk.incubator.vector -Dgn4j.threads=2 -jar "$jar" ba --file "$f" --solver sparse-schur \
      --damping nielsen --initial-damping 1e-4 --scaling current --no-geodesic --ftol 1e-16 --gtol 1e-16 \
      --xtol 1e-8 --max-iterations 30 --trace ${EXTRA:-} >"$log" 2>&1
    t=$(awk -v it="${TARGET_ITER:-3}" '$1 == "iter" && $2 == it {print $8}' "$log")
    c=$(sed -n 's/^result.* final_cost=\([^ ]*\).*/\1/p' "$log")
    echo "$round gn4j-$which $t $c"
  done
done
