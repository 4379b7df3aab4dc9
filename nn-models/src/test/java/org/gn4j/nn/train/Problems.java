package org.gn4j.nn.train;

import java.util.Random;

import org.gn4j.nn.Sequential;
import org.gn4j.nn.layers.Activation;
import org.gn4j.nn.layers.Dense;

/** Small seeded problems for the training tests. */
final class Problems {
    private Problems() {
    }

    /** {@code y = sin(x₁ + x₂/2)} on n points uniform in [−π, π]², seeded. */
    static ArrayTrainingData sine(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = Math.PI * (2 * r.nextDouble() - 1);
            x[2 * i + 1] = Math.PI * (2 * r.nextDouble() - 1);
            y[i] = Math.sin(x[2 * i] + 0.5 * x[2 * i + 1]);
        }
        return new ArrayTrainingData(x, 2, y, 1);
    }

    /** A 2-16-1 tanh MLP. */
    static Sequential mlp() {
        return Sequential.of(new Dense(2, 16), new Activation(Activation.Function.TANH, 16), new Dense(16, 1));
    }

    /** Exact linear data {@code y = Wx + b} with W = [1.5, −2, 0.5], b = 0.25 on n Gaussian points. */
    static ArrayTrainingData linear(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[3 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = r.nextGaussian();
            }
            y[i] = 1.5 * x[3 * i] - 2 * x[3 * i + 1] + 0.5 * x[3 * i + 2] + 0.25;
        }
        return new ArrayTrainingData(x, 3, y, 1);
    }

    /** Two Gaussian blobs around (−1, −1) (label 0) and (1, 1) (label 1), one-hot targets. */
    static ArrayTrainingData blobs(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double c = labels[i] == 0 ? -1 : 1;
            x[2 * i] = c + 0.4 * r.nextGaussian();
            x[2 * i + 1] = c + 0.4 * r.nextGaussian();
        }
        return ArrayTrainingData.classification(x, 2, labels, 2);
    }
}
