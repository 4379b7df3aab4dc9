package org.gn4j.gn.core;

import org.gn4j.linalg.ArgumentChecks;

/**
 * ENGD's grid line search: the least cost over {@code α = 2^-k, k = 0..K}; found when that cost is below the cost
 * at x. Costs {@code K + 1} evaluations per step.
 */
public final class GridSearch implements StepLength {
    private final int maxHalvings;

    /** @param maxHalvings K ≥ 0 (0: the unit step, taken only when it lowers the cost) */
    public GridSearch(int maxHalvings) {
        ArgumentChecks.requireNonNegative("maxHalvings", maxHalvings);
        this.maxHalvings = maxHalvings;
    }

    /**
     * The number of halvings K of the grid.
     *
     * @return K ≥ 0
     */
    public int maxHalvings() {
        return maxHalvings;
    }

    @Override
    public Result search(Trial trial) {
        double best = Double.POSITIVE_INFINITY;
        double bestAlpha = 1;
        for (int k = 0; k <= maxHalvings; k++) {
            double a = Math.scalb(1.0, -k);
            double f = trial.cost(a);
            if (f < best) {
                best = f;
                bestAlpha = a;
                trial.keep();
            }
        }
        boolean found = Double.isFinite(best) && best < trial.cost0();
        return new Result(found, bestAlpha, Double.isFinite(best) ? best : Double.NaN, maxHalvings + 1);
    }

    @Override
    public boolean needsDescent() {
        return false;
    }

    @Override
    public String toString() {
        return "grid(2^-0..2^-" + maxHalvings + ")";
    }
}
