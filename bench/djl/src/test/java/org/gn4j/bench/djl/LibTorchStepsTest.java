package org.gn4j.bench.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The LibTorch peer computes what it claims, in float64 on a mini-batch of 3: the forward-mode tangent against
 * central differences of the network output, the GGN product's quadratic form against {@code (1/b) Σ (Jv)ᵀ Q (Jv)}
 * from that tangent, and the SGD step's gradient against central differences of the loss.
 */
class LibTorchStepsTest {
    private static final int BATCH = 3;
    /** Central-difference step of the output tangent. */
    private static final double H = 1e-6;
    /** Central-difference step of the loss: smaller, so that no ReLU or pooling window switches within it. */
    private static final double H_LOSS = 1e-8;

    private static double[] values(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private static double dot(List<NDArray> a, List<NDArray> b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] x = values(a.get(i));
            double[] y = values(b.get(i));
            for (int j = 0; j < x.length; j++) {
                s += x[j] * y[j];
            }
        }
        return s;
    }

    /** Moves the parameters by {@code step · v} in place. */
    private static void move(LibTorchSteps.Model model, double step) {
        JniUtils.setGradMode(false);
        List<NDArray> p = model.parameters();
        List<NDArray> v = model.direction();
        for (int i = 0; i < p.size(); i++) {
            p.get(i).addi(v.get(i).mul(step));
        }
    }

    private static double relativeError(double[] found, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < found.length; i++) {
            diff += (found[i] - expected[i]) * (found[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp784-20-20-20-10", "mlp784-1024-1024-10", "lenet-fashion", "cnn-cifar10"})
    void tangentMatchesCentralDifferences(String name) {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            LibTorchSteps.Model model = new LibTorchSteps.Model(name, BATCH, DataType.FLOAT64, manager);
            JniUtils.setGradMode(false);
            double[] jv = values(model.jvp()[1]);
            move(model, H);
            double[] plus = values(model.forward());
            move(model, -2 * H);
            double[] minus = values(model.forward());
            double[] fd = new double[jv.length];
            for (int i = 0; i < fd.length; i++) {
                fd[i] = (plus[i] - minus[i]) / (2 * H);
            }
            double err = relativeError(jv, fd);
            assertTrue(err < 1e-6, name + ": J v off central differences by " + err + " relative");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp784-20-20-20-10", "lenet-fashion", "cnn-cifar10"})
    void ggnProductIsTheGaussNewtonForm(String name) {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            LibTorchSteps.Model model = new LibTorchSteps.Model(name, BATCH, DataType.FLOAT64, manager);
            double vGv = dot(model.direction(), model.ggnProduct());
            JniUtils.setGradMode(false);
            NDArray[] outJv = model.jvp();
            double[] p = values(outJv[0].softmax(1));
            double[] jv = values(outJv[1]);
            double expected = 0;
            for (int s = 0; s < BATCH; s++) {
                double pjv = 0;
                double jvPjv = 0;
                for (int k = 0; k < 10; k++) {
                    pjv += p[10 * s + k] * jv[10 * s + k];
                    jvPjv += p[10 * s + k] * jv[10 * s + k] * jv[10 * s + k];
                }
                expected += (jvPjv - pjv * pjv) / BATCH;
            }
            assertTrue(expected > 0, name + ": vᵀGv = " + expected + " should be positive");
            assertEquals(expected, vGv, 1e-10 * expected, name + ": vᵀ(GGN v) against (1/b) Σ (Jv)ᵀ Q (Jv)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp784-20-20-20-10", "lenet-fashion", "cnn-cifar10"})
    void sgdStepFollowsTheLossGradient(String name) {
        Engine.getInstance().setRandomSeed(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            LibTorchSteps.Model model = new LibTorchSteps.Model(name, BATCH, DataType.FLOAT64, manager);
            JniUtils.setGradMode(false);
            move(model, H_LOSS);
            double plus = model.loss(model.forward()).getDouble();
            move(model, -2 * H_LOSS);
            double minus = model.loss(model.forward()).getDouble();
            move(model, H_LOSS);
            List<double[]> before = new ArrayList<>();
            model.parameters().forEach(p -> before.add(values(p)));
            float lr = 0.5f;
            List<NDArray> grads = model.sgdStep(lr);
            double slope = dot(grads, model.direction());
            double fd = (plus - minus) / (2 * H_LOSS);
            assertEquals(fd, slope, 1e-6 * Math.abs(fd), name + ": gradient · v against central differences");
            for (int i = 0; i < before.size(); i++) {
                double[] g = values(grads.get(i));
                double[] expected = before.get(i).clone();
                for (int j = 0; j < g.length; j++) {
                    expected[j] -= lr * g[j];
                }
                assertTrue(relativeError(values(model.parameters().get(i)), expected) < 1e-12,
                        name + ": parameter " + i + " after the step is not p − lr·grad");
            }
        }
    }

    @Test
    void unknownNetworkNamesWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LibTorchSteps.main(new String[] {"resnet"}));
        assertTrue(e.getMessage().contains("'resnet'") && e.getMessage().contains("lenet-fashion"), e.getMessage());
    }
}
