package org.gn4j.gn.suites;

import java.util.Objects;

/**
 * A bound-constrained least-squares test problem: minimise {@code F(x) = ½‖f(x)‖²} subject to
 * {@code lower ≤ x ≤ upper}, with the residuals and exact Jacobian of an unconstrained {@link TestProblem}, a start
 * strictly inside the bounds, the best known cost and a point attaining it, and a first-order judge
 * {@link #kktPoint(double[])}.
 *
 * <p>Bounds use {@code ±∞} where a side is absent. Immutable: arrays are copied in and out.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on wrong lengths, {@code lower[j] ≥ upper[j]}, a NaN
 * bound, a start not strictly inside, a best point outside the bounds, or a negative cost.
 *
 * @param name           display name, unique within {@link BoundedSuite#problems()}
 * @param unconstrained  the problem whose residuals and Jacobian are used; its own start and minima are not used
 * @param lower          lower bounds, length {@code n}, {@code −∞} where none
 * @param upper          upper bounds, length {@code n}, {@code +∞} where none; {@code lower[j] < upper[j]}
 * @param start          starting point, length {@code n}, strictly inside the bounds
 * @param bestKnownCost  the lowest {@code F} known on the feasible set (see {@link BoundedSuite} for where each value
 *                       comes from); a solver that ends within {@link #costMatches(double)} of it has done as well
 *                       as any method known to us
 * @param bestKnownPoint a feasible point of length {@code n} with {@code F = bestKnownCost} that passes
 *                       {@link #kktPoint(double[])}
 * @param source         where the bounds come from, e.g. {@code "Gay 1984"} or {@code "chosen here: x₁ ≤ 0.5 cuts
 *                       off (1, 1)"}
 */
