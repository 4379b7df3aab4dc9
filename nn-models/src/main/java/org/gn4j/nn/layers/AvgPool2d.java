package org.gn4j.nn.layers;

import java.util.Arrays;

import org.gn4j.nn.LayerState;

/**
 * Average pooling over {@code size × size} windows with the given stride, no padding, per channel, on samples
 * {@code {C, H, W}}; output {@code {C, H', W'}} with {@code H' = (H − size)/stride + 1}:
 * {@code y[c][oh][ow] = (1/size²) Σ_{i,j} x[c][oh·s + i][ow·s + j]}. Linear and parameter-free: the tangent pass
 * averages {@code ẋ} the same way and the adjoint pass spreads {@code ȳ/size²} evenly over each window (overlapping
 * windows accumulate). Nothing is cached.
 */
public final class AvgPool2d extends Pool2d {
    private final double scale;

    /**
     * @param channels input channels C, {@code >= 1}
     * @param height input height H, {@code >= size}
     * @param width input width W, {@code >= size}
     * @param size window height and width, {@code >= 1}
     * @param stride step between windows in both directions, {@code >= 1}
     * @throws IllegalArgumentException if a size or the stride is not positive, the window is larger than the input,
     *                                  or the stride does not divide {@code H − size} (or {@code W − size})
     */
    public AvgPool2d(int channels, int height, int width, int size, int stride) {
        super(channels, height, width, size, stride);
        this.scale = 1.0 / ((double) size * size);
    }

    @Override
    public String name() {
        return describe("AvgPool2d");
    }

    @Override
    public LayerState newState(int maxBatch) {
        return LayerState.empty(maxBatch);
    }

    private void average(int batch, double[] x, double[] y) {
        int o = 0;
        for (int plane = 0; plane < batch * c; plane++) {
            int base = plane * h * w;
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    int first = base + oh * stride * w + ow * stride;
                    double sum = 0;
                    for (int i = 0; i < size; i++) {
                        int row = first + i * w;
                        for (int j = 0; j < size; j++) {
                            sum += x[row + j];
                        }
                    }
                    y[o++] = scale * sum;
                }
            }
        }
    }

    @Override
    public void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state) {
        average(batch, x, y);
    }

    @Override
    public void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state) {
        if (xt == null) {
            Arrays.fill(yt, 0, batch * c * ho * wo, 0.0);
        } else {
            average(batch, xt, yt);
        }
    }

    @Override
    public void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state) {
        if (xb == null) {
            return;
        }
        Arrays.fill(xb, 0, batch * c * h * w, 0.0);
        int o = 0;
        for (int plane = 0; plane < batch * c; plane++) {
            int base = plane * h * w;
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    int first = base + oh * stride * w + ow * stride;
                    double g = scale * yb[o++];
                    for (int i = 0; i < size; i++) {
                        int row = first + i * w;
                        for (int j = 0; j < size; j++) {
                            xb[row + j] += g;
                        }
                    }
                }
            }
        }
    }

    @Override
    public void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset,
            int rowStride, double[] xb, LayerState state) {
        vjp(theta, off, batch, yb, null, xb, state);
    }

}
