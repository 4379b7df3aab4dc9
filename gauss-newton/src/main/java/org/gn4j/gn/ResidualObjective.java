package org.gn4j.gn;

import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;
import org.gn4j.linalg.VectorOps;

/**
 * The one least-squares {@link Objective} logic, whatever the Jacobian's form: residuals at the current point, trial
 * evaluation and the kept / accepted trial, the cost {@code ½Σρ_c(r²)}, bounds, evaluation counts, non-finite
 * reports, and the robust-loss correction of the linearization, as in Ceres (Triggs et al., "Bundle adjustment — a
 * modern synthesis", 2000), row by row with {@code s = r²}: where {@code ρ'' > 0}, {@code J̃ = √ρ'·(1 − α)·J} and
 * {@code r̃ = √ρ'·r/(1 − α)} with {@code (1 − α)² = 1 + 2sρ''/ρ'} (so that {@code J̃ᵀJ̃} carries the loss's curvature
 * {@code ρ' + 2ρ''s}); where {@code ρ'' <= 0} (every outlier row of Huber, soft-L1, Cauchy, arctan) the reweighted
 * model {@code J̃ = √ρ'·J}, {@code r̃ = √ρ'·r}, which stays positive semidefinite where the curvature correction
 * would not. Either way {@code J̃ᵀr̃} is the exact gradient of the robust cost.
 *
 * <p>A subclass supplies the residual function and the Jacobian in its form (dense, operator, sparse) through
 * {@link #evaluate} and {@link #linearizeScaled}; {@link LeastSquaresObjective} (dense or operator Jacobians) and
 * {@link org.gn4j.gn.sparse.SparseObjective} (compressed sparse rows) are the two. Used by one loop at a time.
 */
public abstract class ResidualObjective implements Objective {
    private final int n;
    private final int m;
    private final RobustLoss loss;
    private final double lossScale;
    private final double[] lower;
    private final double[] upper;
    private final double[] r;
    private final double[] rTrial;
    private final double[] rKept;
    private final double[] rs;
    private final double[] rowScale;
    private final double[] rho = new double[3];
    private double cost;
    private double costTrial;
    private double costKept;
    /** The power of two {@code 2^−k} every residual is scaled by ({@link #rescaleStart}); 1 when unscaled. */
    private double residualScale = 1;
    private int costExponent;
    private int residualEvaluations;
    private int jacobianEvaluations;
    private String nonFinite;

    /**
     * The shared state of an objective with n parameters and m residuals.
     *
     * @param n         parameters
     * @param m         residuals
     * @param loss      the robust loss ({@link RobustLoss#LINEAR} for plain least squares)
     * @param lossScale its scale c
     * @param lower     lower bounds, or null for an unconstrained problem (then upper is null too)
     * @param upper     upper bounds, or null
     * @throws IllegalArgumentException when the loss is null, or only one bound array is given
     */
    protected ResidualObjective(int n, int m, RobustLoss loss, double lossScale, double[] lower, double[] upper) {
        if (loss == null) {
            throw new IllegalArgumentException("robust loss must not be null");
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("bounds are " + (lower == null ? "upper only" : "lower only")
                    + ", expected both or neither");
        }
        this.n = n;
        this.m = m;
        this.loss = loss;
        this.lossScale = lossScale;
        this.lower = lower;
        this.upper = upper;
        r = new double[m];
        rTrial = new double[m];
        rKept = new double[m];
        rs = new double[m];
        rowScale = new double[m];
    }

    /**
     * The residuals at x into out.
     *
     * @param x   the point, length n; not modified
     * @param out receives the m residuals
     */
    protected abstract void evaluate(double[] x, double[] out);

    /**
     * The linearization at the current point x: the Jacobian (evaluated here) with its rows multiplied by
     * {@code rowScale} when that is not null (a robust loss), and the (scaled) residuals {@code scaledResiduals}.
     * Residual evaluations the Jacobian spends (finite differences) are reported through
     * {@link #countResidualEvaluations}; a non-finite entry through {@link #reportNonFinite} and a non-finite
     * gradient in the returned linearization.
     *
     * @param x               the current point, length n; not modified
     * @param r               the residuals at x (not to be modified)
     * @param rowScale        row factors of J̃, or null for plain least squares (J̃ = J)
     * @param scaledResiduals r̃ (equal to r for plain least squares); the linearization may keep it
     * @param cost            the cost at x
     * @return the linearization of the (scaled) problem at x
     */
    protected abstract Linearization linearizeScaled(double[] x, double[] r, double[] rowScale,
            double[] scaledResiduals, double cost);

    /**
     * How a point is named in a non-finite report ("at (a = 1.0, b = 2.0)"); by default "at a trial point".
     *
     * @param x the point
     * @return the phrase, starting with "at"
     */
    protected String describePoint(double[] x) {
        return "at a trial point";
    }

    /**
     * Adds k residual evaluations (those of finite differences) to the count.
     *
     * @param k evaluations spent, ≥ 0
     */
    protected final void countResidualEvaluations(int k) {
        residualEvaluations += k;
    }

    /**
     * Records what was not finite, for {@link #nonFiniteDetail()}.
     *
     * @param detail which entry at which point
     */
    protected final void reportNonFinite(String detail) {
        nonFinite = detail;
    }

    /**
     * The robust loss.
     *
     * @return the loss ({@link RobustLoss#LINEAR} for plain least squares)
     */
    public final RobustLoss loss() {
        return loss;
    }

