package org.gn4j.gn;

import java.time.Duration;

import org.gn4j.gn.core.Budget;
import org.gn4j.linalg.ArgumentChecks;

/**
 * When a nonlinear least-squares solve stops (Ceres / Optimistix style, relative tolerances), immutable with
 * {@code with…} methods:
 * <ul>
 *   <li>function tolerance: an accepted step with {@code |ΔF| <= ftol·F} and predicted reduction also
 *       {@code <= ftol·F} (both, as MINPACK, so a lucky step does not stop the solve);</li>
 *   <li>parameter tolerance: {@code ‖Dδ‖ <= xtol·(‖Dβ‖ + xtol)} (D the scaling);</li>
 *   <li>gradient tolerance: MINPACK's scale-invariant {@code max_j |g_j| / (‖J_j‖·‖r‖) <= gtol}, the largest cosine
 *       between the residual and a Jacobian column ({@code ‖g‖∞ <= gtol·‖g₀‖∞} for matrix-free Jacobians with more than
 *       256 parameters, whose column norms are not computed);</li>
 *   <li>zero cost: {@code F <= absoluteCostTolerance};</li>
 *   <li>caps on iterations (trial steps), residual evaluations and wall-clock time.</li>
 * </ul>
 * The defaults are tight ({@code 1e-14, 1e-14, 1e-14}) because gn4j aims at certified accuracy; loosen them for speed.
 */
public final class StoppingCriteria {
    private final double functionTolerance;
    private final double parameterTolerance;
    private final double gradientTolerance;
    private final double absoluteCostTolerance;
    private final Budget budget;

    private StoppingCriteria(double f, double x, double g, double a, Budget b) {
        functionTolerance = f;
        parameterTolerance = x;
        gradientTolerance = g;
        absoluteCostTolerance = a;
        budget = b;
    }

    /**
     * Defaults: tolerances 1e-14, zero cost below 1e-300, 1000 iterations, 20000 evaluations, no time budget.
     *
     * @return the default criteria
     */
    public static StoppingCriteria defaults() {
        return new StoppingCriteria(1e-14, 1e-14, 1e-14, 1e-300,
                Budget.unlimited().withMaxIterations(1000).withMaxEvaluations(20000));
    }

    /**
     * The same criteria with another function tolerance ftol (relative reduction of the cost).
     *
     * @param t the tolerance, finite and ≥ 0
     * @return new criteria with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    public StoppingCriteria withFunctionTolerance(double t) {
        ArgumentChecks.requireNonNegative("functionTolerance", t);
        return new StoppingCriteria(t, parameterTolerance, gradientTolerance, absoluteCostTolerance, budget);
    }

    /**
     * The same criteria with another parameter tolerance xtol (relative size of the scaled step).
     *
     * @param t the tolerance, finite and ≥ 0
     * @return new criteria with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    public StoppingCriteria withParameterTolerance(double t) {
        ArgumentChecks.requireNonNegative("parameterTolerance", t);
        return new StoppingCriteria(functionTolerance, t, gradientTolerance, absoluteCostTolerance, budget);
    }

    /**
     * The same criteria with another gradient tolerance gtol (cosine between the residual and the Jacobian columns).
     *
     * @param t the tolerance, finite and ≥ 0
     * @return new criteria with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    public StoppingCriteria withGradientTolerance(double t) {
        ArgumentChecks.requireNonNegative("gradientTolerance", t);
        return new StoppingCriteria(functionTolerance, parameterTolerance, t, absoluteCostTolerance, budget);
    }

    /**
     * The same criteria with another zero-cost threshold: a cost at or below it ends the solve.
     *
     * @param t the threshold, finite and ≥ 0
     * @return new criteria with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    public StoppingCriteria withAbsoluteCostTolerance(double t) {
        ArgumentChecks.requireNonNegative("absoluteCostTolerance", t);
        return new StoppingCriteria(functionTolerance, parameterTolerance, gradientTolerance, t, budget);
    }

    /**
     * The same criteria with another cap on the iterations (trial steps).
     *
     * @param cap the largest number of iterations, ≥ 1
     * @return new criteria with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code cap} is not positive
     */
    public StoppingCriteria withMaxIterations(int cap) {
        ArgumentChecks.requirePositive("maxIterations", cap);
        return new StoppingCriteria(functionTolerance, parameterTolerance, gradientTolerance, absoluteCostTolerance,
                budget.withMaxIterations(cap));
    }

    /**
     * The same criteria with another cap on the residual evaluations.
     *
     * @param cap the largest number of residual evaluations, ≥ 1
     * @return new criteria with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code cap} is not positive
     */
    public StoppingCriteria withMaxEvaluations(int cap) {
        ArgumentChecks.requirePositive("maxEvaluations", cap);
        return new StoppingCriteria(functionTolerance, parameterTolerance, gradientTolerance, absoluteCostTolerance,
                budget.withMaxEvaluations(cap));
    }

    /**
     * The same criteria with a wall-clock budget.
     *
     * @param budget the positive wall-clock limit; not {@code null}
     * @return new criteria with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code budget} is {@code null}, zero or negative
     */
    public StoppingCriteria withTimeBudget(Duration budget) {
        if (budget == null || budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("timeBudget is " + budget + ", expected a positive duration");
        }
        return new StoppingCriteria(functionTolerance, parameterTolerance, gradientTolerance, absoluteCostTolerance,
                this.budget.withWallClock(budget));
    }

    /**
     * The function tolerance ftol.
     *
     * @return ftol ≥ 0
     */
    public double functionTolerance() {
        return functionTolerance;
    }

    /**
     * The parameter tolerance xtol.
     *
     * @return xtol ≥ 0
     */
    public double parameterTolerance() {
        return parameterTolerance;
    }

    /**
     * The gradient tolerance gtol.
     *
     * @return gtol ≥ 0
     */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /**
     * The zero-cost threshold.
     *
     * @return the cost at or below which the solve ends, ≥ 0
     */
    public double absoluteCostTolerance() {
        return absoluteCostTolerance;
    }

    /**
     * The cap on iterations (trial steps).
     *
     * @return the largest number of iterations, ≥ 1
     */
    public int maxIterations() {
        return budget.maxIterations();
    }

    /**
     * The cap on residual evaluations.
     *
     * @return the largest number of residual evaluations, ≥ 1
     */
    public int maxEvaluations() {
        return budget.maxEvaluations();
    }

    /**
     * The caps (iterations, evaluations, wall clock): the solvers run the core loop with this budget.
     *
     * @return the budget with this criteria's caps
     */
    public Budget budget() {
        return budget;
    }

    /**
     * The wall-clock budget, or null for none.
     *
     * @return the wall-clock limit, or {@code null} for none
     */
    public Duration timeBudget() {
        return budget.wallClock();
    }
}
