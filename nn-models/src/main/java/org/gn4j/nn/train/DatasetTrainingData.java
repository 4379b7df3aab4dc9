package org.gn4j.nn.train;

import org.gn4j.nn.data.Dataset;

/** A {@link Dataset} seen as {@link TrainingData}: batches are gathered from its flat arrays without copying the set. */
public final class DatasetTrainingData implements TrainingData {
    private final Dataset data;
    private final int[] labels;

    /**
     * Wraps the data set (labels, when present, are used for accuracy).
     *
     * @param data the data set; not null; referenced (it is immutable)
     */
    public DatasetTrainingData(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        this.data = data;
        this.labels = data.hasLabels() ? data.labels() : null;
    }

    /**
     * The wrapped data set.
     *
     * @return the data set given to the constructor
     */
    public Dataset dataset() {
        return data;
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public int featureSize() {
        return data.featureSize();
    }

    @Override
    public int targetWidth() {
        return data.targetWidth();
    }

    @Override
    public void copyBatch(int[] order, int from, int count, double[] x, double[] y) {
        data.copyFeatures(order, from, count, x);
        data.copyTargets(order, from, count, y);
    }

    @Override
    public int[] labels() {
        return labels;
    }
}
