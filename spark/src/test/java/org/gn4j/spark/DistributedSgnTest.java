package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gn4j.gn.stochastic.Adam;
import org.gn4j.gn.stochastic.LearningRateSchedule;
import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.Sgn;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Presets;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.layers.Activation;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.train.ArrayTrainingData;
import org.gn4j.nn.train.Trainer;
import org.gn4j.nn.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training: the {@link Trainer} with a {@link SparkTrainingData} takes the steps it takes on the same
 * data in one JVM (same seeded batches; gradient, GGN-vector products and trial losses summed over partitions
 * instead of over one batch), to 1e-10 relative in θ after several SGN steps, each with CG iterations and a line
 * search; and the distributed products themselves against the one-JVM products of the same batch.
 */
class DistributedSgnTest {
    static final int FEATURES = 6;
    static final int CLASSES = 3;

    /** Three Gaussian blobs in 6-D, 450 samples. */
    static ArrayTrainingData blobs(long seed) {
        Random rnd = new Random(seed);
        int n = 450;
        double[] x = new double[n * FEATURES];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = rnd.nextGaussian() + (j % CLASSES == labels[i] ? 1.5 : 0);
            }
        }
        return ArrayTrainingData.classification(x, FEATURES, labels, CLASSES);
    }

    static Sequential net() {
        return Presets.mlp(FEATURES, new int[] {12, 12}, CLASSES, Activation.Function.TANH);
    }

    static TrainingResult train(Optimizer opt, org.gn4j.nn.train.TrainingData data, double[] theta)
            throws IOException {
        return new Trainer(net(), new SoftmaxCrossEntropy(), opt).withEpochs(3).withBatchSize(64).withSeed(5)
                .withMaxSteps(9).train(data, theta);
    }

    static double maxRelativeDifference(double[] a, double[] b) {
        double scale = 0;
        double diff = 0;
        for (int j = 0; j < a.length; j++) {
            scale = Math.max(scale, Math.abs(a[j]));
            diff = Math.max(diff, Math.abs(a[j] - b[j]));
        }
        return diff / scale;
    }

    @Test
    void sgnStepsEqualOneJvmSteps() throws IOException {
        ArrayTrainingData local = blobs(1);
        SparkTrainingData dist = SparkTrainingData.distribute(LocalSpark.context(), local, 3,
                DistributedSgnTest::net, SoftmaxCrossEntropy::new);
        double[] a = net().initialParameters(7);
        double[] b = a.clone();
        double[] start = a.clone();
        TrainingResult one = train(new Sgn().withCgIterations(8), local, a);
        TrainingResult many = train(new Sgn().withCgIterations(8), dist, b);
        assertEquals(one.steps(), many.steps());
        assertEquals(9, many.steps());
        assertTrue(maxRelativeDifference(start, a) > 1e-2, "the steps moved θ");
        double rel = maxRelativeDifference(a, b);
        assertTrue(rel <= 1e-10, "θ differs by " + rel + " relative");
        assertEquals(one.trainLoss(), many.trainLoss(), 1e-10 * Math.abs(one.trainLoss()));
        dist.unpersist();
    }

    @Test
    void adamStepsFromAnRddOfRowsEqualOneJvmSteps() throws IOException {
        ArrayTrainingData local = blobs(2);
        // from rows of an RDD (features, then the one-hot target), numbered in partition order
        int n = local.size();
        int[] order = new int[n];
        java.util.Arrays.setAll(order, i -> i);
        double[] x = new double[n * FEATURES];
        double[] y = new double[n * CLASSES];
        local.copyBatch(order, 0, n, x, y);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] r = new double[FEATURES + CLASSES];
            System.arraycopy(x, i * FEATURES, r, 0, FEATURES);
            System.arraycopy(y, i * CLASSES, r, FEATURES, CLASSES);
            rows.add(r);
        }
        SparkTrainingData dist = SparkTrainingData.of(LocalSpark.context().parallelize(rows, 4), FEATURES, CLASSES,
                DistributedSgnTest::net, SoftmaxCrossEntropy::new);
        assertEquals(n, dist.size());
        double[] a = net().initialParameters(3);
        double[] b = a.clone();
        train(new Adam(LearningRateSchedule.constant(1e-2)), local, a);
        train(new Adam(LearningRateSchedule.constant(1e-2)), dist, b);
        assertTrue(maxRelativeDifference(a, b) <= 1e-10, "θ differs by " + maxRelativeDifference(a, b));
        dist.unpersist();
    }

    @Test
    void productsEqualOneJvmProductsOfTheSameBatch() {
        ArrayTrainingData local = blobs(3);
        SparkTrainingData dist = SparkTrainingData.distribute(LocalSpark.context(), local, 5,
                DistributedSgnTest::net, SoftmaxCrossEntropy::new);
        int b = 100;
        int[] order = new int[local.size()];
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            perm.add(i);
        }
        java.util.Collections.shuffle(perm, new Random(4));
        for (int i = 0; i < order.length; i++) {
            order[i] = perm.get(i);
        }
        Sequential net = net();
        double[] theta = net.initialParameters(11);
        MiniBatchProducts mb = new MiniBatchProducts(net, new SoftmaxCrossEntropy(), b);
        double[] x = new double[b * FEATURES];
        double[] y = new double[b * CLASSES];
        local.copyBatch(order, 37, b, x, y);
        mb.evaluate(theta, b, x, 0, y, 0);
        SparkBatchEvaluator ev = (SparkBatchEvaluator) dist.batchEvaluator(new MiniBatchProducts(net,
                new SoftmaxCrossEntropy(), b));
        ev.evaluate(theta, order, 37, b);
        int d = theta.length;
        assertEquals(mb.loss(), ev.loss(), 1e-13 * mb.loss());
        double[] g1 = new double[d];
        double[] g2 = new double[d];
        mb.gradient(g1);
        ev.gradient(g2);
        assertTrue(maxRelativeDifference(g1, g2) < 1e-12, "gradient");
        Random rnd = new Random(9);
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = rnd.nextGaussian();
        }
        mb.ggnTimes(v, g1);
        ev.ggnTimes(v, g2);
        assertTrue(maxRelativeDifference(g1, g2) < 1e-12, "GGN product");
        double[] trial = theta.clone();
        for (int j = 0; j < d; j++) {
            trial[j] += 0.1 * v[j];
        }
        assertEquals(mb.lossAt(trial), ev.lossAt(trial), 1e-13 * mb.lossAt(trial));
        // the evaluated point survives the trial
        ev.ggnTimes(v, g2);
        mb.ggnTimes(v, g1);
        assertTrue(maxRelativeDifference(g1, g2) < 1e-12, "GGN product after a trial");
        double[] xs = new double[3 * FEATURES];
        double[] ys = new double[3 * CLASSES];
        double[] xl = new double[3 * FEATURES];
        double[] yl = new double[3 * CLASSES];
        int[] pick = {order[5], order[400], order[0]};
        dist.copyBatch(pick, 0, 3, xs, ys);
        local.copyBatch(pick, 0, 3, xl, yl);
        org.junit.jupiter.api.Assertions.assertArrayEquals(xl, xs);
        org.junit.jupiter.api.Assertions.assertArrayEquals(yl, ys);
        ev.release();
        assertThrows(IllegalStateException.class, () -> ev.ggnTimes(new double[d], new double[d]));
        dist.unpersist();
    }

    @Test
    void mismatchedNetworkIsRefused() {
        ArrayTrainingData local = blobs(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkTrainingData.distribute(LocalSpark.context(), local, 2,
                        () -> Presets.mlp(FEATURES + 1, new int[] {4}, CLASSES, Activation.Function.TANH),
                        SoftmaxCrossEntropy::new));
        assertTrue(e.getMessage().contains("expected 6 to 3"), e.getMessage());
    }
}
