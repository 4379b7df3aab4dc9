package org.gn4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.train.BatchEvaluator;
import org.gn4j.nn.train.TrainingData;

/**
 * A training set partitioned over a Spark cluster, as the {@link org.gn4j.nn.train.Trainer}'s {@link TrainingData}:
 * the trainer draws its mini-batches (the same seeded permutation as for data in one JVM) and hands them to a
 * {@link SparkBatchEvaluator}, which evaluates each sample on the executor that holds it; gradients, GGN-vector
 * products and trial losses are sums over the partitions. Budgets, metrics and checkpoints of the trainer work as
 * they do in one JVM, and the steps equal the one-JVM steps up to the order of the sums.
 *
 * <p>Samples are numbered 0..n−1 in the order of the rows of the RDD (partition by partition); each partition is
 * held as one {@link Shard} (cached in executor memory). The network and loss are built on each executor by the
 * factories given here, which must build the network the trainer trains (same parameter count and shapes).
 */
public final class SparkTrainingData implements TrainingData {
    private final JavaRDD<Shard> shards;
    private final int size;
    private final int featureSize;
    private final int targetWidth;
    private final SerializableSupplier<Sequential> network;
    private final SerializableSupplier<Loss> loss;
    private final int depth;
    /** The driver's data the shards were sliced from ({@link #distribute}), or null. */
    private final Broadcast<double[][]> source;

    private SparkTrainingData(JavaRDD<Shard> shards, int size, int featureSize, int targetWidth,
            SerializableSupplier<Sequential> network, SerializableSupplier<Loss> loss, int depth,
            Broadcast<double[][]> source) {
        this.source = source;
        this.shards = shards;
        this.size = size;
        this.featureSize = featureSize;
        this.targetWidth = targetWidth;
        this.network = network;
        this.loss = loss;
        this.depth = depth;
    }

    /**
     * A distributed training set from rows of {@code featureSize + targetWidth} values (features, then the target:
     * one-hot or distribution rows for classification, values for regression); the rows are read once and cached
     * as one shard per partition.
     *
     * @param rows the samples, each of length {@code featureSize + targetWidth}; counted in one pass here, then
     *             cached as shards
     * @param featureSize features per sample (the flattened network input size), ≥ 1
     * @param targetWidth target values per sample (the network output width), ≥ 1
     * @param network builds the trained network on each executor (serializable; must match the trainer's network)
     * @param loss builds the loss on each executor (serializable)
     * @return the training set, samples numbered in RDD order, aggregated with depth {@link
     *         SparkLeastSquares#DEFAULT_DEPTH}
     * @throws IllegalArgumentException if a size is not positive, a factory is null, the network's input or output
     *                                  size differs from the rows', or a row has the wrong length
     */
    public static SparkTrainingData of(JavaRDD<double[]> rows, int featureSize, int targetWidth,
            SerializableSupplier<Sequential> network, SerializableSupplier<Loss> loss) {
        if (featureSize <= 0 || targetWidth <= 0) {
            throw new IllegalArgumentException("featureSize is " + featureSize + " and targetWidth " + targetWidth
                    + ", expected both positive");
        }
        requireNetwork(network, loss, featureSize, targetWidth);
        int width = featureSize + targetWidth;
        List<Long> counts = rows.mapPartitions(it -> {
            long c = 0;
            while (it.hasNext()) {
                double[] r = it.next();
                if (r.length != width) {
                    throw new IllegalArgumentException("row has " + r.length + " values, expected " + width
                            + " (" + featureSize + " features, " + targetWidth + " target values)");
                }
                c++;
            }
            return List.of(c).iterator();
        }).collect();
        long total = 0;
        int[] first = new int[counts.size()];
        for (int q = 0; q < counts.size(); q++) {
            first[q] = (int) total;
            total += counts.get(q);
        }
        if (total > Integer.MAX_VALUE || total == 0) {
            throw new IllegalArgumentException("data set has " + total + " rows, expected 1.." + Integer.MAX_VALUE);
        }
        JavaRDD<Shard> shards = rows.mapPartitionsWithIndex((q, it) -> {
            List<double[]> all = new ArrayList<>();
            it.forEachRemaining(all::add);
            int m = all.size();
            int[] index = new int[m];
            double[] x = new double[m * featureSize];
            double[] y = new double[m * targetWidth];
            for (int i = 0; i < m; i++) {
                index[i] = first[q] + i;
                System.arraycopy(all.get(i), 0, x, i * featureSize, featureSize);
                System.arraycopy(all.get(i), featureSize, y, i * targetWidth, targetWidth);
            }
            return List.of(new Shard(index, x, featureSize, y, targetWidth)).iterator();
        }, true).cache();
        return new SparkTrainingData(shards, (int) total, featureSize, targetWidth, network, loss,
                SparkLeastSquares.DEFAULT_DEPTH, null);
    }

