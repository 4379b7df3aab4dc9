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
     * {@link #RUNNING_MAX}, restarted from the current column norms when the running maximum has outgrown them
     * unevenly: after an accepted step, when the ratios {@code D_j / ‖J_j‖} over the nonzero columns differ by more than
     * a factor 10⁴, D is set to the current column norms (a zero column keeps its D). A scale picked up far from the
     * solution (the columns of a high-degree polynomial from 10·x0, or an exponential whose rate has since changed)
     * then stops stretching the trust region along some parameters, and D stays a function of the column norms alone,
     * so the steps remain invariant to the units of the parameters. The default of {@link Dogleg}.
     */
    RESTARTED_MAX,
    /**
     * Ceres: {@code D_j² = diag(JᵀJ)_j} at the current point, clamped to {@code [1e-6, 1e32]}, so the damping follows
     * the local curvature.
     */
    CURRENT,
    /** No scaling: {@code D = I} (plain Levenberg). */
    IDENTITY
}
