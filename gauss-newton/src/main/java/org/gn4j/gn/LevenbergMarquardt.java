package org.gn4j.gn;

import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.MarquardtDamping;
import org.gn4j.gn.core.NielsenDamping;
import org.gn4j.gn.core.StepControl;
import org.gn4j.gn.core.StepLength;
import org.gn4j.gn.core.TrustRadius;
import org.gn4j.linalg.ArgumentChecks;

/**
 * Levenberg-Marquardt: each trial step solves {@code (J̃ᵀJ̃ + λD²)δ = −g} with Moré's scaling D (the running maximum of
 * the Jacobian's column norms, so the method is invariant to the units of the parameters), is accepted when the gain
 * ratio {@code ρ = (F(β) − F(β+δ)) / (predicted reduction)} exceeds {@value #ACCEPT}, and adapts λ by the
 * {@link DampingRule} (by default Moré's trust region, as MINPACK's {@code lmder}). A step that produces non-finite
 * residuals is rejected and the damping raised. The inner solve is QR of the augmented Jacobian by default
 * ({@link StepSolver}). A configuration of the {@link GaussNewtonLoop}: the step solver, {@link TrustRadius},
 * {@link NielsenDamping} or {@link MarquardtDamping}, unit steps, geodesic acceleration.
 *
 * <p>Immutable: {@code with…} methods return new solvers.
 */
public final class LevenbergMarquardt implements LeastSquaresOptimizer {
    /** Minimum gain ratio for accepting a step. */
    public static final double ACCEPT = StepControl.ACCEPT;
    private static final int MAX_NON_FINITE = 60;
    /**
     * The first trust radius of {@link DampingRule#TRUST_REGION} as a multiple of {@code max(‖Dβ₀‖, 1)}: 2, smaller than
     * MINPACK's 100, so that a first step from a poor start does not leap into a flat region of the model (BoxBOD
     * from NIST's first start, for instance); chosen on the NIST StRD and Moré-Garbow-Hillstrom suites.
     */
    static final double INITIAL_RADIUS_FACTOR = 2;

    private final StoppingCriteria stop;
    private final IterationListener listener;
    private final StepSolver stepSolver;
    private final DampingRule rule;
    private final double initialDamping;
    private final double marquardtFactor;
    private final ScalingRule scaling;
    private final boolean geodesic;
    private final TrustRadius.Rule radiusRule;
    private final ScalingRule retryScaling;
    /**
     * The retry's scaling by default ({@link #withRetryScaling}), of this solver and of {@link Dogleg}: D = I, the
     * other side of the running-maximum scaling's trade (a scale frozen far from the solution).
     */
    static final ScalingRule DEFAULT_RETRY = ScalingRule.IDENTITY;

    /**
     * Defaults: Moré's trust-region damping ({@link DampingRule#TRUST_REGION}), Moré's running-max scaling, geodesic
     * acceleration on, QR steps, {@link StoppingCriteria#defaults()}; with {@link #withDampingRule} Nielsen or
     * Marquardt damping start at λ = 1e-3 (relative to D²). Figures on the NIST StRD and Moré-Garbow-Hillstrom
     * suites are in docs/BENCHMARKS.md.
     */
    public LevenbergMarquardt() {
        this(StoppingCriteria.defaults(), null, StepSolver.QR, DampingRule.TRUST_REGION, 1e-3, 10,
                ScalingRule.RUNNING_MAX, true, TrustRadius.Rule.HYBRD, DEFAULT_RETRY);
    }

    private LevenbergMarquardt(StoppingCriteria stop, IterationListener listener, StepSolver stepSolver,
            DampingRule rule, double initialDamping, double marquardtFactor, ScalingRule scaling, boolean geodesic,
            TrustRadius.Rule radiusRule, ScalingRule retryScaling) {
        this.retryScaling = retryScaling;
        this.radiusRule = radiusRule;
        this.scaling = scaling;
        this.geodesic = geodesic;
        this.stop = stop;
        this.listener = listener;
        this.stepSolver = stepSolver;
        this.rule = rule;
        this.initialDamping = initialDamping;
        this.marquardtFactor = marquardtFactor;
    }

