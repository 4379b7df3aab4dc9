package org.gn4j.gn.stochastic;

import org.gn4j.gn.core.StepOutcome;
import org.gn4j.linalg.ArgumentChecks;

/**
 * The common step of gradient methods: read the loss, form the gradient, let the method compute the change
 * {@code Δθ} (updating its buffers), check that everything is finite, then apply {@code θ += Δθ}. State is kept in
 * {@code slots} buffers of length d allocated at the first step.
 */
abstract class FirstOrderOptimizer implements Optimizer {
    final LearningRateSchedule schedule;
    private final int slots;
    private double[] grad;
    private double[] delta;
    /** The method's buffers, {@code slots} vectors of length d (null until the first step or restore). */
    double[][] state;
    long t;

    FirstOrderOptimizer(LearningRateSchedule schedule, int slots) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.schedule = schedule;
        this.slots = slots;
    }

    /**
     * Computes {@code delta = Δθ} for step t (0-based) from the gradient {@code g} (loss gradient only) at θ and
     * updates {@link #state}.
     */
    abstract void computeStep(double[] theta, double[] g, double rate, long t, double[] delta);

    @Override
    public final StepResult step(double[] theta, MiniBatchObjective batch) {
        int d = batch.parameterCount();
        ArgumentChecks.requireLength("theta", theta, d);
        if (state != null && slots > 0 && state[0].length != d) {
            throw new IllegalArgumentException("optimizer state has length " + state[0].length + " per buffer, "
                    + "expected " + d + " (the network's parameter count): reset() before training another network");
        }
        double rate = schedule.rate(t);
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate at step " + t + " is " + rate
                    + ", expected a finite value >= 0");
        }
        double loss = batch.loss();
        if (!Double.isFinite(loss)) {
            return new StepResult(StepOutcome.NON_FINITE, loss, Double.NaN, 0, rate);
        }
        if (grad == null || grad.length != d) {
            grad = new double[d];
            delta = new double[d];
        }
        if (state == null) {
            state = new double[slots][d];
        }
        batch.gradient(grad);
        double gn = norm(grad);
        if (!Double.isFinite(gn)) {
            return new StepResult(StepOutcome.NON_FINITE, loss, gn, 0, rate);
        }
        computeStep(theta, grad, rate, t, delta);
        double sn = norm(delta);
        if (!Double.isFinite(sn)) {
            return new StepResult(StepOutcome.NON_FINITE, loss, gn, 0, rate);
        }
        for (int i = 0; i < d; i++) {
            theta[i] += delta[i];
        }
        t++;
        return new StepResult(StepOutcome.OK, loss, gn, sn, rate);
    }

    @Override
    public void reset() {
        state = null;
        t = 0;
    }

    @Override
    public long stepCount() {
        return t;
    }

    @Override
    public double[] stateVector() {
        if (state == null || slots == 0) {
            return new double[0];
        }
        int d = state[0].length;
        double[] v = new double[slots * d];
        for (int k = 0; k < slots; k++) {
            System.arraycopy(state[k], 0, v, k * d, d);
        }
        return v;
    }

    @Override
    public void restoreState(double[] v, long stepCount) {
        if (v == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        if (stepCount < 0) {
            throw new IllegalArgumentException("stepCount is " + stepCount + ", expected >= 0");
        }
        if (v.length == 0) {
            state = null;
        } else {
            if (slots == 0 || v.length % slots != 0) {
                throw new IllegalArgumentException("state has length " + v.length + ", expected a multiple of "
                        + slots + " (" + name() + " keeps " + slots + " buffers of the parameter count)");
            }
            int d = v.length / slots;
            state = new double[slots][d];
            for (int k = 0; k < slots; k++) {
                System.arraycopy(v, k * d, state[k], 0, d);
            }
        }
        t = stepCount;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static void requireFraction(String name, double v, boolean allowZero) {
        if (!(allowZero ? v >= 0 : v > 0) || !(v < 1)) {
            throw new IllegalArgumentException(name + " is " + v + ", expected a value in " + (allowZero ? "[0" : "(0")
                    + ", 1)");
        }
    }
}
