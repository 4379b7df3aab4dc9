package org.gn4j.gn.stochastic;

import org.gn4j.gn.core.BacktrackingArmijo;
import org.gn4j.gn.core.StepLength;

/**
 * The step-length rule of the stochastic Gauss-Newton methods along a descent direction s from θ on one mini-batch,
 * named for training: none (α = 1), or the core's {@link BacktrackingArmijo}: the first
 * {@code α = 1, τ, τ², …} (at most {@code maxTries} trial losses) with {@code L(θ + αs) ≤ L(θ) + c·α·∇Lᵀs}. A trial
 * loss that is not finite counts as insufficient decrease. When no trial passes, the step is refused (θ untouched).
 * Immutable.
 */
public final class LineSearch {
    private static final LineSearch NONE = new LineSearch(null);

    private final BacktrackingArmijo armijo;

    private LineSearch(BacktrackingArmijo armijo) {
        this.armijo = armijo;
    }

    /**
     * α = 1 always (the step is taken whenever it is finite).
     *
     * @return the rule that always takes the full step
     */
    public static LineSearch none() {
        return NONE;
    }

    /**
     * Backtracking Armijo with the published SGN settings: c = 1e-4, halving, at most 10 trial losses.
     *
     * @return backtracking Armijo with c = 1e-4, τ = 0.5 and at most 10 tries
     */
    public static LineSearch armijo() {
        return armijo(1e-4, 0.5, 10);
    }

    /**
     * Backtracking Armijo with sufficient-decrease constant {@code c ∈ (0, 1)}, shrink factor {@code τ ∈ (0, 1)} and
     * at most {@code maxTries ≥ 1} trial losses.
     *
     * @param c the sufficient-decrease constant c ∈ (0, 1)
     * @param shrink the factor τ ∈ (0, 1) that shortens α after a refused try
     * @param maxTries the largest number of trial losses per step, ≥ 1
     * @return the backtracking rule
     * @throws IllegalArgumentException if a constant is out of range
     */
    public static LineSearch armijo(double c, double shrink, int maxTries) {
        return new LineSearch(new BacktrackingArmijo(c, shrink, maxTries));
    }

    /**
     * The core part.
     *
     * @return the core {@link StepLength} rule this step-length setting stands for ({@link StepLength#none()} without a
     *         search)
     */
    public StepLength stepLength() {
        return armijo == null ? StepLength.none() : armijo;
    }

    /**
     * Whether step lengths are searched (false: α = 1).
     *
     * @return {@code true} for backtracking Armijo, {@code false} for α = 1
     */
    public boolean enabled() {
        return armijo != null;
    }

    /**
     * Sufficient-decrease constant c (0 without a search).
     *
     * @return the sufficient-decrease constant c, 0 without a search
     */
    public double c() {
        return armijo == null ? 0 : armijo.c();
    }

    /**
     * Shrink factor τ.
     *
     * @return the shrink factor τ, 1 without a search
     */
    public double shrink() {
        return armijo == null ? 1 : armijo.shrink();
    }

    /**
     * Largest number of trial losses.
     *
     * @return the largest number of trial losses per step, 0 without a search
     */
    public int maxTries() {
        return armijo == null ? 0 : armijo.maxTries();
    }

    @Override
    public String toString() {
        return armijo == null ? "none" : armijo.toString();
    }
}
