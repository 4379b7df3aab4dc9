package org.gn4j.nn.layers;

import java.util.Random;

import org.apache.commons.math3.special.Erf;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Elementwise;
import org.gn4j.nn.Layer;
import org.gn4j.nn.LayerState;
import org.gn4j.nn.Shape;

/**
 * An elementwise activation {@code y = σ(x)} on samples of any shape. The forward pass caches {@code σ'(x)}, so the
 * tangent {@code ẏ = σ'(x)·ẋ} and adjoint {@code x̄ = σ'(x)·ȳ} passes are one multiply each. No parameters.
 */
public final class Activation implements Layer {
    private static final Elementwise TANH = BlasProvider.elementwise();
    /** The supported functions with their derivatives. */
    public enum Function {
        /** {@code 1/(1 + e^{−x})}, derivative {@code σ(1 − σ)}. */
        SIGMOID,
        /** {@code tanh x}, derivative {@code 1 − tanh²x}. */
        TANH,
        /** {@code max(0, x)}, derivative 1 for x > 0 and 0 otherwise (0 at the kink). */
        RELU,
        /** {@code ln(1 + e^x)} (overflow-safe), derivative the sigmoid. */
        SOFTPLUS,
        /** Exact GELU {@code x·Φ(x)}, derivative {@code Φ(x) + x·φ(x)}. */
        GELU,
        /** {@code sin x}, derivative {@code cos x}. */
        SIN;

        /** Writes σ(x) and returns σ'(x) through {@code d[0]}. */
        double apply(double x, double[] d) {
            switch (this) {
                case SIGMOID: {
                    double s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
                    d[0] = s * (1 - s);
                    return s;
                }
                case TANH:
                    // whole arrays through Elementwise in forward, so every tanh of the layer has the same bits
                    throw new AssertionError("TANH is computed by Activation.forward");
                case RELU:
                    d[0] = x > 0 ? 1 : 0;
                    return x > 0 ? x : 0;
                case SOFTPLUS: {
                    d[0] = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
                    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
                }
                case GELU: {
                    double cdf = 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
                    double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
                    d[0] = cdf + x * pdf;
                    return x * cdf;
                }
                default:
                    d[0] = Math.cos(x);
                    return Math.sin(x);
            }
        }

        /**
         * Whether {@link #derivatives} supports this function (the smooth ones PINNs use: TANH and SIN).
         *
         * @return true for TANH and SIN, false otherwise
         */
        public boolean hasThirdDerivative() {
            return this == TANH || this == SIN;
        }

        /**
         * σ(z) and its first three derivatives for {@code count} values {@code z[i]} into {@code out[4i..4i+3]}: what
         * the PINN forward Laplacian (first and second derivatives) and its parameter Jacobian (the third) need. TANH
         * runs through the same vectorized elementwise kernel as the layer's forward pass ({@code t} and
         * {@code d1 = 1 − t²}, then {@code −2t·d1} and {@code d1·(4t² − 2d1)}); SIN gives {@code sin, cos, −sin, −cos}.
         *
         * @param count number of values, {@code >= 0}
         * @param z the arguments, at least {@code count} entries; not modified
         * @param work at least {@code 2·count} entries of scratch
         * @param out receives σ, σ', σ'' and σ''' of each value, at least {@code 4·count} entries
         * @throws IllegalArgumentException for a function without {@link #hasThirdDerivative()}
         */
        public void derivatives(int count, double[] z, double[] work, double[] out) {
            if (this == TANH) {
                TANH_KERNEL.tanh(count, z, 0, work, 0, work, count);
                for (int i = 0; i < count; i++) {
                    double t = work[i];
                    double d1 = work[count + i];
                    out[4 * i] = t;
                    out[4 * i + 1] = d1;
                    out[4 * i + 2] = -2 * t * d1;
                    out[4 * i + 3] = d1 * (4 * t * t - 2 * d1);
                }
            } else if (this == SIN) {
                for (int i = 0; i < count; i++) {
                    double sn = Math.sin(z[i]);
                    double c = Math.cos(z[i]);
                    out[4 * i] = sn;
                    out[4 * i + 1] = c;
                    out[4 * i + 2] = -sn;
                    out[4 * i + 3] = -c;
                }
            } else {
                throw new IllegalArgumentException("activation is " + this + ", expected TANH or SIN (a function "
                        + "with three derivatives)");
            }
        }

