package org.gn4j.gn.core;

/**
 * What the {@link GaussNewtonLoop} evaluates: the cost at the current point and its {@link Linearization}, and costs
 * at trial points along a step. A least-squares problem ({@link org.gn4j.gn.LeastSquaresObjective}), a mini-batch of a network or a
 * PINN's residuals each provide one. An objective holds the current point's evaluations and the trial the loop kept;
 * it is used by one loop at a time.
 */
public interface Objective {
    /**
     * Number of parameters n.
     *
     * @return the parameter count n
     */
    int parameterCount();

    /**
     * Evaluates the cost at the start point x (it becomes the current point); NaN or infinite if not finite.
     *
     * @param x the start point, length n
     * @return the cost at x
     */
    double start(double[] x);

    /**
     * For a start whose residuals are finite but whose cost ½‖r‖² overflowed ({@link #start} returned +∞): scales the
     * residuals, and with them the Jacobian and every later cost, by a power of two {@code 2^−k} so that the cost is
     * finite (MINPACK works with ‖r‖, not ‖r‖², for the same reason); the residuals the loop sees (the
     * linearization's, {@link #residualsAt}, {@link #trialResiduals}) are the scaled ones. The scaled problem has the same minimizers and
     * steps, and the factor being a power of two, the same rounding; the true cost is
     * {@code Math.scalb(cost, costExponent())}.
     *
     * @return the scaled cost at the start point, or NaN where the objective cannot scale its residuals (the default)
     */
    default double rescaleStart() {
        return Double.NaN;
    }

    /**
     * The binary exponent e of the cost scale set by {@link #rescaleStart}: the true cost is
     * {@code Math.scalb(cost, e)}.
     *
     * @return e ≥ 0; 0 when the costs are not scaled (the default)
     */
    default int costExponent() {
        return 0;
    }

    /**
     * The linearization at the current point x (the start point or the last accepted trial); its cost or gradient
     * may be non-finite, which the loop reports.
     *
     * @param x the current point, length n
     * @return the linearization at x
     */
    Linearization linearize(double[] x);

    /**
     * The cost at a trial point (NaN or infinite when not finite).
     *
     * @param x the trial point, length n
     * @return the cost at x; NaN or infinite when not finite
     */
    double trialCost(double[] x);

    /** Keeps the trial last evaluated by {@link #trialCost} as the candidate. */
    void keepTrial();

    /** The kept trial becomes the current point. */
    void acceptTrial();

    /**
     * The residuals at x into out (one residual evaluation), for geodesic acceleration before a trial; false where
     * not available or not finite.
     *
     * @param x the point, length n
     * @param out receives the residuals, length m, overwritten
     * @return {@code true} if {@code out} holds finite residuals
     */
    default boolean residualsAt(double[] x, double[] out) {
        return false;
    }

    /**
     * The residuals of the trial last evaluated by {@link #trialCost} into out, for geodesic acceleration from an
     * evaluated trial; false where not available or not finite.
     *
     * @param out receives the residuals, length m, overwritten
     * @return {@code true} if {@code out} holds finite residuals
     */
    default boolean trialResiduals(double[] out) {
        return false;
    }

    /**
     * Whether the cost is a plain sum of squares {@code ½‖r‖²} of the residuals (no robust loss).
     *
     * @return {@code true} for a plain sum of squares
     */
    default boolean plainLeastSquares() {
        return false;
    }

    /**
     * Lower bounds of the parameters ({@code −∞} where none), or null for an unconstrained problem; with
     * {@link #upperBounds()} the box the loop keeps every point in.
     *
     * @return the lower bounds (length n), or {@code null} for none
     */
    default double[] lowerBounds() {
        return null;
    }

    /**
     * Upper bounds of the parameters ({@code +∞} where none), or null for an unconstrained problem.
     *
     * @return the upper bounds (length n), or {@code null} for none
     */
    default double[] upperBounds() {
        return null;
    }

    /**
     * What was not finite at the last evaluation that was not (which residual or entry, at which point), or null.
     *
     * @return a description of the non-finite value, or {@code null}
     */
    default String nonFiniteDetail() {
        return null;
    }

    /**
     * Residual (or loss) evaluations made so far, trial points included.
     *
     * @return the number of residual evaluations, ≥ 0
     */
    int residualEvaluations();

    /**
     * Jacobian (linearization) evaluations made so far.
     *
     * @return the number of Jacobian evaluations, ≥ 0
     */
    int jacobianEvaluations();
}
