package org.gn4j.nn.layers;

import java.util.Arrays;
import java.util.Random;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
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
 * <p>Computed per sample through the column form (see {@link Im2col}): {@code cols_s} is the
 * {@code (C·kh·kw) × (H'W')} matrix of input windows, and with the GEMMs through the {@link Blas} seam
 * <ul>
 *   <li>forward {@code Y_s = W·cols(x_s) + b·1ᵀ};</li>
 *   <li>tangent {@code Ẏ_s = W·cols(ẋ_s) + V·cols(x_s) + v_b·1ᵀ} (V, v_b the parameter tangent);</li>
 *   <li>adjoint {@code ∇W += Σ_s Ȳ_s·cols(x_s)ᵀ}, {@code ∇b += Σ_s Ȳ_s·1},
 *       {@code x̄_s = col2im(Wᵀ·Ȳ_s)};</li>
 *   <li>per sample {@code ∇W_s = Ȳ_s·cols(x_s)ᵀ}, {@code ∇b_s = Ȳ_s·1}.</li>
 * </ul>
 *
 * <p><b>Memory:</b> the forward pass caches {@code cols(x_s)} for the whole chunk so the tangent and adjoint passes
 * reuse it: a state holds {@code maxBatch·C·kh·kw·H'·W'} doubles of columns, plus one sample's work matrices
 * ({@code C·kh·kw·H'·W' + K·H'·W' + 3·K·C·kh·kw}, see {@link #stateDoubles}). The cache is {@code kh·kw} times the
 * input for stride 1 and "same" padding, e.g. 25 × 784 doubles = 157 KB per sample for a 5×5 kernel on one 28×28
 * channel. The passes allocate nothing: every GEMM operand is staged at offset 0 of a state buffer (one extra copy of
 * {@code cols(x_s)} per sample in the tangent and adjoint passes), because the pure-Java {@link Blas} copies operands
 * at an offset into new arrays.
 *
 * <p>Per-sample GEMMs ({@code K × H'W' × C·kh·kw}) are usually below the multi-threading threshold of the CPU
 * {@link Blas}; the parallelism comes from the batch chunks of {@link org.gn4j.nn.MiniBatchProducts}.
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
    private final Blas blas;

    /** Square kernel, He-normal initialization. */
    public Conv2d(int inChannels, int height, int width, int outChannels, int kernel, int stride, int padding) {
        this(inChannels, height, width, outChannels, kernel, kernel, stride, padding, Dense.Init.HE_NORMAL);
    }

    /** He-normal initialization. */
    public Conv2d(int inChannels, int height, int width, int outChannels, int kernelH, int kernelW, int stride,
            int padding) {
        this(inChannels, height, width, outChannels, kernelH, kernelW, stride, padding, Dense.Init.HE_NORMAL);
    }

    /**
     * @param init {@link Dense.Init#HE_NORMAL} ({@code N(0, 2/fanIn)}) or {@link Dense.Init#GLOROT_UNIFORM}
     *             ({@code U(−a, a)}, {@code a = √(6/(fanIn + fanOut))}) with {@code fanIn = C·kh·kw},
     *             {@code fanOut = K·kh·kw}; biases start at zero
     * @throws IllegalArgumentException if a size, the kernel or the stride is not positive, the padding is negative,
     *                                  the kernel does not fit the padded input, or the stride does not divide
     *                                  {@code H + 2p − kh} (or {@code W + 2p − kw})
     */
    public Conv2d(int inChannels, int height, int width, int outChannels, int kernelH, int kernelW, int stride,
            int padding, Dense.Init init) {
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
        this.blas = BlasProvider.blas();
    }

    /**
     * Per-chunk storage. Every GEMM operand and result lives at offset 0 of its own buffer: the pure-Java {@link Blas}
     * copies operands that start at an offset into fresh temporaries, so staging them here keeps the passes free of
     * allocation.
     */
    private static final class State implements LayerState {
        final int maxBatch;
        /** cols(x_s) for every sample of the chunk, maxBatch × (p × q). */
        final double[] cols;
        /** p × q: cols(x_s), cols(ẋ_s) or Wᵀ·Ȳ_s of the sample at hand. */
        final double[] work;
        /** K × q: Y_s, Ẏ_s or Ȳ_s of the sample at hand. */
        final double[] out;
        /** K × p: W, copied from θ. */
        final double[] weights;
        /** K × p: V, copied from the parameter tangent. */
        final double[] tangentWeights;
        /** K × p: ∇W of the chunk or of one sample. */
        final double[] gradWeights;

        State(int maxBatch, int k, int p, int q) {
            long total = (long) maxBatch * p * q;
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBatch " + maxBatch + " needs " + total
                        + " cached column entries, more than an array holds; use smaller batch chunks");
            }
            this.maxBatch = maxBatch;
            this.cols = new double[(int) total];
            this.work = new double[p * q];
            this.out = new double[k * q];
            this.weights = new double[k * p];
            this.tangentWeights = new double[k * p];
            this.gradWeights = new double[k * p];
        }

        @Override
        public int maxBatch() {
            return maxBatch;
        }
    }

    @Override
    public String name() {
        return "Conv2d(" + c + "×" + h + "×" + w + "→" + k + "×" + ho + "×" + wo + ", " + kh + "×" + kw + ", stride "
                + stride + ", padding " + pad + ")";
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

    /** Doubles a state for {@code maxBatch} samples holds (the memory note in the class comment). */
    public long stateDoubles(int maxBatch) {
        return ((long) maxBatch + 1) * p * q + (long) k * q + 3L * k * p;
    }

    @Override
    public LayerState newState(int maxBatch) {
        ArgumentChecks.requirePositive("maxBatch", maxBatch);
        return new State(maxBatch, k, p, q);
    }

    private void im2col(double[] x, int s, double[] cols, int colsOff) {
        Im2col.im2col(x, s * c * h * w, c, h, w, kh, kw, stride, pad, ho, wo, cols, colsOff);
    }

    /** {@code y_s += b·1ᵀ} for every sample, b at {@code bOff} (K entries). */
    private void addBias(double[] b, int bOff, int batch, double[] y) {
        for (int s = 0; s < batch; s++) {
            for (int o = 0; o < k; o++) {
                double bo = b[bOff + o];
                int row = (s * k + o) * q;
                for (int j = 0; j < q; j++) {
                    y[row + j] += bo;
                }
            }
        }
    }

    @Override
    public void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state) {
        State st = (State) state;
        System.arraycopy(theta, off, st.weights, 0, k * p);
        for (int s = 0; s < batch; s++) {
            im2col(x, s, st.work, 0);
            // Y_s (K × q) = W (K × p) · cols_s (p × q)
            blas.dgemm(Transpose.NO, Transpose.NO, k, q, p, 1.0, st.weights, 0, p, st.work, 0, q, 0.0, st.out, 0, q);
            System.arraycopy(st.work, 0, st.cols, s * p * q, p * q);
            System.arraycopy(st.out, 0, y, s * k * q, k * q);
        }
        addBias(theta, off + k * p, batch, y);
    }

    @Override
    public void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state) {
        State st = (State) state;
        if (xt == null && v == null) {
            Arrays.fill(yt, 0, batch * k * q, 0.0);
            return;
        }
        if (xt != null) {
            System.arraycopy(theta, off, st.weights, 0, k * p);
        }
        if (v != null) {
            System.arraycopy(v, off, st.tangentWeights, 0, k * p);
        }
        for (int s = 0; s < batch; s++) {
            double beta = 0.0;
            if (xt != null) {
                // W·cols(ẋ_s): the map x ↦ cols(x) is linear
                im2col(xt, s, st.work, 0);
                blas.dgemm(Transpose.NO, Transpose.NO, k, q, p, 1.0, st.weights, 0, p, st.work, 0, q, 0.0, st.out, 0,
                        q);
                beta = 1.0;
            }
            if (v != null) {
                // + V·cols(x_s)
                System.arraycopy(st.cols, s * p * q, st.work, 0, p * q);
                blas.dgemm(Transpose.NO, Transpose.NO, k, q, p, 1.0, st.tangentWeights, 0, p, st.work, 0, q, beta,
                        st.out, 0, q);
            }
            System.arraycopy(st.out, 0, yt, s * k * q, k * q);
        }
        if (v != null) {
            addBias(v, off + k * p, batch, yt);
        }
    }

    @Override
    public void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state) {
        State st = (State) state;
        if (xb != null) {
            System.arraycopy(theta, off, st.weights, 0, k * p);
        }
        for (int s = 0; s < batch; s++) {
            // Ȳ_s (K × q)
            System.arraycopy(yb, s * k * q, st.out, 0, k * q);
            if (grad != null) {
                // ∇W += Ȳ_s·cols_sᵀ, summed over the chunk in gradWeights
                System.arraycopy(st.cols, s * p * q, st.work, 0, p * q);
                blas.dgemm(Transpose.NO, Transpose.YES, k, p, q, 1.0, st.out, 0, q, st.work, 0, q, s == 0 ? 0.0 : 1.0,
                        st.gradWeights, 0, p);
            }
            if (xb != null) {
                inputCotangent(s, xb, st);
            }
        }
        if (grad != null) {
            for (int i = 0; i < k * p; i++) {
                grad[off + i] += st.gradWeights[i];
            }
            // ∇b += Σ_s Ȳ_s·1
            int bOff = off + k * p;
            for (int s = 0; s < batch; s++) {
                for (int o = 0; o < k; o++) {
                    grad[bOff + o] += rowSum(yb, (s * k + o) * q);
                }
            }
        }
    }

    /**
     * {@code x̄_s = col2im(Wᵀ·Ȳ_s)}, the adjoint of {@code x ↦ W·cols(x)}, with W in {@code st.weights}, Ȳ_s in
     * {@code st.out}; overwrites {@code st.work}.
     */
    private void inputCotangent(int s, double[] xb, State st) {
        blas.dgemm(Transpose.YES, Transpose.NO, p, q, k, 1.0, st.weights, 0, p, st.out, 0, q, 0.0, st.work, 0, q);
        Im2col.col2im(st.work, 0, c, h, w, kh, kw, stride, pad, ho, wo, xb, s * c * h * w);
    }

    private double rowSum(double[] a, int from) {
        double sum = 0;
        for (int j = 0; j < q; j++) {
            sum += a[from + j];
        }
        return sum;
    }

    @Override
    public void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset,
            int rowStride, double[] xb, LayerState state) {
        State st = (State) state;
        if (xb != null) {
            System.arraycopy(theta, off, st.weights, 0, k * p);
        }
        for (int s = 0; s < batch; s++) {
            int base = rowOffset + s * rowStride + off;
            System.arraycopy(yb, s * k * q, st.out, 0, k * q);
            System.arraycopy(st.cols, s * p * q, st.work, 0, p * q);
            // ∇W_s = Ȳ_s·cols_sᵀ (overwrites the K × p block of row s), ∇b_s = Ȳ_s·1
            blas.dgemm(Transpose.NO, Transpose.YES, k, p, q, 1.0, st.out, 0, q, st.work, 0, q, 0.0, st.gradWeights, 0,
                    p);
            System.arraycopy(st.gradWeights, 0, rows, base, k * p);
            for (int o = 0; o < k; o++) {
                rows[base + k * p + o] = rowSum(st.out, o * q);
            }
            if (xb != null) {
                inputCotangent(s, xb, st);
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
