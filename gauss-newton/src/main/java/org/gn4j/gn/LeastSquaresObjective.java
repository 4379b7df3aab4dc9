package org.gn4j.gn;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.core.DenseLinearization;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.OperatorLinearization;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;

/**
 * A {@link LeastSquaresProblem} as the loop's {@link org.gn4j.gn.core.Objective}: weighted residuals, the cost
 * {@code ½Σρ(r²)} and its robust-loss corrected linearization ({@link ResidualObjective}), with a dense Jacobian
 * (from the problem's dense, finite-difference or materialized operator source), or the problem's operator when
 * {@code matrixFree}. Every residual evaluation is counted, those of finite differences included.
 */
public final class LeastSquaresObjective extends ResidualObjective {
    private final LeastSquaresProblem problem;
    private final boolean matrixFree;
    private DMatrixRMaj jac;

    /**
     * An objective over the problem's weighted residuals.
     *
     * @param problem the problem; not {@code null}
     * @param matrixFree use the problem's Jacobian operator as it is (only when its source is an operator)
     * @throws IllegalArgumentException if {@code problem} is {@code null}
     */
    public LeastSquaresObjective(LeastSquaresProblem problem, boolean matrixFree) {
        super(requireProblem(problem).parameterCount(), problem.residualCount(), problem.loss(), problem.lossScale(),
                problem.bounded() ? problem.lowerBounds() : null, problem.bounded() ? problem.upperBounds() : null);
        this.problem = problem;
        this.matrixFree = matrixFree && problem.jacobianSource() == LeastSquaresProblem.JacobianSource.OPERATOR;
    }

    private static LeastSquaresProblem requireProblem(LeastSquaresProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        return problem;
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

    @Override
    protected void evaluate(double[] x, double[] out) {
        problem.residuals(x, out);
    }

    @Override
    protected Linearization linearizeScaled(double[] x, double[] r, double[] rowScale, double[] rs, double cost) {
        int n = parameterCount();
        int m = residualCount();
        if (matrixFree) {
            LinearOperator op = problem.jacobianOperator(x);
            LinearOperator j = rowScale == null ? op : Operators.rowScaled(rowScale.clone(), op);
            return new OperatorLinearization(j, rs, null, cost);
        }
        if (jac == null) {
            jac = new DMatrixRMaj(m, n);
        }
        countResidualEvaluations(problem.jacobian(x, r, jac));
        if (rowScale != null) {
            for (int i = 0; i < m; i++) {
                double s = rowScale[i];
                for (int j = 0; j < n; j++) {
                    jac.data[i * n + j] *= s;
                }
            }
        }
        if (!VectorOps.allFinite(m * n, jac.data, 0)) {
            reportNonFinite(firstNonFinite(jac.data, n, x));
            double[] g = new double[n];
            java.util.Arrays.fill(g, Double.NaN);
            return new DenseLinearization(jac, rs, g, cost);
        }
        return new DenseLinearization(jac, rs, null, cost);
    }

    /** "Jacobian entry (3, b1) is Infinity at (b1 = …)" for the first offender. */
    private String firstNonFinite(double[] v, int cols, double[] x) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return "Jacobian entry (" + (i / cols) + ", " + problem.parameterNames().get(i % cols) + ") is "
                        + v[i] + " " + describePoint(x);
            }
        }
        return null;
    }

    /** "at (a = 1.0, b = 2.0)" with the problem's parameter names. */
    @Override
    protected String describePoint(double[] x) {
        StringBuilder sb = new StringBuilder("at (");
        java.util.List<String> names = problem.parameterNames();
        for (int j = 0; j < x.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(names.get(j)).append(" = ").append(x[j]);
        }
        return sb.append(')').toString();
    }
}
