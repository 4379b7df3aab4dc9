package org.gn4j.gn.stochastic;

/**
 * The learning rate as a function of the optimizer step number {@code t = 0, 1, 2, …} (the number of steps taken
 * before the current one). Schedules are pure functions, so a resumed run sees the same rates.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate for step {@code t ≥ 0}. */
    double rate(long step);

    /** {@code η} at every step. */
    static LearningRateSchedule constant(double rate) {
        requireRate("rate", rate);
        return t -> rate;
    }

    /** {@code η·factor^⌊t/every⌋}: multiplied by {@code factor} every {@code every} steps. */
    static LearningRateSchedule stepDecay(double rate, double factor, long every) {
        requireRate("rate", rate);
        requireRate("factor", factor);
        requirePositive("every", every);
        return t -> rate * Math.pow(factor, (double) (t / every));
    }

    /** Linear from {@code η} at t = 0 to {@code floor} at {@code t = horizon}, then {@code floor}. */
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
