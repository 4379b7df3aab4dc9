package org.gn4j.gn.sparse;

import java.util.Arrays;

import org.gn4j.gn.ResidualObjective;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.core.Linearization;
import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * A {@link SparseLeastSquaresProblem} as the core loop's {@link org.gn4j.gn.core.Objective}: the cost {@code ½‖r‖²}
 * (or a robust loss's {@code ½Σρ_c(r²)}, corrected as every {@link ResidualObjective}) and a
 * {@link SparseLinearization} whose Jacobian values are refilled in place at each point (one CSR matrix per
 * objective, so a damped solver sees the same pattern at every iteration and analyses it once). Counts every
 * residual evaluation, those of grouped finite differences included. Used by one loop at a time.
 */
public final class SparseObjective extends ResidualObjective {
    private final SparseLeastSquaresProblem problem;
    private final double[] work;
    private final CsrMatrix jac;

    /**
     * An objective for the problem (plain least squares).
     *
     * @param problem the problem; not {@code null}
     * @throws IllegalArgumentException if {@code problem} is {@code null}
     */
    public SparseObjective(SparseLeastSquaresProblem problem) {
        this(problem, RobustLoss.LINEAR, 1.0);
    }

    /**
     * An objective for the problem with a robust loss of scale c.
     *
     * @param problem the problem; not {@code null}
     * @param loss    the robust loss ({@link RobustLoss#LINEAR} for plain least squares)
     * @param scale   the loss scale c, positive and finite
     * @throws IllegalArgumentException when the problem or the loss is null, or the scale is not positive and finite
     */
    public SparseObjective(SparseLeastSquaresProblem problem, RobustLoss loss, double scale) {
        super(requireProblem(problem).parameterCount(), problem.residualCount(), loss, requireScale(scale),
                problem.lowerBounds(), problem.upperBounds());
        this.problem = problem;
        work = new double[problem.residualCount()];
        jac = problem.pattern().withPattern(new double[problem.pattern().nonZeros()]);
    }

    private static SparseLeastSquaresProblem requireProblem(SparseLeastSquaresProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        return problem;
    }

    private static double requireScale(double scale) {
        if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("loss scale is " + scale + ", expected a positive finite number");
        }
        return scale;
    }

    /**
     * The problem.
     *
     * @return the problem this objective evaluates
     */
    public SparseLeastSquaresProblem problem() {
        return problem;
    }

    @Override
    protected void evaluate(double[] x, double[] out) {
        problem.residuals(x, out);
    }

    @Override
    protected Linearization linearizeScaled(double[] x, double[] r, double[] rowScale, double[] rs, double cost) {
        countResidualEvaluations(problem.jacobian(x, r, jac, work));
        if (rowScale != null) {
            jac.scaleRows(rowScale);
        }
        double[] v = jac.values();
        for (int k = 0; k < jac.nonZeros(); k++) {
            if (!Double.isFinite(v[k])) {
                reportNonFinite("Jacobian entry " + k + " (of " + jac.nonZeros() + " stored) is " + v[k]);
                double[] g = new double[jac.cols()];
                Arrays.fill(g, Double.NaN);
                return new SparseLinearization(jac, rs, g, cost);
            }
        }
        return new SparseLinearization(jac, rs, null, cost);
    }
}
