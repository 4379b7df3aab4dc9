#!/usr/bin/env bash
# Runs gn4j (`gn4j ba`) and Ceres's bundle_adjuster (built by build.sh) on the same BAL files, same thread count and
# same stopping rules, and prints per run: final cost, iterations, time, and each run's time to reach the target
# cost (the final cost of Ceres's fastest solver whose final cost is within 1e-6 of Ceres's lowest, times 1 + 1e-6).
#
#   bench/ceres/run-bal.sh FILE.bal [FILE.bal ...]
#
# Environment: THREADS (2), ITERATIONS (50, both: Ceres's --num_iterations, gn4j's --max-iterations),
#   CERES_SOLVERS ("sparse_schur dense_schur iterative_schur"), GN4J_SOLVERS ("sparse-schur dense-schur iterative-schur"),
#   GN4J_CONFIGS ("ceres-like lm-default"), GN4J_JAVA_OPTS (-Xmx for large files), OUT (a folder for raw logs),
#   WARMUP (0: gn4j's reported solve is the first in its JVM, cold; N > 0: `gn4j ba --warmup N`, the table then has a
#   cold row from the first solve and a warm row from solve N + 1 of the same JVM, both against the same Ceres runs).
# Like for like: bundle_adjuster 2.1.0 fixes function_tolerance = gradient_tolerance = 1e-16 and keeps
#   parameter_tolerance = 1e-8, so gn4j runs with --ftol 1e-16 --gtol 1e-16 --xtol 1e-8; robust loss off on both
#   (--robustify=false is bundle_adjuster's default); no perturbation (the *_sigma flags are 0 by default); Ceres's
#   bundle_adjuster always normalizes the scene (median-centred, scaled), which leaves every reprojection, and so
#   the cost, unchanged. ITERATIVE_SCHUR runs with --preconditioner=schur_jacobi (gn4j's preconditioner).
#   gn4j configurations: "ceres-like" = Nielsen damping from λ = 1e-4 with D² = diag(JᵀJ) (Ceres's LM:
#   1/initial radius 1e4, Jacobi scaling) and no geodesic acceleration; "lm-default" = gn4j's LM defaults (Moré's
#   trust region, running-max column-norm scaling, geodesic acceleration). Both have the same tolerances.
# Hold /tmp/gn4j-bench.lock around it when other timing runs share the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
THREADS="${THREADS:-2}"
ITERATIONS="${ITERATIONS:-50}"
CERES_SOLVERS="${CERES_SOLVERS:-sparse_schur dense_schur iterative_schur}"
GN4J_SOLVERS="${GN4J_SOLVERS:-sparse-schur dense-schur iterative-schur}"
GN4J_CONFIGS="${GN4J_CONFIGS:-ceres-like lm-default}"
WARMUP="${WARMUP:-0}"
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/run-bal.XXXXXX")}"
mkdir -p "$OUT"
[ $# -ge 1 ] || { echo "usage: $0 FILE.bal [FILE.bal ...]" >&2; exit 2; }

"$here/build.sh" | tee "$OUT/build.log"
ceres="$here/build/bundle_adjuster"
have_ceres=1
[ -x "$ceres" ] || { have_ceres=0; echo "Ceres's bundle_adjuster is not available: gn4j runs only"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "threads $THREADS, iterations $ITERATIONS, gn4j warm-up solves $WARMUP, raw logs in $OUT"
for f in "$@"; do
  name="$(basename "$f" .bal)"
  if [ "$have_ceres" = 1 ]; then
    for s in $CERES_SOLVERS; do
      extra=""
      [ "$s" = iterative_schur ] && extra="--preconditioner=schur_jacobi"
      "$ceres" --input="$f" --linear_solver="$s" $extra --num_threads="$THREADS" --num_iterations="$ITERATIONS" \
        > "$OUT/$name.ceres.$s.log" 2>&1 || echo "ceres $s failed on $f (see $OUT/$name.ceres.$s.log)"
    done
  fi
  for c in $GN4J_CONFIGS; do
    case "$c" in
      ceres-like) opts="--damping nielsen --initial-damping 1e-4 --scaling current --no-geodesic" ;;
      lm-default) opts="" ;;
      *) echo "unknown GN4J_CONFIGS entry $c" >&2; exit 2 ;;
    esac
    for s in $GN4J_SOLVERS; do
      GN4J_JAVA_OPTS="${GN4J_JAVA_OPTS:-} -Dgn4j.threads=$THREADS" "$root/gn4j" ba --file "$f" --solver "$s" $opts \
        --ftol 1e-16 --gtol 1e-16 --xtol 1e-8 --max-iterations "$ITERATIONS" --warmup "$WARMUP" --trace \
        > "$OUT/$name.gn4j.$c.$s.log" 2>&1 || echo "gn4j $c $s failed on $f (see $OUT/$name.gn4j.$c.$s.log)"
    done
  done
  python3 "$here/bal_table.py" "$OUT" "$name"
done
