package org.gn4j.nn.layers;

/** Reference loops straight from the definitions, for the convolution and pooling tests. */
public final class NaiveConvolution {
    private NaiveConvolution() {
    }

    /** x[c][ih][iw] of one sample, 0 outside the image. */
    static double pixel(double[] x, int xOff, int h, int w, int ch, int ih, int iw) {
        if (ih < 0 || ih >= h || iw < 0 || iw >= w) {
            return 0.0;
        }
        return x[xOff + (ch * h + ih) * w + iw];
    }

    /**
     * {@code y[k][oh][ow] = b[k] + Σ W[k][c][i][j]·x[c][oh·s − p + i][ow·s − p + j]} for one sample, weights
     * K × (C·kh·kw) then biases K in {@code theta}.
     */
    public static double[] conv(double[] theta, double[] x, int xOff, int c, int h, int w, int k, int kh, int kw,
            int stride, int pad) {
        int ho = (h + 2 * pad - kh) / stride + 1;
        int wo = (w + 2 * pad - kw) / stride + 1;
        int p = c * kh * kw;
        double[] y = new double[k * ho * wo];
        for (int o = 0; o < k; o++) {
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    double sum = theta[k * p + o];
                    for (int ch = 0; ch < c; ch++) {
                        for (int i = 0; i < kh; i++) {
                            for (int j = 0; j < kw; j++) {
                                sum += theta[o * p + (ch * kh + i) * kw + j]
                                        * pixel(x, xOff, h, w, ch, oh * stride - pad + i, ow * stride - pad + j);
                            }
                        }
                    }
                    y[(o * ho + oh) * wo + ow] = sum;
                }
            }
        }
        return y;
    }

    /** Max (or average) pooling of one sample, no padding. */
    public static double[] pool(boolean max, double[] x, int xOff, int c, int h, int w, int size, int stride) {
        int ho = (h - size) / stride + 1;
        int wo = (w - size) / stride + 1;
        double[] y = new double[c * ho * wo];
        for (int ch = 0; ch < c; ch++) {
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0.0;
                    for (int i = 0; i < size; i++) {
                        for (int j = 0; j < size; j++) {
                            double v = pixel(x, xOff, h, w, ch, oh * stride + i, ow * stride + j);
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    y[(ch * ho + oh) * wo + ow] = max ? acc : acc / (size * size);
                }
            }
        }
        return y;
    }
}
