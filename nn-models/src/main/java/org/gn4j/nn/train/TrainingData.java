package org.gn4j.nn.train;

/**
 * The minimal view of a data set the {@link Trainer} needs: n samples, each a feature vector of
 * {@link #featureSize()} entries (the flattened network input) and a target of {@link #targetWidth()} entries (the
 * network output width: regression values or a one-hot / distribution row for classification).
 */
public interface TrainingData {
    /**
     * Number of samples n.
     *
     * @return the number of samples n, {@code >= 0}
     */
    int size();

    /**
     * Entries per feature vector (must equal the network's input size).
     *
     * @return the feature vector length, {@code >= 1}
     */
    int featureSize();

    /**
     * Entries per target row (must equal the network's output size).
     *
     * @return the target row length, {@code >= 1}
     */
    int targetWidth();

    /**
     * Gathers samples {@code order[from], …, order[from + count − 1]} into {@code x} (count × featureSize,
     * batch-major, from index 0) and {@code y} (count × targetWidth, from index 0).
     *
     * @param order sample indices, each in {@code [0, size())}; not modified
     * @param from position in {@code order} of the first sample
     * @param count number of samples gathered, {@code >= 0}
     * @param x receives {@code count × featureSize()} feature values from index 0
     * @param y receives {@code count × targetWidth()} target values from index 0
     * @throws IllegalArgumentException if the range or an index is out of bounds or an output array is too short
     */
    void copyBatch(int[] order, int from, int count, double[] x, double[] y);

    /**
     * Class labels (length n, values in {@code 0..targetWidth−1}) used to report accuracy as the share of samples
     * whose output argmax equals the label, or {@code null} when the data have no labels (the default).
     *
     * @return the labels (not necessarily a copy: callers must not modify them), or null
     */
    default int[] labels() {
        return null;
    }

    /**
     * How the {@link Trainer} evaluates training mini-batches of this data set. The default gathers each batch with
     * {@link #copyBatch} into arrays and evaluates it in this JVM with {@code products}; a distributed data set
     * returns an evaluator whose products are sums over its partitions.
     *
     * @param products the trainer's evaluator for this network and loss, sized for its batch size
     * @return an evaluator for batches of this data set, using {@code products} in the default
     */
    default BatchEvaluator batchEvaluator(org.gn4j.nn.MiniBatchProducts products) {
        return new LocalBatchEvaluator(this, products);
    }
}
