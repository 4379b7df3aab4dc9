package org.gn4j.nn.layers;

import java.util.Random;

import org.gn4j.nn.Layer;
import org.gn4j.nn.LayerState;
import org.gn4j.nn.Shape;

/** Reshapes samples to vectors (e.g. {@code {16, 4, 4}} to {@code {256}}); the data are copied unchanged. */
public final class Flatten implements Layer {
    private final Shape in;
    private final Shape out;

    /**
     * Flattens samples of the given shape.
     *
     * @param in the input sample shape; the output is {@code {in.size()}}
     */
    public Flatten(Shape in) {
        this.in = in;
        this.out = Shape.of(in.size());
    }

    @Override
    public String name() {
        return "Flatten" + in;
    }

    @Override
    public Shape inputShape() {
        return in;
    }

    @Override
    public Shape outputShape() {
        return out;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public LayerState newState(int maxBatch) {
        return LayerState.empty(maxBatch);
    }

    @Override
    public void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state) {
        System.arraycopy(x, 0, y, 0, batch * in.size());
    }

    @Override
    public void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state) {
        if (xt == null) {
            java.util.Arrays.fill(yt, 0, batch * in.size(), 0.0);
        } else {
            System.arraycopy(xt, 0, yt, 0, batch * in.size());
        }
    }

    @Override
    public void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state) {
        if (xb != null) {
            System.arraycopy(yb, 0, xb, 0, batch * in.size());
        }
    }

    @Override
    public void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset,
            int rowStride, double[] xb, LayerState state) {
        vjp(theta, off, batch, yb, null, xb, state);
    }

    @Override
    public void initialize(double[] theta, int off, Random rng) {
        // no parameters
    }
}
