package org.gn4j.pinn.train;

import java.util.Locale;

import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.stochastic.Adam;
import org.gn4j.gn.stochastic.LearningRateSchedule;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.pde.PinnProblem;

/**
 * The first-order baseline: full-batch {@link Adam} on the loss {@code ½‖r‖²}, gradient {@code Jᵀr} by one VJP per
 * step, learning rate constant or decayed exponentially to a floor ({@code η·γ^(t/T)}).
 */
public final class AdamTrainer implements PinnOptimizer {
    private final double rate;
    private final double finalRate;
    private final long decaySteps;

    /** Adam with a constant learning rate. */
    public AdamTrainer(double learningRate) {
        this(learningRate, learningRate, 1);
    }

    private AdamTrainer(double rate, double finalRate, long decaySteps) {
        ArgumentChecks.requirePositive("learningRate", rate);
        this.rate = rate;
        this.finalRate = finalRate;
        this.decaySteps = decaySteps;
    }

    /** Decays the rate geometrically from η to {@code finalRate} over {@code steps} steps, then holds it. */
    public AdamTrainer withDecay(double finalRate, long steps) {
        ArgumentChecks.requirePositive("finalRate", finalRate);
        if (steps <= 0) {
            throw new IllegalArgumentException("steps is " + steps + ", expected > 0");
        }
        return new AdamTrainer(rate, finalRate, steps);
    }

    @Override
    public String name() {
        return finalRate == rate ? String.format(Locale.ROOT, "Adam (lr %.0e)", rate)
                : String.format(Locale.ROOT, "Adam (lr %.0e -> %.0e)", rate, finalRate);
    }

    @Override
    public TrainingResult train(PinnProblem problem, double[] start, TrainingOptions options,
            TrainingListener listener) {
        Recorder rec = new Recorder(problem, start, options, listener);
        double ratio = finalRate / rate;
        LearningRateSchedule schedule = t -> rate * Math.pow(ratio, Math.min(1.0, (double) t / decaySteps));
        Adam adam = new Adam(schedule);
        double[] theta = start.clone();
        int pc = problem.parameterCount();
        FullBatch objective = new FullBatch(pc);
        double[] grad = objective.gradientBuffer();
        double[] loss = new double[1];
        PinnProblem[] current = {problem};
        LossGradient[] lg = {new LossGradient(problem)};
        int it = 0;
        int round = 0;
        while (true) {
            loss[0] = lg[0].evaluate(theta, grad);
            objective.setLoss(loss[0]);
            if (it == 0) {
                rec.sample(0, loss[0], theta, true);
            } else if (rec.sample(it, loss[0], theta, false)) {
                return rec.finish(name(), theta, it, loss[0], TerminationReason.TARGET_REACHED, "target reached");
            }
            if (rec.outOfTime()) {
                return rec.finish(name(), theta, it, loss[0], TerminationReason.TIME_BUDGET, "budget reached");
            }
            if (it >= options.maxIterations()) {
                return rec.finish(name(), theta, it, loss[0], TerminationReason.MAX_ITERATIONS, "iteration cap");
            }
            StepResult s = adam.step(theta, objective);
            if (!s.ok()) {
                return rec.finish(name(), theta, it, loss[0], TerminationReason.NON_FINITE, "non-finite loss or step");
            }
            it++;
            if (options.resampleEvery() > 0 && it % options.resampleEvery() == 0) {
                round++;
                current[0] = problem.atRound(round);
                lg[0] = new LossGradient(current[0]);
            }
        }
    }
}