        /**
         * σ(z) (TANH with the bits of the vectorized kernel).
         *
         * @param z the argument
         * @return σ(z)
         */
        public double value(double z) {
            double[] work = new double[2];
            if (hasThirdDerivative()) {
                double[] out = new double[4];
                derivatives(1, new double[] {z}, work, out);
                return out[0];
            }
            return apply(z, work);
        }
    }

    private static final Elementwise TANH_KERNEL = BlasProvider.elementwise();

    private final Function f;
    private final Shape shape;

    /**
     * The activation on samples of the given shape.
     *
     * @param f the function; not null
     * @param shape the shape of one sample, input and output alike; not null
     */
    public Activation(Function f, Shape shape) {
        if (f == null || shape == null) {
            throw new IllegalArgumentException("function and shape must not be null");
        }
        this.f = f;
        this.shape = shape;
    }

    /**
     * The activation on vectors of length {@code size}.
     *
     * @param f the function; not null
     * @param size the vector length, {@code >= 1}
     */
    public Activation(Function f, int size) {
        this(f, Shape.of(size));
    }

    /**
     * The function.
     *
     * @return the function applied
     */
    public Function function() {
        return f;
    }

    private static final class State implements LayerState {
        final int maxBatch;
        /** σ'(x) of the last forward pass; not kept for ReLU, whose derivative is read off the output. */
        final double[] derivative;
        final double[] tmp = new double[1];
        /** ReLU: the output of the last forward pass, held by reference (it is the next layer's input on the tape). */
        double[] y;

        State(int maxBatch, int size, boolean keepDerivative) {
            this.maxBatch = maxBatch;
            this.derivative = keepDerivative ? new double[maxBatch * size] : null;
        }

        @Override
        public int maxBatch() {
            return maxBatch;
        }
    }

    @Override
    public String name() {
        return f.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public Shape outputShape() {
        return shape;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public LayerState newState(int maxBatch) {
        return new State(maxBatch, shape.size(), f != Function.RELU);
    }

    @Override
    public void forward(double[] theta, int off, int batch, double[] x, double[] y, LayerState state) {
        State st = (State) state;
        int n = batch * shape.size();
        if (f == Function.RELU) {
            // the common case in CNNs: no per-element dispatch and no branches (the signs of pre-activations are
            // unpredictable), only max, which the JIT vectorizes; the derivative is not stored but read off y later
            // (see reluDerivative), which saves a pass over memory as large as the activations
            for (int i = 0; i < n; i++) {
                y[i] = Math.max(x[i], 0.0);
            }
            st.y = y;
            return;
        }
        double[] d = st.derivative;
        if (f == Function.TANH) {
            // vectorized and bit-reproducible; Math.tanh is one library call per entry (TanhBenchmark: 3.3× slower)
            TANH.tanh(n, x, 0, y, 0, d, 0);
            return;
        }
        double[] tmp = st.tmp;
        for (int i = 0; i < n; i++) {
            y[i] = f.apply(x[i], tmp);
            d[i] = tmp[0];
        }
    }

    @Override
    public void jvp(double[] theta, int off, double[] v, int batch, double[] xt, double[] yt, LayerState state) {
        int n = batch * shape.size();
        if (xt == null) {
            java.util.Arrays.fill(yt, 0, n, 0.0);
            return;
        }
        State st = (State) state;
        if (f == Function.RELU) {
            double[] y = st.y;
            for (int i = 0; i < n; i++) {
                yt[i] = reluDerivative(y[i]) * xt[i];
            }
            return;
        }
        double[] d = st.derivative;
        for (int i = 0; i < n; i++) {
            yt[i] = d[i] * xt[i];
        }
    }

    /**
     * ReLU's derivative from its output {@code y = max(x, 0)}: {@code ceil(min(y, 1))} is 1 for y > 0 (x > 0) and 0
     * for y = 0, without a branch; NaN stays NaN.
     */
    private static double reluDerivative(double y) {
        return Math.ceil(Math.min(y, 1.0));
    }

    @Override
    public void vjp(double[] theta, int off, int batch, double[] yb, double[] grad, double[] xb, LayerState state) {
        if (xb == null) {
            return;
        }
        int n = batch * shape.size();
        State st = (State) state;
        if (f == Function.RELU) {
            double[] y = st.y;
            for (int i = 0; i < n; i++) {
                xb[i] = reluDerivative(y[i]) * yb[i];
            }
            return;
        }
        double[] d = st.derivative;
        for (int i = 0; i < n; i++) {
            xb[i] = d[i] * yb[i];
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
