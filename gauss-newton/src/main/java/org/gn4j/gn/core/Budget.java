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

    /** No limits at all. */
    public static Budget unlimited() {
        return new Budget(Integer.MAX_VALUE, Integer.MAX_VALUE, null, Double.NEGATIVE_INFINITY);
    }

    /** @throws IllegalArgumentException if not positive */
    public Budget withMaxIterations(int cap) {
        ArgumentChecks.requirePositive("maxIterations", cap);
        return new Budget(cap, maxEvaluations, wallClock, targetCost);
    }

    /** @throws IllegalArgumentException if not positive */
    public Budget withMaxEvaluations(int cap) {
        ArgumentChecks.requirePositive("maxEvaluations", cap);
        return new Budget(maxIterations, cap, wallClock, targetCost);
    }

    /** A wall-clock limit, or null for none. @throws IllegalArgumentException if zero or negative */
    public Budget withWallClock(Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new IllegalArgumentException("wall clock is " + d + ", expected a positive duration");
        }
        return new Budget(maxIterations, maxEvaluations, d, targetCost);
    }

    /** Stop once the cost is at or below this value. @throws IllegalArgumentException if NaN */
    public Budget withTargetCost(double target) {
        if (Double.isNaN(target)) {
            throw new IllegalArgumentException("target cost is NaN, expected a number");
        }
        return new Budget(maxIterations, maxEvaluations, wallClock, target);
    }

    public int maxIterations() {
        return maxIterations;
    }

    public int maxEvaluations() {
        return maxEvaluations;
    }

    /** The wall-clock limit, or null. */
    public Duration wallClock() {
        return wallClock;
    }

    /** The target cost ({@code −∞}: none). */
    public double targetCost() {
        return targetCost;
    }

    @Override
    public String toString() {
        return "Budget[iterations=" + maxIterations + ", evaluations=" + maxEvaluations + ", wallClock=" + wallClock
                + ", target=" + targetCost + "]";
    }
}