public record BoundedTestProblem(String name, TestProblem unconstrained, double[] lower, double[] upper,
        double[] start, double bestKnownCost, double[] bestKnownPoint, String source) {

    /** Relative tolerance of {@link #kktPoint(double[])}: {@value}. */
    public static final double KKT_TOLERANCE = 1e-8;

    /** Relative tolerance of {@link #costMatches(double)} for a positive best cost: {@value}. */
    public static final double COST_TOLERANCE = 1e-8;

    /**
     * Validates and copies; see the record description for the rules.
     *
     * @param name the display name
     * @param unconstrained the problem whose residuals and Jacobian are used
     * @param lower the n lower bounds, {@code −∞} where none (copied)
     * @param upper the n upper bounds, {@code +∞} where none (copied)
     * @param start the starting point, length n, strictly inside the bounds (copied)
     * @param bestKnownCost the lowest known feasible cost, ≥ 0
     * @param bestKnownPoint a feasible point attaining it, length n (copied)
     * @param source where the bounds come from
     * @throws IllegalArgumentException on wrong lengths, crossing or NaN bounds, a start not strictly inside, a best
     *                                  point outside the bounds, or a negative cost
     */
    public BoundedTestProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unconstrained, "unconstrained");
        Objects.requireNonNull(source, "source");
        int n = unconstrained.n();
        requireLength("lower", lower, n);
        requireLength("upper", upper, n);
        requireLength("start", start, n);
        requireLength("bestKnownPoint", bestKnownPoint, n);
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(lower[j]) || Double.isNaN(upper[j]) || !(lower[j] < upper[j])) {
                throw new IllegalArgumentException("bounds of x[" + j + "]: found [" + lower[j] + ", " + upper[j]
                        + "], expected lower < upper, no NaN");
            }
            if (!(lower[j] < start[j] && start[j] < upper[j])) {
                throw new IllegalArgumentException("start[" + j + "]: found " + start[j] + ", expected strictly inside ("
                        + lower[j] + ", " + upper[j] + ")");
            }
            if (!(lower[j] <= bestKnownPoint[j] && bestKnownPoint[j] <= upper[j])) {
                throw new IllegalArgumentException("bestKnownPoint[" + j + "]: found " + bestKnownPoint[j]
                        + ", expected inside [" + lower[j] + ", " + upper[j] + "]");
            }
        }
        if (!(bestKnownCost >= 0)) {
            throw new IllegalArgumentException("bestKnownCost: found " + bestKnownCost + ", expected ≥ 0");
        }
        lower = lower.clone();
        upper = upper.clone();
        start = start.clone();
        bestKnownPoint = bestKnownPoint.clone();
    }

    private static void requireLength(String what, double[] a, int n) {
        Objects.requireNonNull(a, what);
        if (a.length != n) {
            throw new IllegalArgumentException(what + ": found length " + a.length + ", expected " + n);
        }
    }

    /** @return the number of unknowns */
    public int n() {
        return unconstrained.n();
    }

    /** @return the number of residuals */
    public int m() {
        return unconstrained.m();
    }

    /** @return a copy of the lower bounds ({@code −∞} where none) */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** @return a copy of the upper bounds ({@code +∞} where none) */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** @return a copy of the starting point */
    @Override
    public double[] start() {
        return start.clone();
    }

    /** @return a copy of the best known point */
    @Override
    public double[] bestKnownPoint() {
        return bestKnownPoint.clone();
    }

    /**
     * The problem for the solvers, with the exact Jacobian and these bounds passed to
     * {@link org.gn4j.gn.LeastSquaresProblem.Builder#bounds(double[], double[])}.
     *
     * @return a new problem
     */
    public org.gn4j.gn.LeastSquaresProblem problem() {
        TestProblem.Residuals r = unconstrained.residuals();
        TestProblem.Jacobian jac = unconstrained.jacobian();
        return org.gn4j.gn.LeastSquaresProblem.builder(n(), m()).residuals((x, f) -> r.evaluate(x, f))
                .jacobian((x, j) -> jac.evaluate(x, j.data)).bounds(lower.clone(), upper.clone()).build();
    }

    /**
     * {@code F(x) = ½‖f(x)‖²}; allocates, for tests.
     *
     * @param x point, length {@code n}
     * @return the cost
     */
    public double cost(double[] x) {
        return unconstrained.cost(x);
    }

    /**
     * The gradient {@code g = J(x)ᵀf(x)} of {@code F}; allocates, for tests.
     *
     * @param x point, length {@code n}
     * @return a new array of length {@code n}
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double[] gradient(double[] x) {
        int n = n();
        int m = m();
        if (x.length != n) {
            throw new IllegalArgumentException("x: found length " + x.length + ", expected " + n);
        }
        double[] f = new double[m];
        double[] jac = new double[m * n];
        unconstrained.residuals().evaluate(x, f);
        unconstrained.jacobian().evaluate(x, jac);
        double[] g = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                g[j] += jac[i * n + j] * f[i];
            }
        }
        return g;
    }

    /**
     * Whether {@code lower ≤ x ≤ upper} holds entry by entry (no NaN).
     *
     * @param x point, length {@code n}
     * @return whether {@code x} is feasible
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public boolean isFeasible(double[] x) {
        if (x.length != n()) {
            throw new IllegalArgumentException("x: found length " + x.length + ", expected " + n());
        }
        for (int j = 0; j < x.length; j++) {
            if (!(lower[j] <= x[j] && x[j] <= upper[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The projected-gradient measure {@code ‖x − P(x − g(x))‖∞}, with {@code P} the projection onto the bounds and
     * {@code g = Jᵀf}. It is zero exactly at first-order (KKT) points of the bound-constrained problem: free
     * coordinates have {@code gⱼ = 0}, coordinates at a bound have {@code gⱼ} pointing out of the box.
     *
     * @param x feasible point, length {@code n}
     * @return the measure, {@code ≥ 0}
     */
    public double projectedGradientNorm(double[] x) {
        double[] g = gradient(x);
        double worst = 0;
        for (int j = 0; j < x.length; j++) {
            double p = Math.min(Math.max(x[j] - g[j], lower[j]), upper[j]);
            worst = Math.max(worst, Math.abs(x[j] - p));
        }
        return worst;
    }

    /**
     * The first-order judge: {@code x} is feasible and
     * {@code ‖x − P(x − g(x))‖∞ ≤ KKT_TOLERANCE · max(1, ‖g(start)‖∞)}, i.e. the projected gradient is at most
     * {@code 1e-8} of the gradient at the start (or {@code 1e-8} absolute when that gradient is below one).
     *
     * @param x point, length {@code n}
     * @return whether {@code x} is a first-order point to that tolerance
     */
    public boolean kktPoint(double[] x) {
        if (!isFeasible(x)) {
            return false;
        }
        return projectedGradientNorm(x) <= kktThreshold();
    }

    /** @return the right-hand side of {@link #kktPoint(double[])}: {@code 1e-8 · max(1, ‖g(start)‖∞)} */
    public double kktThreshold() {
        double gMax = 0;
        for (double v : gradient(start)) {
            gMax = Math.max(gMax, Math.abs(v));
        }
        return KKT_TOLERANCE * Math.max(1, gMax);
    }

    /**
     * Whether {@code cost} reaches the best known cost: {@code cost ≤ best·(1 + 1e-8)} for a positive best, and
     * {@code cost ≤ 1e-10} for a zero one (the tolerance of {@link MoreGarbowHillstrom}'s zero minima).
     *
     * @param cost a final value of {@code F}
     * @return whether it is as good as the best known
     */
    public boolean costMatches(double cost) {
        return bestKnownCost > 0 ? cost <= bestKnownCost * (1 + COST_TOLERANCE) : cost <= 1e-10;
    }

    /** @return the name, so parameterised tests read well */
    @Override
    public String toString() {
        return name;
    }
}
