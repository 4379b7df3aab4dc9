package org.gn4j.nn.train;

import org.gn4j.gn.stochastic.MiniBatchObjective;
import org.gn4j.nn.MiniBatchProducts;

/** The in-process {@link BatchEvaluator}: gathers the batch with {@link TrainingData#copyBatch} and evaluates it. */
final class LocalBatchEvaluator implements BatchEvaluator {
    private final TrainingData data;
    private final MiniBatchProducts products;
    private final double[] x;
    private final double[] y;

    LocalBatchEvaluator(TrainingData data, MiniBatchProducts products) {
        this.data = data;
        this.products = products;
        int b = products.maxBatch();
        this.x = new double[b * data.featureSize()];
        this.y = new double[b * data.targetWidth()];
    }

    @Override
    public MiniBatchObjective evaluate(double[] theta, int[] order, int from, int count) {
        data.copyBatch(order, from, count, x, y);
        products.evaluate(theta, count, x, 0, y, 0);
        return products;
    }
}
