package org.gn4j.gn.core;

import org.gn4j.linalg.ArgumentChecks;

/**
 * The trust radius Δ of dogleg and of the trust-region Levenberg-Marquardt step, updated by one of two MINPACK rules
 * ({@link Rule}). Δ₀ = {@code factor·max(‖Dx₀‖, 1)}. A step is accepted when {@code ρ > 1e-4} and the cost went down.
 * State: {@code [Δ, successes in a row]}.
 */
public final class TrustRadius implements StepControl {
    /** How Δ follows the gain ratio ρ and the scaled step length {@code ‖Dδ‖}. */
    public enum Rule {
        /**
         * MINPACK's {@code hybrd}: halved (to half the step when that is smaller) after a poor step ({@code ρ < 0.1});
         * after a good one ({@code ρ ≥ ½}) or a second success in a row the region may reach twice the step, and a
         * step whose model was nearly exact ({@code |ρ − 1| ≤ 0.1}) sets it to twice the step.
         */
        HYBRD,
        /**
         * MINPACK's {@code lmder}: after a step with {@code ρ ≤ ¼}, {@code Δ = t·min(Δ, 10‖Dδ‖)} with
         * {@code t = ½} when the cost did not rise, else {@code t = ½/(1 − ρ/2)} clamped to [0.1, ½] (the minimizer of
         * the quadratic through the cost, its slope along the step and the trial cost, with the predicted reduction
         * standing in for the slope); after {@code ρ ≥ ¾}, or a Gauss-Newton step well inside the region
         * ({@code ‖Dδ‖ < 0.9Δ}) with {@code ρ > ¼}, {@code Δ = 2‖Dδ‖}; otherwise Δ stays. A failed step (NaN ratio)
         * halves Δ as in {@link #HYBRD}.
         */
        LMDER
    }

    private final double factor;
    private final Rule rule;

    /**
     * The {@link Rule#HYBRD} radius.
     *
     * @param factor Δ₀ as a multiple of {@code max(‖Dx₀‖, 1)}, positive and finite
     * @throws IllegalArgumentException if {@code factor} is not positive and finite
     */
    public TrustRadius(double factor) {
        this(factor, Rule.HYBRD);
    }

    /**
     * @param factor Δ₀ as a multiple of {@code max(‖Dx₀‖, 1)}
     * @param rule   the update rule
     * @throws IllegalArgumentException if factor is not positive and finite, or rule is null
     */
    public TrustRadius(double factor, Rule rule) {
        ArgumentChecks.requirePositive("initialRadiusFactor", factor);
        ArgumentChecks.requireNonNull("rule", rule);
        this.factor = factor;
        this.rule = rule;
    }

    /**
     * The update rule.
     *
     * @return the rule by which Δ follows the gain ratio
     */
    public Rule rule() {
        return rule;
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

    private void update(double[] state, double gain, double stepNorm) {
        if (rule == Rule.LMDER) {
            lmder(state, gain, stepNorm);
            return;
        }
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

    private static void lmder(double[] state, double gain, double stepNorm) {
        if (Double.isNaN(gain)) {
            state[1] = 0;
            state[0] = 0.5 * Math.min(state[0], stepNorm);
        } else if (gain <= 0.25) {
            state[1] = 0;
            double t = gain >= 0 ? 0.5 : Math.min(0.5, Math.max(0.1, 0.5 / (1 - 0.5 * gain)));
            state[0] = t * Math.min(state[0], 10 * stepNorm);
        } else {
            state[1]++;
            if (gain >= 0.75 || stepNorm < 0.9 * state[0]) {
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
        return "trustRadius(" + factor + (rule == Rule.HYBRD ? "" : ", " + rule) + ")";
    }
}
