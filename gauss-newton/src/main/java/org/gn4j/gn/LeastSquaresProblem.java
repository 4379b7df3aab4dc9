package org.gn4j.gn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;

/**
 * An immutable nonlinear least-squares problem: minimize {@code F(β) = ½ Σ_i ρ_c(w_i·r_i(β)²)} over {@code β ∈ ℝⁿ},
 * with residuals {@code r(β) ∈ ℝᵐ}, optional per-residual weights {@code w_i > 0} (the residual used is
 * {@code √w_i·r_i}) and an optional robust loss ρ with scale c (default plain least squares).
 *
 * <p>The Jacobian comes from exactly one source: a dense {@link JacobianFunction}, a matrix-free
 * {@link JacobianOperatorFunction} (JVP/VJP), or {@link FiniteDifferences} of the residuals (the default, central).
 * Build with {@link #builder(int, int)}; a built problem never changes under a solver.
 */
public final class LeastSquaresProblem {
    /** Where the Jacobian comes from. */
    public enum JacobianSource {
        /** A user-supplied dense Jacobian. */
        DENSE,
        /** A matrix-free operator (JVP / VJP). */
        OPERATOR,
        /** Finite differences of the residuals. */
        FINITE_DIFFERENCES
    }

    private final int n;
    private final int m;
    private final ResidualFunction residuals;
    private final JacobianFunction jacobian;
    private final JacobianOperatorFunction jacobianOperator;
    private final FiniteDifferences differences;
    private final double[] sqrtWeights;
    private final RobustLoss loss;
    private final double lossScale;
    private final List<String> parameterNames;
    private final double[] lower;
    private final double[] upper;

    private LeastSquaresProblem(Builder b) {
        this.n = b.n;
        this.m = b.m;
        this.residuals = b.residuals;
        this.jacobian = b.jacobian;
        this.jacobianOperator = b.jacobianOperator;
        this.differences = b.differences;
        if (b.weights == null) {
            this.sqrtWeights = null;
        } else {
            this.sqrtWeights = new double[m];
            for (int i = 0; i < m; i++) {
                sqrtWeights[i] = Math.sqrt(b.weights[i]);
            }
        }
        this.loss = b.loss;
        this.lossScale = b.lossScale;
        this.parameterNames = List.copyOf(b.parameterNames);
        this.lower = b.lower == null ? null : b.lower.clone();
        this.upper = b.upper == null ? null : b.upper.clone();
    }

    /**
     * Whether the problem has bounds {@code l ≤ β ≤ u} with at least one finite side.
     *
     * @return {@code true} if some parameter has a finite bound
     */
    public boolean bounded() {
        return lower != null;
    }

    /**
     * The lower bounds (a copy; −∞ where a parameter has none), or all −∞ for an unbounded problem.
     *
     * @return a new array of the n lower bounds
     */
    public double[] lowerBounds() {
        if (lower == null) {
            double[] l = new double[n];
            Arrays.fill(l, Double.NEGATIVE_INFINITY);
            return l;
        }
        return lower.clone();
    }

    /**
     * The upper bounds (a copy; +∞ where a parameter has none), or all +∞ for an unbounded problem.
     *
     * @return a new array of the n upper bounds
     */
    public double[] upperBounds() {
        if (upper == null) {
            double[] u = new double[n];
            Arrays.fill(u, Double.POSITIVE_INFINITY);
            return u;
        }
        return upper.clone();
    }

    /**
     * Starts a problem with {@code n} parameters and {@code m} residuals.
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
     * Number of parameters n.
     *
     * @return the number of parameters n
     */
    public int parameterCount() {
        return n;
    }

    /**
     * Number of residuals m.
     *
     * @return the number of residuals m
     */
    public int residualCount() {
        return m;
    }

    /**
     * Parameter names (b1, b2, … unless set).
     *
     * @return the n parameter names, unmodifiable
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * The Jacobian source.
     *
     * @return where the Jacobian comes from: dense, operator or finite differences
     */
    public JacobianSource jacobianSource() {
        return jacobian != null ? JacobianSource.DENSE
                : jacobianOperator != null ? JacobianSource.OPERATOR : JacobianSource.FINITE_DIFFERENCES;
    }

    /**
     * The finite-difference scheme (used when the source is {@link JacobianSource#FINITE_DIFFERENCES}).
     *
     * @return the finite-difference scheme
     */
    public FiniteDifferences finiteDifferences() {
        return differences;
    }

    /**
     * The robust loss.
     *
     * @return the robust loss ρ ({@link RobustLoss#LINEAR} unless set)
     */
    public RobustLoss loss() {
        return loss;
    }

    /**
     * The robust loss scale c.
     *
     * @return the scale c &gt; 0 (1 unless set)
     */
    public double lossScale() {
        return lossScale;
    }

    /**
     * True when per-residual weights were given.
     *
     * @return {@code true} if weights were given
     */
    public boolean weighted() {
        return sqrtWeights != null;
    }

