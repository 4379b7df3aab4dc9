package org.gn4j.gn;

import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.StepLength;
import org.gn4j.gn.core.TrustRadius;

/**
 * Powell's dogleg trust-region method in Moré-scaled variables {@code p = Dδ}: the step is the Gauss-Newton step when
 * it fits in the trust region {@code ‖p‖ <= Δ}, the scaled steepest-descent step cut at the boundary when even the
 * Cauchy point lies outside, and otherwise the point where the path from the Cauchy point to the Gauss-Newton point
 * crosses the boundary. Δ is updated as in MINPACK's {@code hybrd}: halved after a poor step (gain ratio &lt; 0.1), grown
 * to twice the step after a good one (ratio ≥ ½) or a second success in a row. The Gauss-Newton step is computed once
 * per accepted point (QR by default, minimum-norm when J̃ is rank-deficient). D is Moré's running maximum of the
 * column norms, restarted when it has outgrown them unevenly ({@link ScalingRule#RESTARTED_MAX}). A configuration of
 * the {@link GaussNewtonLoop}: dogleg descent, {@link TrustRadius}.
 */
public final class Dogleg implements LeastSquaresOptimizer {
    private final StoppingCriteria stop;
    private final IterationListener listener;
    private final StepSolver stepSolver;
    private final double initialRadiusFactor;
    private final boolean subspace;
    private final TrustRadius.Rule radiusRule;
    private final ScalingRule scaling;
    private final ScalingRule retryScaling;

    /**
     * The iteration cap of the default stopping criteria: {@value}. A dogleg iteration is one trial (one residual
     * evaluation; the Gauss-Newton step is solved once per accepted point), so a refused trial costs little, and in a
     * curved valley the radius rule refuses many: from the standard start of Biggs EXP6 dogleg needs about 3,900 trials
     * to reach the minimum, past the 1000 of {@link StoppingCriteria#defaults()}. The evaluation cap (20000) is
     * unchanged.
     */
    public static final int DEFAULT_MAX_ITERATIONS = 5000;

    /**
     * Defaults: initial radius {@code 10·max(‖Dβ₀‖, 1)} (MINPACK suggests 0.1 to 100 with 100 as its default; 10
     * reached LRE 6 on 52 of the 54 NIST StRD runs against 50 with 100), QR steps, {@link StoppingCriteria#defaults()}
     * with at most {@value #DEFAULT_MAX_ITERATIONS} iterations.
     */
    public Dogleg() {
        this(StoppingCriteria.defaults().withMaxIterations(DEFAULT_MAX_ITERATIONS), null, StepSolver.QR, 10, false,
                TrustRadius.Rule.HYBRD, ScalingRule.RESTARTED_MAX, LevenbergMarquardt.DEFAULT_RETRY);
    }

    private Dogleg(StoppingCriteria stop, IterationListener listener, StepSolver stepSolver, double factor,
            boolean subspace, TrustRadius.Rule radiusRule, ScalingRule scaling, ScalingRule retryScaling) {
        this.retryScaling = retryScaling;
        this.scaling = scaling;
        this.subspace = subspace;
        this.radiusRule = radiusRule;
        this.stop = stop;
        this.listener = listener;
        this.stepSolver = stepSolver;
        this.initialRadiusFactor = factor;
    }

    /**
     * The same solver with other stopping criteria (default {@link StoppingCriteria#defaults()}).
     *
     * @param s the criteria; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public Dogleg withStopping(StoppingCriteria s) {
        if (s == null) {
            throw new IllegalArgumentException("stopping criteria must not be null");
        }
        return new Dogleg(s, listener, stepSolver, initialRadiusFactor, subspace, radiusRule, scaling, retryScaling);
    }

    /**
     * The same solver with a listener told of every iteration.
     *
     * @param l the listener, or {@code null} for none
     * @return a new solver with this setting, the others unchanged
     */
    public Dogleg withListener(IterationListener l) {
        return new Dogleg(stop, l, stepSolver, initialRadiusFactor, subspace, radiusRule, scaling, retryScaling);
    }

    /**
     * The same solver with another linear solver for the Gauss-Newton step.
     *
     * @param s the step solver; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public Dogleg withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new Dogleg(stop, listener, s, initialRadiusFactor, subspace, radiusRule, scaling, retryScaling);
    }

    /**
     * Initial trust radius as a multiple of {@code max(‖Dβ₀‖, 1)}.
     *
     * @param f the factor, positive and finite
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code f} is not positive and finite
     */
    public Dogleg withInitialRadiusFactor(double f) {
        org.gn4j.linalg.ArgumentChecks.requirePositive("initialRadiusFactor", f);
        return new Dogleg(stop, listener, stepSolver, f, subspace, radiusRule, scaling, retryScaling);
    }

