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
        if (stride == 1 && wo == w) {
            im2colSameWidth(x, xOff, c, h, w, kh, kw, pad, ho, cols, colsOff, ld);
            return;
        }
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
                            // System.arraycopy even for short rows: on LeNet's second convolution (rows of 10) the
                            // copy took 0.6 of the time of a plain loop, on rows of 4 to 18 0.45–0.8 (JDK 17, Zen 5)
                            System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
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
     * dropped, and may be set to zero in {@code cols} (its other entries are left as they were).
     */
    static void col2im(double[] cols, int colsOff, int c, int h, int w, int kh, int kw, int stride, int pad, int ho,
            int wo, double[] x, int xOff) {
        col2im(cols, colsOff, c, h, w, kh, kw, stride, pad, ho, wo, x, xOff, ho * wo);
    }

    /** The same with the column matrix's rows {@code ld} apart (the adjoint of the strided {@code im2col}). */
    static void col2im(double[] cols, int colsOff, int c, int h, int w, int kh, int kw, int stride, int pad, int ho,
            int wo, double[] x, int xOff, int ld) {
        java.util.Arrays.fill(x, xOff, xOff + c * h * w, 0.0);
        if (stride == 1 && wo == w) {
            col2imSameWidth(cols, colsOff, c, h, w, kh, kw, pad, ho, x, xOff, ld);
            return;
        }
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

    /*
     * Stride 1 and an output as wide as the input ("same" padding across the width, the usual 3×3/pad 1 and 5×5/pad 2
     * layers): for a fixed (channel, i, j), column entry (oh, ow) reads pixel (oh − p + i, ow − p + j), and since a
     * row of the column matrix and a row of the image are both w long, the flat index of the pixel is the flat index
     * of the entry plus a constant. The valid rows of one column-matrix row are therefore one contiguous copy of the
     * image (one long copy or add instead of ho short loops); the few entries that fall in the left/right padding are
     * zeroed afterwards (im2col) or beforehand (col2im, so that adding them changes nothing).
     */

    private static void im2colSameWidth(double[] x, int xOff, int c, int h, int w, int kh, int kw, int pad, int ho,
            double[] cols, int colsOff, int ld) {
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                int ohLo = Math.min(Math.max(pad - i, 0), ho);
                int ohHi = Math.max(Math.min(h + pad - i, ho), ohLo);
                for (int j = 0; j < kw; j++) {
                    int rowBase = colsOff + ((ch * kh + i) * kw + j) * ld;
                    int lo = firstInside(j, 1, pad, w);
                    int hi = endInside(w, j, 1, pad, w, lo);
                    java.util.Arrays.fill(cols, rowBase, rowBase + ohLo * w, 0.0);
                    java.util.Arrays.fill(cols, rowBase + ohHi * w, rowBase + ho * w, 0.0);
                    if (ohHi == ohLo) {
                        continue;
                    }
                    int from = rowBase + ohLo * w + lo;
                    int to = rowBase + (ohHi - 1) * w + hi;
                    if (hi > lo) {
                        int src = xOff + (ch * h + ohLo - pad + i) * w - pad + j + lo;
                        System.arraycopy(x, src, cols, from, to - from);
                    }
                    zeroPadding(cols, rowBase, ohLo, ohHi, w, lo, hi);
                }
            }
        }
    }

    private static void col2imSameWidth(double[] cols, int colsOff, int c, int h, int w, int kh, int kw, int pad,
            int ho, double[] x, int xOff, int ld) {
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                int ohLo = Math.min(Math.max(pad - i, 0), ho);
                int ohHi = Math.max(Math.min(h + pad - i, ho), ohLo);
                if (ohHi == ohLo) {
                    continue;
                }
                for (int j = 0; j < kw; j++) {
                    int rowBase = colsOff + ((ch * kh + i) * kw + j) * ld;
                    int lo = firstInside(j, 1, pad, w);
                    int hi = endInside(w, j, 1, pad, w, lo);
                    zeroPadding(cols, rowBase, ohLo, ohHi, w, lo, hi);
                    if (hi == lo) {
                        continue;
                    }
                    int from = rowBase + ohLo * w + lo;
                    int n = rowBase + (ohHi - 1) * w + hi - from;
                    int dst = xOff + (ch * h + ohLo - pad + i) * w - pad + j + lo;
                    for (int t = 0; t < n; t++) {
                        x[dst + t] += cols[from + t];
                    }
                }
            }
        }
    }

    /** Zeroes entries {@code [0, lo)} and {@code [hi, w)} of rows {@code ohLo … ohHi−1} (each w long from rowBase). */
    private static void zeroPadding(double[] cols, int rowBase, int ohLo, int ohHi, int w, int lo, int hi) {
        if (lo == 0 && hi == w) {
            return;
        }
        for (int oh = ohLo; oh < ohHi; oh++) {
            int d = rowBase + oh * w;
            for (int ow = 0; ow < lo; ow++) {
                cols[d + ow] = 0.0;
            }
            for (int ow = hi; ow < w; ow++) {
                cols[d + ow] = 0.0;
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
