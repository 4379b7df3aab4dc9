/**
 * Schur-complement solves of damped normal equations whose parameters split into a large eliminable part with a
 * block-diagonal Gram matrix (bundle adjustment's points) and a small reduced part (the cameras): the two-block
 * Jacobian layout ({@link org.gn4j.solvers.schur.SchurLayout}, {@link org.gn4j.solvers.schur.CameraPointJacobian})
 * and the solves of {@code (JᵀJ + λD²)x = −g} by the reduced camera system, formed densely and factored by a blocked
 * Cholesky, formed in its sparsity (camera blocks of cameras that share a point) and factored by an envelope Cholesky
 * in reverse Cuthill-McKee camera order, or solved by preconditioned CG without forming it
 * ({@link org.gn4j.solvers.schur.SchurComplement}).
 *
 * <p><b>Thread safety.</b> {@link org.gn4j.solvers.schur.SchurLayout} and {@link org.gn4j.solvers.schur.CameraPointJacobian}
 * are immutable after construction and safe to share; {@link org.gn4j.solvers.schur.SchurComplement} keeps its
 * blocks and work buffers between calls: one instance per thread. Per-camera and per-point work runs on
 * {@link org.gn4j.linalg.ComputePool}.
 */
package org.gn4j.solvers.schur;