    /**
     * The two-dimensional subspace step ({@link GaussNewtonLoop.Descent#SUBSPACE}, Ceres's {@code SUBSPACE_DOGLEG})
     * instead of Powell's dogleg path: the model's minimizer on {@code span{D⁻²g, δ_GN}} inside the trust region.
     * Off by default: on the Moré-Garbow-Hillstrom suite it solves fewer runs than the dogleg path
     * (docs/BENCHMARKS.md).
     *
     * @param on {@code true} for the subspace step, {@code false} for the dogleg path
     * @return a new solver with this setting, the others unchanged
     */
    public Dogleg withSubspace(boolean on) {
        return new Dogleg(stop, listener, stepSolver, initialRadiusFactor, on, radiusRule, scaling, retryScaling);
    }

    /**
     * The update rule of the trust radius (default {@link TrustRadius.Rule#HYBRD}, MINPACK {@code hybrd}'s;
     * {@link TrustRadius.Rule#LMDER} is MINPACK {@code lmder}'s).
     *
     * @param r the radius rule; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code r} is {@code null}
     */
    public Dogleg withRadiusRule(TrustRadius.Rule r) {
        if (r == null) {
            throw new IllegalArgumentException("radius rule must not be null");
        }
        return new Dogleg(stop, listener, stepSolver, initialRadiusFactor, subspace, r, scaling, retryScaling);
    }

    /**
     * The scaling D of the trust region {@code ‖Dδ‖ <= Δ} (default {@link ScalingRule#RESTARTED_MAX};
     * {@link ScalingRule#RUNNING_MAX} is MINPACK's).
     *
     * @param s the scaling rule, not null
     * @return a copy of this solver with that scaling rule
     * @throws IllegalArgumentException if {@code s} is null
     */
    public Dogleg withScaling(ScalingRule s) {
        if (s == null) {
            throw new IllegalArgumentException("scaling rule must not be null");
        }
        return new Dogleg(stop, listener, stepSolver, initialRadiusFactor, subspace, radiusRule, s, retryScaling);
    }

    @Override
    public String name() {
        return "dogleg";
    }

    /**
     * The core loop this configuration runs, with its tolerances, budget and listener: {@link #optimize} is
     * {@code loop().withSolver(stepSolver.solverFor(problem)).run(new LeastSquaresObjective(problem, stepSolver.matrixFree(problem)), start)}; use it to drive the steps yourself.
     *
     * @return a new loop configured as this solver, with the step solver's damped solver
     */
    public GaussNewtonLoop loop() {
        return new GaussNewtonLoop().withSolver(stepSolver.solver()).withControl(new TrustRadius(initialRadiusFactor, radiusRule))
                .withDescent(subspace ? GaussNewtonLoop.Descent.SUBSPACE : GaussNewtonLoop.Descent.DOGLEG)
                .withStepLength(StepLength.none())
                .withScaling(scaling).withTolerances(stop).withBudget(stop.budget())
                .withCallback(IterationListener.callback(listener)).withMaxFailures(60).withRetryScaling(retryScaling);
    }

    /**
     * The same solver with a retry when a run ends without a first-order certificate: the loop runs once more
     * from the first run's end point with scaling {@code s}, counting the evaluations of both runs, as
     * {@link GaussNewtonLoop#withRetryScaling} describes (default {@link ScalingRule#IDENTITY}).
     *
     * @param s the scaling of the retry, or {@code null} for no retry
     * @return a new solver with this setting, the others unchanged
     */
    public Dogleg withRetryScaling(ScalingRule s) {
        return new Dogleg(stop, listener, stepSolver, initialRadiusFactor, subspace, radiusRule, scaling, s);
    }

    @Override
    public Optimum optimize(LeastSquaresProblem problem, double[] start) {
        org.gn4j.linalg.ArgumentChecks.requireNonNull("problem", problem);
        LeastSquaresObjective objective = new LeastSquaresObjective(problem, stepSolver.matrixFree(problem));
        GaussNewtonLoop.State st = loop().withSolver(stepSolver.solverFor(problem)).run(objective, start);
        return Optimum.of("dogleg (" + stepSolver + ")", objective, st);
    }
}