    /**
     * The same solver with other stopping criteria (default {@link StoppingCriteria#defaults()}).
     *
     * @param s the criteria; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public LevenbergMarquardt withStopping(StoppingCriteria s) {
        if (s == null) {
            throw new IllegalArgumentException("stopping criteria must not be null");
        }
        return new LevenbergMarquardt(s, listener, stepSolver, rule, initialDamping, marquardtFactor, scaling, geodesic,
                radiusRule, retryScaling);
    }

    /**
     * The same solver with a listener told of every iteration.
     *
     * @param l the listener, or {@code null} for none
     * @return a new solver with this setting, the others unchanged
     */
    public LevenbergMarquardt withListener(IterationListener l) {
        return new LevenbergMarquardt(stop, l, stepSolver, rule, initialDamping, marquardtFactor, scaling, geodesic,
                radiusRule, retryScaling);
    }

    /**
     * The same solver with another linear solver for the damped step (default {@link StepSolver#QR}).
     *
     * @param s the step solver; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public LevenbergMarquardt withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new LevenbergMarquardt(stop, listener, s, rule, initialDamping, marquardtFactor, scaling, geodesic,
                radiusRule, retryScaling);
    }

    /**
     * The same solver with another damping rule (default {@link DampingRule#TRUST_REGION}).
     *
     * @param r the damping rule; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code r} is {@code null}
     */
    public LevenbergMarquardt withDampingRule(DampingRule r) {
        if (r == null) {
            throw new IllegalArgumentException("damping rule must not be null");
        }
        return new LevenbergMarquardt(stop, listener, stepSolver, r, initialDamping, marquardtFactor, scaling, geodesic,
                radiusRule, retryScaling);
    }

