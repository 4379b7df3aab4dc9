#!/usr/bin/env bash
# Mixed precision beside the peers, in one sitting: SGD step and GGN product at mini-batch 1000 on 2 threads for the
# MLP 784-1024-1024-10 tanh, LeNet and the CIFAR CNN 32-64-64, gn4j in float32 and float64 (JMH
# NetworkStepBenchmark), Debian's PyTorch 1.13 in float32 (bench/python/torch_steps.py --float32) and LibTorch 2.7.1
# through DJL 0.36 in float32 (bench/djl-steps.sh; left out with a message when bench/djl cannot be built offline),
# both peers with glibc settings that keep freed memory; then SGEMM n = 1024 (JMH SgemmBenchmark) beside numpy's
# float32 matmul (OpenBLAS), and last the step figures in one table (bench/python/steps_table.py). Needs
# bench/target/gn4j.jar (./gn4j builds it; GN4J_JAR names another copy), python3-torch and numpy. Timing runs take
# the shared lock /tmp/gn4j-bench.lock; the DJL harness is built before it.
#
#   bench/mixed-precision.sh [JMH options, default: -f 1 -wi 4 -i 8 -w 2s -r 2s]
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${GN4J_JAR:-$ROOT/bench/target/gn4j.jar}"
JMH_OPTS=("$@")
[ ${#JMH_OPTS[@]} -gt 0 ] || JMH_OPTS=(-f 1 -wi 4 -i 8 -w 2s -r 2s)
JVM="-Dgn4j.threads=2 --add-modules jdk.incubator.vector"
DJL_SKIPPED="$("$ROOT/bench/djl-steps.sh" --build-only)"
exec flock /tmp/gn4j-bench.lock bash -c '
set -euo pipefail
OUT="$(mktemp)"
trap "rm -f \"$OUT\"" EXIT
{
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2)"
echo "== load at start: $(cut -d" " -f1-3 /proc/loadavg)"
echo "== gn4j NetworkStepBenchmark (ms/op)"
java --add-modules jdk.incubator.vector -jar "$0" jmh NetworkStepBenchmark -jvmArgs "$1" \
    -p network=mlp784-1024-1024-10,lenet-fashion,cnn-cifar10 -p precision=f32,f64 "${@:4}" 2>&1 \
    | grep -E "^(Benchmark|NetworkStepBenchmark)"
echo "== PyTorch $(/usr/bin/python3 -c "import torch; print(torch.__version__)") float32, tuned glibc allocator"
env OPENBLAS_NUM_THREADS=2 MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736 \
    MALLOC_TOP_PAD_=1073741824 /usr/bin/python3 "$2/bench/python/torch_steps.py" --float32 --reps 10 \
    mlp784-1024-1024-10 lenet-fashion cnn-cifar10
if [ -n "$3" ]; then
    echo "$3"
else
    "$2/bench/djl-steps.sh" --reps 10 mlp784-1024-1024-10 lenet-fashion cnn-cifar10
fi
echo "== gn4j SgemmBenchmark n=1024 (ms/op; GFLOP/s = 2147.5 / ms)"
java --add-modules jdk.incubator.vector -jar "$0" jmh SgemmBenchmark -jvmArgs "$1" -f 1 -wi 3 -i 8 -w 1s -r 1s 2>&1 \
    | grep -E "^(Benchmark|SgemmBenchmark)"
echo "== numpy float32 matmul n=1024"
python3 "$2/bench/python/numpy_sgemm.py"
echo "== load at end: $(cut -d" " -f1-3 /proc/loadavg)"
} | tee "$OUT"
echo "== SGD step and GGN product, ms (gn4j: JMH mean; peers: median of 10)"
python3 "$2/bench/python/steps_table.py" < "$OUT"
' "$JAR" "$JVM" "$ROOT" "$DJL_SKIPPED" "${JMH_OPTS[@]}"