    /**
     * The residuals at the current point (weighted where the problem has weights).
     *
     * @return the m residuals; the live array, not a copy, not to be modified
     */
    public final double[] residuals() {
        return r;
    }

    /**
     * Residuals m.
     *
     * @return m
     */
    public final int residualCount() {
        return m;
    }

    @Override
    public final int parameterCount() {
        return n;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException naming the first non-finite residual at x
     */
    @Override
    public final double start(double[] x) {
        residualEvaluations++;
        evaluate(x, r);
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(r[i])) {
                throw new IllegalArgumentException("residual " + i + " is " + r[i] + " at the start point, expected "
                        + "finite residuals (check the start values and the model)");
            }
        }
        cost = costOf(r);
        return cost;
    }

    /**
     * Plain least squares whose start residuals are finite and not all zero: the residuals are scaled by
     * {@code 2^−k}, k the binary exponent of the largest {@code |r_i|}, so that the largest scaled residual lies in
     * [1, 2) and the scaled cost is finite; the Jacobian rows and every later residual are scaled alike. A robust
     * loss is not homogeneous, so its residuals are not scaled (NaN).
     *
     * @return the scaled cost at the start point, or NaN where the residuals cannot be scaled
     */
    @Override
    public final double rescaleStart() {
        if (loss != RobustLoss.LINEAR) {
            return Double.NaN;
        }
        double largest = 0;
        for (int i = 0; i < m; i++) {
            largest = Math.max(largest, Math.abs(r[i]));
        }
        if (!(largest > 0) || !Double.isFinite(largest)) {
            return Double.NaN;
        }
        int k = Math.getExponent(largest);
        residualScale = Math.scalb(1.0, -k);
        costExponent = 2 * k;
        cost = costOf(r);
        return cost;
    }

    @Override
    public final int costExponent() {
        return costExponent;
    }

    /** The cost of residuals v under the residual scale. */
    private double costOf(double[] v) {
        if (residualScale == 1) {
            return loss.cost(v, lossScale);
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double t = residualScale * v[i];
            sum += t * t;
        }
        return 0.5 * sum;
    }

    @Override
    public final Linearization linearize(double[] x) {
        jacobianEvaluations++;
        boolean plain = loss == RobustLoss.LINEAR;
        boolean scaled = residualScale != 1;
        for (int i = 0; i < m; i++) {
            if (plain) {
                rs[i] = residualScale * r[i];
                rowScale[i] = residualScale;
            } else {
                double s = r[i] * r[i];
                loss.evaluate(s, lossScale, rho);
                double sqrtRho1 = Math.sqrt(Math.max(rho[1], 0));
                if (s == 0 || rho[2] <= 0 || sqrtRho1 == 0) {
                    // the reweighted model (where ρ'' <= 0 Triggs' correction would make the model indefinite)
                    rowScale[i] = sqrtRho1;
                    rs[i] = sqrtRho1 * r[i];
                } else {
                    // Triggs' correction: 1 − α = √(1 + 2sρ''/ρ'), J̃ = √ρ'·(1 − α)·J, r̃ = √ρ'·r/(1 − α)
                    double oneMinusAlpha = Math.sqrt(1 + 2 * s * rho[2] / rho[1]);
                    rowScale[i] = sqrtRho1 * oneMinusAlpha;
                    rs[i] = sqrtRho1 * r[i] / oneMinusAlpha;
                }
            }
        }
        return linearizeScaled(x, r, plain && !scaled ? null : rowScale, rs, cost);
    }

    @Override
    public final double trialCost(double[] x) {
        residualEvaluations++;
        evaluate(x, rTrial);
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(rTrial[i])) {
                nonFinite = "residual " + i + " is " + rTrial[i] + " " + describePoint(x);
                costTrial = Double.NaN;
                return Double.NaN;
            }
        }
        costTrial = costOf(rTrial);
        if (!Double.isFinite(costTrial)) {
            nonFinite = "the cost overflowed (" + costTrial + ") with finite residuals " + describePoint(x);
        }
        return costTrial;
    }

    @Override
    public final void keepTrial() {
        System.arraycopy(rTrial, 0, rKept, 0, m);
        costKept = costTrial;
    }

    @Override
    public final void acceptTrial() {
        System.arraycopy(rKept, 0, r, 0, m);
        cost = costKept;
    }

    @Override
    public final boolean residualsAt(double[] x, double[] out) {
        residualEvaluations++;
        evaluate(x, out);
        if (residualScale != 1) {
            VectorOps.scal(residualScale, out);
        }
        return VectorOps.allFinite(out);
    }

    @Override
    public final boolean trialResiduals(double[] out) {
        if (!Double.isFinite(costTrial)) {
            return false;
        }
        System.arraycopy(rTrial, 0, out, 0, m);
        if (residualScale != 1) {
            VectorOps.scal(residualScale, out);
        }
        return true;
    }

    @Override
    public final boolean plainLeastSquares() {
        return loss == RobustLoss.LINEAR;
    }

    @Override
    public final double[] lowerBounds() {
        return lower;
    }

    @Override
    public final double[] upperBounds() {
        return upper;
    }

    @Override
    public final String nonFiniteDetail() {
        return nonFinite;
    }

    @Override
    public final int residualEvaluations() {
        return residualEvaluations;
    }

    @Override
    public final int jacobianEvaluations() {
        return jacobianEvaluations;
    }
}
