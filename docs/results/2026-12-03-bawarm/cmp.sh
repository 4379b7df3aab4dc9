#!/bin/bash
# usage: ROUNDS=n cmp.sh FILE "spec" ...; spec = [J25:][jar=PATH:]JVMOPTS ; prints iter-3 seconds and total
f=$1; shift
for round in $(seq ${ROUNDS:-3}); do
  for o in "$@"; do
    j=java; oo=$o; jar=/work/wt-bawarm/bench/target/gn4j.jar
    case "$oo" in J25:*) j=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; oo=${oo#J25:};; esac
    case "$oo" in jar=*) jar=${oo%%:*}; jar=${jar#jar=}; oo=${oo#*:};; esac
    out=$($j --add-modules jdk.incubator.vector -Dgn4j.threads=2 $oo -jar $jar ba --file $f --solver sparse-schur --damping nielsen --initial-damping 1e-4 --scaling current --no-geodesic --ftol 1e-16 --gtol 1e-16 --xtol 1e-8 --max-iterations 30 --trace $EXTRA 2>/dev/null)
    t=$(echo "$out" | awk '/^iter 3 /{print $8}'); tot=$(echo "$out" | sed -n 's/^result.* seconds=\([0-9.]*\).*/\1/p')
    printf "%-70s %s %s\n" "$o" "$t" "$tot"
  done
done
