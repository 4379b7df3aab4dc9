package org.gn4j.gn;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.core.DenseLinearization;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;
import org.gn4j.gn.core.OperatorLinearization;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;

/**
 * A {@link LeastSquaresProblem} as the loop's {@link Objective}: weighted residuals, the cost {@code ½Σρ(r²)}, and
 * the linearization of a robust loss corrected as in Ceres (Triggs et al., "Bundle adjustment — a modern synthesis",
 * 2000), row by row with {@code s = r²}: where {@code ρ'' > 0}, {@code J̃ = √ρ'·(1 − α)·J} and
 * {@code r̃ = √ρ'·r/(1 − α)} with {@code (1 − α)² = 1 + 2sρ''/ρ'} (so that {@code J̃ᵀJ̃} carries the loss's
 * curvature {@code ρ' + 2ρ''s}); where {@code ρ'' <= 0} (every outlier row of Huber, soft-L1, Cauchy, arctan) the
 * reweighted model {@code J̃ = √ρ'·J}, {@code r̃ = √ρ'·r}, which stays positive semidefinite where the curvature
 * correction would not. Either way {@code J̃ᵀr̃} is the exact gradient of the robust cost. The Jacobian is dense (from the problem's
 * dense, finite-difference or materialized operator source), or the problem's operator when {@code matrixFree}.
 * Every residual evaluation is counted, those of finite differences included.
 */
public final class LeastSquaresObjective implements Objective {
    private final LeastSquaresProblem problem;
    private final boolean matrixFree;
    private final int n;
    private final int m;
    private final double[] r;
    private final double[] rTrial;
    private final double[] rKept;
    private final double[] rs;
    private final double[] rowScale;
    private final double[] rho = new double[3];
    private double cost;
    private double costTrial;
    private double costKept;
    private DMatrixRMaj jac;
    private int residualEvaluations;
    private int jacobianEvaluations;

    /**
     * An objective over the problem's weighted residuals.
     *
     * @param problem the problem; not {@code null}
     * @param matrixFree use the problem's Jacobian operator as it is (only when its source is an operator)
     * @throws IllegalArgumentException if {@code problem} is {@code null}
     */
    public LeastSquaresObjective(LeastSquaresProblem problem, boolean matrixFree) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        this.problem = problem;
        this.matrixFree = matrixFree && problem.jacobianSource() == LeastSquaresProblem.JacobianSource.OPERATOR;
        n = problem.parameterCount();
        m = problem.residualCount();
        r = new double[m];
        rTrial = new double[m];
        rKept = new double[m];
        rs = new double[m];
        rowScale = new double[m];
    }

    @Override
    public double[] lowerBounds() {
        return problem.bounded() ? problem.lowerBounds() : null;
    }

    @Override
    public double[] upperBounds() {
        return problem.bounded() ? problem.upperBounds() : null;
    }

    /**
     * Whether the Jacobian is used as an operator.
     *
     * @return {@code true} if the Jacobian is used as an operator
     */
    public boolean matrixFree() {
        return matrixFree;
    }

    /**
     * The problem.
     *
     * @return the problem this objective evaluates
     */
    public LeastSquaresProblem problem() {
        return problem;
    }

    /**
     * The weighted residuals at the current point (live).
     *
     * @return the m weighted residuals; the live array, not a copy
     */
    public double[] residuals() {
        return r;
    }

    @Override
    public int parameterCount() {
        return n;
    }

    /** @throws IllegalArgumentException naming the first non-finite residual at x */
    @Override
    public double start(double[] x) {
        residualEvaluations++;
        problem.residuals(x, r);
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(r[i])) {
                throw new IllegalArgumentException("residual " + i + " is " + r[i] + " at the start point, expected "
                        + "finite residuals (check the start values and the model)");
            }
        }
        cost = problem.cost(r);
        return cost;
    }

    @Override
    public Linearization linearize(double[] x) {
        jacobianEvaluations++;
        RobustLoss loss = problem.loss();
        for (int i = 0; i < m; i++) {
            if (loss == RobustLoss.LINEAR) {
                rowScale[i] = 1;
                rs[i] = r[i];
            } else {
                double s = r[i] * r[i];
                loss.evaluate(s, problem.lossScale(), rho);
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
        if (matrixFree) {
            LinearOperator op = problem.jacobianOperator(x);
            LinearOperator j = loss == RobustLoss.LINEAR ? op : Operators.rowScaled(rowScale.clone(), op);
            return new OperatorLinearization(j, rs, null, cost);
        }
        if (jac == null) {
            jac = new DMatrixRMaj(m, n);
        }
        residualEvaluations += problem.jacobian(x, r, jac);
        if (loss != RobustLoss.LINEAR) {
            for (int i = 0; i < m; i++) {
                double s = rowScale[i];
                for (int j = 0; j < n; j++) {
                    jac.data[i * n + j] *= s;
                }
            }
        }
        if (!VectorOps.allFinite(m * n, jac.data, 0)) {
            nonFinite = firstNonFinite("Jacobian entry", jac.data, n, x);
            double[] g = new double[n];
            java.util.Arrays.fill(g, Double.NaN);
            return new DenseLinearization(jac, rs, g, cost);
        }
        return new DenseLinearization(jac, rs, null, cost);
    }

    @Override
    public double trialCost(double[] x) {
        residualEvaluations++;
        problem.residuals(x, rTrial);
        if (!VectorOps.allFinite(rTrial)) {
            nonFinite = firstNonFinite("residual", rTrial, 1, x);
            costTrial = Double.NaN;
            return Double.NaN;
        }
        costTrial = problem.cost(rTrial);
        if (!Double.isFinite(costTrial)) {
            nonFinite = "the cost overflowed (" + costTrial + ") with finite residuals at " + point(x);
        }
        return costTrial;
    }

    @Override
    public String nonFiniteDetail() {
        return nonFinite;
    }

    private String nonFinite;

    /** "residual 3 is NaN at b = (…)" or "Jacobian entry (3, 1) is Infinity at b = (…)" for the first offender. */
    private String firstNonFinite(String what, double[] v, int cols, double[] x) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                String where = cols == 1 ? String.valueOf(i) : "(" + (i / cols) + ", " + problem.parameterNames().get(
                        i % cols) + ")";
                return what + " " + where + " is " + v[i] + " at " + point(x);
            }
        }
        return null;
    }

    private String point(double[] x) {
        StringBuilder sb = new StringBuilder("(");
        java.util.List<String> names = problem.parameterNames();
        for (int j = 0; j < x.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(names.get(j)).append(" = ").append(x[j]);
        }
        return sb.append(')').toString();
    }

    @Override
    public void keepTrial() {
        System.arraycopy(rTrial, 0, rKept, 0, m);
        costKept = costTrial;
    }

    @Override
    public void acceptTrial() {
        System.arraycopy(rKept, 0, r, 0, m);
        cost = costKept;
    }

    @Override
    public boolean residualsAt(double[] x, double[] out) {
        residualEvaluations++;
        problem.residuals(x, out);
        return VectorOps.allFinite(out);
    }

    @Override
    public boolean trialResiduals(double[] out) {
        if (!Double.isFinite(costTrial)) {
            return false;
        }
        System.arraycopy(rTrial, 0, out, 0, rTrial.length);
        return true;
    }


    @Override
    public boolean plainLeastSquares() {
        return problem.loss() == RobustLoss.LINEAR;
    }

    @Override
    public int residualEvaluations() {
        return residualEvaluations;
    }

    @Override
    public int jacobianEvaluations() {
        return jacobianEvaluations;
    }
}
