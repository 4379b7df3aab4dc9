package org.gn4j.gn.stochastic;

/**
 * The learning rate as a function of the optimizer step number {@code t = 0, 1, 2, …} (the number of steps taken
 * before the current one). Schedules are pure functions, so a resumed run sees the same rates.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * The learning rate for step {@code t ≥ 0}.
     *
     * @param step the number of steps taken before this one, ≥ 0
     * @return the learning rate η for that step, ≥ 0
     */
    double rate(long step);

    /**
     * {@code η} at every step.
     *
     * @param rate the learning rate η, finite and ≥ 0
     * @return the constant schedule
     * @throws IllegalArgumentException if {@code rate} is negative, infinite or NaN
     */
    static LearningRateSchedule constant(double rate) {
        requireRate("rate", rate);
        return t -> rate;
    }

    /**
     * {@code η·factor^⌊t/every⌋}: multiplied by {@code factor} every {@code every} steps.
     *
     * @param rate the initial learning rate η, finite and ≥ 0
     * @param factor the multiplier applied every {@code every} steps, finite and ≥ 0 (usually &lt; 1)
     * @param every the number of steps between decays, &gt; 0
     * @return the step-decay schedule
     * @throws IllegalArgumentException if {@code rate} or {@code factor} is negative, infinite or NaN, or {@code every}
     *                                  is not positive
     */
    static LearningRateSchedule stepDecay(double rate, double factor, long every) {
        requireRate("rate", rate);
        requireRate("factor", factor);
        requirePositive("every", every);
        return t -> rate * Math.pow(factor, (double) (t / every));
    }

    /**
     * Linear from {@code η} at t = 0 to {@code floor} at {@code t = horizon}, then {@code floor}.
     *
     * @param rate the initial learning rate η, finite and ≥ 0
     * @param floor the final learning rate, finite and ≥ 0
     * @param horizon the step at which {@code floor} is reached, &gt; 0
     * @return the linear-decay schedule
     * @throws IllegalArgumentException if {@code rate} or {@code floor} is negative, infinite or NaN, or {@code
     *                                  horizon} is not positive
     */
    static LearningRateSchedule linearDecay(double rate, double floor, long horizon) {
        requireRate("rate", rate);
        requireRate("floor", floor);
        requirePositive("horizon", horizon);
        return t -> {
            double s = Math.min(1.0, (double) t / horizon);
            return rate + (floor - rate) * s;
        };
    }

    /**
     * Cosine decay {@code floor + (η − floor)·(1 + cos(π·min(t/T, 1)))/2} over the horizon T, then {@code floor}.
     *
     * @param rate the initial learning rate η, finite and ≥ 0
     * @param floor the final learning rate, finite and ≥ 0
     * @param horizon the number of steps T of the cosine half-period, &gt; 0
     * @return the cosine-decay schedule
     * @throws IllegalArgumentException if {@code rate} or {@code floor} is negative, infinite or NaN, or {@code
     *                                  horizon} is not positive
     */
    static LearningRateSchedule cosineDecay(double rate, double floor, long horizon) {
        requireRate("rate", rate);
        requireRate("floor", floor);
        requirePositive("horizon", horizon);
        return t -> {
            double s = Math.min(1.0, (double) t / horizon);
            return floor + (rate - floor) * 0.5 * (1 + Math.cos(Math.PI * s));
        };
    }

    /**
     * Linear warm-up over the first {@code warmupSteps} steps, {@code rate(0)·(t + 1)/warmupSteps}, then this
     * schedule started afresh: step {@code t ≥ warmupSteps} gets {@code rate(t − warmupSteps)}.
     *
     * @param warmupSteps the number of warm-up steps, ≥ 0 (0: this schedule unchanged)
     * @return the schedule with warm-up prepended
     * @throws IllegalArgumentException if {@code warmupSteps} is negative
     */
    default LearningRateSchedule withWarmup(long warmupSteps) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps is " + warmupSteps + ", expected >= 0");
        }
        LearningRateSchedule base = this;
        return t -> t < warmupSteps ? base.rate(0) * (t + 1) / warmupSteps : base.rate(t - warmupSteps);
    }

    private static void requireRate(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " is " + v + ", expected a finite value >= 0");
        }
    }

    private static void requirePositive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " is " + v + ", expected > 0");
        }
    }
}
