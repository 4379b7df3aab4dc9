package org.gn4j.gn.suites;

import java.util.Arrays;
import java.util.Objects;

/**
 * A nonlinear least-squares test problem: minimise {@code F(x) = ½ Σᵢ fᵢ(x)²} over {@code x ∈ ℝⁿ}, with
 * {@code m} residuals {@code fᵢ}, an analytic Jacobian, a standard starting point and the known minimum.
 *
 * <p>Costs are always {@code F = ½‖f‖²}. Published tables (Moré, Garbow and Hillstrom 1981 among them) list
 * {@code ‖f‖² = Σ fᵢ²}; the factories in {@link MoreGarbowHillstrom} halve those values.
 *
 * <p>Immutable: the arrays given to the constructor are copied, and the array accessors return copies, so a
 * solver cannot change a problem under another test. The residual and Jacobian functions write into
 * caller-owned arrays and must not keep references to them.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on inconsistent sizes, a non-positive tolerance, or {@code
 * minimumCost} missing from (or not the smallest of) {@code acceptableCosts}.
 *
 * @param name            display name, unique within {@link MoreGarbowHillstrom#runs()}, e.g. {@code "Rosenbrock x10"}
 * @param n               number of unknowns, {@code n ≥ 1}
 * @param m               number of residuals, {@code m ≥ n}
 * @param residuals       writes {@code f(x)} (length {@code m}) for {@code x} of length {@code n}
 * @param jacobian        writes {@code J(x)}, {@code m×n} row-major, {@code J[i*n+j] = ∂fᵢ/∂xⱼ}
 * @param start           starting point, length {@code n}
 * @param minimumCost     the smallest known value of {@code F}, the global minimum where it is known
 * @param minimizer       a point of length {@code n} attaining {@code minimumCost} when the minimizer is unique,
 *                        {@code null} when it is not unique (symmetries, valleys) or not known to enough digits
 * @param costTolerance   tolerance for "reached a minimum": relative for a positive target cost, absolute for a
 *                        zero one; see {@link #costMatches(double, double)}
 * @param acceptableCosts every cost a solver started at {@code start} may honestly stop at: {@code minimumCost}
 *                        plus known local minima (possibly approached only as {@code ‖x‖ → ∞}), ascending
 */
