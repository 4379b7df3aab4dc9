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

    /** α = 1 always (the step is taken whenever it is finite). */
    public static LineSearch none() {
        return NONE;
    }

    /** Backtracking Armijo with the published SGN settings: c = 1e-4, halving, at most 10 trial losses. */
    public static LineSearch armijo() {
        return armijo(1e-4, 0.5, 10);
    }

    /**
     * Backtracking Armijo with sufficient-decrease constant {@code c ∈ (0, 1)}, shrink factor {@code τ ∈ (0, 1)} and
     * at most {@code maxTries ≥ 1} trial losses.
     *
     * @throws IllegalArgumentException if a constant is out of range
     */
    public static LineSearch armijo(double c, double shrink, int maxTries) {
        return new LineSearch(new BacktrackingArmijo(c, shrink, maxTries));
    }

    /** The core part. */
    public StepLength stepLength() {
        return armijo == null ? StepLength.none() : armijo;
    }

    /** Whether step lengths are searched (false: α = 1). */
    public boolean enabled() {
        return armijo != null;
    }

    /** Sufficient-decrease constant c (0 without a search). */
    public double c() {
        return armijo == null ? 0 : armijo.c();
    }

    /** Shrink factor τ. */
    public double shrink() {
        return armijo == null ? 1 : armijo.shrink();
    }

    /** Largest number of trial losses. */
    public int maxTries() {
        return armijo == null ? 0 : armijo.maxTries();
    }

    @Override
    public String toString() {
        return armijo == null ? "none" : armijo.toString();
    }
}
