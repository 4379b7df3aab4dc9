package org.gn4j.nn.data;

import java.util.Objects;

/**
 * Per-feature standardization {@code x ↦ (x − mean) / std}, fitted on a training set: every feature then has zero mean
 * and unit (population) variance on that set. A constant feature (all training values equal) has {@code std} 0 and is
 * only centred on its value (divided by 1), so it maps to exactly 0 instead of dividing by zero.
 */
public final class Standardizer implements FeatureTransform {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * Fits the per-feature means and standard deviations of {@code train} (two passes, population variance).
     *
     * @param train the training data, at least one sample; not modified
     * @return the standardizer {@code (x − mean)/std} per feature; a constant feature gets std 0 and maps to 0
     * @throws IllegalArgumentException if the data set is empty
     */
    public static Standardizer fit(Dataset train) {
        Objects.requireNonNull(train, "train");
        int n = train.size();
        int d = train.featureSize();
        if (n == 0) {
            throw new IllegalArgumentException("train has 0 samples, expected at least 1 to fit a standardizer");
        }
        double[] x = train.featuresUnsafe();
        double[] mean = new double[d];
        double[] min = new double[d];
        double[] max = new double[d];
        System.arraycopy(x, 0, min, 0, d);
        System.arraycopy(x, 0, max, 0, d);
        for (int i = 0; i < n; i++) {
            int base = i * d;
            for (int j = 0; j < d; j++) {
                double v = x[base + j];
                mean[j] += v;
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            int base = i * d;
            for (int j = 0; j < d; j++) {
                double c = x[base + j] - mean[j];
                var[j] += c * c;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            // constancy is decided exactly (min == max), not by a tolerance on the rounded variance; the mean of a
            // constant feature is set to the constant itself (the summed mean can be off by rounding) so it maps to 0
            if (min[j] == max[j]) {
                mean[j] = min[j];
                std[j] = 0.0;
            } else {
                std[j] = Math.sqrt(var[j] / n);
            }
        }
        return new Standardizer(mean, std);
    }

    /**
     * A standardizer with given statistics (for example restored from a checkpoint).
     *
     * @param mean the per-feature means, finite; copied
     * @param std the per-feature standard deviations, of the same length, finite and {@code >= 0}; copied
     * @return the standardizer
     * @throws IllegalArgumentException if the lengths differ or a value is not finite or a std is negative
     */
    public static Standardizer of(double[] mean, double[] std) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length != std.length) {
            throw new IllegalArgumentException("std has length " + std.length + ", expected " + mean.length
                    + " (the length of mean)");
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("mean[" + j + "] is " + mean[j] + ", expected a finite value");
            }
            if (!(std[j] >= 0) || Double.isInfinite(std[j])) {
                throw new IllegalArgumentException("std[" + j + "] is " + std[j] + ", expected a finite value >= 0");
            }
        }
        return new Standardizer(mean.clone(), std.clone());
    }

    /**
     * The per-feature training means (a copy).
     *
     * @return a new array of {@link #featureSize()} means
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The per-feature training standard deviations (a copy); 0 marks a constant feature.
     *
     * @return a new array of {@link #featureSize()} standard deviations
     */
    public double[] std() {
        return std.clone();
    }

    @Override
    public int featureSize() {
        return mean.length;
    }

    @Override
    public void applyInPlace(double[] features, int offset, int count) {
        int d = mean.length;
        checkRange(features, offset, count, d);
        for (int i = 0; i < count; i++) {
            int base = offset + i * d;
            for (int j = 0; j < d; j++) {
                double s = std[j] > 0 ? std[j] : 1.0;
                features[base + j] = (features[base + j] - mean[j]) / s;
            }
        }
    }

    static void checkRange(double[] features, int offset, int count, int d) {
        Objects.requireNonNull(features, "features");
        long end = (long) offset + (long) count * d;
        if (offset < 0 || count < 0 || end > features.length) {
            throw new IllegalArgumentException("features: range [" + offset + ", " + end + ") for " + count
                    + " samples of " + d + " features found, expected within [0, " + features.length + ")");
        }
    }
}
