/**
 * JMH micro-benchmarks. Run them from the shaded jar: {@code java -jar bench/target/gn4j.jar jmh -l} lists them,
 * {@code ./gn4j jmh DgemmBenchmark -f 1 -wi 2 -i 3} runs one. Figures and the commands that produced them are in
 * {@code docs/BENCHMARKS.md}.
 */
package org.gn4j.bench.jmh;
