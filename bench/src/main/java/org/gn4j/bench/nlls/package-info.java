/**
 * {@code gn4j bench nlls}: solver configurations (gn4j and SciPy {@code least_squares}) over the NIST StRD and
 * Moré-Garbow-Hillstrom suites, with exact evaluation counts on both sides ({@link org.gn4j.bench.nlls.CountedProblem},
 * {@link org.gn4j.bench.nlls.ScipyBridge}), a CSV, a summary table and Dolan-Moré performance profiles
 * ({@link org.gn4j.bench.nlls.PerformanceProfile}, {@link org.gn4j.bench.nlls.ProfilePlot}).
 *
 * <p><b>Thread safety.</b> A {@link org.gn4j.bench.nlls.CountedProblem} and a
 * {@link org.gn4j.bench.nlls.ScipyBridge} serve one run at a time; the records and
 * {@link org.gn4j.bench.nlls.PerformanceProfile} are immutable.
 */
package org.gn4j.bench.nlls;
