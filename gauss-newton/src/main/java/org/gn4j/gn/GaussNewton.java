package org.gn4j.gn;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.VectorOps;
import org.gn4j.solvers.SolveResult;

/**
 * Gauss-Newton with a backtracking Armijo line search: the step {@code δ = argmin ‖J̃δ + r̃‖} (minimum-norm when J̃ is
 * rank-deficient) is shortened to {@code tδ}, {@code t = 1, ½, ¼, …}, until
 * {@code F(β + tδ) <= F(β) + c·t·gᵀδ} (sufficient decrease, {@code c = 1e-4}). Fast on small-residual problems,
 * fragile on large-residual or badly conditioned ones, where Levenberg-Marquardt or dogleg are the safer choices.
 */
public final class GaussNewton implements LeastSquaresOptimizer {
    private final StoppingCriteria stop;
    private final IterationListener listener;
    private final StepSolver stepSolver;
    private final double armijo;
    private final int maxHalvings;

    /** Defaults: c = 1e-4, at most 40 halvings, QR steps, {@link StoppingCriteria#defaults()}. */
    public GaussNewton() {
        this(StoppingCriteria.defaults(), null, StepSolver.QR, 1e-4, 40);
    }

    private GaussNewton(StoppingCriteria stop, IterationListener listener, StepSolver stepSolver, double armijo,
            int maxHalvings) {
        this.stop = stop;
        this.listener = listener;
        this.stepSolver = stepSolver;
        this.armijo = armijo;
        this.maxHalvings = maxHalvings;
    }

    public GaussNewton withStopping(StoppingCriteria s) {
        if (s == null) {
            throw new IllegalArgumentException("stopping criteria must not be null");
        }
        return new GaussNewton(s, listener, stepSolver, armijo, maxHalvings);
    }

    public GaussNewton withListener(IterationListener l) {
        return new GaussNewton(stop, l, stepSolver, armijo, maxHalvings);
    }

    public GaussNewton withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new GaussNewton(stop, listener, s, armijo, maxHalvings);
    }

    /** Sufficient-decrease constant c in (0, 1). */
    public GaussNewton withArmijoConstant(double c) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("armijo constant is " + c + ", expected in (0, 1)");
        }
        return new GaussNewton(stop, listener, stepSolver, c, maxHalvings);
    }

    /** Maximum number of step halvings per iteration. */
    public GaussNewton withMaxHalvings(int k) {
        ArgumentChecks.requirePositive("maxHalvings", k);
        return new GaussNewton(stop, listener, stepSolver, armijo, k);
    }

    @Override
    public String name() {
        return "GN";
    }

    @Override
    public Optimum optimize(LeastSquaresProblem problem, double[] start) {
        Workspace w = new Workspace("Gauss-Newton (Armijo, " + stepSolver + ")", problem, start, stop, listener,
                stepSolver);
        int n = w.n;
        Optimum early = w.startChecks();
        if (early != null) {
            return early;
        }
        double[] d = new double[n];
        w.scaling(ScalingRule.RUNNING_MAX, d, true);
        double[] delta = new double[n];
        while (true) {
            TerminationReason budget = w.budgetExceeded();
            if (budget != null) {
                return w.finish(budget, "budget reached");
            }
            w.iterations++;
            SolveResult step = w.dampedStep(0, d, delta);
            if (!step.hasSolution()) {
                w.record(0, 0, Double.NaN, false);
                return w.finish(TerminationReason.LINEAR_SOLVER_FAILURE, "Gauss-Newton system: " + step);
            }
            double stepNorm = Workspace.scaledNorm(d, delta);
            double xNorm = Workspace.scaledNorm(d, w.x);
            if (stepNorm <= stop.parameterTolerance() * (xNorm + stop.parameterTolerance())) {
                w.record(stepNorm, 0, Double.NaN, false);
                return w.finish(TerminationReason.STEP_SIZE, "Gauss-Newton step below the parameter tolerance");
            }
            double slope = VectorOps.dot(w.g, delta);
            if (!(slope < 0)) {
                w.record(stepNorm, 0, Double.NaN, false);
                return w.finish(TerminationReason.NO_PROGRESS, "Gauss-Newton step is not a descent direction");
            }
            double predictedFull = w.predictedReduction(delta);
            double t = 1;
            boolean found = false;
            for (int k = 0; k <= maxHalvings; k++) {
                for (int j = 0; j < n; j++) {
                    w.xTrial[j] = w.x[j] + t * delta[j];
                }
                if (w.evaluate(w.xTrial, w.rTrial)) {
                    w.costTrial = w.cost(w.rTrial);
                    if (w.costTrial <= w.cost + armijo * t * slope) {
                        found = true;
                        break;
                    }
                }
                t *= 0.5;
            }
            if (!found) {
                w.record(stepNorm, t, Double.NaN, false);
                return w.finish(TerminationReason.NO_PROGRESS,
                        "line search found no sufficient decrease in " + maxHalvings + " halvings");
            }
            double costBefore = w.cost;
            double actual = costBefore - w.costTrial;
            // model prediction for the shortened step tδ: t·(−gᵀδ) − t²·½‖J̃δ‖²
            double predicted = t == 1 ? predictedFull : -t * slope - t * t * (-slope - predictedFull);
            w.acceptTrial();
            if (!w.evaluateJacobian()) {
                w.record(t * stepNorm, t, actual / predicted, true);
                return w.finish(TerminationReason.NON_FINITE, "non-finite Jacobian at an accepted point");
            }
            w.scaling(ScalingRule.RUNNING_MAX, d, false);
            w.record(t * stepNorm, t, actual / predicted, true);
            Optimum done = w.convergedAfterStep(costBefore, actual, predicted);
            if (done != null) {
                return done;
            }
        }
    }
}
