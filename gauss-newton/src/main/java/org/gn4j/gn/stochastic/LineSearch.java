package org.gn4j.gn.stochastic;

/**
 * The step-length rule of the stochastic Gauss-Newton methods along a descent direction s from θ on one mini-batch:
 * none (α = 1), or backtracking Armijo: the first {@code α = 1, τ, τ², …} (at most {@code maxTries} trial losses)
 * with {@code L(θ + αs) ≤ L(θ) + c·α·∇Lᵀs}. A trial loss that is not finite counts as insufficient decrease. When
 * no trial passes, the step is refused (θ untouched). Immutable.
 */
public final class LineSearch {
    private static final LineSearch NONE = new LineSearch(false, 0, 1, 1);

    private final boolean enabled;
    private final double c;
    private final double shrink;
    private final int maxTries;

    private LineSearch(boolean enabled, double c, double shrink, int maxTries) {
        this.enabled = enabled;
        this.c = c;
        this.shrink = shrink;
        this.maxTries = maxTries;
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
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("c is " + c + ", expected a value in (0, 1)");
        }
        if (!(shrink > 0 && shrink < 1)) {
            throw new IllegalArgumentException("shrink is " + shrink + ", expected a value in (0, 1)");
        }
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries is " + maxTries + ", expected >= 1");
        }
        return new LineSearch(true, c, shrink, maxTries);
    }

    /** Whether step lengths are searched (false: α = 1). */
    public boolean enabled() {
        return enabled;
    }

    /** Sufficient-decrease constant c (0 without a search). */
    public double c() {
        return c;
    }

    /** Shrink factor τ. */
    public double shrink() {
        return shrink;
    }

    /** Largest number of trial losses. */
    public int maxTries() {
        return maxTries;
    }

    @Override
    public String toString() {
        return enabled ? "armijo(c=" + c + ", shrink=" + shrink + ", tries=" + maxTries + ")" : "none";
    }
}
