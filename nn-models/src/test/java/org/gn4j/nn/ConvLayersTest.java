package org.gn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.nn.layers.Activation;
import org.gn4j.nn.layers.AvgPool2d;
import org.gn4j.nn.layers.Conv2d;
import org.gn4j.nn.layers.Dense;
import org.gn4j.nn.layers.Flatten;
import org.gn4j.nn.layers.MaxPool2d;
import org.gn4j.nn.layers.NaiveConvolution;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;

/** Convolution and pooling layers: derivative checks, forward passes against direct loops, a small CNN's GGN. */
class ConvLayersTest {

    @Test
    void conv2dDerivatives() {
        LayerChecks.checkAll(new Conv2d(1, 6, 6, 2, 3, 1, 0), 1, 1);
        LayerChecks.checkAll(new Conv2d(1, 7, 5, 3, 3, 3, 2, 1), 5, 2); // stride 2 + padding, non-square
        LayerChecks.checkAll(new Conv2d(3, 8, 8, 4, 3, 3, 1, 1), 5, 3); // 3 input channels, "same" padding
        LayerChecks.checkAll(new Conv2d(3, 9, 7, 2, 5, 3, 2, 2), 1, 4); // rectangular kernel, padding 2
        LayerChecks.checkAll(new Conv2d(2, 5, 5, 3, 1, 1, 1, 0), 5, 5); // 1×1 kernel
        LayerChecks.checkAll(new Conv2d(2, 6, 6, 2, 3, 3, 1, 0, Dense.Init.GLOROT_UNIFORM), 3, 6);
        // 1 channel, 3×3 kernel, 16×16 outputs: blocks of 14 samples (BLOCK_DOUBLES / 2304), 33 samples = 14 + 14 + 5
        LayerChecks.checkAll(new Conv2d(1, 16, 16, 2, 3, 1, 1), 33, 7);
        // 8 channels, 16×16: one sample per block (72·256 doubles of columns), the path whose GEMMs read and write the
        // samples' outputs in place
        LayerChecks.checkAll(new Conv2d(8, 16, 16, 3, 3, 3, 1, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.COLUMNS), 3,
                8);
    }

    @Test
    void winogradConvolutionDerivatives() {
        // even and odd output sizes (a last tile row/column half outside), paddings 0, 1, 2, one channel
        LayerChecks.checkAll(winograd(3, 8, 8, 4, 1), 5, 11);
        LayerChecks.checkAll(winograd(2, 7, 9, 3, 0), 4, 12); // 5×7 output: odd both ways
        LayerChecks.checkAll(winograd(1, 6, 5, 2, 2), 3, 13); // 8×7 output, two rows of tiles all padding
        LayerChecks.checkAll(winograd(2, 3, 3, 2, 0), 6, 14); // one 1×1 output per sample: a tile with 3 dropped
        // 32 → 64 channels, 16×16: blocks of half a sample (32 of its 64 tiles), the per-sample path's sample split
        // across blocks
        LayerChecks.checkAll(winograd(32, 16, 16, 64, 1), 3, 15);
        // 64 → 64, 8×8 (16 tiles): blocks of two samples, 5 samples = 2 + 2 + 1
        LayerChecks.checkAll(winograd(64, 8, 8, 64, 1), 5, 16);
    }

    private static Conv2d winograd(int c, int h, int w, int k, int pad) {
        return new Conv2d(c, h, w, k, 3, 3, 1, pad, Dense.Init.HE_NORMAL, Conv2d.Algorithm.WINOGRAD);
    }

    private static Conv2d columns(int c, int h, int w, int k, int pad) {
        return new Conv2d(c, h, w, k, 3, 3, 1, pad, Dense.Init.HE_NORMAL, Conv2d.Algorithm.COLUMNS);
    }