    /**
     * Weighted residuals {@code √w_i·r_i(β)}.
     *
     * @param beta the parameters β, length n
     * @param out receives the m weighted residuals, overwritten
     * @throws IllegalArgumentException on wrong lengths
     */
    public void residuals(double[] beta, double[] out) {
        ArgumentChecks.requireLength("beta", beta, n);
        ArgumentChecks.requireLength("residuals", out, m);
        residuals.evaluate(beta, out);
        if (sqrtWeights != null) {
            for (int i = 0; i < m; i++) {
                out[i] *= sqrtWeights[i];
            }
        }
    }

    /**
     * The cost {@code ½ Σ ρ_c(r_i²)} of weighted residuals {@code r}.
     *
     * @param weightedResiduals the m weighted residuals
     * @return the cost F ≥ 0 (NaN or infinite if a residual is not finite)
     */
    public double cost(double[] weightedResiduals) {
        ArgumentChecks.requireLength("residuals", weightedResiduals, m);
        return loss.cost(weightedResiduals, lossScale);
    }

    /**
     * The weighted dense Jacobian at {@code beta}: from the dense source, by materializing the operator (n products),
     * or by finite differences (n or 2n residual evaluations).
     *
     * @param beta the parameters β, length n
     * @param weightedResiduals the weighted residuals at beta (needed by forward differences)
     * @param out               m×n output
     * @return residual evaluations spent (finite differences), else 0
     */
    public int jacobian(double[] beta, double[] weightedResiduals, DMatrixRMaj out) {
        ArgumentChecks.requireLength("beta", beta, n);
        if (out.numRows != m || out.numCols != n) {
            throw new IllegalArgumentException(
                    "jacobian is " + out.numRows + "x" + out.numCols + ", expected " + m + "x" + n);
        }
        int evaluations = 0;
        switch (jacobianSource()) {
            case DENSE:
                jacobian.evaluate(beta, out);
                break;
            case OPERATOR:
                out.setTo(Operators.toDense(checkedOperator(beta)));
                return 0; // weights are applied by the operator wrapper
            default:
                double[] b = beta.clone();
                differences.jacobian((x, r) -> residuals.evaluate(x, r), b, unweighted(weightedResiduals), out,
                        new double[m], new double[m]);
                evaluations = differences.evaluationsPerJacobian(n);
                break;
        }
        if (sqrtWeights != null) {
            for (int i = 0; i < m; i++) {
                double w = sqrtWeights[i];
                for (int j = 0; j < n; j++) {
                    out.data[i * n + j] *= w;
                }
            }
        }
        return evaluations;
    }

    /**
     * The weighted Jacobian as an operator: the matrix-free source directly (with weights applied around it); a dense
     * or finite-difference Jacobian is computed densely and wrapped.
     *
     * @param beta the parameters β, length n
     * @return the weighted m × n Jacobian at β as an operator
     */
    public LinearOperator jacobianOperator(double[] beta) {
        if (jacobianSource() != JacobianSource.OPERATOR) {
            DMatrixRMaj j = new DMatrixRMaj(m, n);
            double[] r = new double[m];
            residuals(beta, r);
            jacobian(beta, r, j);
            return Operators.dense(j);
        }
        return checkedOperator(beta);
    }

    private LinearOperator checkedOperator(double[] beta) {
        LinearOperator op = jacobianOperator.at(beta);
        if (op == null || op.rows() != m || op.cols() != n) {
            throw new IllegalArgumentException("Jacobian operator is " + (op == null ? "null"
                    : op.rows() + "x" + op.cols()) + ", expected " + m + "x" + n);
        }
        return sqrtWeights == null ? op : Operators.rowScaled(sqrtWeights, op);
    }

