package org.gn4j.gn.stochastic;

import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.GramLinearization;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;
import org.gn4j.gn.core.StepOutcome;
import org.gn4j.gn.core.StepReport;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;

/**
 * The stochastic Gauss-Newton methods as configurations of the core {@link GaussNewtonLoop}, one
 * {@link GaussNewtonLoop#stochasticStep} per mini-batch: the damped solve of {@code (G + ρI)δ = −∇L} (CG for
 * {@link Sgn}, push-through for {@link Egn}), optional heavy-ball momentum, a {@link LineSearch}, the gain ratio and a
 * {@link Damping} rule.
 *
 * <p><b>Gain ratio.</b> {@code r = (L(θ) − L(θ + αs)) / (−α∇Lᵀs − ½α²sᵀGs)}: the predicted reduction is that of
 * the Gauss-Newton model of the loss <em>without</em> the damping term (see
 * {@link org.gn4j.gn.core.GainRatio}); it stays meaningful for truncated CG and momentum steps.
 *
 * <p><b>Outcomes.</b> OK (θ += αs); REJECTED with θ untouched when no trial passed the line search (damping rules
 * see the ratio, at most 0) or when the direction or every trial loss was not finite, which counts as a failure
 * (damping rules see NaN and raise the damping, momentum and warm starts are dropped); after
 * {@code maxConsecutiveFailures} failures in a row, or when the loss or gradient at θ itself is not finite, the
 * status is NON_FINITE and a trainer stops with θ at the last good point.
 */
abstract class DampedGaussNewton implements Optimizer {
    final Damping damping;
    final LineSearch lineSearch;
    final double momentum;
    final int maxFailures;
    private GaussNewtonLoop loop;
    private GaussNewtonLoop.State state;
    private MiniBatchObjective lastBatch;
    private Objective lastObjective;

    DampedGaussNewton(Damping damping, LineSearch lineSearch, double momentum, int maxFailures) {
        if (damping == null || lineSearch == null) {
            throw new IllegalArgumentException("damping and lineSearch must not be null");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum is " + momentum + ", expected a value in [0, 1)");
        }
        ArgumentChecks.requirePositive("maxConsecutiveFailures", maxFailures);
        this.damping = damping;
        this.lineSearch = lineSearch;
        this.momentum = momentum;
        this.maxFailures = maxFailures;
    }

    /** The damped solver of this method (a fresh one per run). */
    abstract DampedSolver solver();

    /** How often an unsolvable system is retried with raised damping within one step. */
    int solveRetries() {
        return 0;
    }

    /**
     * The mini-batch, evaluated by the caller at the current θ, as the loop's objective.
     *
     * @param batch the mini-batch objective, already evaluated at the current θ
     * @return the batch as the loop's {@link Objective}, reading its current evaluation
     * @throws IllegalArgumentException if the batch does not offer what the method needs
     */
    public abstract Objective objective(MiniBatchObjective batch);

    /**
     * The core loop this configuration runs ({@link #step} is one {@link GaussNewtonLoop#stochasticStep}).
     *
     * @return the loop, created on the first call and reused afterwards
     */
    public final GaussNewtonLoop loop() {
        if (loop == null) {
            loop = new GaussNewtonLoop().withSolver(solver()).withControl(damping)
                    .withStepLength(lineSearch.stepLength()).withMomentum(momentum).withMaxFailures(maxFailures)
                    .withSolveRetries(solveRetries());
        }
        return loop;
    }

    /** The run's state (null before the first step). */
    final GaussNewtonLoop.State state() {
        return state;
    }

    @Override
    public final StepResult step(double[] theta, MiniBatchObjective batch) {
        long start = System.nanoTime();
        int d = batch.parameterCount();
        ArgumentChecks.requireLength("theta", theta, d);
        if (batch != lastBatch) {
            lastObjective = objective(batch);
            lastBatch = batch;
        }
        Objective objective = lastObjective;
        if (state != null && state.x().length != d) {
            throw new IllegalArgumentException("optimizer state has length " + state.x().length + " per buffer, "
                    + "expected " + d + " (the network's parameter count): reset() before training another network");
        }
        if (state == null) {
            state = loop().stochasticState(d);
        }
        StepReport r = loop().stochasticStep(state, objective, theta);
        StepOutcome status = r.outcome();
        return new StepResult(status, r.cost(), r.gradientNorm(), r.stepNorm(), r.stepLength(),
                r.solverIterations(), r.solverResidual(), r.damping(), r.stepLength(), r.gainRatio(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The damping the next step will use (before the first step: the rule's initial value).
     *
     * @return the damping ρ (SGN) or λ (EGN) of the next step, ≥ 0
     */
    public double damping() {
        return state == null ? damping.initial() : damping.damping(state.controlState());
    }

    /**
     * Failed steps in a row (reset by an OK step).
     *
     * @return the number of failed steps since the last OK step, ≥ 0
     */
    public int consecutiveFailures() {
        return state == null ? 0 : GaussNewtonLoop.failures(state);
    }

    @Override
    public void reset() {
        state = null;
    }

    @Override
    public long stepCount() {
        return state == null ? 0 : GaussNewtonLoop.acceptedSteps(state);
    }

    /** The layout of {@link GaussNewtonLoop#stateVector}; empty before the first step. */
    @Override
    public double[] stateVector() {
        return state == null ? new double[0] : loop().stateVector(state);
    }

    @Override
    public void restoreState(double[] v, long stepCount) {
        if (v == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (stepCount < 0) {
            throw new IllegalArgumentException("stepCount is " + stepCount + ", expected >= 0");
        }
        reset();
        if (v.length == 0) {
            return;
        }
        state = loop().restoreState(v, stepCount, name());
    }

    /** The mini-batch's loss, gradient and GGN product as the loop's objective. */
    static class BatchObjective implements Objective {
        final MiniBatchObjective batch;
        private double[] grad;
        private LinearOperator ggn;
        private int evaluations;
        private int linearizations;

        BatchObjective(MiniBatchObjective batch) {
            this.batch = batch;
        }

        @Override
        public int parameterCount() {
            return batch.parameterCount();
        }

        @Override
        public double start(double[] x) {
            evaluations++;
            return batch.loss();
        }

        /** The gradient at the evaluated point (a buffer of the objective). */
        double[] gradient() {
            int d = batch.parameterCount();
            if (grad == null || grad.length != d) {
                grad = new double[d];
            }
            batch.gradient(grad);
            return grad;
        }

        /** Counts one linearization. */
        final void countLinearization() {
            linearizations++;
        }

        @Override
        public Linearization linearize(double[] x) {
            countLinearization();
            int d = batch.parameterCount();
            if (ggn == null) {
                ggn = Operators.of(d, d, batch::ggnTimes, batch::ggnTimes, Structure.SYMMETRIC,
                        Structure.POSITIVE_SEMIDEFINITE);
            }
            return new GramLinearization(ggn, gradient(), batch.loss());
        }

        @Override
        public double trialCost(double[] x) {
            evaluations++;
            return batch.lossAt(x);
        }

        @Override
        public void keepTrial() {
        }

        @Override
        public void acceptTrial() {
        }

        @Override
        public int residualEvaluations() {
            return evaluations;
        }

        @Override
        public int jacobianEvaluations() {
            return linearizations;
        }
    }
}
