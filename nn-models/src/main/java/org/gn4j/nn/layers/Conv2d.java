package org.gn4j.nn.layers;

import java.util.Arrays;
import java.util.Random;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Precision;
import org.gn4j.linalg.blas.Transpose;
import org.gn4j.nn.Layer;
import org.gn4j.nn.LayerState;
import org.gn4j.nn.Shape;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) with zero padding on channel-major samples:
 * input {@code {C, H, W}}, output {@code {K, H', W'}} with {@code H' = (H + 2p − kh)/s + 1},
 * {@code W' = (W + 2p − kw)/s + 1}:
 * <pre>
 *   y[k][oh][ow] = b[k] + Σ_{c,i,j} W[k][c][i][j] · x[c][oh·s − p + i][ow·s − p + j]
 * </pre>
 * θ holds the weights {@code W} (K × C·kh·kw, row-major, column index {@code (c·kh + i)·kw + j}) then the biases
 * {@code b} (K).
 *
 * <p>Computed through the column form (see {@link Im2col}) on blocks of n samples side by side: {@code Cols} is the
 * {@code (C·kh·kw) × (n·H'W')} matrix of the block's input windows, so each pass is one GEMM per block through the
 * {@link Blas} seam:
 * <ul>
 *   <li>forward {@code Y = W·Cols(x) + b·1ᵀ};</li>
 *   <li>tangent {@code Ẏ = W·Cols(ẋ) + V·Cols(x) + v_b·1ᵀ} (V, v_b the parameter tangent);</li>
 *   <li>adjoint {@code ∇W += Ȳ·Cols(x)ᵀ}, {@code ∇b += Ȳ·1}, {@code x̄ = col2im(Wᵀ·Ȳ)};</li>
 *   <li>per sample {@code ∇W_s = Ȳ_s·cols(x_s)ᵀ}, {@code ∇b_s = Ȳ_s·1} (one GEMM per sample).</li>
 * </ul>
 * Y and Ȳ of a block are {@code K × (n·H'W')}; they are copied row by row between that layout and the samples'
 * channel-major layout, except for a block of one sample, where the two layouts coincide and the GEMMs write Y and
 * read Ȳ in place.
 *
 * <p><b>Memory and speed:</b> the state keeps a reference to the forward pass's input (like {@link Dense}) and
 * rebuilds a block's {@code Cols(x)} when a later pass needs it, instead of caching the columns of the whole chunk:
 * the cache would be {@code kh·kw} times the input (25 × for a 5×5 kernel), streamed to and from main memory, while a
 * block of about {@value #BLOCK_DOUBLES} doubles stays in L2 between {@code im2col} writing it and the GEMM reading
 * it. A state holds one block's matrices, {@code n·(2·C·kh·kw + K)·H'W'} doubles ({@link #stateDoubles}); the passes
 * allocate nothing with the Vector API {@link Blas}, which reads its operands in place at any offset.
 *
 * <p><b>Winograd:</b> stride-1 3×3 layers with at least {@value #WINOGRAD_MIN_CHANNELS} input channels (the CIFAR
 * CNN's second and third convolutions) run Winograd's F(2×2, 3×3) instead ({@link Algorithm}, {@link Winograd}):
 * 2.25 times fewer multiplications in 16 smaller GEMMs plus linear transforms of the tiles, and the same function,
 * tangent and adjoint to rounding (tested against the column algorithm and direct loops). With fewer input channels
 * the 16 GEMMs have a depth of C and run slower than the one column GEMM of depth 9·C, so the column algorithm stays.
 */
public final class Conv2d implements Layer {
    private final int c;
    private final int h;
    private final int w;
    private final int k;
    private final int kh;
    private final int kw;
    private final int stride;
    private final int pad;
    private final int ho;
    private final int wo;
    /** Rows of the column matrix, C·kh·kw (the fan-in). */
    private final int p;
    /** Columns of the column matrix, H'·W'. */
    private final int q;
    private final Dense.Init init;
    private final Algorithm algorithm;
    private final Blas blas;
    /**
     * Target size in doubles of a block's column matrix {@code Cols} (256 KB): small enough to stay in L2 between
     * {@code im2col} writing it and the GEMM reading it.
     */
    static final int BLOCK_DOUBLES = 1 << 15;
    /**
     * Input channels from which {@link Algorithm#AUTO} picks Winograd for a stride-1 3×3 kernel (the CIFAR CNN's
     * 3-channel first layer ran 7 times slower with Winograd: its GEMMs of depth 3 are below the vector kernel's
     * size threshold).
     */
    static final int WINOGRAD_MIN_CHANNELS = 8;

    /** How the products are computed; every choice computes the same function to rounding. */
    public enum Algorithm {
        /** {@link #WINOGRAD} for stride-1 3×3 kernels with at least 8 input channels, {@link #COLUMNS} otherwise. */
        AUTO,
        /** GEMMs on the column matrix (im2col), any geometry. */
        COLUMNS,
        /**
         * Winograd F(2×2, 3×3): 16 instead of 36 multiplications per 2×2 output tile and input channel, in 16 GEMMs
         * on transformed tiles; stride-1 3×3 kernels only.
         */
        WINOGRAD
    }

    /**
     * Square kernel, He-normal initialization.
     *
     * @param inChannels input channels C, {@code >= 1}
     * @param height input height H in pixels, {@code >= 1}
     * @param width input width W in pixels, {@code >= 1}
     * @param outChannels output channels K, {@code >= 1}
     * @param kernel kernel height and width, {@code >= 1}
     * @param stride step s between windows in both directions, {@code >= 1}; must divide {@code H + 2p − kernel} and
     *               {@code W + 2p − kernel}
     * @param padding zero padding p added on every side, {@code >= 0}
     */
    public Conv2d(int inChannels, int height, int width, int outChannels, int kernel, int stride, int padding) {
        this(inChannels, height, width, outChannels, kernel, kernel, stride, padding, Dense.Init.HE_NORMAL);
    }

    /**
     * He-normal initialization.
     *
     * @param inChannels input channels C, {@code >= 1}
     * @param height input height H in pixels, {@code >= 1}
     * @param width input width W in pixels, {@code >= 1}
     * @param outChannels output channels K, {@code >= 1}
     * @param kernelH kernel height kh, {@code >= 1}
     * @param kernelW kernel width kw, {@code >= 1}
     * @param stride step s between windows in both directions, {@code >= 1}; must divide {@code H + 2p − kh} and
     *               {@code W + 2p − kw}
     * @param padding zero padding p added on every side, {@code >= 0}
     */
    public Conv2d(int inChannels, int height, int width, int outChannels, int kernelH, int kernelW, int stride,
            int padding) {
        this(inChannels, height, width, outChannels, kernelH, kernelW, stride, padding, Dense.Init.HE_NORMAL);
    }

    /**
     * @param inChannels input channels C, {@code >= 1}
     * @param height input height H in pixels, {@code >= 1}
     * @param width input width W in pixels, {@code >= 1}
     * @param outChannels output channels K, {@code >= 1}
     * @param kernelH kernel height kh, {@code >= 1}
     * @param kernelW kernel width kw, {@code >= 1}
     * @param stride step s between windows in both directions, {@code >= 1}; must divide {@code H + 2p − kh} and
     *               {@code W + 2p − kw}
     * @param padding zero padding p added on every side, {@code >= 0}
     * @param init {@link Dense.Init#HE_NORMAL} ({@code N(0, 2/fanIn)}) or {@link Dense.Init#GLOROT_UNIFORM}
     *             ({@code U(−a, a)}, {@code a = √(6/(fanIn + fanOut))}) with {@code fanIn = C·kh·kw},
     *             {@code fanOut = K·kh·kw}; biases start at zero
     * @throws IllegalArgumentException if a size, the kernel or the stride is not positive, the padding is negative,
     *                                  the kernel does not fit the padded input, or the stride does not divide
     *                                  {@code H + 2p − kh} (or {@code W + 2p − kw})
     */
    public Conv2d(int inChannels, int height, int width, int outChannels, int kernelH, int kernelW, int stride,
            int padding, Dense.Init init) {
        this(inChannels, height, width, outChannels, kernelH, kernelW, stride, padding, init, Algorithm.AUTO);
    }

    /**
     * @param inChannels input channels C, {@code >= 1}
     * @param height input height H in pixels, {@code >= 1}
     * @param width input width W in pixels, {@code >= 1}
     * @param outChannels output channels K, {@code >= 1}
     * @param kernelH kernel height kh, {@code >= 1}
     * @param kernelW kernel width kw, {@code >= 1}
     * @param stride step s between windows in both directions, {@code >= 1}; must divide {@code H + 2p − kh} and
     *               {@code W + 2p − kw}
     * @param padding zero padding p added on every side, {@code >= 0}
     * @param init the weight initialization, as in {@link #Conv2d(int, int, int, int, int, int, int, int, Dense.Init)};
     *             not null
     * @param algorithm how the products are computed ({@link Algorithm#AUTO} picks by geometry)
     * @throws IllegalArgumentException as the other constructors, or if {@code algorithm} is null, or
     *                                  {@link Algorithm#WINOGRAD} for a kernel that is not 3×3 or a stride that is
     *                                  not 1
     */
    public Conv2d(int inChannels, int height, int width, int outChannels, int kernelH, int kernelW, int stride,
            int padding, Dense.Init init, Algorithm algorithm) {
        this(inChannels, height, width, outChannels, kernelH, kernelW, stride, padding, init, algorithm,
                BlasProvider.blas());
    }

    private Conv2d(int inChannels, int height, int width, int outChannels, int kernelH, int kernelW, int stride,
            int padding, Dense.Init init, Algorithm algorithm, Blas blas) {
        ArgumentChecks.requirePositive("inChannels", inChannels);
        ArgumentChecks.requirePositive("height", height);
        ArgumentChecks.requirePositive("width", width);
        ArgumentChecks.requirePositive("outChannels", outChannels);
        ArgumentChecks.requirePositive("kernelH", kernelH);
        ArgumentChecks.requirePositive("kernelW", kernelW);
        ArgumentChecks.requirePositive("stride", stride);
        ArgumentChecks.requireNonNegative("padding", padding);
        if (init == null) {
            throw new IllegalArgumentException("init must not be null");
        }
        this.c = inChannels;
        this.h = height;
        this.w = width;
        this.k = outChannels;
        this.kh = kernelH;
        this.kw = kernelW;
        this.stride = stride;
        this.pad = padding;
        this.ho = Im2col.outputSize("height", height, kernelH, stride, padding);
        this.wo = Im2col.outputSize("width", width, kernelW, stride, padding);
        long cols = (long) inChannels * kernelH * kernelW * ho * wo;
        if (cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("column matrix has " + cols + " entries per sample, more than an array "
                    + "holds");
        }
        this.p = inChannels * kernelH * kernelW;
        this.q = ho * wo;
        this.init = init;
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm must not be null");
        }
        boolean winogradFits = kernelH == 3 && kernelW == 3 && stride == 1;
        if (algorithm == Algorithm.WINOGRAD && !winogradFits) {
            throw new IllegalArgumentException("Winograd F(2×2, 3×3) needs a 3×3 kernel and stride 1, found "
                    + kernelH + "×" + kernelW + ", stride " + stride);
        }
        if (algorithm == Algorithm.AUTO) {
            algorithm = winogradFits && inChannels >= WINOGRAD_MIN_CHANNELS ? Algorithm.WINOGRAD : Algorithm.COLUMNS;
        }
        this.algorithm = algorithm;
        this.blas = blas;
    }

    /**
     * This convolution with its GEMMs (im2col and Winograd products) in the given precision, through
     * {@link Blas#withPrecision}; the same function of the same parameters. Im2col, the Winograd transforms and the
     * bias sums stay in float64.
     */
    @Override
    public Conv2d withPrecision(Precision precision) {
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null, expected F32 or F64");
        }
        if (precision == blas.precision()) {
            return this;
        }
        return new Conv2d(c, h, w, k, kh, kw, stride, pad, init, algorithm,
                BlasProvider.blas().withPrecision(precision));
    }

    @Override
    public Precision precision() {
        return blas.precision();
    }

    /**
     * {@link Algorithm#COLUMNS} or {@link Algorithm#WINOGRAD}: the algorithm this layer runs.
     *
     * @return the algorithm chosen at construction, never {@link Algorithm#AUTO}
     */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** Samples per block: a column matrix of about {@link #BLOCK_DOUBLES}, at least one sample, at most the chunk. */
    private int blockSamples(int maxBatch) {
        return Math.max(1, Math.min(maxBatch, BLOCK_DOUBLES / (p * q)));
    }

    /** Per-chunk storage. */
    private static final class State implements LayerState {
        final int maxBatch;
        /** Samples per block. */
        final int block;
        /** The chunk's input of the last forward pass (held by reference, as the tape keeps it). */
        double[] x;
        /** {@code p × (n·q)}: Cols(x) of the block at hand, n samples side by side. */
        final double[] cols;
        /** {@code p × (n·q)}: Cols(ẋ) or Wᵀ·Ȳ of the block at hand. */
        final double[] work;
        /** {@code K × (block·q)}: Y, Ẏ or Ȳ of the block at hand. */
        final double[] out;
        /** The Winograd geometry and buffers (null for the column algorithm, whose arrays are then the ones above). */
        final Winograd winograd;
        final Winograd.Buffers wb;

        State(int maxBatch, int block, int k, int p, int q) {
            this.maxBatch = maxBatch;
            this.block = block;
            this.cols = new double[block * p * q];
            this.work = new double[block * p * q];
            this.out = new double[block * k * q];
            this.winograd = null;
            this.wb = null;
        }

        State(int maxBatch, Winograd winograd) {
            this.maxBatch = maxBatch;
            this.block = 0;
            this.cols = null;
            this.work = null;
            this.out = null;
            this.winograd = winograd;
            this.wb = new Winograd.Buffers(winograd);
        }

        @Override
        public int maxBatch() {
            return maxBatch;
        }
    }

    @Override
    public String name() {
        return "Conv2d(" + c + "×" + h + "×" + w + "→" + k + "×" + ho + "×" + wo + ", " + kh + "×" + kw + ", stride "
                + stride + ", padding " + pad + (algorithm == Algorithm.WINOGRAD ? ", Winograd" : "") + ")";
    }

    @Override
    public Shape inputShape() {
        return Shape.of(c, h, w);
    }

    @Override
    public Shape outputShape() {
        return Shape.of(k, ho, wo);
    }

    @Override
    public int parameterCount() {
        return k * p + k;
    }

    /**
     * Doubles a state for {@code maxBatch} samples holds (the memory note in the class comment).
     *
     * @param maxBatch the state's batch capacity, {@code >= 1}
     * @return the number of doubles in the buffers of a state from {@code newState(maxBatch)}
     */
    public long stateDoubles(int maxBatch) {
        if (algorithm == Algorithm.WINOGRAD) {
            return newWinograd(maxBatch).bufferDoubles();
        }
        return (2L * p + k) * q * blockSamples(maxBatch);
    }

    private Winograd newWinograd(int maxBatch) {
        return new Winograd(c, h, w, k, pad, ho, wo, maxBatch);
    }

    @Override
    public LayerState newState(int maxBatch) {
        ArgumentChecks.requirePositive("maxBatch", maxBatch);
        if (algorithm == Algorithm.WINOGRAD) {
            return new State(maxBatch, newWinograd(maxBatch));
        }
        return new State(maxBatch, blockSamples(maxBatch), k, p, q);
    }

    /** cols(x_s) into the block matrix at {@code colsOff} (the sample's first column), rows {@code ld} apart. */
    private void im2col(double[] x, int s, double[] cols, int colsOff, int ld) {
        Im2col.im2col(x, s * c * h * w, c, h, w, kh, kw, stride, pad, ho, wo, cols, colsOff, ld);
    }

    /**
     * Copies the block result {@code out} ({@code K × (n·q)}) into samples {@code s0 … s0+n−1} of {@code y} (each
     * {@code K × q}), adding {@code b·1ᵀ} when {@code b} is not null (K entries at {@code bOff}).
     */
    private void scatter(double[] out, int s0, int n, double[] y, double[] b, int bOff) {
        int ld = n * q;
        for (int j = 0; j < n; j++) {
            for (int o = 0; o < k; o++) {
                int src = o * ld + j * q;
                int dst = ((s0 + j) * k + o) * q;
                if (b == null) {
                    System.arraycopy(out, src, y, dst, q);
                } else {
                    double bo = b[bOff + o];
                    for (int t = 0; t < q; t++) {
                        y[dst + t] = out[src + t] + bo;
                    }
                }
            }
        }
    }

    /** Adds {@code b·1ᵀ} ({@code K} entries at {@code bOff}) to one sample's output ({@code K × q} at {@code yOff}). */
    private void addBias(double[] y, int yOff, double[] b, int bOff) {
        for (int o = 0; o < k; o++) {
            double bo = b[bOff + o];
            int row = yOff + o * q;
            for (int t = 0; t < q; t++) {
                y[row + t] += bo;
            }
        }
    }

    /** The inverse copy: samples {@code s0 … s0+n−1} of {@code yb} into the block matrix {@code out}. */
    private void gather(double[] yb, int s0, int n, double[] out) {
        int ld = n * q;
        for (int j = 0; j < n; j++) {
            for (int o = 0; o < k; o++) {
                System.arraycopy(yb, ((s0 + j) * k + o) * q, out, o * ld + j * q, q);
            }
        }
    }

    /** Cols of samples {@code s0 … s0+n−1} of {@code x} into {@code cols} ({@code p × (n·q)}). */
    private void blockColumns(double[] x, int s0, int n, double[] cols) {
        for (int j = 0; j < n; j++) {
            im2col(x, s0 + j, cols, j * q, n * q);
        }
    }

    @Override
    public void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state) {
        State st = (State) state;
        st.x = x;
        if (st.winograd != null) {
            winogradForward(theta, off, batch, x, y, st);
            return;
        }
        for (int s0 = 0; s0 < batch; s0 += st.block) {
            int n = Math.min(st.block, batch - s0);
            int ld = n * q;
            blockColumns(x, s0, n, st.cols);
            if (n == 1) {
                // one sample: its K × q output is the block result, so the GEMM writes it in place
                int yOff = s0 * k * q;
                blas.dgemm(Transpose.NO, Transpose.NO, k, q, p, 1.0, theta, off, p, st.cols, 0, q, 0.0, y, yOff, q);
                addBias(y, yOff, theta, off + k * p);
                continue;
            }
            // Y (K × nq) = W (K × p) · Cols (p × nq)
            blas.dgemm(Transpose.NO, Transpose.NO, k, ld, p, 1.0, theta, off, p, st.cols, 0, ld, 0.0, st.out, 0,
                    ld);
            scatter(st.out, s0, n, y, theta, off + k * p);
        }
    }

    @Override
    public void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state) {
        State st = (State) state;
        if (xt == null && v == null) {
            Arrays.fill(yt, 0, batch * k * q, 0.0);
            return;
        }
        if (st.winograd != null) {
            winogradJvp(theta, off, v, batch, xt, yt, st);
            return;
        }
        for (int s0 = 0; s0 < batch; s0 += st.block) {
            int n = Math.min(st.block, batch - s0);
            int ld = n * q;
            // one sample: the products go straight into ẏ (see forward)
            double[] out = n == 1 ? yt : st.out;
            int outOff = n == 1 ? s0 * k * q : 0;
            double beta = 0.0;
            if (xt != null) {
                // W·Cols(ẋ): the map x ↦ Cols(x) is linear
                blockColumns(xt, s0, n, st.work);
                blas.dgemm(Transpose.NO, Transpose.NO, k, ld, p, 1.0, theta, off, p, st.work, 0, ld, 0.0, out, outOff,
                        ld);
                beta = 1.0;
            }
            if (v != null) {
                // + V·Cols(x)
                blockColumns(st.x, s0, n, st.cols);
                blas.dgemm(Transpose.NO, Transpose.NO, k, ld, p, 1.0, v, off, p, st.cols, 0, ld, beta, out, outOff,
                        ld);
            }
            if (n == 1) {
                if (v != null) {
                    addBias(yt, outOff, v, off + k * p);
                }
            } else {
                scatter(st.out, s0, n, yt, v, off + k * p);
            }
        }
    }

    @Override
    public void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state) {
        State st = (State) state;
        if (st.winograd != null) {
            winogradVjp(theta, off, batch, yb, grad, xb, st);
            return;
        }
        for (int s0 = 0; s0 < batch; s0 += st.block) {
            int n = Math.min(st.block, batch - s0);
            int ld = n * q;
            // the block's Ȳ (K × nq); one sample's is read where it is
            double[] bar = n == 1 ? yb : st.out;
            int barOff = n == 1 ? s0 * k * q : 0;
            if (n > 1) {
                gather(yb, s0, n, st.out);
            }
            if (grad != null) {
                // ∇W += Ȳ (K × nq) · Colsᵀ (nq × p), ∇b += Ȳ·1
                blockColumns(st.x, s0, n, st.cols);
                blas.dgemm(Transpose.NO, Transpose.YES, k, p, ld, 1.0, bar, barOff, ld, st.cols, 0, ld, 1.0, grad,
                        off, p);
                int bOff = off + k * p;
                for (int o = 0; o < k; o++) {
                    grad[bOff + o] += rowSum(bar, barOff + o * ld, ld);
                }
            }
            if (xb != null) {
                inputCotangent(theta, off, s0, n, bar, barOff, xb, st);
            }
        }
    }

    /**
     * {@code x̄_s = col2im(Wᵀ·Ȳ_s)} for the block's samples, the adjoint of {@code x ↦ W·Cols(x)}, with the block's Ȳ
     * at {@code bar[barOff ..]}; overwrites {@code st.work}.
     */
    private void inputCotangent(double[] theta, int off, int s0, int n, double[] bar, int barOff, double[] xb,
            State st) {
        int ld = n * q;
        blas.dgemm(Transpose.YES, Transpose.NO, p, ld, k, 1.0, theta, off, p, bar, barOff, ld, 0.0, st.work, 0, ld);
        for (int j = 0; j < n; j++) {
            Im2col.col2im(st.work, j * q, c, h, w, kh, kw, stride, pad, ho, wo, xb, (s0 + j) * c * h * w, ld);
        }
    }

    /**
     * {@code Σ a[from … from+len)} in four interleaved partial sums: one running sum waits out the latency of every
     * addition, which made the bias gradients (K·H'W' additions per sample) cost a few per cent of a training step.
     */
    private static double rowSum(double[] a, int from, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= len; j += 4) {
            s0 += a[from + j];
            s1 += a[from + j + 1];
            s2 += a[from + j + 2];
            s3 += a[from + j + 3];
        }
        for (; j < len; j++) {
            s0 += a[from + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset,
            int rowStride, double[] xb, LayerState state) {
        State st = (State) state;
        if (st.winograd != null) {
            winogradVjpPerSample(theta, off, batch, yb, rows, rowOffset, rowStride, xb, st);
            return;
        }
        for (int s0 = 0; s0 < batch; s0 += st.block) {
            int n = Math.min(st.block, batch - s0);
            int ld = n * q;
            blockColumns(st.x, s0, n, st.cols);
            for (int j = 0; j < n; j++) {
                int s = s0 + j;
                int base = rowOffset + s * rowStride + off;
                // ∇W_s = Ȳ_s (K × q) · cols_sᵀ (q × p), written over the K × p block of row s; ∇b_s = Ȳ_s·1
                blas.dgemm(Transpose.NO, Transpose.YES, k, p, q, 1.0, yb, s * k * q, q, st.cols, j * q, ld, 0.0,
                        rows, base, p);
                for (int o = 0; o < k; o++) {
                    rows[base + k * p + o] = rowSum(yb, (s * k + o) * q, q);
                }
            }
            if (xb != null) {
                if (n == 1) {
                    inputCotangent(theta, off, s0, 1, yb, s0 * k * q, xb, st);
                } else {
                    gather(yb, s0, n, st.out);
                    inputCotangent(theta, off, s0, n, st.out, 0, xb, st);
                }
            }
        }
    }

    // ------------------------------------------------------------------ Winograd F(2×2, 3×3)

    private void winogradForward(double[] theta, int off, int batch, double[] x, double[] y, State st) {
        Winograd g = st.winograd;
        Winograd.Buffers b = st.wb;
        g.transformKernels(theta, off, b.ut, true);
        int tiles = batch * g.tilesPerSample;
        for (int g0 = 0; g0 < tiles; g0 += g.tileBlock) {
            int nt = Math.min(g.tileBlock, tiles - g0);
            g.transformInput(x, g0, nt, b.v, b.plane);
            g.multiply(blas, b.ut, b.v, nt, 0.0, b.m);
            g.transformOutput(b.m, g0, nt, y, theta, off + k * p);
        }
    }

    private void winogradJvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, State st) {
        Winograd g = st.winograd;
        Winograd.Buffers b = st.wb;
        if (xt != null) {
            g.transformKernels(theta, off, b.ut, true);
        }
        if (v != null) {
            g.transformKernels(v, off, b.u2t, true);
        }
        int tiles = batch * g.tilesPerSample;
        for (int g0 = 0; g0 < tiles; g0 += g.tileBlock) {
            int nt = Math.min(g.tileBlock, tiles - g0);
            double beta = 0.0;
            if (xt != null) {
                // U(W)·V(ẋ)
                g.transformInput(xt, g0, nt, b.v2, b.plane);
                g.multiply(blas, b.ut, b.v2, nt, 0.0, b.m);
                beta = 1.0;
            }
            if (v != null) {
                // + U(V)·V(x)
                g.transformInput(st.x, g0, nt, b.v, b.plane);
                g.multiply(blas, b.u2t, b.v, nt, beta, b.m);
            }
            g.transformOutput(b.m, g0, nt, yt, v, off + k * p);
        }
    }

    private void winogradVjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb,
            State st) {
        Winograd g = st.winograd;
        Winograd.Buffers b = st.wb;
        if (xb != null) {
            g.transformKernels(theta, off, b.u, false);
        }
        int tiles = batch * g.tilesPerSample;
        for (int g0 = 0; g0 < tiles; g0 += g.tileBlock) {
            int nt = Math.min(g.tileBlock, tiles - g0);
            g.transformOutputAdjoint(yb, g0, nt, b.m);
            if (grad != null) {
                // Ū += M̄·Vᵀ
                g.transformInput(st.x, g0, nt, b.v, b.plane);
                g.weightProducts(blas, b.m, b.v, nt, 0, nt, g0 == 0 ? 0.0 : 1.0, b.ubar);
            }
            if (xb != null) {
                g.multiplyAdjoint(blas, b.u, b.m, nt, b.v2);
                g.transformInputAdjoint(b.v2, g0, nt, xb, b.planeBar);
            }
        }
        if (grad != null) {
            g.kernelGradient(b.ubar, grad, off, b.rows);
            int bOff = off + k * p;
            for (int s = 0; s < batch; s++) {
                for (int o = 0; o < k; o++) {
                    grad[bOff + o] += rowSum(yb, (s * k + o) * q, q);
                }
            }
        }
    }

    private void winogradVjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset,
            int rowStride, double[] xb, State st) {
        Winograd g = st.winograd;
        Winograd.Buffers b = st.wb;
        if (xb != null) {
            g.transformKernels(theta, off, b.u, false);
        }
        int per = g.tilesPerSample;
        int tiles = batch * per;
        for (int g0 = 0; g0 < tiles; g0 += g.tileBlock) {
            int nt = Math.min(g.tileBlock, tiles - g0);
            g.transformOutputAdjoint(yb, g0, nt, b.m);
            g.transformInput(st.x, g0, nt, b.v, b.plane);
            // the block's tiles sample by sample: Ū_s += M̄·Vᵀ over the sample's tiles here
            for (int t0 = 0; t0 < nt;) {
                int gt = g0 + t0;
                int s = gt / per;
                int first = gt - s * per;
                int len = Math.min(nt - t0, per - first);
                g.weightProducts(blas, b.m, b.v, nt, t0, len, first == 0 ? 0.0 : 1.0, b.ubar);
                if (first + len == per) {
                    // sample s complete: ∇W_s over the K × p block of its row, ∇b_s = Ȳ_s·1
                    int base = rowOffset + s * rowStride + off;
                    Arrays.fill(rows, base, base + k * p, 0.0);
                    g.kernelGradient(b.ubar, rows, base, b.rows);
                    for (int o = 0; o < k; o++) {
                        rows[base + k * p + o] = rowSum(yb, (s * k + o) * q, q);
                    }
                }
                t0 += len;
            }
            if (xb != null) {
                g.multiplyAdjoint(blas, b.u, b.m, nt, b.v2);
                g.transformInputAdjoint(b.v2, g0, nt, xb, b.planeBar);
            }
        }
    }

    @Override
    public void initialize(double[] theta, int off, Random rng) {
        if (init == Dense.Init.HE_NORMAL) {
            double sd = Math.sqrt(2.0 / p);
            for (int i = 0; i < k * p; i++) {
                theta[off + i] = sd * rng.nextGaussian();
            }
        } else {
            double a = Math.sqrt(6.0 / (p + k * kh * kw));
            for (int i = 0; i < k * p; i++) {
                theta[off + i] = a * (2 * rng.nextDouble() - 1);
            }
        }
        Arrays.fill(theta, off + k * p, off + k * p + k, 0.0);
    }
}
