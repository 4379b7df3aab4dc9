package org.gn4j.nn.data;

import java.util.Objects;

/**
 * Per-feature min-max scaling {@code x ↦ (x − min) / (max − min)}, fitted on a training set so that every training
 * feature lies in {@code [0, 1]}; other sets may fall outside. A constant feature ({@code max == min}) maps to 0.
 */
public final class MinMaxScaler implements FeatureTransform {
    private final double[] min;
    private final double[] max;

    private MinMaxScaler(double[] min, double[] max) {
        this.min = min;
        this.max = max;
    }

    /**
     * Fits the per-feature minima and maxima of {@code train}.
     *
     * @param train the training data, at least one sample; not modified
     * @return the scaler {@code (x − min)/(max − min)} per feature, mapping the training range to {@code [0, 1]}; a
     *         constant feature maps to 0
     * @throws IllegalArgumentException if the data set is empty
     */
    public static MinMaxScaler fit(Dataset train) {
        Objects.requireNonNull(train, "train");
        int n = train.size();
        int d = train.featureSize();
        if (n == 0) {
            throw new IllegalArgumentException("train has 0 samples, expected at least 1 to fit a min-max scaler");
        }
        double[] x = train.featuresUnsafe();
        double[] lo = new double[d];
        double[] hi = new double[d];
        System.arraycopy(x, 0, lo, 0, d);
        System.arraycopy(x, 0, hi, 0, d);
        for (int i = 1; i < n; i++) {
            int base = i * d;
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], x[base + j]);
                hi[j] = Math.max(hi[j], x[base + j]);
            }
        }
        return new MinMaxScaler(lo, hi);
    }

    /**
     * The per-feature training minima (a copy).
     *
     * @return a new array of {@link #featureSize()} minima
     */
    public double[] min() {
        return min.clone();
    }

    /**
     * The per-feature training maxima (a copy).
     *
     * @return a new array of {@link #featureSize()} maxima
     */
    public double[] max() {
        return max.clone();
    }

    @Override
    public int featureSize() {
        return min.length;
    }

    @Override
    public void applyInPlace(double[] features, int offset, int count) {
        int d = min.length;
        Standardizer.checkRange(features, offset, count, d);
        for (int i = 0; i < count; i++) {
            int base = offset + i * d;
            for (int j = 0; j < d; j++) {
                double range = max[j] - min[j];
                features[base + j] = range > 0 ? (features[base + j] - min[j]) / range : 0.0;
            }
        }
    }
}
