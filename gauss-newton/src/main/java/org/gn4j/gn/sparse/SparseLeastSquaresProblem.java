package org.gn4j.gn.sparse;

import org.gn4j.gn.ResidualFunction;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * An immutable nonlinear least-squares problem with a sparse Jacobian: minimize {@code ½‖r(β)‖²} over
 * {@code β ∈ ℝⁿ}, optionally in a box, with the Jacobian's pattern fixed (a {@link CsrMatrix}) and its values from a
 * {@link SparseJacobianFunction} or, by default, from forward differences with Curtis-Powell-Reid column groups
 * ({@link ColumnGrouping}: one residual evaluation per group, plus the residuals at the point that the solver
 * already has). Build with {@link #builder(int, int)}, or from residual blocks over parameter blocks with
 * {@link ResidualBlocks}. Solve with any core configuration through a {@link SparseObjective} and a sparse damped
 * solver, e.g. {@code new LevenbergMarquardt().loop().withSolver(null).run(new SparseObjective(p), x0)} (null: the
 * automatic choice, {@link SparseCholeskyOrQrSolver}) or with {@code DampedSolvers.sparseCholesky()},
 * {@code sparseQr()} or {@code lsmr()}.
 */
public final class SparseLeastSquaresProblem {
    private final int n;
    private final int m;
    private final ResidualFunction residuals;
    private final SparseJacobianFunction jacobian;
    private final CsrMatrix pattern;
    private final ColumnGrouping grouping;
    private final double[] lower;
    private final double[] upper;

    private SparseLeastSquaresProblem(Builder b) {
        n = b.n;
        m = b.m;
        residuals = b.residuals;
        jacobian = b.jacobian;
        pattern = b.pattern;
        grouping = jacobian == null ? new ColumnGrouping(pattern) : null;
        lower = b.lower;
        upper = b.upper;
    }

    /**
     * Starts a problem with n parameters and m residuals.
     *
     * @param parameters the number of parameters n ≥ 1
     * @param residuals the number of residuals m ≥ 0
     * @return a new builder
     * @throws IllegalArgumentException if n is not positive or m is negative
     */
    public static Builder builder(int parameters, int residuals) {
        return new Builder(parameters, residuals);
    }

    /**
     * Parameters n.
     *
     * @return the number of parameters n
     */
    public int parameterCount() {
        return n;
    }

    /**
     * Residuals m.
     *
     * @return the number of residuals m
     */
    public int residualCount() {
        return m;
    }

    /**
     * The Jacobian pattern (values not meaningful; a new matrix with it is made per objective).
     *
     * @return the m × n pattern (shared, not a copy; not to be modified)
     */
    public CsrMatrix pattern() {
        return pattern;
    }

    /**
     * Whether the Jacobian comes from grouped finite differences.
     *
     * @return {@code true} for grouped finite differences, {@code false} for an analytic Jacobian
     */
    public boolean finiteDifferences() {
        return jacobian == null;
    }

    /**
     * The column groups of the finite differences, or null for an analytic Jacobian.
     *
     * @return the column grouping, or {@code null}
     */
    public ColumnGrouping grouping() {
        return grouping;
    }

    /**
     * Residual evaluations one Jacobian costs: the number of column groups (0 for an analytic Jacobian).
     *
     * @return the number of residual evaluations per Jacobian, ≥ 0
     */
    public int evaluationsPerJacobian() {
        return grouping == null ? 0 : grouping.groups();
    }

    /**
     * Lower bounds (a copy), or null for an unbounded problem.
     *
     * @return a new array of the n lower bounds, or {@code null}
     */
    public double[] lowerBounds() {
        return lower == null ? null : lower.clone();
    }

    /**
     * Upper bounds (a copy), or null for an unbounded problem.
     *
     * @return a new array of the n upper bounds, or {@code null}
     */
    public double[] upperBounds() {
        return upper == null ? null : upper.clone();
    }

    /**
     * Residuals r(β) into out.
     *
     * @param beta the parameters β, length n
     * @param out receives the m residuals, overwritten
     * @throws IllegalArgumentException on wrong lengths
     */
    public void residuals(double[] beta, double[] out) {
        ArgumentChecks.requireLength("beta", beta, n);
        ArgumentChecks.requireLength("residuals", out, m);
        residuals.evaluate(beta, out);
    }

    /**
     * The Jacobian's values at β into {@code jac} (a matrix with this problem's pattern): from the analytic
     * function, or by forward differences over the column groups with steps {@code h_j = √ε·max(1, |β_j|)} (inside
     * the bounds: a step that would leave the box goes the other way).
     *
     * @param beta the parameters β, length n
     * @param jac receives the values; an m × n matrix with this problem's {@link #pattern()}
     * @param r    the residuals at β (read by finite differences)
     * @param work a work vector of length m (finite differences), or null to allocate
     * @return residual evaluations spent
     * @throws IllegalArgumentException when jac does not have this problem's pattern, or on wrong lengths
     */
    public int jacobian(double[] beta, double[] r, CsrMatrix jac, double[] work) {
        ArgumentChecks.requireLength("beta", beta, n);
        if (!pattern.samePattern(jac)) {
            throw new IllegalArgumentException("Jacobian matrix is " + jac + ", expected the problem's pattern "
                    + pattern);
        }
        if (jacobian != null) {
            jacobian.evaluate(beta, jac.values());
            return 0;
        }
        ArgumentChecks.requireLength("residuals", r, m);
        double[] rp = work == null ? new double[m] : work;
        ArgumentChecks.requireLength("work", rp, m);
        double[] x = beta.clone();
        double[] h = new double[n];
        double sqrtEps = Math.sqrt(Math.ulp(1.0));
        int[] cs = jac.columnStart();
        int[] cr = jac.columnRowIndex();
        int[] cp = jac.columnValuePosition();
        double[] v = jac.values();
        int[] cols = grouping.columns();
        for (int g = 0; g < grouping.groups(); g++) {
            for (int t = grouping.start(g); t < grouping.start(g + 1); t++) {
                int j = cols[t];
                double hj = sqrtEps * Math.max(1, Math.abs(beta[j]));
                if (upper != null && beta[j] + hj > upper[j]) {
                    hj = -hj;
                }
                x[j] = beta[j] + hj;
                h[j] = x[j] - beta[j]; // the step actually taken in floating point
            }
            residuals.evaluate(x, rp);
            for (int t = grouping.start(g); t < grouping.start(g + 1); t++) {
                int j = cols[t];
                for (int p = cs[j]; p < cs[j + 1]; p++) {
                    int i = cr[p];
                    v[cp[p]] = (rp[i] - r[i]) / h[j];
                }
                x[j] = beta[j];
            }
        }
        return grouping.groups();
    }

    @Override
    public String toString() {
        return "SparseLeastSquaresProblem[" + n + " parameters, " + m + " residuals, " + pattern.nonZeros()
                + " Jacobian entries, " + (jacobian == null ? grouping.groups() + " finite-difference groups"
                : "analytic Jacobian") + (lower == null ? "" : ", bounded") + "]";
    }

    /** Builder for {@link SparseLeastSquaresProblem}. */
    public static final class Builder {
        private final int n;
        private final int m;
        private ResidualFunction residuals;
        private SparseJacobianFunction jacobian;
        private CsrMatrix pattern;
        private double[] lower;
        private double[] upper;

        private Builder(int n, int m) {
            ArgumentChecks.requirePositive("parameters", n);
            ArgumentChecks.requireNonNegative("residuals", m);
            this.n = n;
            this.m = m;
        }

        /**
         * The residual function (required).
         *
         * @param f computes the m residuals r(β); not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code f} is {@code null}
         */
        public Builder residuals(ResidualFunction f) {
            this.residuals = ArgumentChecks.requireNonNull("residual function", f);
            return this;
        }

        /**
         * The Jacobian pattern (required): an m×n matrix whose stored entries are the structural non-zeros.
         *
         * @param p the m × n pattern; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException when its shape is not m×n
         */
        public Builder pattern(CsrMatrix p) {
            ArgumentChecks.requireNonNull("pattern", p);
            if (p.rows() != m || p.cols() != n) {
                throw new IllegalArgumentException("pattern is " + p.rows() + "x" + p.cols() + ", expected " + m
                        + "x" + n);
            }
            this.pattern = p;
            return this;
        }

        /**
         * The pattern from the columns of each row (see {@link CsrMatrix#pattern}).
         *
         * @param columnsOfRow for each of the m rows, the column indices (in [0, n)) of its non-zeros
         * @return this builder
         */
        public Builder pattern(int[][] columnsOfRow) {
            return pattern(CsrMatrix.pattern(m, n, columnsOfRow));
        }

        /**
         * An analytic Jacobian on the pattern (without one: grouped forward differences).
         *
         * @param j fills the values of the Jacobian on the pattern; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code j} is {@code null}
         */
        public Builder jacobian(SparseJacobianFunction j) {
            this.jacobian = ArgumentChecks.requireNonNull("Jacobian function", j);
            return this;
        }

        /**
         * Grouped forward differences (the default).
         *
         * @return this builder
         */
        public Builder finiteDifferences() {
            this.jacobian = null;
            return this;
        }

        /**
         * Bounds {@code lower[j] ≤ β_j ≤ upper[j]} (±∞: none on that side).
         *
         * @param lo the n lower bounds, {@code −∞} where none (copied)
         * @param hi the n upper bounds, {@code +∞} where none (copied)
         * @return this builder
         * @throws IllegalArgumentException on a wrong length, a NaN or {@code lower[j] > upper[j]}
         */
        public Builder bounds(double[] lo, double[] hi) {
            ArgumentChecks.requireLength("lower bounds", lo, n);
            ArgumentChecks.requireLength("upper bounds", hi, n);
            for (int j = 0; j < n; j++) {
                if (Double.isNaN(lo[j]) || Double.isNaN(hi[j]) || lo[j] > hi[j]
                        || lo[j] == Double.POSITIVE_INFINITY || hi[j] == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("bounds of parameter " + j + " are [" + lo[j] + ", " + hi[j]
                            + "], expected lower <= upper, lower < +inf, upper > -inf and no NaN");
                }
            }
            this.lower = lo.clone();
            this.upper = hi.clone();
            return this;
        }

        /**
         * Builds the problem.
         *
         * @return a new problem
         * @throws IllegalArgumentException when the residual function or the pattern is missing
         */
        public SparseLeastSquaresProblem build() {
            if (residuals == null) {
                throw new IllegalArgumentException("residual function missing, expected builder.residuals(...)");
            }
            if (pattern == null) {
                throw new IllegalArgumentException("Jacobian pattern missing, expected builder.pattern(...)");
            }
            return new SparseLeastSquaresProblem(this);
        }
    }
}
