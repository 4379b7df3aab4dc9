/**
 * Linear solvers behind one solve phase ({@link org.gn4j.solvers.LinearSolver}): dense factorizations, conjugate
 * gradient and a low-rank solver (subpackages), with block-banded Cholesky alongside; numerical trouble is reported
 * through {@link org.gn4j.solvers.SolveResult} rather than exceptions.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>immutable, safe to share: {@link org.gn4j.solvers.SolveResult} (record),
 *       {@link org.gn4j.solvers.SolveStatus} (enum), {@link org.gn4j.solvers.SolverException};</li>
 *   <li>one instance per thread: every {@link org.gn4j.solvers.LinearSolver} implementation of gn4j keeps its
 *       factor or operator and its work buffers between the preparation and the solves.</li>
 * </ul>
 */
package org.gn4j.solvers;
