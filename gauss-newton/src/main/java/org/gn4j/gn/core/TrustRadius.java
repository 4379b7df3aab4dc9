package org.gn4j.gn.core;

import org.gn4j.linalg.ArgumentChecks;

/**
 * The trust radius Δ of dogleg, updated as in MINPACK's {@code hybrd}: halved (to half the step when that is
 * smaller) after a poor step ({@code ρ < 0.1}); after a good one ({@code ρ ≥ ½}) or a second success in a row the
 * region may reach twice the step, and a step whose model was nearly exact ({@code |ρ − 1| ≤ 0.1}) sets it to twice
 * the step. Δ₀ = {@code factor·max(‖Dx₀‖, 1)}. A step is accepted when {@code ρ > 1e-4} and the cost went down.
 * State: {@code [Δ, successes in a row]}.
 */
public final class TrustRadius implements StepControl {
    private final double factor;

    /** @param factor Δ₀ as a multiple of {@code max(‖Dx₀‖, 1)} */
    public TrustRadius(double factor) {
        ArgumentChecks.requirePositive("initialRadiusFactor", factor);
        this.factor = factor;
    }

    @Override
    public double[] initialState(double scaledStartNorm) {
        return new double[] {factor * Math.max(scaledStartNorm, 1.0), 0};
    }

    @Override
    public double damping(double[] state) {
        return state[0];
    }

    @Override
    public boolean acceptable(double gainRatio, double actualReduction) {
        return StepControl.sufficientDecrease(gainRatio, actualReduction);
    }

    private static void update(double[] state, double gain, double stepNorm) {
        if (!(gain >= 0.1)) {
            state[1] = 0;
            state[0] = 0.5 * Math.min(state[0], stepNorm);
        } else {
            state[1]++;
            if (gain >= 0.5 || state[1] > 1) {
                state[0] = Math.max(state[0], 2 * stepNorm);
            }
            if (Math.abs(gain - 1) <= 0.1) {
                state[0] = 2 * stepNorm;
            }
        }
    }

    @Override
    public void accepted(double[] state, double gainRatio, double stepNorm, long nextStep) {
        update(state, gainRatio, stepNorm);
    }

    @Override
    public boolean rejected(double[] state, double gainRatio, double stepNorm, long nextStep) {
        update(state, gainRatio, stepNorm);
        return state[0] > 0;
    }

    @Override
    public boolean usesGainRatio() {
        return true;
    }

    @Override
    public boolean isRadius() {
        return true;
    }

    @Override
    public String toString() {
        return "trustRadius(" + factor + ")";
    }
}