    /**
     * A training set of this JVM spread over the cluster in {@code partitions} contiguous ranges of samples (for
     * data that fit on the driver; larger sets come as an RDD through {@link #of}): broadcast once, each partition
     * slicing its range into a cached shard.
     *
     * @param jsc the Spark context to broadcast with
     * @param data the training set on the driver (read once and broadcast)
     * @param partitions number of contiguous sample ranges (shards), ≥ 1
     * @param network builds the trained network on each executor (serializable; must match the trainer's network)
     * @param loss builds the loss on each executor (serializable)
     * @return the distributed training set, samples numbered as in {@code data}
     * @throws IllegalArgumentException as {@link #of}, or if partitions is not positive
     */
    public static SparkTrainingData distribute(JavaSparkContext jsc, TrainingData data, int partitions,
            SerializableSupplier<Sequential> network, SerializableSupplier<Loss> loss) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions is " + partitions + ", expected at least 1");
        }
        int n = data.size();
        int f = data.featureSize();
        int c = data.targetWidth();
        requireNetwork(network, loss, f, c);
        if (partitions > n) {
            throw new IllegalArgumentException("partitions is " + partitions + ", expected at most the " + n
                    + " samples");
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        double[] x = new double[n * f];
        double[] y = new double[n * c];
        data.copyBatch(order, 0, n, x, y);
        // one broadcast (fetched once per executor) that each partition slices: tasks carry the handle, not the data
        Broadcast<double[][]> all = jsc.broadcast(new double[][] {x, y});
        List<Integer> ids = new ArrayList<>(partitions);
        for (int q = 0; q < partitions; q++) {
            ids.add(q);
        }
        JavaRDD<Shard> shards = jsc.parallelize(ids, partitions).map(q -> {
            int lo = (int) ((long) q * n / partitions);
            int hi = (int) ((long) (q + 1) * n / partitions);
            int[] index = new int[hi - lo];
            Arrays.setAll(index, i -> lo + i);
            double[][] xy = all.value();
            return new Shard(index, Arrays.copyOfRange(xy[0], lo * f, hi * f), f,
                    Arrays.copyOfRange(xy[1], lo * c, hi * c), c);
        }).cache();
        return new SparkTrainingData(shards, n, f, c, network, loss, SparkLeastSquares.DEFAULT_DEPTH, all);
    }

    private static void requireNetwork(SerializableSupplier<Sequential> network, SerializableSupplier<Loss> loss,
            int featureSize, int targetWidth) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss factories must not be null");
        }
        Sequential net = network.get();
        if (net.inputShape().size() != featureSize || net.outputShape().size() != targetWidth) {
            throw new IllegalArgumentException("network maps " + net.inputShape().size() + " inputs to "
                    + net.outputShape().size() + " outputs, expected " + featureSize + " to " + targetWidth
                    + " (the data's features and targets)");
        }
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

    /**
     * Number of partitions (shards).
     *
     * @return the number of partitions of the shard RDD, ≥ 1
     */
    public int partitions() {
        return shards.getNumPartitions();
    }

    /**
     * Gathers samples from the executors (one job). The {@link org.gn4j.nn.train.Trainer} does not use it: its
     * batches are evaluated where the samples are, by {@link #batchEvaluator}.
     */
    @Override
    public void copyBatch(int[] order, int from, int count, double[] x, double[] y) {
        if (order == null || from < 0 || count < 0 || from + count > order.length) {
            throw new IllegalArgumentException("batch range [" + from + ", " + from + " + " + count
                    + ") expected within the order array (length " + (order == null ? "null" : order.length) + ")");
        }
        if (x.length < count * featureSize || y.length < count * targetWidth) {
            throw new IllegalArgumentException("x has " + x.length + " and y " + y.length + " entries, expected at "
                    + "least " + count * featureSize + " and " + count * targetWidth);
        }
        int[] batch = Arrays.copyOfRange(order, from, from + count);
        for (int g : batch) {
            if (g < 0 || g >= size) {
                throw new IllegalArgumentException("sample index " + g + ", expected 0.." + (size - 1));
            }
        }
        int f = featureSize;
        int c = targetWidth;
        List<double[]> found = shards.flatMap(s -> {
            List<double[]> out = new ArrayList<>();
            for (int k = 0; k < batch.length; k++) {
                int p = s.find(batch[k]);
                if (p >= 0) {
                    double[] r = new double[1 + f + c];
                    r[0] = k;
                    System.arraycopy(s.x, p * f, r, 1, f);
                    System.arraycopy(s.y, p * c, r, 1 + f, c);
                    out.add(r);
                }
            }
            return out.iterator();
        }).collect();
        for (double[] r : found) {
            int k = (int) r[0];
            System.arraycopy(r, 1, x, k * f, f);
            System.arraycopy(r, 1 + f, y, k * c, c);
        }
    }

    /**
     * The distributed evaluator: each batch evaluated on the executors holding its samples.
     *
     * @param products the trainer's own evaluator, whose network must match this data's network factory
     * @throws IllegalArgumentException if the trainer's network has another parameter count than the factory's
     */
    @Override
    public BatchEvaluator batchEvaluator(MiniBatchProducts products) {
        int d = network.get().parameterCount();
        if (products.parameterCount() != d) {
            throw new IllegalArgumentException("the trainer's network has " + products.parameterCount()
                    + " parameters, expected " + d + " (the network this data set's factory builds)");
        }
        return new SparkBatchEvaluator(shards, network, loss, d, products.maxBatch(), depth);
    }

    /** Releases the cached shards (and the broadcast they were sliced from). */
    public void unpersist() {
        shards.unpersist();
        if (source != null) {
            source.destroy();
        }
    }
}
