/**
 * Curve fitting on data: a least-squares problem from a model expression and a table of observations (optionally
 * weighted and bounded), CSV input, the report of a fit at its solution (covariance, statistics, residuals), and the
 * NIST StRD scoring (log relative error) used by the tests and {@code gn4j fit}.
 *
 * <p><b>Thread safety.</b> Every public type is safe to share:
 * <ul>
 *   <li>{@link org.gn4j.gn.fit.CurveFit}: static; the problems it builds are immutable
 *       {@link org.gn4j.gn.LeastSquaresProblem}s that may be solved from several threads at once: each thread
 *       evaluates the model on its own copy of the compiled model and its own gradient buffer, held in a
 *       {@code ThreadLocal};</li>
 *   <li>immutable: {@link org.gn4j.gn.fit.CsvTable} (column accessors return new arrays),
 *       {@link org.gn4j.gn.fit.NistRun} (record), {@link org.gn4j.gn.fit.FitReport} (accessors return copies).</li>
 * </ul>
 */
package org.gn4j.gn.fit;
