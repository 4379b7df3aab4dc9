package org.gn4j.nn.data;

/**
 * A per-feature affine map fitted on training data and applied unchanged to every other set (validation, test, new
 * inputs), so no statistics leak from the evaluation data.
 */
public interface FeatureTransform {
    /** Number of features per sample this transform was fitted for. */
    int featureSize();

    /**
     * Transforms {@code count} samples stored row-major in {@code features} from {@code offset}, in place; allocates
     * nothing.
     *
     * @throws IllegalArgumentException if the range does not fit in the array
     */
    void applyInPlace(double[] features, int offset, int count);

    /**
     * A new data set with transformed features and the same targets, labels and split.
     *
     * @throws IllegalArgumentException if the data set's feature size differs from {@link #featureSize()}
     */
    default Dataset apply(Dataset data) {
        if (data.featureSize() != featureSize()) {
            throw new IllegalArgumentException("data set " + data.name() + " has featureSize " + data.featureSize()
                    + ", expected " + featureSize() + " (the size this transform was fitted on)");
        }
        double[] f = data.featuresUnsafe().clone();
        applyInPlace(f, 0, data.size());
        return data.withFeaturesUnsafe(f);
    }
}
