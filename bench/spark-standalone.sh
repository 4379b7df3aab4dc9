#!/usr/bin/env bash
# A Spark standalone cluster on loopback: one master and two workers (one core each), separate JVMs started from
# Spark's Maven jars (no Spark distribution needed), and their shutdown.
#   bench/spark-standalone.sh start    # prints the master URL, spark://127.0.0.1:$GN4J_SPARK_PORT
#   bench/spark-standalone.sh stop
# Environment: GN4J_SPARK_DIR (state, logs, pids; default bench/target/spark-standalone), GN4J_SPARK_PORT (7177),
# GN4J_SPARK_CP (the class path to take Spark's jars from; default: the spark module's, from Maven),
# GN4J_SPARK_WORKER_MEMORY (1g).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${GN4J_SPARK_DIR:-$root/bench/target/spark-standalone}
port=${GN4J_SPARK_PORT:-7177}
url="spark://127.0.0.1:$port"
opens="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED
 --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
 --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
 --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
 -Dio.netty.tryReflectionSetAccessible=true"

wait_for() { # pattern file seconds
  for _ in $(seq 1 "$3"); do
    if grep -q "$1" "$2" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "timed out waiting for '$1' in $2" >&2
  tail -20 "$2" >&2 || true
  return 1
}

stop_pid() { # pid file
  local f=$1
  [ -f "$f" ] || return 0
  local pid
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

case "${1:-}" in
start)
  if [ -f "$dir/master.pid" ] && kill -0 "$(cat "$dir/master.pid")" 2>/dev/null; then
    echo "a master is already running (pid $(cat "$dir/master.pid")); stop it first" >&2
    exit 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir/home/jars"
  cp_list=${GN4J_SPARK_CP:-}
  if [ -z "$cp_list" ]; then
    cpfile="$dir/classpath.txt"
    # Maven's output to stderr: standard output carries only the master URL
    (cd "$root" && mvn -B -ntp -q -o -Dstyle.color=never dependency:build-classpath -pl spark \
      -Dmdep.includeScope=compile -Dmdep.outputFile="$cpfile") >&2
    cp_list=$(cat "$cpfile")
  fi
  # SPARK_HOME/jars: the workers launch executors with it on their class path
  tr ':' '\n' <<< "$cp_list" | grep '\.jar$' | grep -v '/org/gn4j/' | while read -r jar; do
    ln -sf "$jar" "$dir/home/jars/$(basename "$jar")"
  done
  export SPARK_HOME="$dir/home" SPARK_SCALA_VERSION=2.13
  # shellcheck disable=SC2086
  nohup java -Xmx512m $opens -Dspark.master.rest.enabled=false -cp "$dir/home/jars/*" \
    org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port 0 > "$dir/master.log" 2>&1 &
  echo $! > "$dir/master.pid"
  wait_for "Starting Spark master at\|I have been elected leader" "$dir/master.log" 60
  for i in 1 2; do
    mkdir -p "$dir/work-$i"
    # shellcheck disable=SC2086
    nohup java -Xmx512m $opens -cp "$dir/home/jars/*" org.apache.spark.deploy.worker.Worker "$url" \
      --host 127.0.0.1 --cores 1 --memory "${GN4J_SPARK_WORKER_MEMORY:-1g}" --webui-port 0 \
      --work-dir "$dir/work-$i" > "$dir/worker-$i.log" 2>&1 &
    echo $! > "$dir/worker-$i.pid"
  done
  wait_for "Successfully registered with master" "$dir/worker-1.log" 60
  wait_for "Successfully registered with master" "$dir/worker-2.log" 60
  echo "$url"
  ;;
stop)
  stop_pid "$dir/worker-1.pid"
  stop_pid "$dir/worker-2.pid"
  stop_pid "$dir/master.pid"
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
