/**
 * Dense direct solvers for square and least-squares systems ({@link org.gn4j.solvers.dense.DenseSolver}): Cholesky,
 * Householder QR (column-pivoted when rank-deficient) and SVD, on EJML.
 *
 * <p><b>Thread safety.</b> One instance per thread: {@link org.gn4j.solvers.dense.DenseCholeskySolver},
 * {@link org.gn4j.solvers.dense.DenseQrSolver} and {@link org.gn4j.solvers.dense.DenseSvdSolver} keep a copy of the
 * matrix, the decomposition and residual buffers between {@code prepare} and the solves, and reuse them for the next
 * matrix of the same shape ({@link org.gn4j.solvers.dense.DenseSolver}: instances are not thread-safe).
 */
package org.gn4j.solvers.dense;
