package org.gn4j.gn;

/** How the diagonal scaling D of the damping term {@code λ‖Dδ‖²} is chosen. */
public enum ScalingRule {
    /**
     * Moré (MINPACK {@code lmder}, mode 1): {@code D_j} is the running maximum over the iterations of the Jacobian's
     * column norms; D never shrinks, which makes the step invariant to parameter units but can freeze a large scale
     * picked up far from the solution.
     */
    RUNNING_MAX,
    /**
     * Ceres: {@code D_j² = diag(JᵀJ)_j} at the current point, clamped to {@code [1e-6, 1e32]}, so the damping follows
     * the local curvature.
     */
    CURRENT,
    /** No scaling: {@code D = I} (plain Levenberg). */
    IDENTITY
}
