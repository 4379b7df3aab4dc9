package org.gn4j.solvers;

/**
 * How a linear solve ended. {@link #hasSolution()} says whether the output vector holds a usable answer (exact,
 * least-squares, truncated or best-so-far); when it is false the output is left as documented by the solver (never
 * NaN).
 */
public enum SolveStatus {
    /** Direct solve succeeded, or the iterative tolerance was met (checked on the true residual). */
    CONVERGED(true),
    /** Least-squares solve of a rank-deficient matrix: the basic / minimum-norm solution was returned. */
    RANK_DEFICIENT(true),
    /** Steihaug-Toint CG stopped on the trust-region boundary; the output is the boundary point. */
    TRUST_REGION_BOUNDARY(true),
    /** CG met a direction of non-positive curvature; the output is the last iterate (or the boundary point). */
    NEGATIVE_CURVATURE(true),
    /** The iteration cap was reached before the tolerance; the output is the last iterate. */
    MAX_ITERATIONS(true),
    /**
     * CG's recursive residual met the tolerance but the recomputed true residual {@code ‖b − Ax‖} stayed above it
     * after repeated restarts (round-off floor); the output is the last iterate.
     */
    STAGNATED(true),
    /** CG broke down (indefinite preconditioner, {@code rᵀz <= 0}); the output is the last good iterate. */
    BREAKDOWN(false),
    /** The matrix is singular to working precision (for a solver that needs it non-singular). */
    SINGULAR(false),
    /** Cholesky met a non-positive pivot: the matrix is not positive definite. */
    NOT_POSITIVE_DEFINITE(false),
    /**
     * The factorization succeeded but its estimated condition number exceeds the limit the solver was given: its
     * solution would keep too few correct digits (for a solver that refuses such solves).
     */
    ILL_CONDITIONED(false),
    /** A non-finite value appeared in the matrix, an operator product or the iteration. */
    NON_FINITE(false);

    private final boolean hasSolution;

    SolveStatus(boolean hasSolution) {
        this.hasSolution = hasSolution;
    }

    /**
     * True when the output vector holds a usable answer.
     *
     * @return whether a result with this status leaves a usable answer in the output vector
     */
    public boolean hasSolution() {
        return hasSolution;
    }
}
