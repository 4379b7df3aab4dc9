package org.gn4j.gn.stochastic;

import org.gn4j.gn.core.StepControl;

/**
 * How a stochastic Gauss-Newton method sets its damping (ρ of SGN, λ of EGN: the shift in {@code (G + ρI)δ = −∇L})
 * from step to step. A rule is a pure function of the current damping, the last step's gain ratio and the step
 * number, so the optimizer's state (one number) is all a checkpoint needs.
 *
 * <p>The gain ratio passed in is {@code actual / predicted} reduction of the mini-batch loss, with the predicted
 * reduction that of the Gauss-Newton model without the damping term (see {@link Sgn}); it is
 * <ul>
 *   <li>finite for a step that was taken, or refused for lack of decrease (then it is at most 0);</li>
 *   <li>NaN after a failed step (a non-finite direction or trial loss). Every rule then multiplies the current
 *       damping (at least 1e-8) by {@link #FAILURE_FACTOR} (capped at {@link #CEILING}), the "raise the damping" of bad input;
 *       fixed rules and schedules return to their own value after the next finite step.</li>
 * </ul>
 *
 * <p>As a {@link StepControl} of the core loop a rule keeps one number of state, the damping; every step whose step
 * length was found is taken, and a refused step passes its gain ratio (at most 0) to {@link #next}.
 */
public interface Damping extends StepControl {
    /** Multiplier applied to the damping after a failed (non-finite) step, by every rule. */
    double FAILURE_FACTOR = 10;
    /** Largest damping any rule produces. */
    double CEILING = 1e12;

    /**
     * Damping for the first step.
     *
     * @return the damping ρ of the first step, finite and ≥ 0
     */
    double initial();

    /**
     * Damping for step {@code nextStep} (0-based count of OK steps so far) after a step with the given gain ratio.
     *
     * @param current   the damping the last step used
     * @param gainRatio actual over predicted reduction, NaN after a failed step (optimizers compute the ratio
     *                  whenever {@link #usesGainRatio()} is true; otherwise they pass any finite value after a
     *                  finite step)
     * @param nextStep the number of OK steps so far, ≥ 0 (the step the returned damping is for)
     * @return the damping for the next step, ≥ 0
     */
    double next(double current, double gainRatio, long nextStep);

    /** Whether the rule reads the gain ratio (so the optimizer must evaluate the trial loss and the model). */
    @Override
    boolean usesGainRatio();

    @Override
    default double[] initialState(double scaledStartNorm) {
        return new double[] {initial()};
    }

    @Override
    default double damping(double[] state) {
        return state[0];
    }

    @Override
    default boolean acceptable(double gainRatio, double actualReduction) {
        return true;
    }

    @Override
    default void accepted(double[] state, double gainRatio, double stepNorm, long nextStep) {
        state[0] = next(state[0], gainRatio, nextStep);
    }

    @Override
    default boolean rejected(double[] state, double gainRatio, double stepNorm, long nextStep) {
        state[0] = next(state[0], Double.isNaN(gainRatio) ? 0 : Math.min(gainRatio, 0), nextStep);
        return true;
    }

    @Override
    default boolean failed(double[] state, double stepNorm, long nextStep) {
        state[0] = next(state[0], Double.NaN, nextStep);
        return true;
    }

    /**
     * ρ at every step.
     *
     * @param rho the constant damping ρ, finite and ≥ 0
     * @return the fixed-damping rule
     * @throws IllegalArgumentException if ρ is negative, infinite or NaN
     */
    static Damping fixed(double rho) {
        requireDamping("rho", rho);
        return schedule(LearningRateSchedule.constant(rho), "fixed(" + rho + ")");
    }

    /**
     * A non-adaptive schedule ρ(t) over the OK-step count t, e.g. {@link LearningRateSchedule#linearDecay} or
     * {@link LearningRateSchedule#cosineDecay} (the learning-rate schedules serve as damping schedules).
     *
     * @param s the damping ρ(t) per OK-step count t; not {@code null}, ρ(0) finite and ≥ 0
     * @return the schedule rule (a failed step raises the damping as in {@link #raise})
     * @throws IllegalArgumentException if {@code s} is {@code null} or {@code s.rate(0)} is negative or not finite
     */
    static Damping schedule(LearningRateSchedule s) {
        return schedule(s, "schedule");
    }

