package org.gn4j.pinn.train;

import org.gn4j.gn.stochastic.MiniBatchObjective;

/**
 * The whole residual vector as one batch for the gauss-newton module's first-order optimizers (full-batch Adam):
 * the caller writes the loss and the gradient at the current point before each step.
 */
final class FullBatch implements MiniBatchObjective {
    private final double[] gradient;
    private double loss;

    /** @param parameters the parameter count */
    FullBatch(int parameters) {
        this.gradient = new double[parameters];
    }

    /** The gradient buffer the caller fills (live). */
    public double[] gradientBuffer() {
        return gradient;
    }

    /** Sets the loss at the current point. */
    public void setLoss(double value) {
        loss = value;
    }

    @Override
    public int parameterCount() {
        return gradient.length;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public void gradient(double[] out) {
        System.arraycopy(gradient, 0, out, 0, gradient.length);
    }

    @Override
    public void ggnTimes(double[] v, double[] out) {
        throw new UnsupportedOperationException("a full batch for first-order optimizers has no GGN products");
    }
}
