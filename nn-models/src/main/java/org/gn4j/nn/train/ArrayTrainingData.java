package org.gn4j.nn.train;

import org.gn4j.linalg.ArgumentChecks;

/** {@link TrainingData} over flat sample-major arrays held in memory (not copied; do not modify while training). */
public final class ArrayTrainingData implements TrainingData {
    private final double[] x;
    private final double[] y;
    private final int featureSize;
    private final int targetWidth;
    private final int size;
    private final int[] labels;

    /**
     * @param x           n × featureSize features
     * @param featureSize entries per feature vector, {@code >= 1}
     * @param y           n × targetWidth targets
     * @param targetWidth entries per target row, {@code >= 1}
     * @param labels      class labels (length n, in {@code 0..targetWidth−1}) or {@code null}
     * @throws IllegalArgumentException if a size is not positive, an array length is not a multiple of its width,
     *                                  the sample counts disagree, or a label is out of range
     */
    public ArrayTrainingData(double[] x, int featureSize, double[] y, int targetWidth, int[] labels) {
        ArgumentChecks.requirePositive("featureSize", featureSize);
        ArgumentChecks.requirePositive("targetWidth", targetWidth);
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.length == 0 || x.length % featureSize != 0) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected a positive multiple of "
                    + "featureSize " + featureSize);
        }
        int n = x.length / featureSize;
        if (y.length != (long) n * targetWidth) {
            throw new IllegalArgumentException("y has length " + y.length + ", expected " + ((long) n * targetWidth)
                    + " (" + n + " samples × targetWidth " + targetWidth + ")");
        }
        if (labels != null) {
            if (labels.length != n) {
                throw new IllegalArgumentException("labels has length " + labels.length + ", expected " + n);
            }
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0 || labels[i] >= targetWidth) {
                    throw new IllegalArgumentException("labels[" + i + "] is " + labels[i] + ", expected 0.."
                            + (targetWidth - 1));
                }
            }
        }
        this.x = x;
        this.y = y;
        this.featureSize = featureSize;
        this.targetWidth = targetWidth;
        this.size = n;
        this.labels = labels;
    }

    /**
     * Regression data without labels.
     *
     * @param x n × featureSize features, batch-major; referenced, not copied
     * @param featureSize entries per feature vector, {@code >= 1}
     * @param y n × targetWidth targets, batch-major; referenced, not copied
     * @param targetWidth entries per target row, {@code >= 1}
     */
    public ArrayTrainingData(double[] x, int featureSize, double[] y, int targetWidth) {
        this(x, featureSize, y, targetWidth, null);
    }

    /**
     * Classification data: one-hot targets of width {@code classes} built from the labels, which are kept.
     *
     * @param x n × featureSize features, batch-major; referenced, not copied
     * @param featureSize entries per feature vector, {@code >= 1}
     * @param labels n class labels in {@code 0..classes−1}; copied
     * @param classes number of classes, {@code >= 1}: the target width
     * @return the training data, with a new n × classes one-hot target array
     */
    public static ArrayTrainingData classification(double[] x, int featureSize, int[] labels, int classes) {
        ArgumentChecks.requirePositive("classes", classes);
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        double[] y = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] is " + labels[i] + ", expected 0.."
                        + (classes - 1));
            }
            y[i * classes + labels[i]] = 1;
        }
        return new ArrayTrainingData(x, featureSize, y, classes, labels.clone());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int featureSize() {
        return featureSize;
    }

    @Override
    public int targetWidth() {
        return targetWidth;
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public void copyBatch(int[] order, int from, int count, double[] xOut, double[] yOut) {
        if (from < 0 || count < 0 || from + count > order.length) {
            throw new IllegalArgumentException("batch [" + from + ", " + (from + count) + ") found, expected a range "
                    + "inside the order array of length " + order.length);
        }
        ArgumentChecks.requireRange("x", xOut, 0, count * featureSize);
        ArgumentChecks.requireRange("y", yOut, 0, count * targetWidth);
        for (int k = 0; k < count; k++) {
            int s = order[from + k];
            if (s < 0 || s >= size) {
                throw new IllegalArgumentException("order[" + (from + k) + "] is " + s + ", expected 0.." + (size - 1));
            }
            System.arraycopy(x, s * featureSize, xOut, k * featureSize, featureSize);
            System.arraycopy(y, s * targetWidth, yOut, k * targetWidth, targetWidth);
        }
    }
}
