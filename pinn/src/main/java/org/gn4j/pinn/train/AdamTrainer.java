package org.gn4j.pinn.train;

import java.util.Locale;

import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.stochastic.Adam;
import org.gn4j.gn.stochastic.LearningRateSchedule;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.pde.CollocationProblem;

/**
 * The first-order baseline: full-batch {@link Adam} on the loss {@code ½‖r‖²}, gradient {@code Jᵀr} by one VJP per
 * step, learning rate constant or decayed exponentially to a floor ({@code η·γ^(t/T)}).
 */
public final class AdamTrainer implements PinnOptimizer {
    private final double rate;
    private final double finalRate;
    private final long decaySteps;

    /**
     * Adam with a constant learning rate.
     *
     * @param learningRate the learning rate η, positive
     * @throws IllegalArgumentException if the rate is not positive
     */
    public AdamTrainer(double learningRate) {
        this(learningRate, learningRate, 1);
    }

    private AdamTrainer(double rate, double finalRate, long decaySteps) {
        ArgumentChecks.requirePositive("learningRate", rate);
        this.rate = rate;
        this.finalRate = finalRate;
        this.decaySteps = decaySteps;
    }

    /**
     * Decays the rate geometrically from η to {@code finalRate} over {@code steps} steps, then holds it.
     *
     * @param finalRate the rate after {@code steps} steps, positive
     * @param steps number of steps of the decay, positive
     * @return a new trainer with the same initial rate; this one is unchanged
     * @throws IllegalArgumentException if finalRate or steps is not positive
     */
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
    public TrainingResult train(CollocationProblem problem, double[] start, TrainingOptions options,
            TrainingListener listener) {
        Recorder rec = new Recorder(problem, start, options, listener);
        double ratio = finalRate / rate;
        LearningRateSchedule schedule = t -> rate * Math.pow(ratio, Math.min(1.0, (double) t / decaySteps));
        LossGradient[] lg = {new LossGradient(problem)};
        return run(name(), new Adam(schedule), new LossSource() {
            @Override
            public double evaluate(double[] theta, double[] gradient) {
                return lg[0].evaluate(theta, gradient);
            }

            @Override
            public void nextRound(int round) {
                lg[0] = new LossGradient(problem.atRound(round));
            }
        }, rec, start, options);
    }

    /** The loss {@code ½‖r‖²} and its gradient at θ, on the collocation points of the current round. */
    public interface LossSource {
        /**
         * The loss at θ, with its gradient into {@code gradient} when the loss is finite.
         *
         * @param theta the parameters, length P
         * @param gradient output gradient {@code Jᵀr}, length P; overwritten when the loss is finite
         * @return the loss {@code ½‖r‖²}, possibly non-finite
         */
        double evaluate(double[] theta, double[] gradient);

        /**
         * Moves to the collocation points of round r (resampling); the default keeps the points.
         *
         * @param round the new round, ≥ 1
         */
        default void nextRound(int round) {
        }
    }

    /**
     * Full-batch Adam, the loop every PINN Adam run shares (single networks and domain decompositions): the loss and
     * gradient at θ, a history sample on schedule, the budget, the target and the iteration cap, one Adam step,
     * resampling every {@code options.resampleEvery()} steps.
     *
     * @param name the trainer's name for the result
     * @param adam the Adam optimizer with its learning-rate schedule
     * @param source the loss and gradient, with resampling
     * @param rec the recorder (clock, budget, history) started for this run
     * @param start the initial parameters; copied
     * @param options iteration cap and resampling period (the budget is the recorder's)
     * @return the result; its status says why the loop stopped (target, time, iteration cap or non-finite loss)
     */
    public static TrainingResult run(String name, Adam adam, LossSource source, Recorder rec, double[] start,
            TrainingOptions options) {
        double[] theta = start.clone();
        FullBatch objective = new FullBatch(theta.length);
        double[] grad = objective.gradientBuffer();
        int it = 0;
        int round = 0;
        while (true) {
            double loss = source.evaluate(theta, grad);
            objective.setLoss(loss);
            if (!Double.isFinite(loss)) {
                return rec.finish(name, theta, it, loss, TerminationReason.NON_FINITE, "non-finite loss");
            }
            if (it == 0) {
                rec.sample(0, loss, theta, true);
            } else if (rec.sample(it, loss, theta, false)) {
                return rec.finish(name, theta, it, loss, TerminationReason.TARGET_REACHED, "target reached");
            }
            if (rec.outOfTime()) {
                return rec.finish(name, theta, it, loss, TerminationReason.TIME_BUDGET, "budget reached");
            }
            if (it >= options.maxIterations()) {
                return rec.finish(name, theta, it, loss, TerminationReason.MAX_ITERATIONS, "iteration cap");
            }
            StepResult s = adam.step(theta, objective);
            if (!s.ok()) {
                return rec.finish(name, theta, it, loss, TerminationReason.NON_FINITE, "non-finite loss or step");
            }
            it++;
            if (options.resampleEvery() > 0 && it % options.resampleEvery() == 0) {
                source.nextRound(++round);
            }
        }
    }
}
