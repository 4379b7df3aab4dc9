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
 * {@link DampingRule}. A step that produces non-finite residuals is rejected and the damping raised. The inner solve
 * is QR of the augmented Jacobian by default ({@link StepSolver}). A configuration of the {@link GaussNewtonLoop}:
 * the step solver, {@link NielsenDamping} or {@link MarquardtDamping}, unit steps, optional geodesic acceleration.
 *
 * <p>Immutable: {@code with…} methods return new solvers.
 */
public final class LevenbergMarquardt implements LeastSquaresOptimizer {
    /** Minimum gain ratio for accepting a step. */
    public static final double ACCEPT = StepControl.ACCEPT;
    private static final int MAX_NON_FINITE = 60;

    private final StoppingCriteria stop;
    private final IterationListener listener;
    private final StepSolver stepSolver;
    private final DampingRule rule;
    private final double initialDamping;
    private final double marquardtFactor;
    private final ScalingRule scaling;
    private final boolean geodesic;

    /**
     * Defaults: Nielsen damping starting at λ = 1e-3 (relative to D²), Moré's running-max scaling, geodesic
     * acceleration on, QR steps, {@link StoppingCriteria#defaults()}. On the NIST StRD suite this combination reaches
     * LRE ≥ 6 on 53 of 54 runs; without geodesic acceleration 52 (docs/BENCHMARKS.md).
     */
    public LevenbergMarquardt() {
        this(StoppingCriteria.defaults(), null, StepSolver.QR, DampingRule.NIELSEN, 1e-3, 10, ScalingRule.RUNNING_MAX, true);
    }

    private LevenbergMarquardt(StoppingCriteria stop, IterationListener listener, StepSolver stepSolver,
            DampingRule rule, double initialDamping, double marquardtFactor, ScalingRule scaling, boolean geodesic) {
        this.scaling = scaling;
        this.geodesic = geodesic;
        this.stop = stop;
        this.listener = listener;
        this.stepSolver = stepSolver;
        this.rule = rule;
        this.initialDamping = initialDamping;
        this.marquardtFactor = marquardtFactor;
    }

    public LevenbergMarquardt withStopping(StoppingCriteria s) {
        if (s == null) {
            throw new IllegalArgumentException("stopping criteria must not be null");
        }
        return new LevenbergMarquardt(s, listener, stepSolver, rule, initialDamping, marquardtFactor, scaling, geodesic);
    }

    public LevenbergMarquardt withListener(IterationListener l) {
        return new LevenbergMarquardt(stop, l, stepSolver, rule, initialDamping, marquardtFactor, scaling, geodesic);
    }

    public LevenbergMarquardt withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new LevenbergMarquardt(stop, listener, s, rule, initialDamping, marquardtFactor, scaling, geodesic);
    }

    public LevenbergMarquardt withDampingRule(DampingRule r) {
        if (r == null) {
            throw new IllegalArgumentException("damping rule must not be null");
        }
        return new LevenbergMarquardt(stop, listener, stepSolver, r, initialDamping, marquardtFactor, scaling, geodesic);
    }

    /** @throws IllegalArgumentException if not positive and finite */
    public LevenbergMarquardt withInitialDamping(double lambda) {
        ArgumentChecks.requirePositive("initialDamping", lambda);
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, lambda, marquardtFactor, scaling, geodesic);
    }

    /** Factor of the {@link DampingRule#MARQUARDT} rule. @throws IllegalArgumentException unless > 1 */
    public LevenbergMarquardt withMarquardtFactor(double f) {
        if (!(f > 1) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("marquardtFactor is " + f + ", expected a finite value > 1");
        }
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, f, scaling, geodesic);
    }

    /** The scaling D of the damping term (default {@link ScalingRule#RUNNING_MAX}). */
    public LevenbergMarquardt withScaling(ScalingRule s) {
        if (s == null) {
            throw new IllegalArgumentException("scaling rule must not be null");
        }
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, marquardtFactor, s, geodesic);
    }

    /**
     * Geodesic acceleration (Transtrum &amp; Sethna 2012): the step {@code v} is corrected by {@code ½a} with
     * {@code (J̃ᵀJ̃ + λD²)a = −J̃ᵀr_vv}, {@code r_vv} the second directional derivative of the residuals along v from
     * one extra residual evaluation, {@code r_vv ≈ (2/h)((r(β + hv) − r(β))/h − J̃v)}, {@code h = 0.1}; a step whose
     * correction is large ({@code 2‖Da‖ > ‖Dv‖·0.75}) is rejected as if it had failed. Follows narrow curved valleys
     * that plain LM crawls along. Plain least squares only (ignored with a robust loss).
     */
    public LevenbergMarquardt withGeodesicAcceleration(boolean on) {
        return new LevenbergMarquardt(stop, listener, stepSolver, rule, initialDamping, marquardtFactor, scaling, on);
    }

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
     */
    public GaussNewtonLoop loop() {
        if (rule == DampingRule.TRUST_REGION) {
            return new GaussNewtonLoop().withSolver(stepSolver.solver()).withControl(new TrustRadius(100))
                    .withDescent(GaussNewtonLoop.Descent.TRUST_REGION).withStepLength(StepLength.none())
                    .withScaling(scaling).withGeodesicAcceleration(geodesic).withTolerances(stop).withBudget(stop.budget())
                    .withCallback(IterationListener.callback(listener)).withMaxFailures(MAX_NON_FINITE);
        }
        StepControl control = rule == DampingRule.NIELSEN ? new NielsenDamping(initialDamping)
                : new MarquardtDamping(initialDamping, marquardtFactor);
        return new GaussNewtonLoop().withSolver(stepSolver.solver()).withControl(control)
                .withStepLength(StepLength.none()).withScaling(scaling).withGeodesicAcceleration(geodesic)
                .withTolerances(stop).withBudget(stop.budget()).withCallback(IterationListener.callback(listener))
                .withMaxFailures(MAX_NON_FINITE);
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
