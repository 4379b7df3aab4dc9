package org.gn4j.nn.train;

import org.gn4j.gn.stochastic.MiniBatchObjective;

/**
 * Where the {@link Trainer} gets each training mini-batch evaluated: the forward pass of the batch at θ, after which
 * the returned objective answers the optimizer's products (gradient, GGN-vector products, the loss at trial points)
 * until the next {@link #evaluate}. {@link TrainingData#batchEvaluator} gives the in-process one (the batch gathered
 * into arrays and evaluated by {@link org.gn4j.nn.MiniBatchProducts}); a distributed data set gives one whose
 * products are sums over its partitions.
 */
public interface BatchEvaluator {
    /**
     * Evaluates the mini-batch of samples {@code order[from], …, order[from + count − 1]} at θ.
     *
     * @param theta parameters (read during this call and by the returned objective's products; not modified)
     * @param order sample indices, each in {@code [0, n)}; not modified
     * @param from position in {@code order} of the batch's first sample
     * @param count number of samples in the batch, {@code >= 1}
     * @return the objective of this batch at θ; its {@link MiniBatchObjective#loss()} is the mean batch loss, NaN or
     *         infinite values as they are
     * @throws IllegalArgumentException if the range or an index is out of bounds, or θ has the wrong length
     */
    MiniBatchObjective evaluate(double[] theta, int[] order, int from, int count);
}
