package org.gn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.gn4j.gn.core.CgIterations;
import org.gn4j.gn.core.StepOutcome;
import org.gn4j.gn.stochastic.Damping;
import org.gn4j.gn.stochastic.LineSearch;
import org.gn4j.gn.stochastic.Sgn;
import org.gn4j.gn.stochastic.StepResult;
import org.gn4j.linalg.blas.Precision;
import org.gn4j.nn.layers.Activation;
import org.gn4j.nn.layers.Conv2d;
import org.gn4j.nn.layers.Dense;
import org.gn4j.nn.layers.Flatten;
import org.gn4j.nn.layers.MaxPool2d;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every product of a {@link Precision#F32} layer against the same layer in {@link Precision#F64}: forward, JVP (input
 * and parameter tangents), VJP (parameter gradient and input cotangent) and per-sample VJP rows, then the network
 * products (loss, gradient, GGN product, per-sample Jacobian) and a converged SGN step.
 *
 * <p>Bound per product: the relative 2-norm error is at most {@code depth·2⁻²⁴}, with depth the length of the sums
 * the product's GEMMs run over: the fan-in {@code C·kh·kw} (or {@code in}) for the forward pass, the JVP and the
 * per-sample rows; {@code K·kh·kw} (or {@code out}) for the input cotangent; {@code batch·pixels} for the batch
 * gradient. A float dot product of length n errs by at most {@code n·u·Σ|a_i b_i|}, and {@code Σ|a_i b_i|} stays
 * within a small factor of the norm of the result for these random operands. The float32 BLAS runs in float64 the
 * products that float arithmetic does not speed up on double storage (few rows, depth at most 64: most GEMMs of these
 * small layers), so here a product may equal the float64 one; {@link #float32KernelWhereItPays} and the SGN step
 * check that the float kernel runs where it should: a float32 network that silently computed in float64 fails there.
 */
class Float32ProductsTest {
    private static final double U = 0x1p-24;

    private static double relErr(double[] ref, double[] got, int n) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double d = got[i] - ref[i];
            num += d * d;
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / Math.max(den, Double.MIN_NORMAL));
    }

    private static void assertFloatClose(double[] ref, double[] got, int n, double depth, String what) {
        double e = relErr(ref, got, n);
        double bound = depth * U;
        assertTrue(e <= bound, what + ": relative error " + e + ", bound " + bound + " (depth " + depth + ")");
    }

    /**
     * A dense layer whose forward GEMM ({@code 100 × 70 × 300}) and input cotangent ({@code 100 × 300 × 70}) have many
     * rows and a depth above 64 runs them in the float kernel: within the bound of float64, and not equal to it.
     */
    @Test
    void float32KernelWhereItPays() {
        int batch = 100;
        Dense f64 = new Dense(300, 70);
        Layer f32 = f64.withPrecision(Precision.F32);
        Random r = new Random(7);
        double[] theta = new double[f64.parameterCount()];
        f64.initialize(theta, 0, r);
        double[] x = LayerChecks.gaussian(batch * 300, r, 1);
        double[] yb = LayerChecks.gaussian(batch * 70, r, 1);
        double[] y64 = new double[batch * 70];
        double[] y32 = new double[batch * 70];
        double[] xb64 = new double[batch * 300];
        double[] xb32 = new double[batch * 300];
        LayerState s64 = f64.newState(batch);
        LayerState s32 = f32.newState(batch);
        f64.forward(theta, 0, batch, x, y64, s64);
        f32.forward(theta, 0, batch, x, y32, s32);
        f64.vjp(theta, 0, batch, yb, null, xb64, s64);
        f32.vjp(theta, 0, batch, yb, null, xb32, s32);
        assertFloatClose(y64, y32, y64.length, 300, "forward");
        assertFloatClose(xb64, xb32, xb64.length, 70, "input cotangent");
        assertTrue(relErr(y64, y32, y64.length) > 1e-12, "forward in float64: float kernel not used");
        assertTrue(relErr(xb64, xb32, xb64.length) > 1e-12, "input cotangent in float64: float kernel not used");
    }

    /** Runs every layer product in both precisions and compares them; {@code depths}: fwd, xbar, grad. */
    private static void compareLayer(Layer f64, int batch, long seed, double fwdDepth, double xbDepth,
            double gradDepth) {
        Layer f32 = f64.withPrecision(Precision.F32);
        assertEquals(Precision.F32, f32.precision());
        assertSame(f64, f64.withPrecision(Precision.F64));
        Random r = new Random(seed);
        int in = f64.inputShape().size();
        int out = f64.outputShape().size();
        int d = f64.parameterCount();
        double[] theta = new double[d];
        f64.initialize(theta, 0, r);
        for (int i = 0; i < d; i++) {
            theta[i] += 0.1 * r.nextGaussian(); // non-zero biases
        }
        double[] x = LayerChecks.gaussian(batch * in, r, 1);
        double[] xt = LayerChecks.gaussian(batch * in, r, 1);
        double[] v = LayerChecks.gaussian(d, r, 1);
        double[] yb = LayerChecks.gaussian(batch * out, r, 1);
        LayerState s64 = f64.newState(batch);
        LayerState s32 = f32.newState(batch);
        double[] y64 = new double[batch * out];
        double[] y32 = new double[batch * out];
        f64.forward(theta, 0, batch, x, y64, s64);
        f32.forward(theta, 0, batch, x, y32, s32);
        String name = f64.name();
        assertFloatClose(y64, y32, y64.length, fwdDepth, name + " forward");

        double[] t64 = new double[batch * out];
        double[] t32 = new double[batch * out];
        f64.jvp(theta, 0, v, batch, xt, t64, s64);
        f32.jvp(theta, 0, v, batch, xt, t32, s32);
        assertFloatClose(t64, t32, t64.length, 2 * fwdDepth, name + " jvp");

        double[] g64 = new double[d];
        double[] g32 = new double[d];
        double[] xb64 = new double[batch * in];
        double[] xb32 = new double[batch * in];
        f64.vjp(theta, 0, batch, yb, g64, xb64, s64);
        f32.vjp(theta, 0, batch, yb, g32, xb32, s32);
        assertFloatClose(g64, g32, d, gradDepth, name + " vjp gradient");
        assertFloatClose(xb64, xb32, xb64.length, xbDepth, name + " vjp input cotangent");

        double[] rows64 = new double[batch * d];
        double[] rows32 = new double[batch * d];
        f64.vjpPerSample(theta, 0, batch, yb, rows64, 0, d, xb64, s64);
        f32.vjpPerSample(theta, 0, batch, yb, rows32, 0, d, xb32, s32);
        double rowErr = relErr(rows64, rows32, rows64.length);
        // per-sample rows of a dense layer are outer products, exact in float64; a convolution's are sums over
        // output pixels
        assertTrue(rowErr <= gradDepth * U, name + " per-sample rows: relative error " + rowErr);
        assertFloatClose(xb64, xb32, xb64.length, xbDepth, name + " per-sample input cotangent");
    }

    @Test
    void denseProducts() {
        int batch = 41;
        // GEMMs of 41·37·29 multiply-adds and more: the packed float kernel; fan-in 37, fan-out 29
        compareLayer(new Dense(37, 29), batch, 1, 37, 29, batch);
        compareLayer(new Dense(300, 70), batch, 2, 300, 70, batch);
    }

    @Test
    void convolutionByColumns() {
        int batch = 6;
        Conv2d conv = new Conv2d(3, 10, 10, 8, 3, 3, 1, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.COLUMNS);
        compareLayer(conv, batch, 3, 27, 72, batch * 100);
    }

    @Test
    void convolutionByWinograd() {
        int batch = 5;
        Conv2d conv = new Conv2d(16, 8, 8, 12, 3, 3, 1, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.WINOGRAD);
        // Winograd's transforms add a few terms per tile: depth 4× the fan-in
        compareLayer(conv, batch, 4, 4 * 144, 4 * 108, 4 * batch * 64);
    }

    /**
     * Convolutions whose products run in the float kernel: by columns with 40 output channels and a fan-in of 72
     * (forward GEMM {@code 40 × n·36 × 72}, weight gradient {@code 40 × 72 × n·36}), Winograd with 40 output channels
     * and 16 input channels (weight gradients {@code 40 × 16} over blocks of 72 tiles; its other products, of depth 16
     * and 40, run in float64). Every product within its bound; the float kernel's differ from float64's.
     */
    @Test
    void convolutionsInTheFloatKernel() {
        int batch = 5;
        Conv2d columns = new Conv2d(8, 6, 6, 40, 3, 3, 1, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.COLUMNS);
        compareLayer(columns, batch, 8, 72, 360, batch * 36);
        assertFloat32(columns, batch, 8, true);
        Conv2d winograd = new Conv2d(16, 12, 12, 40, 3, 3, 1, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.WINOGRAD);
        compareLayer(winograd, batch, 9, 4 * 144, 4 * 360, 4 * batch * 144);
        assertFloat32(winograd, batch, 9, false);
    }

    /**
     * The parameter gradient (and the forward pass if {@code forward}) of the float32 layer differs from float64's:
     * the float kernel ran.
     */
    private static void assertFloat32(Layer f64, int batch, long seed, boolean forward) {
        Layer f32 = f64.withPrecision(Precision.F32);
        Random r = new Random(seed);
        int in = f64.inputShape().size();
        int out = f64.outputShape().size();
        int d = f64.parameterCount();
        double[] theta = new double[d];
        f64.initialize(theta, 0, r);
        double[] x = LayerChecks.gaussian(batch * in, r, 1);
        double[] yb = LayerChecks.gaussian(batch * out, r, 1);
        double[] y64 = new double[batch * out];
        double[] y32 = new double[batch * out];
        double[] g64 = new double[d];
        double[] g32 = new double[d];
        LayerState s64 = f64.newState(batch);
        LayerState s32 = f32.newState(batch);
        f64.forward(theta, 0, batch, x, y64, s64);
        f32.forward(theta, 0, batch, x, y32, s32);
        f64.vjp(theta, 0, batch, yb, g64, null, s64);
        f32.vjp(theta, 0, batch, yb, g32, null, s32);
        if (forward) {
            assertTrue(relErr(y64, y32, y64.length) > 1e-12, f64.name() + " forward in float64: float kernel not used");
        }
        assertTrue(relErr(g64, g32, d) > 1e-12, f64.name() + " gradient in float64: float kernel not used");
    }

    @Test
    void parameterFreeLayersAndNetworks() {
        Layer act = new Activation(Activation.Function.TANH, 5);
        assertSame(act, act.withPrecision(Precision.F32));
        assertThrows(IllegalArgumentException.class, () -> act.withPrecision(null));
        Sequential net = Sequential.of(new Dense(4, 5), act, new Dense(5, 2));
        assertEquals(Precision.F64, net.precision());
        Sequential f32 = net.withPrecision(Precision.F32);
        assertEquals(Precision.F32, f32.precision());
        assertEquals(Precision.F32, f32.layer(0).precision());
        assertEquals(Precision.F64, f32.withPrecision(Precision.F64).layer(2).precision());
        assertEquals(net.parameterCount(), f32.parameterCount());
        assertThrows(IllegalArgumentException.class, () -> net.withPrecision(null));
    }

    private static Sequential cnn(Precision p) {
        return new Sequential(List.of(
                new Conv2d(2, 8, 8, 6, 3, 3, 1, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.COLUMNS),
                new MaxPool2d(6, 8, 8, 2, 2),
                new Activation(Activation.Function.RELU, Shape.of(6, 4, 4)),
                new Flatten(Shape.of(6, 4, 4)),
                new Dense(96, 20),
                new Activation(Activation.Function.TANH, 20),
                new Dense(20, 4)), p);
    }

    /** Loss, gradient, GGN product and per-sample Jacobian of a small CNN through {@link MiniBatchProducts}. */
    @Test
    void networkProducts() {
        int b = 24;
        Sequential n64 = cnn(Precision.F64);
        Sequential n32 = cnn(Precision.F32);
        double[] theta = n64.initialParameters(5);
        Random r = new Random(6);
        int in = n64.inputShape().size();
        int c = 4;
        int d = n64.parameterCount();
        double[] x = LayerChecks.gaussian(b * in, r, 1);
        double[] y = MiniBatchProductsTest.randomTargets(b, c, true, r);
        MiniBatchProducts m64 = new MiniBatchProducts(n64, new SoftmaxCrossEntropy(), b);
        MiniBatchProducts m32 = new MiniBatchProducts(n32, new SoftmaxCrossEntropy(), b);
        double l64 = m64.evaluate(theta, b, x, 0, y, 0);
        double l32 = m32.evaluate(theta, b, x, 0, y, 0);
        // the loss sum is float64 over float32 logits: error of the logits (depth 96 + 18·... ≈ fan-ins) times ~1
        assertTrue(Math.abs(l32 - l64) <= 200 * U * Math.abs(l64), "loss " + l32 + " vs " + l64);
        double[] g64 = new double[d];
        double[] g32 = new double[d];
        m64.gradient(g64);
        m32.gradient(g32);
        assertFloatClose(g64, g32, d, 10 * b * 16, "network gradient");
        double[] v = LayerChecks.gaussian(d, r, 1);
        double[] h64 = new double[d];
        double[] h32 = new double[d];
        m64.ggnTimes(v, h64);
        m32.ggnTimes(v, h32);
        assertFloatClose(h64, h32, d, 10 * b * 16, "GGN product");
        double[] j64 = new double[b * c * d];
        double[] j32 = new double[b * c * d];
        m64.perSampleJacobian(j64);
        m32.perSampleJacobian(j32);
        assertFloatClose(j64, j32, j64.length, 10 * 64, "per-sample Jacobian");
    }

    /**
     * One SGN step (fixed damping, CG run to convergence, no line search) on a small network in float32 products
     * against the same step in float64: within 1e-4 relative. CG's vectors, dot products and the damping are float64 in
     * both; only J·v and Jᵀu differ. Hidden widths 80 and 100: the second layer's forward and tangent GEMMs
     * ({@code rows × 100 × 80}, depth above 64 and below the width) run in the float kernel however the batch is
     * shared out among threads.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sgnStepInMixedPrecisionMatchesFloat64(boolean crossEntropy) {
        Sequential n64 = Sequential.of(new Dense(12, 80), new Activation(Activation.Function.TANH, 80),
                new Dense(80, 100), new Activation(Activation.Function.SIGMOID, 100), new Dense(100, 3));
        Sequential n32 = n64.withPrecision(Precision.F32);
        double[] theta = n64.initialParameters(31);
        Random r = new Random(32);
        int b = 64;
        double[] x = LayerChecks.gaussian(b * 12, r, 1);
        double[] y = MiniBatchProductsTest.randomTargets(b, 3, crossEntropy, r);
        double[] s64 = step(n64, crossEntropy, b, x, y, theta);
        double[] s32 = step(n32, crossEntropy, b, x, y, theta);
        double e = relErr(s64, s32, s64.length);
        assertTrue(e <= 1e-4, "SGN step: relative difference " + e);
        assertTrue(e > 1e-12, "SGN step: relative difference " + e + " is float64-level");
    }

    private static double[] step(Sequential net, boolean crossEntropy, int b, double[] x, double[] y,
            double[] theta0) {
        MiniBatchProducts mb = new MiniBatchProducts(net, crossEntropy ? new SoftmaxCrossEntropy()
                : new SquaredError(), b);
        double[] theta = theta0.clone();
        mb.evaluate(theta, b, x, 0, y, 0);
        Sgn sgn = new Sgn().withDamping(Damping.fixed(1e-2)).withLineSearch(LineSearch.none())
                .withCgIterations(CgIterations.fixed(500, 1e-12));
        StepResult res = sgn.step(theta, mb);
        assertSame(StepOutcome.OK, res.status(), res.toString());
        double[] s = new double[theta.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = theta[i] - theta0[i];
        }
        return s;
    }
}
