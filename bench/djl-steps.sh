#!/usr/bin/env bash
# LibTorch 2.7.1 through DJL 0.36, the peer of NetworkStepBenchmark beside bench/python/torch_steps.py: SGD step and
# GGN-vector product of the benchmark networks at mini-batch 1000, float32, 2 threads (bench/djl, class
# org.gn4j.bench.djl.LibTorchSteps; output lines in torch_steps.py's format). Builds bench/djl first when its class
# path file is missing or older than its sources: offline, with the root profile djl, which needs
# ai.djl.pytorch:pytorch-engine:0.36.0, pytorch-jni:2.7.1-0.36.0 and pytorch-native-cpu:2.7.1:linux-x86_64 in the
# local Maven repository (`mvn -B -ntp -P djl -pl bench/djl -am package -DskipTests` online fetches them once). When
# that build fails the script says why on stdout and exits 0, so that callers
# (bench/mixed-precision.sh) go on without the column. LibTorch and DJL's JNI bridge load from the class path with
# DJL offline, extracted once into bench/djl/target/djl-cache; glibc keeps freed memory (MALLOC_ARENA_MAX=1
# MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736 MALLOC_TOP_PAD_=1073741824, as for the Python peer).
#
#   bench/djl-steps.sh [--build-only] [--reps N] [--threads N] [--batch N] [network ...]
#     defaults: --reps 10 --threads 2 --batch 1000, networks mlp784-20-20-20-10 mlp784-1024-1024-10 lenet-fashion
#     cnn-cifar10; --build-only builds (or finds) the harness and prints nothing unless it cannot
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOD="$ROOT/bench/djl"
CP_FILE="$MOD/target/djl-classpath.txt"

skip() {
    echo "== LibTorch (DJL) skipped: $1"
    exit 0
}

if [ ! -f "$CP_FILE" ] || [ -n "$(find "$MOD/src" "$MOD/pom.xml" -newer "$CP_FILE" -print -quit)" ]; then
    command -v mvn >/dev/null 2>&1 || skip "bench/djl is not built and mvn is not on the PATH"
    log="$(mktemp)"
    if ! mvn -B -ntp -o -q -f "$ROOT/pom.xml" -P djl -pl bench/djl -am package -DskipTests >"$log" 2>&1; then
        reason="$(grep -m1 -E '^\[ERROR\]' "$log" | cut -c1-300 || true)"
        rm -f "$log"
        skip "mvn -o -P djl -pl bench/djl package failed (DJL 0.36 and LibTorch 2.7.1 must be in ~/.m2; fetch them once with: mvn -B -ntp -P djl -pl bench/djl -am package -DskipTests): ${reason:-see mvn}"
    fi
    rm -f "$log"
fi
[ "${1:-}" = "--build-only" ] && exit 0

threads=2
for ((i = 1; i <= $#; i++)); do
    if [ "${!i}" = "--threads" ]; then j=$((i + 1)); threads="${!j:-2}"; fi
done
mkdir -p "$MOD/target/djl-cache"
exec env DJL_CACHE_DIR="$MOD/target/djl-cache" ENGINE_CACHE_DIR="$MOD/target/djl-cache" DJL_OFFLINE=true \
    PYTORCH_FLAVOR=cpu OMP_NUM_THREADS="$threads" MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 \
    MALLOC_TRIM_THRESHOLD_=68719476736 MALLOC_TOP_PAD_=1073741824 \
    java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "$MOD/target/classes:$(cat "$CP_FILE")" org.gn4j.bench.djl.LibTorchSteps "$@"
