package org.gn4j.nn.layers;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.nn.LayerState;

/**
 * Max pooling over {@code size × size} windows with the given stride, no padding, per channel, on samples
 * {@code {C, H, W}}; output {@code {C, H', W'}} with {@code H' = (H − size)/stride + 1}. No parameters.
 *
 * <p>The forward pass caches, per output entry, the input index of the window's maximum; the tangent pass picks
 * {@code ẏ = ẋ[argmax]} and the adjoint pass scatters {@code x̄[argmax] += ȳ} (windows that overlap when
 * {@code stride < size} accumulate). <b>Ties</b> go to the first maximum in the window's row-major order (smallest
 * row, then smallest column): the derivative used is that of this one-sided selection, which is a valid element of the
 * generalized gradient but not the limit of a symmetric finite difference at a tie. State: one {@code int} per output
 * entry and sample.
 */
public final class MaxPool2d extends Pool2d {

    /**
     * @param channels input channels C, {@code >= 1}
     * @param height input height H, {@code >= size}
     * @param width input width W, {@code >= size}
     * @param size window height and width, {@code >= 1}
     * @param stride step between windows in both directions, {@code >= 1}
     * @throws IllegalArgumentException if a size or the stride is not positive, the window is larger than the input,
     *                                  or the stride does not divide {@code H − size} (or {@code W − size})
     */
    public MaxPool2d(int channels, int height, int width, int size, int stride) {
        super(channels, height, width, size, stride);
    }

    private static final class State implements LayerState {
        final int maxBatch;
        /** Per output entry (batch-major): the index into the batch input array of the window's maximum. */
        final int[] argmax;

        State(int maxBatch, int outputs) {
            this.maxBatch = maxBatch;
            this.argmax = new int[maxBatch * outputs];
        }

        @Override
        public int maxBatch() {
            return maxBatch;
        }
    }

    @Override
    public String name() {
        return describe("MaxPool2d");
    }

    @Override
    public LayerState newState(int maxBatch) {
        ArgumentChecks.requirePositive("maxBatch", maxBatch);
        return new State(maxBatch, c * ho * wo);
    }

    @Override
    public void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state) {
        int[] arg = ((State) state).argmax;
        int o = 0;
        for (int s = 0; s < batch; s++) {
            for (int ch = 0; ch < c; ch++) {
                int plane = (s * c + ch) * h * w;
                for (int oh = 0; oh < ho; oh++) {
                    for (int ow = 0; ow < wo; ow++) {
                        int first = plane + oh * stride * w + ow * stride;
                        int best = first;
                        double max = x[first];
                        if (size == 2) {
                            // the usual 2×2 window without branches (random data makes comparisons unpredictable):
                            // the sign bit of a − b is 1 exactly when b > a, so ties keep the first maximum
                            int top = first + (int) (Double.doubleToRawLongBits(x[first] - x[first + 1]) >>> 63);
                            int bottom = first + w
                                    + (int) (Double.doubleToRawLongBits(x[first + w] - x[first + w + 1]) >>> 63);
                            int s3 = (int) (Double.doubleToRawLongBits(x[top] - x[bottom]) >>> 63);
                            int at = top + s3 * (bottom - top);
                            arg[o] = at;
                            y[o] = x[at];
                            o++;
                            continue;
                        }
                        for (int i = 0; i < size; i++) {
                            int row = first + i * w;
                            for (int j = 0; j < size; j++) {
                                // strict: the first maximum wins ties
                                if (x[row + j] > max) {
                                    max = x[row + j];
                                    best = row + j;
                                }
                            }
                        }
                        arg[o] = best;
                        y[o] = max;
                        o++;
                    }
                }
            }
        }
    }

    @Override
    public void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state) {
        int n = batch * c * ho * wo;
        if (xt == null) {
            Arrays.fill(yt, 0, n, 0.0);
            return;
        }
        int[] arg = ((State) state).argmax;
        for (int o = 0; o < n; o++) {
            yt[o] = xt[arg[o]];
        }
    }

    @Override
    public void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state) {
        if (xb == null) {
            return;
        }
        Arrays.fill(xb, 0, batch * c * h * w, 0.0);
        int[] arg = ((State) state).argmax;
        int n = batch * c * ho * wo;
        for (int o = 0; o < n; o++) {
            xb[arg[o]] += yb[o];
        }
    }

    @Override
    public void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset,
            int rowStride, double[] xb, LayerState state) {
        vjp(theta, off, batch, yb, null, xb, state);
    }

}