    /** Every pass of the Winograd layer against the column algorithm on the same θ, inputs and cotangents. */
    @Test
    void winogradMatchesTheColumnAlgorithm() {
        int[][] configs = { // c, h, w, k, pad, batch
            {32, 16, 16, 64, 1, 3}, {64, 8, 8, 64, 1, 5}, {3, 32, 32, 32, 1, 2}, {5, 11, 6, 7, 0, 4},
            {4, 5, 5, 3, 2, 7}};
        Random r = new Random(23);
        for (int[] g : configs) {
            Conv2d wino = winograd(g[0], g[1], g[2], g[3], g[4]);
            Conv2d cols = columns(g[0], g[1], g[2], g[3], g[4]);
            assertEquals(Conv2d.Algorithm.WINOGRAD, wino.algorithm());
            int batch = g[5];
            int in = wino.inputShape().size();
            int out = wino.outputShape().size();
            int np = wino.parameterCount();
            int off = 5;
            double[] theta = LayerChecks.gaussian(off + np, r, 0.3);
            double[] v = LayerChecks.gaussian(off + np, r, 1);
            double[] x = LayerChecks.gaussian(batch * in, r, 1);
            double[] xt = LayerChecks.gaussian(batch * in, r, 1);
            double[] yb = LayerChecks.gaussian(batch * out, r, 1);
            LayerState sw = wino.newState(batch + 1);
            LayerState sc = cols.newState(batch + 1);
            String name = wino.name();

            double[] yw = new double[batch * out];
            double[] yc = new double[batch * out];
            wino.forward(theta, off, batch, x, yw, sw);
            cols.forward(theta, off, batch, x, yc, sc);
            Tolerances.assertRelativeClose(yc, yw, 1e-12, name + " forward");

            // tangent: both terms, then each alone
            double[][][] tangents = {{v, xt}, {v, null}, {null, xt}};
            for (double[][] t : tangents) {
                wino.jvp(theta, off, t[0], batch, t[1], yw, sw);
                cols.jvp(theta, off, t[0], batch, t[1], yc, sc);
                Tolerances.assertRelativeClose(yc, yw, 1e-12, name + " jvp, v " + (t[0] != null) + ", ẋ "
                        + (t[1] != null));
            }

            double[] gw = LayerChecks.gaussian(off + np, r, 1);
            double[] gc = gw.clone();
            double[] xbw = new double[batch * in];
            double[] xbc = new double[batch * in];
            Arrays.fill(xbw, Double.NaN); // overwritten, not accumulated
            wino.vjp(theta, off, batch, yb, gw, xbw, sw);
            cols.vjp(theta, off, batch, yb, gc, xbc, sc);
            Tolerances.assertRelativeClose(gc, gw, 1e-12, name + " gradient (accumulated onto a non-zero one)");
            Tolerances.assertRelativeClose(xbc, xbw, 1e-12, name + " input cotangent");

            int stride = off + np + 3;
            double[] rw = new double[batch * stride];
            double[] rc = new double[batch * stride];
            Arrays.fill(rw, 9.0); // the layer's slice of each row is overwritten
            Arrays.fill(rc, 9.0);
            wino.vjpPerSample(theta, off, batch, yb, rw, 2, stride, xbw, sw);
            cols.vjpPerSample(theta, off, batch, yb, rc, 2, stride, xbc, sc);
            Tolerances.assertRelativeClose(rc, rw, 1e-12, name + " per-sample gradients");
            Tolerances.assertRelativeClose(xbc, xbw, 1e-12, name + " per-sample input cotangent");
        }
    }

