package org.gn4j.gn.sparse;

import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;
import org.gn4j.linalg.VectorOps;
import org.gn4j.solvers.sparse.CsrMatrix;

/**
 * A {@link SparseLeastSquaresProblem} as the core loop's {@link Objective}: the cost {@code ½‖r‖²} and a
 * {@link SparseLinearization} whose Jacobian values are refilled in place at each point (one CSR matrix per
 * objective, so a damped solver sees the same pattern at every iteration and analyses it once). Counts every
 * residual evaluation, those of grouped finite differences included. Used by one loop at a time.
 */
public final class SparseObjective implements Objective {
    private final SparseLeastSquaresProblem problem;
    private final int n;
    private final int m;
    private final double[] r;
    private final double[] rTrial;
    private final double[] rKept;
    private final double[] work;
    private final CsrMatrix jac;
    private double cost;
    private double costTrial;
    private double costKept;
    private int residualEvaluations;
    private int jacobianEvaluations;
    private String nonFinite;

    /**
     * An objective for the problem.
     *
     * @param problem the problem; not {@code null}
     * @throws IllegalArgumentException if {@code problem} is {@code null}
     */
    public SparseObjective(SparseLeastSquaresProblem problem) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        this.problem = problem;
        n = problem.parameterCount();
        m = problem.residualCount();
        r = new double[m];
        rTrial = new double[m];
        rKept = new double[m];
        work = new double[m];
        jac = problem.pattern().withPattern(new double[problem.pattern().nonZeros()]);
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
                        + "finite residuals");
            }
        }
        cost = 0.5 * VectorOps.dot(r, r);
        return cost;
    }

    @Override
    public Linearization linearize(double[] x) {
        jacobianEvaluations++;
        residualEvaluations += problem.jacobian(x, r, jac, work);
        double[] v = jac.values();
        for (int k = 0; k < jac.nonZeros(); k++) {
            if (!Double.isFinite(v[k])) {
                nonFinite = "Jacobian entry " + k + " (of " + jac.nonZeros() + " stored) is " + v[k];
                break;
            }
        }
        return new SparseLinearization(jac, r, cost);
    }

    @Override
    public double trialCost(double[] x) {
        residualEvaluations++;
        problem.residuals(x, rTrial);
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(rTrial[i])) {
                nonFinite = "residual " + i + " is " + rTrial[i] + " at a trial point";
                costTrial = Double.NaN;
                return Double.NaN;
            }
        }
        costTrial = 0.5 * VectorOps.dot(rTrial, rTrial);
        return costTrial;
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
        System.arraycopy(rTrial, 0, out, 0, m);
        return true;
    }

    @Override
    public boolean plainLeastSquares() {
        return true;
    }

    @Override
    public double[] lowerBounds() {
        return problem.lowerBounds();
    }

    @Override
    public double[] upperBounds() {
        return problem.upperBounds();
    }

    @Override
    public String nonFiniteDetail() {
        return nonFinite;
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
