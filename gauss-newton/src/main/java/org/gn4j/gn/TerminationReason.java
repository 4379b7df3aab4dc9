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
    /**
     * A step or cost-reduction test held where no first-order test does (a flat region, a vanishing Jacobian,
     * progress stopped by bad scaling): not a minimum, see the run's message.
     */
    STALLED(false),
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

    /**
     * True for the convergence criteria (a first-order or step test held).
     *
     * @return {@code true} if a convergence test ended the run
     */
    public boolean converged() {
        return converged;
    }

    /**
     * True when the run ended as wanted: converged, the target reached, or stopped by a callback with success.
     *
     * @return {@code true} for a wanted ending
     */
    public boolean success() {
        return converged || this == TARGET_REACHED || this == USER_SUCCESS || this == COMPLETED;
    }

    /**
     * The reason a result may report given the numbers it carries: a successful reason with a non-finite value
     * (cost, loss, error, parameter) becomes {@link #NON_FINITE}; every other reason is returned as it is. Every
     * result type of gn4j ({@code Optimum}, the network and PINN training results) passes its reason through here,
     * so no result is a success with a non-finite number in it.
     *
     * @param values the numbers the result reports (arrays are checked element by element)
     * @return {@link #NON_FINITE} if this reason is a success and some value is not finite, else this reason
     */
    public TerminationReason given(double[]... values) {
        if (!success()) {
            return this;
        }
        for (double[] a : values) {
            if (a == null) {
                continue;
            }
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    return NON_FINITE;
                }
            }
        }
        return this;
    }

    /**
     * What to try after a run that ended this way (empty for a wanted ending).
     *
     * @return the advice, an empty string for a wanted ending
     */
    public String advice() {
        switch (this) {
            case STALLED:
                return "the point is not a minimum: try another start, bounds that keep the parameters where the "
                        + "model is meaningful, or dogleg; parameters that enter only as a product or a ratio are "
                        + "not identifiable, fix or reparameterize one of them";
            case NON_FINITE:
                return "the model overflowed or left its domain (the message names the residual or Jacobian entry and "
                        + "the point): bound the parameters to the model's domain (k >= 0 under a square root or a "
                        + "logarithm), start closer, or rescale";
            case NO_PROGRESS:
                return "no step lowered the cost: check the Jacobian against finite differences, scale the "
                        + "parameters to similar magnitudes, or try dogleg";
            case LINEAR_SOLVER_FAILURE:
                return "the damped system could not be solved: use the QR step solver, or a larger initial damping";
            case MAX_ITERATIONS:
            case MAX_EVALUATIONS:
            case TIME_BUDGET:
                return "the budget ran out before a convergence test held: raise the cap, or start closer";
            case USER_ABORT:
                return "a callback aborted the run";
            default:
                return "";
        }
    }

    /**
     * True for the caps of a budget (iterations, evaluations, wall clock).
     *
     * @return {@code true} for {@link #MAX_ITERATIONS}, {@link #MAX_EVALUATIONS} and {@link #TIME_BUDGET}
     */
    public boolean budget() {
        return this == MAX_ITERATIONS || this == MAX_EVALUATIONS || this == TIME_BUDGET;
    }
}
