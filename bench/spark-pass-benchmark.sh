#!/usr/bin/env bash
# Times the aggregation passes of a distributed Levenberg-Marquardt fit (org.gn4j.spark.PassBenchmark) on rows
# generated on the executors, on embedded masters: linearization pass, cost pass, empty pass (overhead), passes per
# iteration, total fit time.
#   bench/spark-pass-benchmark.sh [rows] [partitions] [repeats] [master...]
#   e.g. bench/spark-pass-benchmark.sh 1000000 4 5 'local[1]' 'local[2]' spark://127.0.0.1:7177
# With the first argument "aggregation", the bytes and seconds of row-less linearization passes for several parameter
# and partition counts against the model of docs/SCALING.md (org.gn4j.spark.AggregationBenchmark):
#   bench/spark-pass-benchmark.sh aggregation master repeats n-list P-list
#   e.g. bench/spark-pass-benchmark.sh aggregation 'local[2]' 3 10,100,1000 4,8,100
# A spark:// master is a cluster on this machine (bench/spark-standalone.sh): its executors read gn4j's classes from
# this tree's target folders.
set -euo pipefail
cd "$(dirname "$0")/.."
main=org.gn4j.spark.PassBenchmark
if [ "${1:-}" = aggregation ]; then
  main=org.gn4j.spark.AggregationBenchmark
  shift
fi
mvn -B -ntp -q -o package -DskipTests -pl spark -am >&2  # its output (and terminal reset codes) off stdout
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
# Spark's jars (provided scope) and the other dependencies; gn4j's own modules from this tree, not from ~/.m2
mvn -B -ntp -q -o dependency:build-classpath -pl spark -Dmdep.includeScope=compile -Dmdep.outputFile="$cpfile" >&2
deps=$(tr ':' '\n' < "$cpfile" | grep -v '/org/gn4j/' | paste -sd: -)
own="$PWD/spark/target/classes:$PWD/nn-models/target/classes:$PWD/gauss-newton/target/classes:$PWD/solvers/target/classes:$PWD/linalg/target/classes"
cp="$own:$deps"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
# shellcheck disable=SC2086
exec java -Xmx${GN4J_SPARK_XMX:-3g} --add-modules jdk.incubator.vector $opens -Djdk.reflect.useDirectMethodHandle=false \
  -Dio.netty.tryReflectionSetAccessible=true -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -Dlog4j2.configurationFile=spark/src/test/resources/log4j2.properties -Dspark.executor.extraClassPath="$own" \
  -cp "$cp" "$main" "$@"
