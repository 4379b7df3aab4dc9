package org.gn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.nn.layers.Activation;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;

/** Preset networks: parameter counts computed by hand, and a forward pass that runs. */
class PresetsTest {

    /** Dense layer parameters. */
    private static int dense(int in, int out) {
        return in * out + out;
    }

    /** Convolution parameters. */
    private static int conv(int c, int k, int kernel) {
        return k * c * kernel * kernel + k;
    }

    private static void forwardRuns(Sequential net, Shape in, int outputs) {
        assertEquals(in, net.inputShape());
        assertEquals(Shape.of(outputs), net.outputShape());
        int batch = 2;
        double[] x = LayerChecks.gaussian(batch * in.size(), new Random(3), 1);
        double[] y = net.forward(net.initialParameters(1), batch, x, 0, net.newTape(batch));
        double[] out = java.util.Arrays.copyOf(y, batch * outputs);
        Tolerances.assertAllFinite(out, net.toString());
        double norm = 0;
        for (double v : out) {
            norm += v * v;
        }
        org.junit.jupiter.api.Assertions.assertTrue(norm > 0, "outputs are all zero: " + net);
    }

    @Test
    void mlps() {
        Sequential a = Presets.mlp3x20Sigmoid(784, 10);
        assertEquals(dense(784, 20) + 2 * dense(20, 20) + dense(20, 10), a.parameterCount());
        assertEquals(16_750, a.parameterCount());
        forwardRuns(a, Shape.of(784), 10);

        Sequential b = Presets.mlp2x100Sigmoid(3, 2);
        assertEquals(dense(3, 100) + dense(100, 100) + dense(100, 2), b.parameterCount());
        forwardRuns(b, Shape.of(3), 2);

        Sequential c = Presets.mlp784x1024x1024x10Tanh();
        assertEquals(dense(784, 1024) + dense(1024, 1024) + dense(1024, 10), c.parameterCount());
        assertEquals(1_863_690, c.parameterCount());
        forwardRuns(c, Shape.of(784), 10);

        Sequential d = Presets.mlp(5, new int[] {7, 6, 4, 3}, 1, Activation.Function.RELU);
        assertEquals(dense(5, 7) + dense(7, 6) + dense(6, 4) + dense(4, 3) + dense(3, 1), d.parameterCount());
        assertEquals(9, d.layerCount());
        forwardRuns(d, Shape.of(5), 1);
        Sequential linear = Presets.mlp(4, new int[0], 2, Activation.Function.TANH);
        assertEquals(dense(4, 2), linear.parameterCount());
        assertThrows(IllegalArgumentException.class,
                () -> Presets.mlp(4, new int[] {3, 0}, 2, Activation.Function.TANH));
    }

    @Test
    void leNetFashion() {
        Sequential net = Presets.leNetFashion();
        // 1→6 5×5 conv (28×28, padding 2) → pool → 6→16 5×5 conv (14 → 10) → pool → 16·5·5 → 120 → 84 → 10
        int expected = conv(1, 6, 5) + conv(6, 16, 5) + dense(16 * 5 * 5, 120) + dense(120, 84) + dense(84, 10);
        assertEquals(expected, net.parameterCount());
        assertEquals(61_706, net.parameterCount());
        forwardRuns(net, Shape.of(1, 28, 28), 10);
    }

    @Test
    void cifarCnn() {
        Sequential net = Presets.cifarCnn();
        // 32×32 → 16 → 8 → 4 after three 2×2 pools, 64 channels: 1024 features
        int expected = conv(3, 32, 3) + conv(32, 64, 3) + conv(64, 64, 3) + dense(64 * 4 * 4, 64) + dense(64, 10);
        assertEquals(expected, net.parameterCount());
        assertEquals(122_570, net.parameterCount());
        forwardRuns(net, Shape.of(3, 32, 32), 10);
    }