public record TestProblem(String name, int n, int m, Residuals residuals, Jacobian jacobian, double[] start,
        double minimumCost, double[] minimizer, double costTolerance, double[] acceptableCosts) {

    /** The residual function {@code x ↦ f(x)}. */
    @FunctionalInterface
    public interface Residuals {
        /**
         * Evaluates the residuals.
         *
         * @param x point, length {@code n}; read only
         * @param f output, length {@code m}; every entry is overwritten
         */
        void evaluate(double[] x, double[] f);
    }

    /** The Jacobian {@code x ↦ ∂f/∂x}. */
    @FunctionalInterface
    public interface Jacobian {
        /**
         * Evaluates the Jacobian.
         *
         * @param x          point, length {@code n}; read only
         * @param jacRowMajor output, length {@code m·n}, row-major: {@code jacRowMajor[i*n+j] = ∂fᵢ/∂xⱼ}; every
         *                   entry is overwritten
         */
        void evaluate(double[] x, double[] jacRowMajor);
    }

    /**
     * The problem for the solvers, with the exact Jacobian.
     *
     * @return a new least-squares problem of size m × n with this problem's residuals and Jacobian
     */
    public org.gn4j.gn.LeastSquaresProblem problem() {
        return org.gn4j.gn.LeastSquaresProblem.builder(n, m).residuals((x, f) -> residuals.evaluate(x, f))
                .jacobian((x, j) -> jacobian.evaluate(x, j.data)).build();
    }

    /**
     * Validates and copies; see the record description for the rules.
     *
     * @param name the display name
     * @param n the number of unknowns, ≥ 1
     * @param m the number of residuals, ≥ n
     * @param residuals the residual function
     * @param jacobian the analytic Jacobian, m×n row-major
     * @param start the starting point, length n (copied)
     * @param minimumCost the smallest known cost F
     * @param minimizer the unique minimizer, length n (copied), or {@code null}
     * @param costTolerance the tolerance of {@link #costMatches(double, double)}, &gt; 0
     * @param acceptableCosts the costs a solver may stop at, including {@code minimumCost} as the smallest (copied)
     * @throws IllegalArgumentException on inconsistent sizes, a non-positive tolerance, or {@code minimumCost} missing
     *                                  from or not the smallest of {@code acceptableCosts}
     */
    public TestProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(residuals, "residuals");
        Objects.requireNonNull(jacobian, "jacobian");
        if (n < 1 || m < n) {
            throw new IllegalArgumentException("sizes: found n=" + n + ", m=" + m + ", expected 1 ≤ n ≤ m");
        }
        if (start.length != n) {
            throw new IllegalArgumentException("start: found length " + start.length + ", expected " + n);
        }
        if (minimizer != null && minimizer.length != n) {
            throw new IllegalArgumentException("minimizer: found length " + minimizer.length + ", expected " + n);
        }
        if (!(costTolerance > 0)) {
            throw new IllegalArgumentException("costTolerance: found " + costTolerance + ", expected > 0");
        }
        if (!(minimumCost >= 0)) {
            throw new IllegalArgumentException("minimumCost: found " + minimumCost + ", expected ≥ 0");
        }
        start = start.clone();
        minimizer = minimizer == null ? null : minimizer.clone();
        acceptableCosts = acceptableCosts.clone();
        Arrays.sort(acceptableCosts);
        if (acceptableCosts.length == 0 || acceptableCosts[0] != minimumCost) {
            throw new IllegalArgumentException("acceptableCosts: found " + Arrays.toString(acceptableCosts)
                    + ", expected the smallest to be minimumCost=" + minimumCost);
        }
    }

    /**
     * A problem with one acceptable cost, the minimum itself.
     *
     * @param name the display name
     * @param n the number of unknowns, ≥ 1
     * @param m the number of residuals, ≥ n
     * @param residuals the residual function
     * @param jacobian the analytic Jacobian, m×n row-major
     * @param start the starting point, length n (copied)
     * @param minimumCost the smallest known cost F
     * @param minimizer the unique minimizer, length n (copied), or {@code null}
     * @param costTolerance the tolerance of {@link #costMatches(double, double)}, &gt; 0
     * @throws IllegalArgumentException on inconsistent sizes or a non-positive tolerance
     */
    public TestProblem(String name, int n, int m, Residuals residuals, Jacobian jacobian, double[] start,
            double minimumCost, double[] minimizer, double costTolerance) {
        this(name, n, m, residuals, jacobian, start, minimumCost, minimizer, costTolerance,
                new double[] {minimumCost});
    }

    /** @return a copy of the starting point */
    @Override
    public double[] start() {
        return start.clone();
    }

    /** @return a copy of the minimizer, or {@code null} when none is recorded */
    @Override
    public double[] minimizer() {
        return minimizer == null ? null : minimizer.clone();
    }

    /** @return a copy of the acceptable final costs, ascending; the first is {@link #minimumCost()} */
    @Override
    public double[] acceptableCosts() {
        return acceptableCosts.clone();
    }

    /**
     * The same problem from another starting point, with the same minimum and acceptable costs.
     *
     * @param newName  display name of the variant
     * @param newStart starting point, length {@code n}
     * @return the variant
     */
    public TestProblem withStart(String newName, double[] newStart) {
        return new TestProblem(newName, n, m, residuals, jacobian, newStart, minimumCost, minimizer, costTolerance,
                acceptableCosts);
    }

    /**
     * {@code F(x) = ½ Σ fᵢ(x)²}. Allocates a work array: for tests, not for solver loops.
     *
     * @param x point, length {@code n}
     * @return the cost
     */
    public double cost(double[] x) {
        if (x.length != n) {
            throw new IllegalArgumentException("x: found length " + x.length + ", expected " + n);
        }
        double[] f = new double[m];
        residuals.evaluate(x, f);
        double s = 0;
        for (double fi : f) {
            s += fi * fi;
        }
        return 0.5 * s;
    }

    /**
     * Whether {@code cost} is within {@link #costTolerance()} of {@code target}: {@code |cost − target| ≤ tol·target}
     * for {@code target > 0}, {@code cost ≤ tol} for {@code target = 0}.
     *
     * @param cost   a value of {@code F}
     * @param target a reference value of {@code F}, {@code ≥ 0}
     * @return whether they agree
     */
    public boolean costMatches(double cost, double target) {
        double scale = target > 0 ? target : 1.0;
        return Math.abs(cost - target) <= costTolerance * scale;
    }

    /**
     * Whether a solver that stopped at {@code cost} reached one of {@link #acceptableCosts()}.
     *
     * @param cost final value of {@code F}
     * @return whether it matches any acceptable cost
     */
    public boolean isAcceptable(double cost) {
        for (double c : acceptableCosts) {
            if (costMatches(cost, c)) {
                return true;
            }
        }
        return false;
    }

    /** @return the name, so parameterised tests read well */
    @Override
    public String toString() {
        return name;
    }
}
