package org.gn4j.pinn.train;

import java.util.Locale;

import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.NielsenDamping;
import org.gn4j.gn.core.StepControl;
import org.gn4j.gn.core.StepLength;
import org.gn4j.pinn.pde.CollocationProblem;

/**
 * PINN training by Levenberg-Marquardt, a configuration of the gauss-newton module's {@link GaussNewtonLoop}:
 * Nielsen's adaptive damping on the gain ratio, optional geodesic acceleration (Transtrum's form before every trial,
 * {@link GaussNewtonLoop.Geodesic#EVERY_STEP}), and the inner solve by Cholesky of
 * {@code JᵀJ + λI}, QR of the augmented Jacobian, or matrix-free CG on the JVP/VJP operator. Damping is not scaled
 * per parameter by default ({@link ScalingRule#IDENTITY}: Moré's column scaling slows PINN training by an order of
 * magnitude on the PINN benchmarks, docs/BENCHMARKS.md). With resampling the solver restarts on each new point set
 * from the last parameters and damping.
 */
public final class LevenbergMarquardtTrainer implements PinnOptimizer {
    private final StepSolver stepSolver;
    private final boolean geodesic;
    private final ScalingRule scaling;
    private final double initialDamping;

    /** Cholesky steps, geodesic acceleration on, identity scaling, λ₀ = 1e-3. */
    public LevenbergMarquardtTrainer() {
        this(StepSolver.CHOLESKY, true, ScalingRule.IDENTITY, 1e-3);
    }

    private LevenbergMarquardtTrainer(StepSolver s, boolean geodesic, ScalingRule scaling, double lambda) {
        this.stepSolver = s;
        this.geodesic = geodesic;
        this.scaling = scaling;
        this.initialDamping = lambda;
    }

    /**
     * The same trainer with another inner solve of the damped step (Cholesky, QR or CG).
     *
     * @param s the step solver, not null
     * @return a new trainer; this one is unchanged
     * @throws IllegalArgumentException if s is null
     */
    public LevenbergMarquardtTrainer withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new LevenbergMarquardtTrainer(s, geodesic, scaling, initialDamping);
    }

    /**
     * The same trainer with geodesic acceleration on or off.
     *
     * @param on true for geodesic acceleration before every trial step
     * @return a new trainer; this one is unchanged
     */
    public LevenbergMarquardtTrainer withGeodesicAcceleration(boolean on) {
        return new LevenbergMarquardtTrainer(stepSolver, on, scaling, initialDamping);
    }

    /**
     * The same trainer with another damping scaling rule.
     *
     * @param s the scaling rule, not null ({@link ScalingRule#IDENTITY} by default)
     * @return a new trainer; this one is unchanged
     * @throws IllegalArgumentException if s is null
     */
    public LevenbergMarquardtTrainer withScaling(ScalingRule s) {
        if (s == null) {
            throw new IllegalArgumentException("scaling must not be null");
        }
        return new LevenbergMarquardtTrainer(stepSolver, geodesic, s, initialDamping);
    }

    /**
     * The same trainer with another initial damping.
     *
     * @param lambda the initial damping λ₀, positive
     * @return a new trainer; this one is unchanged
     * @throws IllegalArgumentException if lambda is not positive
     */
    public LevenbergMarquardtTrainer withInitialDamping(double lambda) {
        org.gn4j.linalg.ArgumentChecks.requirePositive("initialDamping", lambda);
        return new LevenbergMarquardtTrainer(stepSolver, geodesic, scaling, lambda);
    }

    @Override
    public String name() {
        return "LM (" + stepSolver.name().toLowerCase(Locale.ROOT) + (geodesic ? ", geodesic" : "") + ")";
    }

    /**
     * The core loop this trainer runs (its budget and callback are set per run from the training options).
     *
     * @return a new loop configured with this trainer's solver, damping, scaling and acceleration
     */
    public GaussNewtonLoop loop() {
        StepControl control = new NielsenDamping(initialDamping);
        return new GaussNewtonLoop().withSolver(stepSolver.solver()).withControl(control)
                .withStepLength(StepLength.none()).withScaling(scaling)
                .withGeodesicAcceleration(geodesic ? GaussNewtonLoop.Geodesic.EVERY_STEP : GaussNewtonLoop.Geodesic.OFF)
                .withTolerances(PinnLoopRunner.tolerances(1e-15)).withMaxFailures(60);
    }

    @Override
    public TrainingResult train(CollocationProblem problem, double[] start, TrainingOptions options,
            TrainingListener listener) {
        return PinnLoopRunner.run(name(), loop(), false, problem, start, options, listener);
    }
}
