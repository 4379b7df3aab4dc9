package org.gn4j.pinn.train;

import java.time.Duration;
import java.util.Locale;

import org.gn4j.gn.IterationRecord;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.TerminationReason;
import org.gn4j.pinn.pde.PinnProblem;

/**
 * PINN training by the gauss-newton module's {@link LevenbergMarquardt}: Nielsen's adaptive damping on the gain
 * ratio, optional geodesic acceleration, and the inner solve by Cholesky of {@code JᵀJ + λI}, QR of the augmented
 * Jacobian, or matrix-free CG on the JVP/VJP operator. Damping is not scaled per parameter by default
 * ({@link ScalingRule#IDENTITY}: Moré's column scaling slowed PINN training by an order of magnitude in our runs).
 * With resampling the solver restarts on each new point set from the last parameters and damping.
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

    public LevenbergMarquardtTrainer withStepSolver(StepSolver s) {
        if (s == null) {
            throw new IllegalArgumentException("step solver must not be null");
        }
        return new LevenbergMarquardtTrainer(s, geodesic, scaling, initialDamping);
    }

    public LevenbergMarquardtTrainer withGeodesicAcceleration(boolean on) {
        return new LevenbergMarquardtTrainer(stepSolver, on, scaling, initialDamping);
    }

    public LevenbergMarquardtTrainer withScaling(ScalingRule s) {
        if (s == null) {
            throw new IllegalArgumentException("scaling must not be null");
        }
        return new LevenbergMarquardtTrainer(stepSolver, geodesic, s, initialDamping);
    }

    public LevenbergMarquardtTrainer withInitialDamping(double lambda) {
        org.gn4j.linalg.ArgumentChecks.requirePositive("initialDamping", lambda);
        return new LevenbergMarquardtTrainer(stepSolver, geodesic, scaling, lambda);
    }

    @Override
    public String name() {
        return "LM (" + stepSolver.name().toLowerCase(Locale.ROOT) + (geodesic ? ", geodesic" : "") + ")";
    }

    /** Thrown from the listener to end the solve once the target error is reached. */
    private static final class TargetReached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double[] theta;
        final double cost;
        final int iteration;

        TargetReached(double[] theta, double cost, int iteration) {
            super(null, null, false, false);
            this.theta = theta;
            this.cost = cost;
            this.iteration = iteration;
        }
    }

    @Override
    public TrainingResult train(PinnProblem problem, double[] start, TrainingOptions options,
            TrainingListener listener) {
        Recorder rec = new Recorder(problem, start, options, listener);
        double[] theta = start.clone();
        double[] r = new double[problem.residualCount()];
        problem.residuals(theta, r);
        rec.sample(0, Recorder.cost(r), theta, true);
        int done = 0;
        int round = 0;
        double lambda = initialDamping;
        PinnProblem current = problem;
        double cost = Recorder.cost(r);
        while (true) {
            long left = rec.deadlineNanos() - System.nanoTime();
            if (left <= 0) {
                return rec.finish(name(), theta, done, cost, TrainingStatus.TIME_BUDGET, "budget reached");
            }
            int cap = options.maxIterations() - done;
            if (cap <= 0) {
                return rec.finish(name(), theta, done, cost, TrainingStatus.MAX_ITERATIONS, "iteration cap");
            }
            if (options.resampleEvery() > 0) {
                cap = Math.min(cap, options.resampleEvery());
            }
            final int offset = done;
            final PinnProblem p = current;
            StoppingCriteria stop = StoppingCriteria.defaults().withMaxIterations(cap)
                    .withMaxEvaluations(Integer.MAX_VALUE).withFunctionTolerance(0).withGradientTolerance(0)
                    .withParameterTolerance(1e-15).withTimeBudget(Duration.ofNanos(left));
            LevenbergMarquardt lm = new LevenbergMarquardt().withStepSolver(stepSolver).withScaling(scaling)
                    .withGeodesicAcceleration(geodesic).withInitialDamping(lambda).withStopping(stop)
                    .withListener((IterationRecord ir, org.gn4j.linalg.VectorView x) -> {
                        double[] th = new double[x.size()];
                        x.copyTo(th, 0);
                        if (rec.sample(offset + ir.iteration(), ir.cost(), th, false)) {
                            throw new TargetReached(th, ir.cost(), offset + ir.iteration());
                        }
                    });
            Optimum o;
            try {
                o = lm.optimize(p.leastSquares(), theta);
            } catch (TargetReached t) {
                return rec.finish(name(), t.theta, t.iteration, t.cost, TrainingStatus.TARGET_REACHED,
                        "target reached");
            }
            theta = o.parameters();
            cost = o.cost();
            done += o.iterations();
            if (!o.trace().isEmpty()) {
                lambda = Math.max(1e-300, o.trace().get(o.trace().size() - 1).damping());
            }
            TerminationReason why = o.reason();
            if (why == TerminationReason.NON_FINITE) {
                return rec.finish(name(), theta, done, cost, TrainingStatus.NON_FINITE, o.message());
            }
            if (why == TerminationReason.NO_PROGRESS || why == TerminationReason.LINEAR_SOLVER_FAILURE) {
                return rec.finish(name(), theta, done, cost, TrainingStatus.NO_PROGRESS, o.message());
            }
            if (why.converged() && options.resampleEvery() == 0) {
                return rec.finish(name(), theta, done, cost, TrainingStatus.CONVERGED, o.message());
            }
            if (options.resampleEvery() > 0 && why != TerminationReason.TIME_BUDGET) {
                round++;
                current = problem.atRound(round);
                r = new double[current.residualCount()];
                current.residuals(theta, r);
                cost = Recorder.cost(r);
            }
        }
    }
}
