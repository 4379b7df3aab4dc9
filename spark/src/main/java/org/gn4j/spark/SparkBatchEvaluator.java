package org.gn4j.spark;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.gn4j.gn.stochastic.MiniBatchObjective;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.nn.MiniBatchProducts;
import org.gn4j.nn.Sequential;
import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.train.BatchEvaluator;

/**
 * Mini-batches of a {@link SparkTrainingData} evaluated where their samples are. Each call is one Spark job over the
 * shards with θ (and v, or the trial θ′) broadcast and one {@link OrderedSums ordered tree sum} of the shards'
 * contributions, each weighted by its share of the batch:
 * <ul>
 *   <li>{@link #evaluate}: every shard gathers its members of the batch (in batch order), runs the forward pass
 *       with a {@link MiniBatchProducts} kept in executor memory, and returns its loss sum and gradient sum;</li>
 *   <li>{@link #ggnTimes}: {@code Σ_q b_q·G_q v / b}, reusing each shard's forward pass (one tangent and one adjoint
 *       pass per shard);</li>
 *   <li>{@link #lossAt}: {@code Σ_q b_q·L_q(θ′) / b}, forward passes only.</li>
 * </ul>
 * A shard whose executor lost its state (a restarted executor, a task run elsewhere) recomputes the forward pass
 * at the step's θ from the step's broadcasts, so a product never uses another step's activations. Per step the
 * driver receives {@code (d + 2)·8} bytes per partial of the tree for the evaluation and {@code 8d} per GGN product.
 */
public final class SparkBatchEvaluator implements BatchEvaluator, MiniBatchObjective {
    private static final AtomicLong IDS = new AtomicLong();
    private final JavaRDD<Shard> shards;
    private final SerializableSupplier<Sequential> network;
    private final SerializableSupplier<Loss> lossFactory;
    private final int d;
    private final int maxBatch;
    private final int depth;
    private final long id = IDS.incrementAndGet() ^ System.nanoTime() << 20;
    private long step;
    private Broadcast<double[]> theta;
    private Broadcast<int[]> batch;
    private int count;
    private double loss = Double.NaN;
    private final double[] gradient;

    SparkBatchEvaluator(JavaRDD<Shard> shards, SerializableSupplier<Sequential> network,
            SerializableSupplier<Loss> loss, int d, int maxBatch, int depth) {
        this.shards = shards;
        this.network = network;
        this.lossFactory = loss;
        this.d = d;
        this.maxBatch = maxBatch;
        this.depth = depth;
        this.gradient = new double[d];
    }

