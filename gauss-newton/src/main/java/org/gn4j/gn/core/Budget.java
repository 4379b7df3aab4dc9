package org.gn4j.gn.core;

import java.time.Duration;

import org.gn4j.linalg.ArgumentChecks;

/**
 * When a run of the loop must stop whether or not it converged: iterations (trial steps), residual evaluations, wall
 * clock, and a target cost. Immutable with {@code with…} methods.
 */
public final class Budget {
    private final int maxIterations;
    private final int maxEvaluations;
    private final Duration wallClock;
    private final double targetCost;

    private Budget(int maxIterations, int maxEvaluations, Duration wallClock, double targetCost) {
        this.maxIterations = maxIterations;
        this.maxEvaluations = maxEvaluations;
        this.wallClock = wallClock;
        this.targetCost = targetCost;
    }

    /**
     * No limits at all.
     *
     * @return a budget with no caps and no target cost
     */
    public static Budget unlimited() {
        return new Budget(Integer.MAX_VALUE, Integer.MAX_VALUE, null, Double.NEGATIVE_INFINITY);
    }

    /**
     * The same budget with another cap on the iterations (trial steps).
     *
     * @param cap the largest number of iterations, ≥ 1
     * @return a new budget with this cap, the others unchanged
     * @throws IllegalArgumentException if {@code cap} is not positive
     */
    public Budget withMaxIterations(int cap) {
        ArgumentChecks.requirePositive("maxIterations", cap);
        return new Budget(cap, maxEvaluations, wallClock, targetCost);
    }

    /**
     * The same budget with another cap on the residual evaluations.
     *
     * @param cap the largest number of residual evaluations, ≥ 1
     * @return a new budget with this cap, the others unchanged
     * @throws IllegalArgumentException if {@code cap} is not positive
     */
    public Budget withMaxEvaluations(int cap) {
        ArgumentChecks.requirePositive("maxEvaluations", cap);
        return new Budget(maxIterations, cap, wallClock, targetCost);
    }

    /**
     * The same budget with a wall-clock limit, or none.
     *
     * @param d the positive wall-clock limit, or {@code null} for none
     * @return a new budget with this cap, the others unchanged
     * @throws IllegalArgumentException if {@code d} is zero or negative
     */
    public Budget withWallClock(Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new IllegalArgumentException("wall clock is " + d + ", expected a positive duration");
        }
        return new Budget(maxIterations, maxEvaluations, d, targetCost);
    }

    /**
     * The same budget with a target cost: the run stops once the cost is at or below it.
     *
     * @param target the target cost; {@code −∞} for none
     * @return a new budget with this cap, the others unchanged
     * @throws IllegalArgumentException if {@code target} is NaN
     */
    public Budget withTargetCost(double target) {
        if (Double.isNaN(target)) {
            throw new IllegalArgumentException("target cost is NaN, expected a number");
        }
        return new Budget(maxIterations, maxEvaluations, wallClock, target);
    }

    /**
     * The cap on iterations (trial steps).
     *
     * @return the largest number of iterations, ≥ 1 ({@link Integer#MAX_VALUE}: none)
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * The cap on residual evaluations.
     *
     * @return the largest number of residual evaluations, ≥ 1 ({@link Integer#MAX_VALUE}: none)
     */
    public int maxEvaluations() {
        return maxEvaluations;
    }

    /**
     * The wall-clock limit, or null.
     *
     * @return the wall-clock limit, or {@code null} for none
     */
    public Duration wallClock() {
        return wallClock;
    }

    /**
     * The target cost ({@code −∞}: none).
     *
     * @return the target cost, {@code −∞} for none
     */
    public double targetCost() {
        return targetCost;
    }

    @Override
    public String toString() {
        return "Budget[iterations=" + maxIterations + ", evaluations=" + maxEvaluations + ", wallClock=" + wallClock
                + ", target=" + targetCost + "]";
    }
}