    /** The presets pool before the ReLU: the same loss and gradient, bit for bit, as the textbook conv → ReLU → pool. */
    @Test
    void poolingBeforeTheReluIsTheTextbookNetwork() {
        Activation.Function relu = Activation.Function.RELU;
        Sequential textbook = Sequential.of(
                new org.gn4j.nn.layers.Conv2d(1, 28, 28, 6, 5, 1, 2),
                new Activation(relu, Shape.of(6, 28, 28)),
                new org.gn4j.nn.layers.MaxPool2d(6, 28, 28, 2, 2),
                new org.gn4j.nn.layers.Conv2d(6, 14, 14, 16, 5, 1, 0),
                new Activation(relu, Shape.of(16, 10, 10)),
                new org.gn4j.nn.layers.MaxPool2d(16, 10, 10, 2, 2),
                new org.gn4j.nn.layers.Flatten(Shape.of(16, 5, 5)),
                new org.gn4j.nn.layers.Dense(400, 120),
                new Activation(relu, 120),
                new org.gn4j.nn.layers.Dense(120, 84),
                new Activation(relu, 84),
                new org.gn4j.nn.layers.Dense(84, 10));
        Sequential preset = Presets.leNetFashion();
        assertEquals(textbook.parameterCount(), preset.parameterCount());
        int batch = 5;
        Random r = new Random(9);
        double[] theta = preset.initialParameters(2);
        double[] x = LayerChecks.gaussian(batch * 784, r, 1);
        double[] y = new double[batch * 10];
        for (int s = 0; s < batch; s++) {
            y[s * 10 + r.nextInt(10)] = 1;
        }
        double[][] grads = new double[2][];
        double[] losses = new double[2];
        Sequential[] nets = {textbook, preset};
        for (int n = 0; n < 2; n++) {
            MiniBatchProducts mb = new MiniBatchProducts(nets[n], new org.gn4j.nn.loss.SoftmaxCrossEntropy(), batch);
            losses[n] = mb.evaluate(theta, batch, x, 0, y, 0);
            grads[n] = new double[theta.length];
            mb.gradient(grads[n]);
        }
        assertEquals(losses[0], losses[1], 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(grads[0], grads[1], 0.0);
    }

    /** The CIFAR CNN with Winograd convolutions (the default) and with im2col GEMMs: same loss, gradient and GGN. */
    @Test
    void cifarCnnWinogradAndColumnsAgree() {
        Sequential winograd = Presets.cifarCnn();
        Sequential columns = Presets.cifarCnn(org.gn4j.nn.layers.Conv2d.Algorithm.COLUMNS);
        assertTrue(winograd.layer(3).name().contains("Winograd"), winograd.layer(3).name());
        assertTrue(!columns.layer(3).name().contains("Winograd"), columns.layer(3).name());
        int batch = 3;
        Random r = new Random(12);
        double[] theta = winograd.initialParameters(4);
        double[] x = LayerChecks.gaussian(batch * 3072, r, 1);
        double[] y = new double[batch * 10];
        for (int s = 0; s < batch; s++) {
            y[s * 10 + r.nextInt(10)] = 1;
        }
        double[] v = LayerChecks.gaussian(theta.length, r, 1);
        Sequential[] nets = {winograd, columns};
        double[] losses = new double[2];
        double[][] grads = new double[2][];
        double[][] ggn = new double[2][];
        for (int n = 0; n < 2; n++) {
            MiniBatchProducts mb = new MiniBatchProducts(nets[n], new org.gn4j.nn.loss.SoftmaxCrossEntropy(), batch);
            losses[n] = mb.evaluate(theta, batch, x, 0, y, 0);
            grads[n] = new double[theta.length];
            mb.gradient(grads[n]);
            ggn[n] = new double[theta.length];
            mb.ggnTimes(v, ggn[n]);
        }
        assertEquals(losses[1], losses[0], 1e-12 * Math.abs(losses[1]));
        Tolerances.assertRelativeClose(grads[1], grads[0], 1e-10, "gradient");
        Tolerances.assertRelativeClose(ggn[1], ggn[0], 1e-10, "GGN product");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Presets.cifarCnn(org.gn4j.nn.layers.Conv2d.Algorithm.WINOGRAD));
        assertTrue(e.getMessage().contains("WINOGRAD"), e.getMessage());
    }
}