    @Override
    public MiniBatchObjective evaluate(double[] x, int[] order, int from, int n) {
        ArgumentChecks.requireLength("theta", x, d);
        if (order == null || from < 0 || n <= 0 || n > maxBatch || from + n > order.length) {
            throw new IllegalArgumentException("batch [" + from + ", " + from + " + " + n + ") expected within the "
                    + "order array (length " + (order == null ? "null" : order.length) + ") and 1.." + maxBatch
                    + " samples");
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(shards.context());
        release();
        step++;
        theta = jsc.broadcast(x.clone());
        batch = jsc.broadcast(java.util.Arrays.copyOfRange(order, from, from + n));
        count = n;
        double[] acc = shardSums(d + 2, (st, out) -> {
            out[0] = st.members;
            out[1] = st.products.loss() * st.members;
            st.products.gradient(st.work);
            for (int j = 0; j < st.work.length; j++) {
                out[2 + j] = st.work[j] * st.members;
            }
        });
        if ((int) acc[0] != n) {
            throw new IllegalStateException("the shards hold " + (int) acc[0] + " of the batch's " + n + " samples");
        }
        loss = acc[1] / n;
        for (int j = 0; j < d; j++) {
            gradient[j] = acc[2 + j] / n;
        }
        return this;
    }

    @Override
    public int parameterCount() {
        return d;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public void gradient(double[] out) {
        requireEvaluated();
        ArgumentChecks.requireLength("out", out, d);
        System.arraycopy(gradient, 0, out, 0, d);
    }

    @Override
    public void ggnTimes(double[] v, double[] out) {
        requireEvaluated();
        ArgumentChecks.requireLength("v", v, d);
        ArgumentChecks.requireLength("out", out, d);
        Broadcast<double[]> vb = JavaSparkContext.fromSparkContext(shards.context()).broadcast(v.clone());
        double[] acc = shardSums(d, (st, r) -> {
            st.products.ggnTimes(vb.value(), r);
            for (int j = 0; j < r.length; j++) {
                r[j] *= st.members;
            }
        });
        vb.destroy();
        for (int j = 0; j < d; j++) {
            out[j] = acc[j] / count;
        }
    }

    @Override
    public double lossAt(double[] trial) {
        requireEvaluated();
        ArgumentChecks.requireLength("theta", trial, d);
        Broadcast<double[]> tb = JavaSparkContext.fromSparkContext(shards.context()).broadcast(trial.clone());
        double[] acc = shardSums(1, (st, r) -> r[0] = st.products.lossAt(tb.value()) * st.members);
        tb.destroy();
        return acc[0] / count;
    }

    /** Destroys the last step's broadcasts (the evaluator then needs a new {@link #evaluate}). */
    public void release() {
        if (theta != null) {
            theta.destroy();
            batch.destroy();
            theta = null;
            batch = null;
            loss = Double.NaN;
        }
    }

    private void requireEvaluated() {
        if (theta == null) {
            throw new IllegalStateException("no mini-batch evaluated: call evaluate first");
        }
    }

    /** What a shard with members in the batch contributes to a job: written into a zeroed array. */
    @FunctionalInterface
    private interface ShardContribution extends java.io.Serializable {
        void into(State state, double[] out);
    }

    /**
     * One job over the shards at the current step: each shard with members in the batch writes its contribution
     * (length {@code length}), the others zeros; the ordered tree sum of them.
     */
    private double[] shardSums(int length, ShardContribution f) {
        Step s = step();
        return OrderedSums.sum(shards.mapPartitionsWithIndex((q, it) -> {
            State st = s.at(q, it.next());
            double[] out = new double[length];
            if (st.members > 0) {
                f.into(st, out);
            }
            return List.of(out).iterator();
        }, true), length, depth);
    }

    private Step step() {
        return new Step(id, step, d, maxBatch, theta, batch, network, lossFactory);
    }

    /** What a task needs to find or rebuild its shard's state of one step. */
    private record Step(long evaluator, long step, int d, int maxBatch, Broadcast<double[]> theta,
            Broadcast<int[]> batch, SerializableSupplier<Sequential> network, SerializableSupplier<Loss> loss)
            implements java.io.Serializable {
        /** The shard's evaluated state of this step, from the executor's cache or computed now. */
        State at(int partition, Shard shard) {
            State st = STATES.compute(partition + "@" + shard.index.length + ":" + (shard.size() > 0
                    ? shard.index[0] : -1), (k, old) -> old != null && old.evaluator == evaluator ? old
                    : new State(evaluator, network.get(), loss.get(), Math.min(maxBatch, Math.max(1, shard.size())),
                            shard));
            synchronized (st) {
                if (st.step != step) {
                    st.evaluate(step, theta.value(), batch.value(), shard);
                }
            }
            return st;
        }
    }

    /**
     * Evaluated state of one shard in an executor JVM: the shard's members of the current batch and their forward
     * pass. One entry per shard (keyed by partition and index range), replaced when another evaluator uses it.
     */
    private static final ConcurrentHashMap<String, State> STATES = new ConcurrentHashMap<>();

    private static final class State {
        final long evaluator;
        final MiniBatchProducts products;
        final double[] work;
        final double[] x;
        final double[] y;
        long step = -1;
        int members;

        State(long evaluator, Sequential net, Loss loss, int capacity, Shard shard) {
            this.evaluator = evaluator;
            this.products = new MiniBatchProducts(net, loss, capacity);
            this.work = new double[net.parameterCount()];
            this.x = new double[capacity * shard.featureSize];
            this.y = new double[capacity * shard.targetWidth];
        }

        void evaluate(long s, double[] theta, int[] batch, Shard shard) {
            int[] pos = shard.members(batch);
            members = pos.length;
            if (members > 0) {
                shard.gather(pos, x, y);
                products.evaluate(theta, members, x, 0, y, 0);
            }
            step = s;
        }
    }
}
