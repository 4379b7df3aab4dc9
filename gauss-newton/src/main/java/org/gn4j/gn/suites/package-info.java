/**
 * Reference problem suites for judging solvers: the Moré-Garbow-Hillstrom (1981) least-squares functions with their
 * published minima ({@link org.gn4j.gn.suites.MoreGarbowHillstrom}), each a {@link org.gn4j.gn.suites.TestProblem}
 * that builds its {@link org.gn4j.gn.LeastSquaresProblem}. The NIST StRD suite is in {@link org.gn4j.gn.nist}.
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.gn.suites.TestProblem} is immutable (arrays copied in and out) and its
 * functions are pure; {@link org.gn4j.gn.suites.MoreGarbowHillstrom} is stateless. Safe to share.
 */
package org.gn4j.gn.suites;
