package org.gn4j.gn.ba;

import java.util.Arrays;

import org.gn4j.gn.core.Objective;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.ComputePool.RangeBody;
import org.gn4j.solvers.schur.CameraPointJacobian;
import org.gn4j.solvers.schur.SchurLayout;

/**
 * The {@link Objective} of a {@link BalProblem} for the {@link org.gn4j.gn.core.GaussNewtonLoop}: cost
 * {@code ½‖r‖²} of the reprojection residuals ({@link SnavelyProjection}), linearizations with analytic block
 * Jacobians ({@link BundleAdjustmentLinearization}). Residuals and Jacobian blocks are evaluated per observation in
 * parallel on the compute pool; the buffers are owned here and reused. Used by one loop at a time.
 *
 * <p>{@link #start} evaluates the Jacobian blocks with the residuals (one pass over the observations, as the loop
 * linearizes at the start point next), and {@link #linearize} at that same point reuses them instead of evaluating
 * the residuals a second time: the start counts as a Jacobian evaluation, not a residual evaluation.
 */
public final class BundleAdjustmentObjective implements Objective {
    private static final int GRAIN = 512;
    private final BalProblem problem;
    private final SchurLayout layout;
    private final int n;
    private final int m;
    private double[] r;
    private double[] trial;
    private double[] kept;
    private final double[] a;
    private final double[] b;
    private double cost;
    private double trialCost;
    private double keptCost;
    private int residualEvaluations;
    private int jacobianEvaluations;
    /** The point whose residuals are in r and whose blocks are in a and b, when blocksAtStart. */
    private final double[] startX;
    private boolean blocksAtStart;

    /** @param problem the problem (its parameters are the usual start) */
    public BundleAdjustmentObjective(BalProblem problem) {
        this.problem = ArgumentChecks.requireNonNull("problem", problem);
        this.layout = problem.layout();
        this.n = problem.parameterCount();
        this.m = problem.residualCount();
        this.r = new double[m];
        this.trial = new double[m];
        this.kept = new double[m];
        this.a = new double[problem.observations() * 18];
        this.b = new double[problem.observations() * 6];
        this.startX = new double[n];
    }

    /**
     * The problem.
     *
     * @return the bundle-adjustment problem this objective evaluates
     */
    public BalProblem problem() {
        return problem;
    }

    @Override
    public int parameterCount() {
        return n;
    }

    @Override
    public double start(double[] x) {
        ArgumentChecks.requireLength("x", x, n);
        cost = evaluate(x, r, true);
        jacobianEvaluations++;
        System.arraycopy(x, 0, startX, 0, n);
        blocksAtStart = true;
        return cost;
    }

    @Override
    public BundleAdjustmentLinearization linearize(double[] x) {
        if (!(blocksAtStart && Arrays.equals(x, startX))) {
            cost = evaluate(x, r, true);
            jacobianEvaluations++;
        }
        blocksAtStart = false;
        CameraPointJacobian jac = new CameraPointJacobian(layout, a, b);
        double[] g = new double[n];
        jac.applyTranspose(r, g);
        return new BundleAdjustmentLinearization(jac, r, g, cost);
    }

    @Override
    public double trialCost(double[] x) {
        residualEvaluations++;
        trialCost = evaluate(x, trial, false);
        return trialCost;
    }

    @Override
    public void keepTrial() {
        double[] t = kept;
        kept = trial;
        trial = t;
        keptCost = trialCost;
    }

    @Override
    public void acceptTrial() {
        blocksAtStart = false;
        double[] t = r;
        r = kept;
        kept = t;
        cost = keptCost;
    }

    @Override
    public boolean residualsAt(double[] x, double[] out) {
        residualEvaluations++;
        return Double.isFinite(evaluate(x, out, false));
    }

    @Override
    public boolean trialResiduals(double[] out) {
        System.arraycopy(trial, 0, out, 0, m);
        return Double.isFinite(trialCost);
    }

    @Override
    public boolean plainLeastSquares() {
        return true;
    }

    @Override
    public int residualEvaluations() {
        return residualEvaluations;
    }

    @Override
    public int jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * The two residuals of observation k at x into {@code out[2k..2k+2)} and, when ja and jb are given, its camera and
     * point blocks into {@code ja[18k..]} and {@code jb[6k..]}; returns {@code r_x² + r_y²}. One call per observation,
     * so that it is compiled early in the first solve (see {@link ComputePool.RangeBody}).
     */
    private static double observation(BalProblem problem, double[] x, int off, int k, double[] out, double[] ja,
            double[] jb) {
        SnavelyProjection.evaluate(x, 9 * problem.cameraOf(k), x, off + 3 * problem.pointOf(k), problem.observedX(k),
                problem.observedY(k), out, 2 * k, ja, 18 * k, jb, 6 * k);
        return out[2 * k] * out[2 * k] + out[2 * k + 1] * out[2 * k + 1];
    }

    /** Residuals (and with jacobian the blocks) at x; the cost ½‖r‖², NaN when a residual is not finite. */
    private double evaluate(double[] x, double[] out, boolean jacobian) {
        int off = problem.pointOffset();
        int obs = problem.observations();
        int chunks = Math.max(1, (obs + GRAIN - 1) / GRAIN);
        double[] partial = new double[chunks];
        double[] ja = jacobian ? a : null;
        double[] jb = jacobian ? b : null;
        ComputePool.parallelFor(chunks, 1, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int ch = from; ch < to; ch++) {
                    double s = 0;
                    for (int k = ch * GRAIN, end = Math.min(obs, (ch + 1) * GRAIN); k < end; k++) {
                        s += observation(problem, x, off, k, out, ja, jb);
                    }
                    partial[ch] = s;
                }
            }
        });
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return Double.isFinite(s) ? 0.5 * s : Double.NaN;
    }
}
