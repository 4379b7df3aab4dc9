package org.gn4j.gn.core;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Nielsen's (1999) damping rule, as in MINPACK-style and Ceres Levenberg-Marquardt: after an accepted step
 * {@code λ ← λ·max(1/3, 1 − (2ρ − 1)³)}, {@code ν ← 2}; after a refused one {@code λ ← λ·ν}, {@code ν ← 2ν}. A step
 * is accepted when {@code ρ > 1e-4} and the cost went down. λ stays in {@code [1e-300, 1e32]}; a refusal that would
 * pass the ceiling reports that the rule cannot adapt any further. State: {@code [λ, ν]}.
 */
public final class NielsenDamping implements StepControl {
    /** Largest damping. */
    public static final double CEILING = 1e32;
    /** Smallest damping. */
    public static final double FLOOR = 1e-300;

    private final double initial;

    /** @param initial λ₀ > 0 */
    public NielsenDamping(double initial) {
        ArgumentChecks.requirePositive("initialDamping", initial);
        this.initial = initial;
    }

    @Override
    public double[] initialState(double scaledStartNorm) {
        return new double[] {initial, 2};
    }

    @Override
    public double damping(double[] state) {
        return state[0];
    }

    @Override
    public boolean acceptable(double gainRatio, double actualReduction) {
        return StepControl.sufficientDecrease(gainRatio, actualReduction);
    }

    @Override
    public void accepted(double[] state, double gainRatio, double stepNorm, long nextStep) {
        double t = 2 * gainRatio - 1;
        state[0] = Math.max(FLOOR, state[0] * Math.max(1.0 / 3, 1 - t * t * t));
        state[1] = 2;
    }

    @Override
    public boolean rejected(double[] state, double gainRatio, double stepNorm, long nextStep) {
        state[0] *= state[1];
        state[1] *= 2;
        return state[0] <= CEILING;
    }

    @Override
    public boolean usesGainRatio() {
        return true;
    }

    @Override
    public String toString() {
        return "nielsen(" + initial + ")";
    }
}
