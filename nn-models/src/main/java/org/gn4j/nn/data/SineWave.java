package org.gn4j.nn.data;

import java.util.SplittableRandom;

/**
 * The synthetic regression set of the SGN paper: {@code y = sin(10x) + ε} with {@code x ~ U(−1, 1)} and {@code ε ~
 * N(0, noiseStd²)}, one input and one target per sample. Deterministic in the seed.
 */
public final class SineWave {
    /** The noise standard deviation used in the paper. */
    public static final double DEFAULT_NOISE_STD = 0.01;
    /** The frequency in {@code sin(FREQUENCY · x)}. */
    public static final double FREQUENCY = 10.0;

    private SineWave() {
    }

    /**
     * Generates {@code n} samples with the paper's noise level {@link #DEFAULT_NOISE_STD}.
     *
     * @param n number of samples, positive
     * @param seed seed of the {@link SplittableRandom} that draws {@code x} and the noise; the same seed gives the same
     *             data
     * @return the data set: features x uniform in {@code [−1, 1)}, targets {@code sin(10x)} plus noise
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public static Dataset generate(int n, long seed) {
        return generate(n, DEFAULT_NOISE_STD, seed);
    }

    /**
     * Generates {@code n} samples: feature shape {@code {1}}, target width 1.
     *
     * @param n        number of samples, positive
     * @param noiseStd standard deviation of the additive Gaussian noise, finite and {@code >= 0}
     * @param seed     seed of the {@link SplittableRandom} that draws {@code x} and the noise; the same seed gives the
     *                 same data
     * @return the data set: features x uniform in {@code [−1, 1)}, targets {@code sin(10x)} plus noise
     * @throws IllegalArgumentException if {@code n <= 0} or {@code noiseStd} is negative or not finite
     */
    public static Dataset generate(int n, double noiseStd, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("n is " + n + ", expected > 0");
        }
        if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd is " + noiseStd + ", expected a finite value >= 0");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1.0, 1.0);
            y[i] = exact(x[i]) + noiseStd * rng.nextGaussian();
        }
        String split = String.format("synthetic y = sin(10x) + N(0, %s^2), x ~ U(-1, 1), n = %d, seed = %d",
                noiseStd, n, seed);
        return Dataset.wrap("sine-wave", split, new int[] {1}, x, 1, y);
    }

    /**
     * The noise-free target {@code sin(10x)}.
     *
     * @param x the input
     * @return {@code sin(FREQUENCY·x)}
     */
    public static double exact(double x) {
        return Math.sin(FREQUENCY * x);
    }
}
