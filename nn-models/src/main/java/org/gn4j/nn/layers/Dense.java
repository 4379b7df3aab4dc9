package org.gn4j.nn.layers;

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
 * Affine layer {@code y = W·x + b} with {@code W} (out × in, row-major) then {@code b} (out) in θ. On a batch
 * {@code X} (batch × in) the products are GEMMs through the {@link Blas} seam:
 * <ul>
 *   <li>forward {@code Y = X·Wᵀ + 1bᵀ};</li>
 *   <li>tangent {@code Ẏ = Ẋ·Wᵀ + X·Vᵀ + 1vᵦᵀ} (V, vᵦ the parameter tangent);</li>
 *   <li>adjoint {@code ∇W += Ȳᵀ·X}, {@code ∇b += Ȳᵀ·1}, {@code X̄ = Ȳ·W};</li>
 *   <li>per sample {@code ∇W_s = ȳ_s ⊗ x_s}, {@code ∇b_s = ȳ_s}.</li>
 * </ul>
 */
public final class Dense implements Layer {
    /** Weight initialization. */
    public enum Init {
        /** Glorot (Xavier) uniform: {@code U(−a, a)}, {@code a = √(6/(in + out))}; for sigmoid, tanh. */
        GLOROT_UNIFORM,
        /** He normal: {@code N(0, 2/in)}; for ReLU-type activations. */
        HE_NORMAL
    }

    private final int in;
    private final int out;
    private final Init init;
    private final Blas blas;

    /**
     * Glorot-initialized dense layer.
     *
     * @param in input size, {@code >= 1}
     * @param out output size, {@code >= 1}
     */
    public Dense(int in, int out) {
        this(in, out, Init.GLOROT_UNIFORM);
    }

    /**
     * @param in input size, {@code >= 1}
     * @param out output size, {@code >= 1}
     * @param init the weight initialization; biases start at zero
     * @throws IllegalArgumentException if a size is not positive
     */
    public Dense(int in, int out, Init init) {
        this(in, out, init, BlasProvider.blas());
    }

    private Dense(int in, int out, Init init, Blas blas) {
        ArgumentChecks.requirePositive("in", in);
        ArgumentChecks.requirePositive("out", out);
        this.in = in;
        this.out = out;
        this.init = init;
        this.blas = blas;
    }

    /**
     * This layer with its GEMMs (forward, tangent, adjoint, input cotangents) in the given precision, through
     * {@link Blas#withPrecision}; the same function of the same parameters. The bias sums and the per-sample outer
     * products {@code ȳ_s ⊗ x_s} stay in float64.
     */
    @Override
    public Dense withPrecision(Precision precision) {
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null, expected F32 or F64");
        }
        return precision == blas.precision() ? this
                : new Dense(in, out, init, BlasProvider.blas().withPrecision(precision));
    }

    @Override
    public Precision precision() {
        return blas.precision();
    }

    private static final class State implements LayerState {
        final int maxBatch;
        double[] x;

        State(int maxBatch) {
            this.maxBatch = maxBatch;
        }

        @Override
        public int maxBatch() {
            return maxBatch;
        }
    }

    @Override
    public String name() {
        return "Dense(" + in + "→" + out + ")";
    }

    @Override
    public Shape inputShape() {
        return Shape.of(in);
    }

    @Override
    public Shape outputShape() {
        return Shape.of(out);
    }

    @Override
    public int parameterCount() {
        return out * in + out;
    }

    @Override
    public LayerState newState(int maxBatch) {
        return new State(maxBatch);
    }

    @Override
    public void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state) {
        ((State) state).x = x;
        blas.dgemm(Transpose.NO, Transpose.YES, batch, out, in, 1.0, x, 0, in, theta, off, in, 0.0, y, 0, out);
        addBias(theta, off + out * in, batch, y);
    }

    private void addBias(double[] b, int bOff, int batch, double[] y) {
        for (int s = 0; s < batch; s++) {
            int row = s * out;
            for (int o = 0; o < out; o++) {
                y[row + o] += b[bOff + o];
            }
        }
    }

    @Override
    public void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state) {
        double[] x = ((State) state).x;
        double beta = 0.0;
        if (xt != null) {
            blas.dgemm(Transpose.NO, Transpose.YES, batch, out, in, 1.0, xt, 0, in, theta, off, in, 0.0, yt, 0, out);
            beta = 1.0;
        }
        if (v != null) {
            blas.dgemm(Transpose.NO, Transpose.YES, batch, out, in, 1.0, x, 0, in, v, off, in, beta, yt, 0, out);
            addBias(v, off + out * in, batch, yt);
        } else if (xt == null) {
            java.util.Arrays.fill(yt, 0, batch * out, 0.0);
        }
    }

    @Override
    public void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state) {
        double[] x = ((State) state).x;
        if (grad != null) {
            blas.dgemm(Transpose.YES, Transpose.NO, out, in, batch, 1.0, yb, 0, out, x, 0, in, 1.0, grad, off, in);
            int bOff = off + out * in;
            for (int s = 0; s < batch; s++) {
                int row = s * out;
                for (int o = 0; o < out; o++) {
                    grad[bOff + o] += yb[row + o];
                }
            }
        }
        if (xb != null) {
            blas.dgemm(Transpose.NO, Transpose.NO, batch, in, out, 1.0, yb, 0, out, theta, off, in, 0.0, xb, 0, in);
        }
    }

    @Override
    public void vjpPerSample(double[] theta, int off, int batch, double[] yb, double[] rows, int rowOffset,
            int rowStride, double[] xb, LayerState state) {
        double[] x = ((State) state).x;
        for (int s = 0; s < batch; s++) {
            int base = rowOffset + s * rowStride + off;
            int xRow = s * in;
            for (int o = 0; o < out; o++) {
                double g = yb[s * out + o];
                int w = base + o * in;
                for (int i = 0; i < in; i++) {
                    rows[w + i] = g * x[xRow + i];
                }
                rows[base + out * in + o] = g;
            }
        }
        if (xb != null) {
            blas.dgemm(Transpose.NO, Transpose.NO, batch, in, out, 1.0, yb, 0, out, theta, off, in, 0.0, xb, 0, in);
        }
    }

    @Override
    public void initialize(double[] theta, int off, Random rng) {
        if (init == Init.HE_NORMAL) {
            double sd = Math.sqrt(2.0 / in);
            for (int k = 0; k < out * in; k++) {
                theta[off + k] = sd * rng.nextGaussian();
            }
        } else {
            double a = Math.sqrt(6.0 / (in + out));
            for (int k = 0; k < out * in; k++) {
                theta[off + k] = a * (2 * rng.nextDouble() - 1);
            }
        }
        java.util.Arrays.fill(theta, off + out * in, off + out * in + out, 0.0);
    }
}
