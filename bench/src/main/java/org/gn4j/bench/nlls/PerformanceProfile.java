package org.gn4j.bench.nlls;

import java.util.Arrays;

/**
 * Dolan-Moré performance profiles (E. D. Dolan, J. J. Moré, "Benchmarking optimization software with performance
 * profiles", Math. Program. 91:201–213, 2002). With {@code t[p][s]} the cost of solver s on problem p (evaluations,
 * seconds; {@code +∞} when s did not solve p), the ratio is {@code r[p][s] = t[p][s] / min_s t[p][s]} and the
 * profile {@code ρ_s(τ) = |{p : r[p][s] ≤ τ}| / (number of problems)}: the fraction of problems s solves within τ
 * times the best solver's cost. A problem no solver solves has ratio ∞ for all and still counts in the denominator.
 */
public final class PerformanceProfile {
    private final double[][] ratios;
    private final int problems;
    private final int solvers;

    /**
     * The profile of a cost table.
     *
     * @param cost {@code cost[p][s]}: positive, or {@code +∞} (or NaN) for an unsolved run; every row the same length
     * @throws IllegalArgumentException on an empty or ragged table, or a cost ≤ 0
     */
    public PerformanceProfile(double[][] cost) {
        if (cost.length == 0 || cost[0].length == 0) {
            throw new IllegalArgumentException("cost table is empty, expected at least one problem and one solver");
        }
        problems = cost.length;
        solvers = cost[0].length;
        ratios = new double[problems][solvers];
        for (int p = 0; p < problems; p++) {
            if (cost[p].length != solvers) {
                throw new IllegalArgumentException("cost row " + p + " has " + cost[p].length + " solvers, expected "
                        + solvers);
            }
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < solvers; s++) {
                double c = cost[p][s];
                if (!(c > 0) && !Double.isNaN(c)) {
                    throw new IllegalArgumentException("cost[" + p + "][" + s + "] is " + c + ", expected > 0");
                }
                if (c < best) {
                    best = c;
                }
            }
            for (int s = 0; s < solvers; s++) {
                double c = cost[p][s];
                ratios[p][s] = Double.isFinite(best) && Double.isFinite(c) ? c / best : Double.POSITIVE_INFINITY;
            }
        }
    }

    /**
     * The performance ratio {@code r[p][s]} (∞ when s did not solve p).
     *
     * @param problem problem index p, in the cost table's row order
     * @param solver solver index s, in the cost table's column order
     * @return {@code t[p][s] / min_s t[p][s]} ≥ 1, or {@code +∞}
     */
    public double ratio(int problem, int solver) {
        return ratios[problem][solver];
    }

    /**
     * {@code ρ_s(τ)}: the fraction of problems whose ratio for solver s is at most τ.
     *
     * @param solver solver index s
     * @param tau the factor τ ≥ 1 over the best cost
     * @return {@code ρ_s(τ)} in [0, 1]
     */
    public double fraction(int solver, double tau) {
        int k = 0;
        for (int p = 0; p < problems; p++) {
            if (ratios[p][solver] <= tau) {
                k++;
            }
        }
        return (double) k / problems;
    }

    /**
     * The largest finite ratio of any solver (1 when none is finite).
     *
     * @return the largest finite {@code r[p][s]}, ≥ 1
     */
    public double maxFiniteRatio() {
        double max = 1;
        for (double[] row : ratios) {
            for (double r : row) {
                if (Double.isFinite(r)) {
                    max = Math.max(max, r);
                }
            }
        }
        return max;
    }

    /**
     * The staircase of {@code ρ_s} for plotting on a log2 axis: x = log2 τ from 0 to {@code log2(tauMax)}, y = ρ_s,
     * with a vertical step at every finite ratio.
     *
     * @param solver solver index s
     * @param tauMax the right end τ of the plot, ≥ 1
     * @return {@code {x, y}}
     */
    public double[][] staircase(int solver, double tauMax) {
        double[] r = new double[problems];
        int k = 0;
        for (int p = 0; p < problems; p++) {
            if (Double.isFinite(ratios[p][solver])) {
                r[k++] = ratios[p][solver];
            }
        }
        r = Arrays.copyOf(r, k);
        Arrays.sort(r);
        double end = Math.log(tauMax) / Math.log(2);
        double[] x = new double[2 * k + 2];
        double[] y = new double[2 * k + 2];
        int i = 0;
        double level = fraction(solver, 1);
        x[i] = 0;
        y[i++] = level;
        for (double v : r) {
            if (v <= 1) {
                continue;
            }
            double lx = Math.log(v) / Math.log(2);
            x[i] = lx;
            y[i++] = level;
            level = fraction(solver, v);
            x[i] = lx;
            y[i++] = level;
        }
        x[i] = Math.max(end, i > 0 ? x[i - 1] : 0);
        y[i++] = level;
        return new double[][] {Arrays.copyOf(x, i), Arrays.copyOf(y, i)};
    }

    /**
     * Number of problems.
     *
     * @return the number of problems (rows of the cost table)
     */
    public int problems() {
        return problems;
    }

    /**
     * Number of solvers.
     *
     * @return the number of solvers (columns of the cost table)
     */
    public int solvers() {
        return solvers;
    }
}
