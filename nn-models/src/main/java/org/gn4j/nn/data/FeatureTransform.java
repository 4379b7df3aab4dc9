package org.gn4j.nn.data;

/**
 * A per-feature affine map fitted on training data and applied unchanged to every other set (validation, test, new
 * inputs), so no statistics leak from the evaluation data.
 */
public interface FeatureTransform {
    /**
     * Number of features per sample this transform was fitted for.
     *
     * @return the feature count, {@code >= 1}
     */
    int featureSize();

    /**
     * Transforms {@code count} samples stored row-major in {@code features} from {@code offset}, in place; allocates
     * nothing.
     *
     * @param features the features, row-major, {@code featureSize()} values per sample; overwritten in the range
     * @param offset index of the first sample's first value
     * @param count number of samples, {@code >= 0}
     * @throws IllegalArgumentException if the range does not fit in the array
     */
    void applyInPlace(double[] features, int offset, int count);

    /**
     * A new data set with transformed features and the same targets, labels and split.
     *
     * @param data the data set; not modified
     * @return a new data set with transformed (copied) features; targets and labels shared with {@code data}
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
