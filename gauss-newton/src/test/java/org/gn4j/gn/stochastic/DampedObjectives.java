package org.gn4j.gn.stochastic;

import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.core.ContractProblems;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;

/**
 * The known-answer problem of the loop contract as a full mini-batch for SGN and EGN, run to convergence: the batch
 * is evaluated at the start and at each accepted point (what a trainer does before each step).
 */
public final class DampedObjectives {
    private DampedObjectives() {
    }

    /** The method's objective over the full batch; {@code counter} counts every loss evaluation. */
    public static Objective fullBatch(DampedGaussNewton method, int blocks, AtomicInteger counter) {
        ContractProblems.FullBatch batch = new ContractProblems.FullBatch(blocks);
        Objective inner = method.objective(batch);
        return new Objective() {
            private double[] last;
            private double[] kept;
            private int own;

            private void evaluate(double[] x) {
                batch.evaluate(x);
                counter.set(batch.evaluations);
            }

            @Override
            public int parameterCount() {
                return inner.parameterCount();
            }

            @Override
            public double start(double[] x) {
                evaluate(x);
                return inner.start(x);
            }

            @Override
            public Linearization linearize(double[] x) {
                return inner.linearize(x);
            }

            @Override
            public double trialCost(double[] x) {
                last = x.clone();
                double c = inner.trialCost(x);
                counter.set(batch.evaluations);
                return c;
            }

            @Override
            public void keepTrial() {
                kept = last;
                inner.keepTrial();
            }

            @Override
            public void acceptTrial() {
                inner.acceptTrial();
                evaluate(kept);
                own++;
            }

            @Override
            public int residualEvaluations() {
                return inner.residualEvaluations() + own;
            }

            @Override
            public int jacobianEvaluations() {
                return inner.jacobianEvaluations();
            }
        };
    }
}
