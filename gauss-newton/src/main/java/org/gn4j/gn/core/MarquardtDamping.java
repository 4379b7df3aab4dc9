package org.gn4j.gn.core;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Marquardt's (1963) rule: λ divided by a constant factor after an accepted step, multiplied by it after a refused
 * one, in {@code [1e-300, 1e32]}; a step is accepted when {@code ρ > 1e-4} and the cost went down. State: {@code [λ]}.
 */
public final class MarquardtDamping implements StepControl {
    private final double initial;
    private final double factor;

    /**
     * Marquardt's rule from λ₀ with a constant factor.
     *
     * @param initial the initial damping λ₀ &gt; 0
     * @param factor the factor that divides or multiplies λ, finite and &gt; 1
     * @throws IllegalArgumentException if λ₀ is not positive or the factor is not finite and &gt; 1
     */
    public MarquardtDamping(double initial, double factor) {
        ArgumentChecks.requirePositive("initialDamping", initial);
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("marquardtFactor is " + factor + ", expected a finite value > 1");
        }
        this.initial = initial;
        this.factor = factor;
    }

    @Override
    public double[] initialState(double scaledStartNorm) {
        return new double[] {initial};
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
        state[0] = Math.max(NielsenDamping.FLOOR, state[0] / factor);
    }

    @Override
    public boolean rejected(double[] state, double gainRatio, double stepNorm, long nextStep) {
        state[0] *= factor;
        return state[0] <= NielsenDamping.CEILING;
    }

    @Override
    public boolean usesGainRatio() {
        return true;
    }

    @Override
    public String toString() {
        return "marquardt(" + initial + ", x" + factor + ")";
    }
}
