package org.gn4j.gn.core;

/**
 * Backtracking Armijo: the first {@code α = 1, τ, τ², …} (at most {@code maxTries} costs) with sufficient decrease
 * {@code F(x + αs) <= F(x) + c·α·gᵀs}. When no trial passes, the step is refused.
 */
public final class BacktrackingArmijo implements StepLength {
    private final double c;
    private final double shrink;
    private final int maxTries;

    /**
     * @param c        sufficient-decrease constant in (0, 1)
     * @param shrink   factor τ in (0, 1)
     * @param maxTries largest number of costs evaluated, ≥ 1
     * @throws IllegalArgumentException if a constant is out of range
     */
    public BacktrackingArmijo(double c, double shrink, int maxTries) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("c is " + c + ", expected a value in (0, 1)");
        }
        if (!(shrink > 0 && shrink < 1)) {
            throw new IllegalArgumentException("shrink is " + shrink + ", expected a value in (0, 1)");
        }
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries is " + maxTries + ", expected >= 1");
        }
        this.c = c;
        this.shrink = shrink;
        this.maxTries = maxTries;
    }

    /**
     * The sufficient-decrease constant.
     *
     * @return c ∈ (0, 1)
     */
    public double c() {
        return c;
    }

    /**
     * The factor by which α shrinks after a refused trial.
     *
     * @return τ ∈ (0, 1)
     */
    public double shrink() {
        return shrink;
    }

    /**
     * The largest number of costs evaluated per search.
     *
     * @return the cap, ≥ 1
     */
    public int maxTries() {
        return maxTries;
    }

    @Override
    public Result search(Trial trial) {
        double f0 = trial.cost0();
        double slope = trial.slope0();
        double alpha = 1;
        double lastAlpha = 1;
        double lastCost = Double.NaN;
        for (int i = 0; i < maxTries; i++) {
            double f = trial.cost(alpha);
            if (Double.isFinite(f)) {
                lastAlpha = alpha;
                lastCost = f;
                if (f <= f0 + c * alpha * slope) {
                    trial.keep();
                    return new Result(true, alpha, f, i + 1);
                }
            }
            if (i + 1 < maxTries) {
                alpha *= shrink;
            }
        }
        return new Result(false, lastAlpha, lastCost, maxTries);
    }

    @Override
    public String toString() {
        return "armijo(c=" + c + ", shrink=" + shrink + ", tries=" + maxTries + ")";
    }
}
