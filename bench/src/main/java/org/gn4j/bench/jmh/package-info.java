/**
 * JMH micro-benchmarks. Run them from the shaded jar: {@code java -jar bench/target/gn4j.jar jmh -l} lists them,
 * {@code ./gn4j jmh DgemmBenchmark -f 1 -wi 2 -i 3} runs one. Figures and the commands that produced them are in
 * {@code docs/BENCHMARKS.md}.
 *
 * <p><b>Thread safety.</b> Each benchmark class is a JMH {@code @State(Scope.Benchmark)} object whose solvers, products
 * and buffers are shared by all benchmark threads of a trial and reused across invocations: run the benchmarks with
 * one thread (JMH's default; none sets {@code @Threads}).
 */
package org.gn4j.bench.jmh;