    private static Damping schedule(LearningRateSchedule s, String name) {
        if (s == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        double first = s.rate(0);
        requireDamping("schedule value at step 0", first);
        return new Damping() {
            @Override
            public double initial() {
                return first;
            }

            @Override
            public double next(double current, double gainRatio, long nextStep) {
                if (isFailure(gainRatio)) {
                    return raise(current);
                }
                return s.rate(nextStep);
            }

            @Override
            public boolean usesGainRatio() {
                return false;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * The trust-region rule of the published SGN code: {@code ρ ← ρ·3/2} when the gain ratio is below 1/4 (a poor
     * or refused step), {@code ρ ← max(floor, ρ·2/3)} above 3/4 (a very successful step), unchanged in between.
     * Floor 1e-8.
     *
     * @param initial ρ at the first step (the SGN paper uses 1e-4 throughout)
     * @return the gain-ratio rule
     */
    static Damping gainRatio(double initial) {
        return gainRatio(initial, 1e-8, 0.25, 0.75, 1.5, 2.0 / 3.0);
    }

    /**
     * The gain-ratio rule with all its constants: below {@code low} multiply by {@code up > 1}, above {@code high}
     * multiply by {@code down ∈ (0, 1)}, never below {@code floor}.
     *
     * @param initial ρ at the first step, finite and ≥ 0
     * @param floor the smallest damping the rule returns after a successful step, finite and ≥ 0
     * @param low the gain ratio below which ρ is raised
     * @param high the gain ratio above which ρ is lowered, ≥ {@code low}
     * @param up the factor &gt; 1 that raises ρ
     * @param down the factor in (0, 1) that lowers ρ
     * @return the gain-ratio rule
     * @throws IllegalArgumentException if a constant is out of range or {@code low > high}
     */
    static Damping gainRatio(double initial, double floor, double low, double high, double up, double down) {
        requireDamping("initial", initial);
        requireDamping("floor", floor);
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("thresholds are " + low + ", " + high + ", expected finite low <= high");
        }
        if (!(up > 1) || Double.isInfinite(up)) {
            throw new IllegalArgumentException("up is " + up + ", expected a finite value > 1");
        }
        if (!(down > 0 && down < 1)) {
            throw new IllegalArgumentException("down is " + down + ", expected a value in (0, 1)");
        }
        double start = Math.max(initial, floor);
        return new Damping() {
            @Override
            public double initial() {
                return start;
            }

            @Override
            public double next(double current, double gainRatio, long nextStep) {
                if (isFailure(gainRatio)) {
                    return raise(current);
                }
                if (gainRatio < low) {
                    return Math.min(CEILING, current * up);
                }
                if (gainRatio > high) {
                    return Math.max(floor, current * down);
                }
                return current;
            }

            @Override
            public boolean usesGainRatio() {
                return true;
            }

            @Override
            public String toString() {
                return "gainRatio(initial=" + initial + ", floor=" + floor + ", " + low + "/" + high + ", x" + up
                        + "/x" + down + ")";
            }
        };
    }

    /**
     * Whether a gain ratio signals a failed step.
     *
     * @param gainRatio a gain ratio as passed to {@link #next}
     * @return {@code true} if it is NaN, the mark of a failed step
     */
    static boolean isFailure(double gainRatio) {
        return Double.isNaN(gainRatio);
    }

    /**
     * {@code min(CEILING, max(current, 1e-8)·FAILURE_FACTOR)} (so that a zero damping can be raised too).
     *
     * @param current the damping of the failed step, ≥ 0
     * @return the raised damping, at most {@link #CEILING}
     */
    static double raise(double current) {
        return Math.min(CEILING, Math.max(current, 1e-8) * FAILURE_FACTOR);
    }

    private static void requireDamping(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " is " + v + ", expected a finite value >= 0");
        }
    }
}
