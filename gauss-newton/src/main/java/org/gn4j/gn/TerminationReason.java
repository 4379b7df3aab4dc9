package org.gn4j.gn;

/**
 * Why a solve or a training run stopped, the one vocabulary of fitting, network training and PINNs;
 * {@link #converged()} marks the first-order and step tests, {@link #success()} every wanted ending.
 */
public enum TerminationReason {
    /** Relative reduction of the cost (actual and predicted) fell below the function tolerance. */
    COST_REDUCTION(true),
    /** The step became small relative to the parameters (parameter tolerance). */
    STEP_SIZE(true),
    /** The gradient measure (MINPACK's residual-column cosine) fell below the gradient tolerance. */
    GRADIENT(true),
    /** The cost reached zero (to the absolute tolerance): an exact fit. */
    ZERO_COST(true),
    /** The iteration (or training step) cap was reached. */
    MAX_ITERATIONS(false),
    /** The residual-evaluation cap was reached. */
    MAX_EVALUATIONS(false),
    /** The wall-clock budget ran out. */
    TIME_BUDGET(false),
    /** Residuals or Jacobian stayed non-finite however the step was shortened. */
    NON_FINITE(false),
    /** No step decreased the cost (line search exhausted, damping overflow). */
    NO_PROGRESS(false),
    /** The linear system of the step could not be solved. */
    LINEAR_SOLVER_FAILURE(false),
    /** Training ran every configured epoch. */
    COMPLETED(false),
    /** The target (a cost, or a PINN's error against the exact solution) was reached. */
    TARGET_REACHED(false),
    /** A callback asked to stop, reporting success. */
    USER_SUCCESS(false),
    /** A callback asked to stop, reporting failure. */
    USER_ABORT(false);

    private final boolean converged;

    TerminationReason(boolean converged) {
        this.converged = converged;
    }

    /** True for the convergence criteria (a first-order or step test held). */
    public boolean converged() {
        return converged;
    }

    /** True when the run ended as wanted: converged, the target reached, or stopped by a callback with success. */
    public boolean success() {
        return converged || this == TARGET_REACHED || this == USER_SUCCESS || this == COMPLETED;
    }

    /** True for the caps of a budget (iterations, evaluations, wall clock). */
    public boolean budget() {
        return this == MAX_ITERATIONS || this == MAX_EVALUATIONS || this == TIME_BUDGET;
    }
}
