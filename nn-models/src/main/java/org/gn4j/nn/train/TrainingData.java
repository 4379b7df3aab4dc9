package org.gn4j.nn.train;

/**
 * The minimal view of a data set the {@link Trainer} needs: n samples, each a feature vector of
 * {@link #featureSize()} entries (the flattened network input) and a target of {@link #targetWidth()} entries (the
 * network output width: regression values or a one-hot / distribution row for classification).
 */
public interface TrainingData {
    /** Number of samples n. */
    int size();

    /** Entries per feature vector (must equal the network's input size). */
    int featureSize();

    /** Entries per target row (must equal the network's output size). */
    int targetWidth();

    /**
     * Gathers samples {@code order[from], …, order[from + count − 1]} into {@code x} (count × featureSize,
     * batch-major, from index 0) and {@code y} (count × targetWidth, from index 0).
     *
     * @throws IllegalArgumentException if the range or an index is out of bounds or an output array is too short
     */
    void copyBatch(int[] order, int from, int count, double[] x, double[] y);

    /**
     * Class labels (length n, values in {@code 0..targetWidth−1}) used to report accuracy as the share of samples
     * whose output argmax equals the label, or {@code null} when the data have no labels (the default).
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
     */
    default BatchEvaluator batchEvaluator(org.gn4j.nn.MiniBatchProducts products) {
        return new LocalBatchEvaluator(this, products);
    }
}
