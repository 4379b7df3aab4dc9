/**
 * {@link org.gn4j.solvers.lowrank.LowRankSolver}: damped systems whose matrix is a low-rank Gram matrix plus a shift,
 * solved in the small space of a short and wide factor U (push-through and Woodbury forms).
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.solvers.lowrank.LowRankSolver}: one instance per thread; it keeps the
 * factor, the Gram matrix, its Cholesky factor and work buffers between calls.
 */
package org.gn4j.solvers.lowrank;