    /**
     * The same solver with another initial damping λ₀ (relative to D²) for the Nielsen and Marquardt rules (default
     * 1e-3).
     *
     * @param lambda λ₀, positive and finite
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code lambda} is not positive and finite
     */
    public LevenbergMarquardt withInitialDamping(double lambda) {
        ArgumentChecks.requirePositive("initialDamping", lambda);
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, lambda, marquardtFactor, scaling, geodesic,
                radiusRule, retryScaling);
    }

    /**
     * The same solver with another factor of the {@link DampingRule#MARQUARDT} rule (default 10).
     *
     * @param f the factor, finite and &gt; 1
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException unless {@code f} is finite and &gt; 1
     */
    public LevenbergMarquardt withMarquardtFactor(double f) {
        if (!(f > 1) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("marquardtFactor is " + f + ", expected a finite value > 1");
        }
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, f, scaling, geodesic,
                radiusRule, retryScaling);
    }

    /**
     * The scaling D of the damping term (default {@link ScalingRule#RUNNING_MAX}).
     *
     * @param s the scaling rule; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code s} is {@code null}
     */
    public LevenbergMarquardt withScaling(ScalingRule s) {
        if (s == null) {
            throw new IllegalArgumentException("scaling rule must not be null");
        }
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, marquardtFactor, s, geodesic,
                radiusRule, retryScaling);
    }

    /**
     * Geodesic acceleration (Transtrum &amp; Sethna 2012), at no extra evaluation for steps that do well: for a
     * step v whose gain ratio is below 0.75, the acceleration {@code a} solves {@code (J̃ᵀJ̃ + λD²)a = −J̃ᵀr_vv}, with
     * the second directional derivative {@code r_vv ≈ 2(r(β + v) − r(β) − J̃v)} from the residuals already evaluated
     * at the trial; if {@code 2‖Da‖ > 0.75‖Dv‖} the model is not trusted along v and the step is rejected as if it
     * had failed; otherwise a rejected step is retried once as {@code v + ½a} (one residual evaluation). Follows
     * narrow curved valleys that plain LM crawls along. Plain least squares only (ignored with a robust loss or
     * bounds).
     *
     * @param on {@code true} to use geodesic acceleration (the default), {@code false} for plain LM steps
     * @return a new solver with this setting, the others unchanged
     */
    public LevenbergMarquardt withGeodesicAcceleration(boolean on) {
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, marquardtFactor, scaling, on,
                radiusRule, retryScaling);
    }

    /**
     * The update rule of the trust radius under {@link DampingRule#TRUST_REGION} (default
     * {@link TrustRadius.Rule#HYBRD}; {@link TrustRadius.Rule#LMDER} is MINPACK {@code lmder}'s own rule).
     *
     * @param r the radius rule; not {@code null}
     * @return a new solver with this setting, the others unchanged
     * @throws IllegalArgumentException if {@code r} is {@code null}
     */
    public LevenbergMarquardt withRadiusRule(TrustRadius.Rule r) {
        if (r == null) {
            throw new IllegalArgumentException("radius rule must not be null");
        }
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, marquardtFactor, scaling, geodesic,
                r, retryScaling);
    }

    /**
     * The stopping criteria.
     *
     * @return the tolerances and caps of this solver
     */
    public StoppingCriteria stopping() {
        return stop;
    }

    @Override
    public String name() {
        return "LM";
    }

    /**
     * The core loop this configuration runs, with its tolerances, budget and listener: {@link #optimize} is
     * {@code loop().withSolver(stepSolver.solverFor(problem)).run(new LeastSquaresObjective(problem, stepSolver.matrixFree(problem)), start)}; use it to drive the steps yourself.
     *
     * @return a new loop configured as this solver, with the step solver's damped solver
     */
    public GaussNewtonLoop loop() {
        if (rule == DampingRule.TRUST_REGION) {
            return new GaussNewtonLoop().withSolver(stepSolver.solver()).withControl(
                    new TrustRadius(INITIAL_RADIUS_FACTOR, radiusRule))
                    .withDescent(GaussNewtonLoop.Descent.TRUST_REGION).withStepLength(StepLength.none())
                    .withScaling(scaling).withGeodesicAcceleration(geodesic).withTolerances(stop).withBudget(stop.budget())
                    .withCallback(IterationListener.callback(listener)).withMaxFailures(MAX_NON_FINITE).withRetryScaling(retryScaling);
        }
        StepControl control = rule == DampingRule.NIELSEN ? new NielsenDamping(initialDamping)
                : new MarquardtDamping(initialDamping, marquardtFactor);
        return new GaussNewtonLoop().withSolver(stepSolver.solver()).withControl(control)
                .withStepLength(StepLength.none()).withScaling(scaling).withGeodesicAcceleration(geodesic)
                .withTolerances(stop).withBudget(stop.budget()).withCallback(IterationListener.callback(listener))
                .withMaxFailures(MAX_NON_FINITE).withRetryScaling(retryScaling);
    }

    /**
     * The same solver with a retry when a run ends without a first-order certificate: the loop runs once more
     * from the first run's end point with scaling {@code s}, counting the evaluations of both runs, as
     * {@link GaussNewtonLoop#withRetryScaling} describes (default {@link ScalingRule#IDENTITY}).
     *
     * @param s the scaling of the retry, or {@code null} for no retry
     * @return a new solver with this setting, the others unchanged
     */
    public LevenbergMarquardt withRetryScaling(ScalingRule s) {
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, marquardtFactor, scaling, geodesic,
                radiusRule, s);
    }

    @Override
    public Optimum optimize(LeastSquaresProblem problem, double[] start) {
        org.gn4j.linalg.ArgumentChecks.requireNonNull("problem", problem);
        LeastSquaresObjective objective = new LeastSquaresObjective(problem, stepSolver.matrixFree(problem));
        GaussNewtonLoop.State st = loop().withSolver(stepSolver.solverFor(problem)).run(objective, start);
        return Optimum.of("Levenberg-Marquardt (" + rule.name().toLowerCase(java.util.Locale.ROOT) + ", "
                + stepSolver + ")", objective, st);
    }
}
