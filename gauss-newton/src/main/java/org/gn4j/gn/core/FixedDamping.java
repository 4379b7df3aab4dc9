package org.gn4j.gn.core;

import org.gn4j.linalg.ArgumentChecks;

/**
 * A damping that never changes: 0 for Gauss-Newton, ENGD's μ. Every step whose step length was found is taken; a
 * refusal cannot change the next step, so a deterministic solve ends there. State: {@code [λ]}.
 */
public final class FixedDamping implements StepControl {
    private final double lambda;

    /** @param lambda λ ≥ 0 */
    public FixedDamping(double lambda) {
        ArgumentChecks.requireNonNegative("damping", lambda);
        this.lambda = lambda;
    }

    @Override
    public double[] initialState(double scaledStartNorm) {
        return new double[] {lambda};
    }

    @Override
    public double damping(double[] state) {
        return state[0];
    }

    @Override
    public boolean acceptable(double gainRatio, double actualReduction) {
        return true;
    }

    @Override
    public void accepted(double[] state, double gainRatio, double stepNorm, long nextStep) {
    }

    @Override
    public boolean rejected(double[] state, double gainRatio, double stepNorm, long nextStep) {
        return false;
    }

    @Override
    public boolean usesGainRatio() {
        return false;
    }

    @Override
    public String toString() {
        return "fixed(" + lambda + ")";
    }
}