    private double[] unweighted(double[] weightedResiduals) {
        if (sqrtWeights == null || weightedResiduals == null) {
            return weightedResiduals;
        }
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = weightedResiduals[i] / sqrtWeights[i];
        }
        return r;
    }

    /** Builder for {@link LeastSquaresProblem}. */
    public static final class Builder {
        private final int n;
        private final int m;
        private ResidualFunction residuals;
        private JacobianFunction jacobian;
        private JacobianOperatorFunction jacobianOperator;
        private FiniteDifferences differences = FiniteDifferences.CENTRAL;
        private double[] weights;
        private RobustLoss loss = RobustLoss.LINEAR;
        private double lossScale = 1.0;
        private List<String> parameterNames;
        private double[] lower;
        private double[] upper;

        private Builder(int n, int m) {
            ArgumentChecks.requirePositive("parameters", n);
            ArgumentChecks.requireNonNegative("residuals", m);
            this.n = n;
            this.m = m;
            this.parameterNames = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                parameterNames.add("b" + (j + 1));
            }
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
         * A dense analytic Jacobian (replaces any other Jacobian source).
         *
         * @param j fills the m × n Jacobian; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code j} is {@code null}
         */
        public Builder jacobian(JacobianFunction j) {
            this.jacobian = ArgumentChecks.requireNonNull("Jacobian function", j);
            this.jacobianOperator = null;
            return this;
        }

        /**
         * A matrix-free Jacobian (replaces any other Jacobian source).
         *
         * @param j gives J at β as a linear operator; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code j} is {@code null}
         */
        public Builder jacobianOperator(JacobianOperatorFunction j) {
            this.jacobianOperator = ArgumentChecks.requireNonNull("Jacobian operator function", j);
            this.jacobian = null;
            return this;
        }

        /**
         * Finite differences of the residuals with this scheme (replaces any other Jacobian source).
         *
         * @param scheme the difference scheme; not {@code null}
         * @return this builder
         */
        public Builder finiteDifferences(FiniteDifferences scheme) {
            if (scheme == null) {
                throw new IllegalArgumentException("finite-difference scheme must not be null");
            }
            this.differences = scheme;
            this.jacobian = null;
            this.jacobianOperator = null;
            return this;
        }

        /**
         * Per-residual weights {@code w_i > 0} (inverse variances); the residual becomes {@code √w_i·r_i}.
         *
         * @param w the m weights, each positive and finite (copied)
         * @return this builder
         * @throws IllegalArgumentException on a wrong length or a weight that is not positive and finite
         */
        public Builder weights(double... w) {
            ArgumentChecks.requireLength("weights", w, m);
            for (int i = 0; i < m; i++) {
                if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                    throw new IllegalArgumentException(
                            "weights[" + i + "] is " + w[i] + ", expected a finite value > 0");
                }
            }
            this.weights = w.clone();
            return this;
        }

        /**
         * A robust loss with scale c (residuals larger than about c are down-weighted).
         *
         * @param l the loss ρ; not {@code null}
         * @param scale the scale c &gt; 0, in the units of the residuals
         * @return this builder
         * @throws IllegalArgumentException if the scale is not positive and finite
         */
        public Builder robustLoss(RobustLoss l, double scale) {
            if (l == null) {
                throw new IllegalArgumentException("loss must not be null");
            }
            ArgumentChecks.requirePositive("loss scale", scale);
            this.loss = l;
            this.lossScale = scale;
            return this;
        }

        /**
         * Bounds {@code lower[j] ≤ β_j ≤ upper[j]}; either side may be infinite ({@code ±∞}: no bound on that side).
         * Bounds with every side infinite leave the problem unbounded.
         *
         * @param lower the n lower bounds, {@code −∞} where none (copied)
         * @param upper the n upper bounds, {@code +∞} where none (copied)
         * @return this builder
         * @throws IllegalArgumentException on a wrong length, a NaN, {@code lower[j] > upper[j]}, or a lower bound of
         *                                  +∞ / an upper bound of −∞
         */
        public Builder bounds(double[] lower, double[] upper) {
            ArgumentChecks.requireLength("lower bounds", lower, n);
            ArgumentChecks.requireLength("upper bounds", upper, n);
            boolean any = false;
            for (int j = 0; j < n; j++) {
                double l = lower[j];
                double u = upper[j];
                if (Double.isNaN(l) || Double.isNaN(u) || l > u || l == Double.POSITIVE_INFINITY
                        || u == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("bounds of parameter " + j + " are [" + l + ", " + u
                            + "], expected lower <= upper, lower < +inf, upper > -inf and no NaN");
                }
                any |= Double.isFinite(l) || Double.isFinite(u);
            }
            this.lower = any ? lower.clone() : null;
            this.upper = any ? upper.clone() : null;
            return this;
        }

        /**
         * Parameter names for reports.
         *
         * @param names the n parameter names (copied)
         * @return this builder
         * @throws IllegalArgumentException on a wrong count
         */
        public Builder parameterNames(List<String> names) {
            if (ArgumentChecks.requireNonNull("parameterNames", names).size() != n) {
                throw new IllegalArgumentException(
                        "parameterNames has " + names.size() + " names, expected " + n);
            }
            this.parameterNames = new ArrayList<>(names);
            return this;
        }

        /**
         * Builds the immutable problem.
         *
         * @return a new problem
         * @throws IllegalArgumentException if no residual function was given
         */
        public LeastSquaresProblem build() {
            if (residuals == null) {
                throw new IllegalArgumentException("residual function missing, expected builder.residuals(...)");
            }
            return new LeastSquaresProblem(this);
        }
    }

    @Override
    public String toString() {
        return "LeastSquaresProblem[" + n + " parameters, " + m + " residuals, Jacobian " + jacobianSource()
                + (loss == RobustLoss.LINEAR ? "" : ", loss " + loss + "(" + lossScale + ")")
                + (sqrtWeights == null ? "" : ", weighted") + "] " + Arrays.toString(parameterNames.toArray());
    }
}
