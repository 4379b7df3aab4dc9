/**
 * Reference problem suites for judging least-squares solvers.
 *
 * <ul>
 * <li>{@link org.gn4j.gn.suites.MoreGarbowHillstrom}: all 35 Moré-Garbow-Hillstrom (1981) functions as 36
 * {@link org.gn4j.gn.suites.TestProblem}s ({@code functions()}), and the 108 runs from {@code x0}, {@code 10·x0},
 * {@code 100·x0} ({@code runs()}), with exact Jacobians, published minima and the known local minima a solver may
 * honestly stop at.</li>
 * <li>{@link org.gn4j.gn.suites.BoundedSuite}: 25 bound-constrained problems
 * ({@link org.gn4j.gn.suites.BoundedTestProblem}), ten with Gay's (1984) bounds, each with a start strictly inside,
 * a best known cost and point, and a first-order judge {@code kktPoint(x)}.</li>
 * </ul>
 * Each problem builds its {@link org.gn4j.gn.LeastSquaresProblem} with {@code problem()}. The NIST StRD suite is in
 * {@link org.gn4j.gn.nist}.
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.gn.suites.TestProblem} and {@link org.gn4j.gn.suites.BoundedTestProblem}
 * are immutable records (arrays copied in and out) whose residual and Jacobian functions are pure and keep no state
 * (they write only into the caller's arrays); {@link org.gn4j.gn.suites.MoreGarbowHillstrom} and
 * {@link org.gn4j.gn.suites.BoundedSuite} are stateless factories that build new problems on every call. Any of them
 * may be shared between threads without synchronisation.
 */
package org.gn4j.gn.suites;
