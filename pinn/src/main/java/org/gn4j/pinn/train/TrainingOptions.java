package org.gn4j.pinn.train;

import java.time.Duration;

import org.gn4j.gn.core.Budget;
import org.gn4j.linalg.ArgumentChecks;

/**
 * Budget and bookkeeping of a PINN training run, immutable with {@code with…} methods: wall-clock budget, iteration
 * cap, the independent evaluation points for error histories, how often to evaluate them, resampling of the
 * collocation points every k iterations, and an optional target relative L2 error that ends the run early.
 */
public final class TrainingOptions {
    private final Budget caps;
    private final double[] evaluationPoints;
    private final double evaluateEverySeconds;
    private final int resampleEvery;
    private final double targetRelativeL2;

    private TrainingOptions(Budget caps, double[] evaluationPoints, double evaluateEverySeconds, int resampleEvery,
            double targetRelativeL2) {
        this.caps = caps;
        this.evaluationPoints = evaluationPoints;
        this.evaluateEverySeconds = evaluateEverySeconds;
        this.resampleEvery = resampleEvery;
        this.targetRelativeL2 = targetRelativeL2;
    }

    /**
     * Defaults: 60 s, no iteration cap, no evaluation points, evaluate every second, no resampling, no target.
     *
     * @return the default options
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(Budget.unlimited().withWallClock(Duration.ofSeconds(60)), null, 1.0, 0, 0);
    }

    /** The longest wall-clock budget kept as given, about 73 years; longer ones are capped here. */
    public static final Duration MAX_BUDGET = Duration.ofNanos(Long.MAX_VALUE / 4);

    /**
     * The wall-clock budget; budgets above {@link #MAX_BUDGET} (which trainers add to a nanosecond clock reading)
     * are capped there, so any positive duration is accepted without overflow.
     *
     * @param d the budget, positive, not null
     * @return new options; these are unchanged
     * @throws IllegalArgumentException unless positive
     */
    public TrainingOptions withBudget(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("budget is " + d + ", expected a positive duration");
        }
        Duration capped = d.compareTo(MAX_BUDGET) > 0 ? MAX_BUDGET : d;
        return new TrainingOptions(caps.withWallClock(capped), evaluationPoints, evaluateEverySeconds, resampleEvery,
                targetRelativeL2);
    }

    /**
     * The iteration cap.
     *
     * @param cap the largest number of iterations, positive
     * @return new options; these are unchanged
     * @throws IllegalArgumentException unless positive
     */
    public TrainingOptions withMaxIterations(int cap) {
        ArgumentChecks.requirePositive("maxIterations", cap);
        return new TrainingOptions(caps.withMaxIterations(cap), evaluationPoints, evaluateEverySeconds, resampleEvery,
                targetRelativeL2);
    }

    /**
     * Points (point-major) where errors against the exact solution are measured; not copied.
     *
     * @param points evaluation points, point-major in the problem's dimension, or null for none
     * @return new options sharing the array; these are unchanged
     */
    public TrainingOptions withEvaluationPoints(double[] points) {
        return new TrainingOptions(caps, points, evaluateEverySeconds, resampleEvery,
                targetRelativeL2);
    }

    /**
     * Seconds between two error evaluations (the first and last iterations are always evaluated).
     *
     * @param seconds seconds of training time between evaluations, ≥ 0 (0: every iteration)
     * @return new options; these are unchanged
     * @throws IllegalArgumentException if seconds is negative
     */
    public TrainingOptions withEvaluateEvery(double seconds) {
        ArgumentChecks.requireNonNegative("evaluateEvery", seconds);
        return new TrainingOptions(caps, evaluationPoints, seconds, resampleEvery,
                targetRelativeL2);
    }

    /**
     * Draw fresh collocation points every k iterations (0: never).
     *
     * @param k resampling period in iterations, ≥ 0
     * @return new options; these are unchanged
     * @throws IllegalArgumentException if k is negative
     */
    public TrainingOptions withResampleEvery(int k) {
        ArgumentChecks.requireNonNegative("resampleEvery", k);
        return new TrainingOptions(caps, evaluationPoints, evaluateEverySeconds, k,
                targetRelativeL2);
    }

    /**
     * Stop once an evaluation shows a relative L2 error at or below this (0: never).
     *
     * @param target the target relative L2 error, ≥ 0
     * @return new options; these are unchanged
     * @throws IllegalArgumentException if target is negative
     */
    public TrainingOptions withTargetRelativeL2(double target) {
        ArgumentChecks.requireNonNegative("targetRelativeL2", target);
        return new TrainingOptions(caps, evaluationPoints, evaluateEverySeconds, resampleEvery,
                target);
    }

    /**
     * The wall-clock budget.
     *
     * @return the budget, at most {@link #MAX_BUDGET}
     */
    public Duration budget() {
        return caps.wallClock();
    }

    /**
     * The iteration cap.
     *
     * @return the largest number of iterations ({@code Integer.MAX_VALUE} when unlimited)
     */
    public int maxIterations() {
        return caps.maxIterations();
    }

    /**
     * The wall clock and the iteration cap as the core loop's {@link Budget}.
     *
     * @return the budget
     */
    public Budget caps() {
        return caps;
    }

    /**
     * The evaluation points, or null.
     *
     * @return the evaluation points (the caller's array, not a copy), or null
     */
    public double[] evaluationPoints() {
        return evaluationPoints;
    }

    /**
     * Seconds of training time between two error evaluations.
     *
     * @return the evaluation period in seconds, ≥ 0 (default 1)
     */
    public double evaluateEverySeconds() {
        return evaluateEverySeconds;
    }

    /**
     * Resampling period of the collocation points.
     *
     * @return the period in iterations, or 0 for never
     */
    public int resampleEvery() {
        return resampleEvery;
    }

    /**
     * Target relative L2 error that ends the run.
     *
     * @return the target, or 0 for none
     */
    public double targetRelativeL2() {
        return targetRelativeL2;
    }
}
