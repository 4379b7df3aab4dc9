package org.gn4j.nn.layers;

/**
 * The column ("im2col") form of a 2-D convolution and its adjoint, on one channel-major sample {@code x} (C × H × W).
 *
 * <p>With output size {@code H' = (H + 2p − kh)/s + 1}, {@code W' = (W + 2p − kw)/s + 1}, the column matrix is
 * {@code (C·kh·kw) × (H'·W')}, row-major, with
 * <pre>
 *   cols[(c·kh + i)·kw + j][oh·W' + ow] = x[c][oh·s − p + i][ow·s − p + j]   (0 outside the image: zero padding)
 * </pre>
 * so a convolution with weights {@code W} (K × C·kh·kw, row index {@code (c·kh + i)·kw + j}) is the product
 * {@code Y = W·cols} (K × H'W'). {@link #col2im} is the exact adjoint of {@link #im2col}: it sums every column entry
 * back onto the input pixel it was read from (overlapping windows accumulate, padded positions are dropped).
 *
 * <p>Static, allocation-free helpers for {@link Conv2d}; also the geometry checks shared with the pooling layers.
 */
final class Im2col {
    private Im2col() {
    }

    /**
     * Output extent {@code (in + 2·pad − kernel)/stride + 1} along one axis.
     *
     * @param axis "height" or "width", for the message
     * @throws IllegalArgumentException if the window does not fit ({@code in + 2·pad < kernel}) or the stride does not
     *                                  divide {@code in + 2·pad − kernel}, naming the numbers
     */
    static int outputSize(String axis, int in, int kernel, int stride, int pad) {
        int span = in + 2 * pad - kernel;
        if (span < 0) {
            throw new IllegalArgumentException(axis + " " + in + " with padding " + pad + " is smaller than the kernel "
                    + kernel + ": output " + axis + " would be < 1, expected " + axis + " + 2·padding >= kernel");
        }
        if (span % stride != 0) {
            throw new IllegalArgumentException(axis + " " + in + " + 2·padding " + pad + " − kernel " + kernel + " = "
                    + span + " is not divisible by the stride " + stride + ", expected a multiple of " + stride
                    + " (e.g. " + axis + " " + (in + stride - span % stride) + ")");
        }
        return span / stride + 1;
    }

    /**
     * Writes the column matrix of sample {@code x[xOff ..]} (c × h × w) into {@code cols[colsOff ..]}
     * ({@code (c·kh·kw) × (ho·wo)}, dense rows), zero-padded.
     */
    static void im2col(double[] x, int xOff, int c, int h, int w, int kh, int kw, int stride, int pad, int ho, int wo,
            double[] cols, int colsOff) {
        im2col(x, xOff, c, h, w, kh, kw, stride, pad, ho, wo, cols, colsOff, ho * wo);
    }

    /**
     * The same with the column matrix's rows {@code ld} apart ({@code ld >= H'W'}): one sample's columns inside a
     * {@code (C·kh·kw) × (n·H'W')} matrix that holds n samples side by side, so one GEMM covers all of them.
     */
    static void im2col(double[] x, int xOff, int c, int h, int w, int kh, int kw, int stride, int pad, int ho, int wo,
            double[] cols, int colsOff, int ld) {
        int q = ld;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int rowBase = colsOff + ((ch * kh + i) * kw + j) * q;
                    // ow with 0 <= ow·s − p + j < w: [lo, hi)
                    int lo = firstInside(j, stride, pad, wo);
                    int hi = endInside(w, j, stride, pad, wo, lo);
                    for (int oh = 0; oh < ho; oh++) {
                        int dst = rowBase + oh * wo;
                        int ih = oh * stride - pad + i;
                        if (ih < 0 || ih >= h) {
                            java.util.Arrays.fill(cols, dst, dst + wo, 0.0);
                            continue;
                        }
                        int src = xOff + (ch * h + ih) * w - pad + j;
                        for (int ow = 0; ow < lo; ow++) {
                            cols[dst + ow] = 0.0;
                        }
                        if (stride == 1) {
                            // rows are short (H' ≤ 32 in the usual nets): a plain loop beats arraycopy's call overhead
                            for (int ow = lo; ow < hi; ow++) {
                                cols[dst + ow] = x[src + ow];
                            }
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                cols[dst + ow] = x[src + ow * stride];
                            }
                        }
                        for (int ow = hi; ow < wo; ow++) {
                            cols[dst + ow] = 0.0;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #im2col}: overwrites {@code x[xOff ..]} (c × h × w) with the sum, over all column entries,
     * of {@code cols} at the pixel each entry reads ({@code x̄ = Σ ∂cols/∂x · c̄ols}); entries in the padding are
     * dropped.
     */
    static void col2im(double[] cols, int colsOff, int c, int h, int w, int kh, int kw, int stride, int pad, int ho,
            int wo, double[] x, int xOff) {
        col2im(cols, colsOff, c, h, w, kh, kw, stride, pad, ho, wo, x, xOff, ho * wo);
    }

    /** The same with the column matrix's rows {@code ld} apart (the adjoint of the strided {@code im2col}). */
    static void col2im(double[] cols, int colsOff, int c, int h, int w, int kh, int kw, int stride, int pad, int ho,
            int wo, double[] x, int xOff, int ld) {
        java.util.Arrays.fill(x, xOff, xOff + c * h * w, 0.0);
        int q = ld;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int rowBase = colsOff + ((ch * kh + i) * kw + j) * q;
                    int lo = firstInside(j, stride, pad, wo);
                    int hi = endInside(w, j, stride, pad, wo, lo);
                    for (int oh = 0; oh < ho; oh++) {
                        int ih = oh * stride - pad + i;
                        if (ih < 0 || ih >= h) {
                            continue;
                        }
                        int src = rowBase + oh * wo;
                        int dst = xOff + (ch * h + ih) * w - pad + j;
                        if (stride == 1) {
                            for (int ow = lo; ow < hi; ow++) {
                                x[dst + ow] += cols[src + ow];
                            }
                        } else {
                            for (int ow = lo; ow < hi; ow++) {
                                x[dst + ow * stride] += cols[src + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Smallest ow with {@code ow·s − p + j >= 0}, at most wo. */
    private static int firstInside(int j, int stride, int pad, int wo) {
        int need = pad - j;
        int lo = need <= 0 ? 0 : (need + stride - 1) / stride;
        return Math.min(lo, wo);
    }

    /** One past the largest ow with {@code ow·s − p + j <= w − 1}, clamped to [lo, wo]. */
    private static int endInside(int w, int j, int stride, int pad, int wo, int lo) {
        int hi = Math.floorDiv(w - 1 + pad - j, stride) + 1;
        return Math.max(lo, Math.min(hi, wo));
    }
}
