package org.gn4j.gn.core;

import org.gn4j.gn.ba.SchurDampedSolver;
import org.gn4j.solvers.banded.BlockBandedGram;

/**
 * Factories of the damped least-squares solvers and the one place that chooses among them by size and structure.
 */
public final class DampedSolvers {
    /** Largest n for which {@link #auto} uses QR on a dense Jacobian (above it, the cached-Gram Cholesky). */
    public static final int QR_MAX_PARAMETERS = 200;

    private DampedSolvers() {
    }

    /**
     * Householder QR of the augmented Jacobian.
     *
     * @return a new QR solver (needs a dense Jacobian)
     */
    public static DampedSolver qr() {
        return new QrSolver();
    }

    /**
     * Cholesky of the cached Gram matrix.
     *
     * @return a new Gram-Cholesky solver
     */
    public static DampedSolver cholesky() {
        return new GramCholeskySolver();
    }

    /**
     * Matrix-free CG for deterministic solves: relative residual 1e-13, at most {@code max(50, 20n)} iterations
     * (enough for CG to reach the accuracy of a direct solve on the problems it meets here).
     *
     * @return a new CG solver
     */
    public static CgSolver cg() {
        return CgSolver.toTolerance(1e-13, 50, 20);
    }

    /**
     * Push-through / Woodbury in residual space.
     *
     * @return a new push-through solver with the default path rule
     */
    public static PushThroughSolver pushThrough() {
        return new PushThroughSolver();
    }

    /**
     * Block-banded Cholesky.
     *
     * @return a new block-banded solver (needs a block-banded Jacobian)
     */
    public static DampedSolver blockBanded() {
        return new BlockBandedSolver();
    }

    /**
     * Sparse Cholesky of {@code JᵀJ + λD²} with a minimum-degree ordering, symbolic factorization once per Jacobian
     * pattern (needs a sparse Jacobian).
     *
     * @return a new sparse Cholesky solver
     */
    public static org.gn4j.gn.sparse.SparseCholeskySolver sparseCholesky() {
        return new org.gn4j.gn.sparse.SparseCholeskySolver();
    }

    /**
     * Sparse QR of {@code [J; √λD]} by row-by-row Givens rotations into the pattern of R from the same analysis as
     * {@link #sparseCholesky()} (needs a sparse Jacobian): never forms {@code JᵀJ}, so it keeps the digits that the
     * normal equations lose on badly conditioned Jacobians, at one numeric QR per λ.
     *
     * @return a new sparse QR solver
     */
    public static org.gn4j.gn.sparse.SparseQrSolver sparseQr() {
        return new org.gn4j.gn.sparse.SparseQrSolver();
    }

    /**
     * The sparse Cholesky of {@link #sparseCholesky()}, switching to the sparse QR of {@link #sparseQr()} for the
     * rest of the run once the Cholesky breaks down or the estimated condition number of the equilibrated
     * {@code JᵀJ + λD²} exceeds {@code 1/√ε} (estimated at the run's first factorization and after each poor step;
     * needs a sparse Jacobian).
     *
     * @return a new sparse Cholesky-or-QR solver
     */
    public static org.gn4j.gn.sparse.SparseCholeskyOrQrSolver sparseCholeskyOrQr() {
        return new org.gn4j.gn.sparse.SparseCholeskyOrQrSolver();
    }

    /**
     * LSMR with a Jacobi preconditioner, matrix-free over a sparse Jacobian (or any Jacobian operator): relative
     * normal-equation residual 1e-10, at most {@code max(100, 10n)} iterations.
     *
     * @return a new LSMR solver
     */
    public static org.gn4j.gn.sparse.LsmrSolver lsmr() {
        return new org.gn4j.gn.sparse.LsmrSolver(1e-10, 100, 10);
    }

    /**
     * Schur complement eliminating the points of a camera-point block Jacobian (bundle adjustment), the reduced camera
     * system formed densely and factored by Cholesky (Ceres's {@code DENSE_SCHUR}).
     *
     * @return a new dense Schur solver
     */
    public static SchurDampedSolver denseSchur() {
        return new SchurDampedSolver(SchurDampedSolver.Mode.DENSE, 1e-10, 1);
    }

    /**
     * Schur complement eliminating the points, the reduced camera system formed in its sparsity (camera blocks of
     * cameras that share a point) and factored by an envelope Cholesky in reverse Cuthill-McKee camera order (the
     * counterpart of Ceres's {@code SPARSE_SCHUR}).
     *
     * @return a new Schur-complement damped solver in {@link SchurDampedSolver.Mode#SPARSE} mode
     */
    public static SchurDampedSolver sparseSchur() {
        return new SchurDampedSolver(SchurDampedSolver.Mode.SPARSE, 1e-10, 1);
    }

    /**
     * Schur complement solved by CG with the Schur-Jacobi preconditioner without forming it (Ceres's
     * {@code ITERATIVE_SCHUR}): relative residual 1e-6, at most 500 iterations.
     *
     * @return a new iterative Schur solver
     */
    public static SchurDampedSolver iterativeSchur() {
        return iterativeSchur(1e-6, 500);
    }

    /**
     * {@link #iterativeSchur()} with the CG stop {@code ‖b − Sx‖ <= tolerance·‖b‖} and an iteration cap.
     *
     * @param tolerance the relative residual at which CG stops, in (0, 1)
     * @param maxIterations the CG iteration cap, ≥ 1
     * @return a new iterative Schur solver
     * @throws IllegalArgumentException if tolerance is not in (0, 1) or maxIterations &lt; 1
     */
    public static SchurDampedSolver iterativeSchur(double tolerance, int maxIterations) {
        return new SchurDampedSolver(SchurDampedSolver.Mode.ITERATIVE, tolerance, maxIterations);
    }

    /**
     * The solver for a linearization, by structure then size:
     * <ol>
     *   <li>a sparse Jacobian: {@link #sparseCholeskyOrQr()} (the sparse Cholesky, or the sparse QR once the
     *       Cholesky would lose the step's digits);</li>
     *   <li>a block-banded Jacobian: {@link BlockBandedSolver};</li>
     *   <li>no dense Jacobian (an operator or only a Gram operator): {@link #cg()};</li>
     *   <li>dense with fewer residuals than parameters ({@code m < n}): {@link PushThroughSolver} (with a damping
     *       scaling D other than the identity: QR);</li>
     *   <li>dense with {@code n <= 200}: QR (best conditioned; its per-λ cost {@code (m + n)n²} is small);</li>
     *   <li>dense with {@code n > 200}: the cached-Gram Cholesky (the Gram matrix once per linearization,
     *       {@code n³/3} per λ).</li>
     * </ol>
     *
     * @param lin the first linearization of the run
     * @param identityScaling whether the damping scaling D is the identity
     * @return a new solver suited to the linearization
     */
    public static DampedSolver auto(Linearization lin, boolean identityScaling) {
        if (lin.sparseJacobian() != null) {
            return sparseCholeskyOrQr();
        }
        if (lin.jacobian() instanceof BlockBandedGram) {
            return blockBanded();
        }
        if (lin.denseJacobian() == null) {
            return cg();
        }
        if (lin.rows() < lin.cols()) {
            return identityScaling ? pushThrough() : qr();
        }
        return lin.cols() <= QR_MAX_PARAMETERS ? qr() : cholesky();
    }
}
