/**
 * The {@code gn4j} command line ({@link org.gn4j.bench.cli}), its demo sections, and the JMH micro-benchmarks
 * ({@link org.gn4j.bench.jmh}). This is the only module that prints; library modules report through results and
 * listeners.
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.bench.Flops} is stateless (static arithmetic). The command line runs on
 * one thread; see the subpackages for their types.
 */
package org.gn4j.bench;