    @Test
    void algorithmChoiceAndErrors() {
        assertEquals(Conv2d.Algorithm.WINOGRAD, new Conv2d(32, 16, 16, 64, 3, 1, 1).algorithm());
        assertEquals(Conv2d.Algorithm.COLUMNS, new Conv2d(3, 32, 32, 32, 3, 1, 1).algorithm(), "few channels");
        assertEquals(Conv2d.Algorithm.COLUMNS, new Conv2d(32, 17, 17, 64, 3, 2, 1).algorithm(), "stride 2");
        assertEquals(Conv2d.Algorithm.COLUMNS, new Conv2d(32, 16, 16, 64, 5, 1, 2).algorithm(), "5×5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(8, 9, 9, 4, 3, 3, 2, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.WINOGRAD));
        assertTrue(e.getMessage().contains("stride 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(8, 9, 9, 4, 5, 3, 1, 1, Dense.Init.HE_NORMAL, Conv2d.Algorithm.WINOGRAD));
        assertTrue(e.getMessage().contains("5×3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(8, 9, 9, 4, 3, 3, 1, 1, Dense.Init.HE_NORMAL, null));
        assertTrue(e.getMessage().contains("algorithm"), e.getMessage());
    }

    @Test
    void conv2dForwardMatchesDirectConvolution() {
        int[][] configs = { // c, h, w, k, kh, kw, stride, pad
            {1, 12, 12, 4, 5, 5, 1, 0}, {3, 9, 7, 5, 3, 3, 2, 1}, {2, 11, 9, 3, 5, 5, 2, 2}, {4, 5, 6, 2, 1, 1, 1, 0},
            {8, 16, 16, 3, 3, 3, 1, 1}, // one sample per block
            {1, 7, 6, 2, 3, 3, 1, 0}, {3, 8, 8, 4, 3, 3, 1, 1}, {2, 5, 7, 3, 3, 3, 1, 2}}; // Winograd when forced
        Random r = new Random(17);
        for (int ci = 0; ci < configs.length; ci++) {
            int[] g = configs[ci];
            boolean winograd = ci >= 5;
            Conv2d conv = new Conv2d(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], Dense.Init.HE_NORMAL,
                    winograd ? Conv2d.Algorithm.WINOGRAD : Conv2d.Algorithm.COLUMNS);
            int batch = 3;
            int in = conv.inputShape().size();
            int out = conv.outputShape().size();
            // the layer's slice sits inside a larger θ
            int off = 7;
            double[] theta = new double[off + conv.parameterCount() + 2];
            conv.initialize(theta, off, r);
            for (int i = off; i < off + conv.parameterCount(); i++) {
                theta[i] += 0.1 * r.nextGaussian();
            }
            double[] x = LayerChecks.gaussian(batch * in, r, 1);
            double[] y = new double[batch * out];
            conv.forward(theta, off, batch, x, y, conv.newState(4));
            double[] slice = Arrays.copyOfRange(theta, off, off + conv.parameterCount());
            for (int s = 0; s < batch; s++) {
                double[] expected = NaiveConvolution.conv(slice, x, s * in, g[0], g[1], g[2], g[3], g[4], g[5], g[6],
                        g[7]);
                Tolerances.assertRelativeClose(expected, Arrays.copyOfRange(y, s * out, (s + 1) * out), 1e-12,
                        conv.name() + " sample " + s);
            }
        }
    }

    @Test
    void conv2dShapesAndParameters() {
        Conv2d conv = new Conv2d(3, 32, 32, 32, 3, 1, 1);
        assertEquals(Shape.of(3, 32, 32), conv.inputShape());
        assertEquals(Shape.of(32, 32, 32), conv.outputShape());
        assertEquals(32 * 27 + 32, conv.parameterCount());
        assertEquals(Shape.of(6, 14, 14), new Conv2d(6, 28, 28, 6, 2, 2, 2, 0).outputShape());
        assertEquals(Shape.of(2, 4, 3), new Conv2d(1, 7, 5, 2, 3, 3, 2, 1).outputShape());
        // blocks of one sample (27 × 1024 columns is about BLOCK_DOUBLES): columns + work 27 × 1024, output 32 × 1024
        assertEquals(2L * 27 * 1024 + 32 * 1024, conv.stateDoubles(4));
    }

    @Test
    void maxPoolDerivatives() {
        // LayerChecks draws |x| in [0.2, 1.2] with random signs: ties have probability zero, and with these seeds no
        // two entries of a window are within the difference step (1e-6) of each other
        LayerChecks.checkAll(new MaxPool2d(2, 6, 6, 2, 2), 3, 11);
        LayerChecks.checkAll(new MaxPool2d(3, 7, 5, 3, 2), 5, 12); // overlapping windows
        LayerChecks.checkAll(new MaxPool2d(1, 4, 4, 1, 1), 1, 13); // identity
    }

    @Test
    void avgPoolDerivatives() {
        LayerChecks.checkAll(new AvgPool2d(2, 6, 6, 2, 2), 3, 21);
        LayerChecks.checkAll(new AvgPool2d(3, 7, 5, 3, 2), 5, 22);
        LayerChecks.checkAll(new AvgPool2d(1, 5, 5, 5, 1), 1, 23); // global average
    }

    @Test
    void poolForwardMatchesDirectLoops() {
        Random r = new Random(5);
        int c = 3;
        int h = 9;
        int w = 7;
        int batch = 2;
        double[] x = LayerChecks.gaussian(batch * c * h * w, r, 1);
        for (boolean max : new boolean[] {true, false}) {
            Layer pool = max ? new MaxPool2d(c, h, w, 3, 2) : new AvgPool2d(c, h, w, 3, 2);
            int out = pool.outputShape().size();
            double[] y = new double[batch * out];
            pool.forward(null, 0, batch, x, y, pool.newState(batch));
            for (int s = 0; s < batch; s++) {
                double[] expected = NaiveConvolution.pool(max, x, s * c * h * w, c, h, w, 3, 2);
                Tolerances.assertRelativeClose(expected, Arrays.copyOfRange(y, s * out, (s + 1) * out), 1e-15,
                        pool.name());
            }
        }
        // the branch-free 2×2 path, on negative and positive values
        MaxPool2d pool = new MaxPool2d(c, 8, 6, 2, 2);
        double[] x2 = LayerChecks.gaussian(batch * c * 8 * 6, r, 1);
        double[] y2 = new double[batch * c * 4 * 3];
        pool.forward(null, 0, batch, x2, y2, pool.newState(batch));
        for (int s = 0; s < batch; s++) {
            double[] expected = NaiveConvolution.pool(true, x2, s * c * 8 * 6, c, 8, 6, 2, 2);
            assertArrayEquals(expected, Arrays.copyOfRange(y2, s * c * 12, (s + 1) * c * 12), 0.0, pool.name());
        }
    }

    /** At a tie the first maximum in row-major window order takes the whole tangent and cotangent. */
    @Test
    void maxPoolTiesGoToTheFirstIndex() {
        MaxPool2d pool = new MaxPool2d(1, 2, 4, 2, 2);
        double[] x = {1, 3, 5, 2, //
            3, 0, 5, 5};
        double[] y = new double[2];
        LayerState st = pool.newState(1);
        pool.forward(null, 0, 1, x, y, st);
        assertArrayEquals(new double[] {3, 5}, y, 0.0);
        double[] yt = new double[2];
        pool.jvp(null, 0, null, 1, new double[] {10, 11, 12, 13, 14, 15, 16, 17}, yt, st);
        assertArrayEquals(new double[] {11, 12}, yt, 0.0);
        double[] xb = new double[8];
        pool.vjp(null, 0, 1, new double[] {1, 2}, null, xb, st);
        assertArrayEquals(new double[] {0, 1, 2, 0, 0, 0, 0, 0}, xb, 0.0);
    }

    static Sequential leNetLike() {
        return Sequential.of(new Conv2d(1, 12, 12, 4, 5, 5, 1, 0), new Activation(Activation.Function.TANH,
                Shape.of(4, 8, 8)), new MaxPool2d(4, 8, 8, 2, 2), new Flatten(Shape.of(4, 4, 4)), new Dense(64, 10),
                new Activation(Activation.Function.TANH, 10), new Dense(10, 3));
    }

    /** GGN·v of a small CNN equals (1/b)·JᵀQJv assembled from its per-sample Jacobian (as MiniBatchProductsTest). */
    @Test
    void leNetLikeGgnProductEqualsDenseJtQJ() {
        Random r = new Random(19);
        Sequential net = leNetLike();
        int in = net.inputShape().size();
        int c = 3;
        int b = 7;
        MiniBatchProducts mb = new MiniBatchProducts(net, new SoftmaxCrossEntropy(), 16);
        double[] theta = net.initialParameters(3);
        double[] x = LayerChecks.gaussian(b * in, r, 1);
        double[] y = MiniBatchProductsTest.randomTargets(b, c, true, r);
        mb.evaluate(theta, b, x, 0, y, 0);
        int d = net.parameterCount();
        double[] jac = new double[b * c * d];
        mb.perSampleJacobian(jac);
        double[] factors = new double[b * c * c];
        mb.hessianFactors(factors);
        DMatrixRMaj g = MiniBatchProductsTest.denseGgn(jac, factors, b, c, d);
        double[] v = LayerChecks.gaussian(d, r, 1);
        DMatrixRMaj expected = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(g, DMatrixRMaj.wrap(d, 1, v), expected);
        double[] gv = new double[d];
        mb.ggnTimes(v, gv);
        Tolerances.assertRelativeClose(expected.data, gv, 1e-12, "CNN GGN product vs dense JᵀQJ");
        double[] jv = new double[b * c];
        mb.jvp(v, jv);
        DMatrixRMaj jvDense = new DMatrixRMaj(b * c, 1);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(b * c, d, jac), DMatrixRMaj.wrap(d, 1, v), jvDense);
        Tolerances.assertRelativeClose(jvDense.data, jv, 1e-12, "CNN Jv vs per-sample Jacobian");
    }

    /** ∇L of a CNN with stride 2, padding and average pooling against central differences of the mean loss. */
    @Test
    void cnnGradientMatchesFiniteDifferences() {
        Random r = new Random(23);
        Sequential net = Sequential.of(new Conv2d(2, 7, 7, 3, 3, 3, 2, 1),
                new Activation(Activation.Function.SIGMOID, Shape.of(3, 4, 4)), new AvgPool2d(3, 4, 4, 2, 2),
                new Conv2d(3, 2, 2, 2, 1, 1, 0), new Flatten(Shape.of(2, 2, 2)), new Dense(8, 2));
        int b = 20;
        int in = net.inputShape().size();
        MiniBatchProducts mb = new MiniBatchProducts(net, new SquaredError(), b);
        double[] theta = net.initialParameters(5);
        double[] x = LayerChecks.gaussian(b * in, r, 1);
        double[] y = MiniBatchProductsTest.randomTargets(b, 2, false, r);
        mb.evaluate(theta, b, x, 0, y, 0);
        int d = net.parameterCount();
        double[] grad = new double[d];
        mb.gradient(grad);
        MiniBatchProducts probe = new MiniBatchProducts(net, new SquaredError(), b);
        double[] fd = new double[d];
        for (int k = 0; k < d; k++) {
            double h = 1e-5;
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            fd[k] = (probe.evaluate(tp, b, x, 0, y, 0) - probe.evaluate(tm, b, x, 0, y, 0)) / (2 * h);
        }
        Tolerances.assertRelativeClose(fd, grad, 1e-7, "CNN gradient vs central differences");
    }

    @Test
    void shapeErrorsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sequential.of(new Conv2d(1, 12, 12, 4, 5, 1, 0), new MaxPool2d(4, 6, 6, 2, 2)));
        assertTrue(e.getMessage().contains("expects input [4, 6, 6]") && e.getMessage().contains("outputs [4, 8, 8]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 28, 28, 6, 5, 2, 0));
        assertTrue(e.getMessage().contains("height 28") && e.getMessage().contains("not divisible by the stride 2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 4, 9, 6, 3, 12, 1, 1));
        assertTrue(e.getMessage().contains("width 9") && e.getMessage().contains("kernel 12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 4, 4, 6, 7, 1, 1));
        assertTrue(e.getMessage().contains("height 4") && e.getMessage().contains("kernel 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 4, 4, 6, 3, 1, -1));
        assertTrue(e.getMessage().contains("padding is -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2d(0, 4, 4, 6, 3, 1, 0));
        assertTrue(e.getMessage().contains("inChannels is 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(6, 10, 10, 3, 2));
        assertTrue(e.getMessage().contains("height 10") && e.getMessage().contains("stride 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(6, 10, 10, 11, 1));
        assertTrue(e.getMessage().contains("kernel 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(6, 10, 10, 2, 0));
        assertTrue(e.getMessage().contains("stride is 0"), e.getMessage());
    }
}
