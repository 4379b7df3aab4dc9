package org.gn4j.nn;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.nn.loss.Loss;

/**
 * The products second-order training needs on one mini-batch, all at the point of the last {@link #evaluate} (whose
 * forward pass every later product reuses):
 * <ul>
 *   <li>the mean loss {@code L = (1/b)Σℓ(f_s, y_s)} and its gradient {@code ∇L = (1/b)Jᵀg};</li>
 *   <li>{@code J·v} (one tangent pass), {@code Jᵀ·u} (one adjoint pass);</li>
 *   <li>the generalized Gauss-Newton product {@code G·v = (1/b)Jᵀ(Q(Jv))}: one tangent and one adjoint pass;</li>
 *   <li>the per-sample Jacobian ({@code bc × d}) from c adjoint passes, and the whitened one (rows
 *       {@code L_sᵀJ_s}) from c adjoint passes seeded by the loss-Hessian factors;</li>
 *   <li>the loss at a trial point on the same batch ({@link #lossAt}), through separate small tapes so that the
 *       evaluated point stays valid.</li>
 * </ul>
 * The batch is split into chunks, each with its own {@link Tape}, small enough that a chunk's activations (about
 * {@value #CHUNK_DOUBLES} doubles) stay in the last-level cache while the layers run over them one after another; the
 * chunks are shared out in contiguous groups, one per thread of {@link ComputePool}, and each group sums its
 * parameter-space results into its own buffer before the groups' buffers are added. All work buffers are allocated
 * once per maximum batch size.
 */
public final class MiniBatchProducts implements org.gn4j.gn.stochastic.PerSampleObjective {
    /** Samples per forward pass of {@link #lossAt} (its tapes are separate from the evaluated ones). */
    private static final int TRIAL_PIECE = 64;
    private final Sequential net;
    private final Loss loss;
    private final int maxBatch;
    private final int c;
    private final int d;
    private final int chunkCapacity;
    /** Activation doubles per chunk (8 MB) that the chunk size aims at. */
    static final int CHUNK_DOUBLES = 1 << 20;
    private final Tape[] tapes;
    /** One parameter-space accumulator per group of chunks. */
    private final double[][] partial;
    private final double[] g;
    private final double[] qv;
    private final double[] jv;
    private double[] theta;
    private double[] targets;
    private int batch;
    private int chunks;
    private int groups;
    private double lossValue = Double.NaN;
    private Tape[] trialTapes;
    private double[][] trialTargets;
    private double[] trialSums;
    /** Evaluations so far (a curvature subset re-evaluates when this moves). */
    private long evaluations;
    private CurvatureSubset subset;

    /**
     * @param net the network; its parameter count d and output size c fix the products' sizes
     * @param loss the per-sample loss
     * @param maxBatch the largest mini-batch that will be evaluated
     * @throws IllegalArgumentException if maxBatch is not positive
     */
    public MiniBatchProducts(Sequential net, Loss loss, int maxBatch) {
        this(net, loss, maxBatch, CHUNK_DOUBLES);
    }

    /** With a chosen activation budget per chunk (tests use a tiny one to get many chunks per thread). */
    MiniBatchProducts(Sequential net, Loss loss, int maxBatch, int chunkDoubles) {
        ArgumentChecks.requirePositive("maxBatch", maxBatch);
        ArgumentChecks.requirePositive("chunkDoubles", chunkDoubles);
        this.net = net;
        this.loss = loss;
        this.maxBatch = maxBatch;
        this.c = net.outputShape().size();
        this.d = net.parameterCount();
        int threads = ComputePool.parallelism();
        // at least one chunk per thread (when there are 8 samples per chunk to share), more when a thread's share
        // of activations would not stay in cache, never below 8 samples
        int byThreads = Math.max(1, Math.min(threads, maxBatch / 8));
        long activations = (long) maxBatch * activationDoublesPerSample(net);
        int byCache = (int) Math.min(Math.max(1, maxBatch / 8), (activations + chunkDoubles - 1) / chunkDoubles);
        // every chunk reads (and the GEMMs pack) all weights once per pass: more chunks only pay when that costs
        // less than streaming the activations (CNNs: small weights, large activations; not wide MLPs)
        if ((long) byCache * d > activations) {
            byCache = 1;
        }
        int maxChunks = Math.max(byThreads, byCache);
        this.chunkCapacity = (maxBatch + maxChunks - 1) / maxChunks;
        maxChunks = (maxBatch + chunkCapacity - 1) / chunkCapacity;
        this.tapes = new Tape[maxChunks];
        for (int k = 0; k < maxChunks; k++) {
            tapes[k] = net.newTape(chunkCapacity);
        }
        this.partial = new double[Math.min(threads, maxChunks)][];
        for (int k = 0; k < partial.length; k++) {
            partial[k] = new double[d];
        }
        this.g = new double[maxBatch * c];
        this.qv = new double[maxBatch * c];
        this.jv = new double[maxBatch * c];
        this.targets = new double[maxBatch * c];
    }

    /** Doubles a sample's activations take in a tape: the input and every layer's output, the latter twice (the
     *  layers' own per-sample state, such as derivatives or pooling indices, is of the same order). */
    private static long activationDoublesPerSample(Sequential net) {
        long sum = net.inputShape().size();
        for (Layer layer : net.layers()) {
            sum += 2L * layer.outputShape().size();
        }
        return sum;
    }

    /**
     * The network.
     *
     * @return the network (referenced, not a copy)
     */
    public Sequential network() {
        return net;
    }

    /**
     * The loss function.
     *
     * @return the loss (referenced)
     */
    public Loss lossFunction() {
        return loss;
    }

    @Override
    public int parameterCount() {
        return d;
    }

    /**
     * Batch size of the last evaluation.
     *
     * @return the number of samples b of the last {@link #evaluate}; 0 before the first
     */
    public int batch() {
        return batch;
    }

    /** Batch size of the last evaluation (as {@link #batch()}). */
    @Override
    public int batchSize() {
        return batch;
    }

    /**
     * The largest batch this evaluator takes (its buffers' size).
     *
     * @return the capacity in samples, as given to the constructor
     */
    public int maxBatch() {
        return maxBatch;
    }

    /** Network outputs c per sample. */
    @Override
    public int outputCount() {
        return c;
    }

    /**
     * The mean loss of the evaluated mini-batch at the trial parameters θ' (forward passes on separate tapes of
     * {@value #TRIAL_PIECE} samples per chunk, allocated at the first call), leaving the evaluated point and its
     * products valid. The inputs are read from the evaluated tapes, so the caller's input array may change.
     *
     * @throws IllegalArgumentException if θ' has the wrong length
     * @throws IllegalStateException    before the first {@link #evaluate}
     */
    @Override
    public double lossAt(double[] trialTheta) {
        requireEvaluated();
        ArgumentChecks.requireLength("theta", trialTheta, d);
        if (trialTapes == null) {
            int cap = Math.min(TRIAL_PIECE, chunkCapacity);
            trialTapes = new Tape[tapes.length];
            trialTargets = new double[tapes.length][cap * c];
            trialSums = new double[tapes.length];
            for (int k = 0; k < tapes.length; k++) {
                trialTapes[k] = net.newTape(cap);
            }
        }
        int in = net.inputShape().size();
        run((k, s0, n) -> {
            Tape tape = trialTapes[k];
            int cap = tape.maxBatch();
            double sum = 0;
            for (int p = 0; p < n; p += cap) {
                int m = Math.min(cap, n - p);
                double[] out = net.forward(trialTheta, m, tapes[k].act[0], p * in, tape);
                System.arraycopy(targets, (s0 + p) * c, trialTargets[k], 0, m * c);
                sum += loss.value(m, c, out, trialTargets[k]) * m;
            }
            trialSums[k] = sum;
        });
        double total = 0;
        for (int k = 0; k < chunks; k++) {
            total += trialSums[k];
        }
        return total / batch;
    }

    /**
     * Forward pass on a mini-batch: samples {@code x[xOff ..]} (batch × input size) with targets {@code y[yOff ..]}
     * (batch × c) at parameters θ (referenced until the next call, not copied).
     *
     * @param theta the parameters θ, length d; referenced until the next call, so it must not change meanwhile
     * @param batch number of samples b, {@code 1 <= b <= maxBatch()}
     * @param x the inputs, batch-major, b × input size from {@code xOff}
     * @param xOff index of the first input entry in {@code x}
     * @param y the targets, batch-major, {@code b × c} from {@code yOff}; copied
     * @param yOff index of the first target entry in {@code y}
     * @return the mean loss; NaN or infinite values are returned as they are for the caller to handle
     */
    public double evaluate(double[] theta, int batch, double[] x, int xOff, double[] y, int yOff) {
        if (batch <= 0 || batch > maxBatch) {
            throw new IllegalArgumentException("batch is " + batch + ", expected 1.." + maxBatch);
        }
        ArgumentChecks.requireLength("theta", theta, d);
        ArgumentChecks.requireRange("y", y, yOff, batch * c);
        ArgumentChecks.requireRange("x", x, xOff, batch * net.inputShape().size());
        this.theta = theta;
        this.batch = batch;
        evaluations++;
        System.arraycopy(y, yOff, targets, 0, batch * c);
        int byCapacity = (batch + chunkCapacity - 1) / chunkCapacity;
        this.chunks = Math.max(byCapacity, Math.max(1, Math.min(partial.length, (batch + 7) / 8)));
        this.chunks = Math.min(chunks, tapes.length);
        this.groups = Math.min(partial.length, chunks);
        int in = net.inputShape().size();
        run((k, s0, n) -> {
            double[] out = net.forward(theta, n, x, xOff + s0 * in, tapes[k]);
            System.arraycopy(out, 0, jv, s0 * c, n * c); // outputs parked in jv until g is formed
        });
        double value = loss.value(batch, c, jv, targets);
        loss.gradient(batch, c, jv, targets, g);
        lossValue = value;
        return value;
    }

    /** Mean loss of the last evaluation. */
    @Override
    public double loss() {
        return lossValue;
    }

    /**
     * Copies the network outputs of the last evaluation (batch × c) into {@code out}.
     *
     * @param out receives the outputs, batch-major, at least {@code b·c} entries (entries beyond are left untouched)
     */
    public void outputs(double[] out) {
        ArgumentChecks.requireRange("out", out, 0, batch * c);
        int pos = 0;
        for (int k = 0; k < chunks; k++) {
            int n = chunkSize(k);
            System.arraycopy(tapes[k].output(), 0, out, pos * c, n * c);
            pos += n;
        }
    }

    /** {@code ∇L = (1/b)·Jᵀg} into {@code out} (length d). */
    @Override
    public void gradient(double[] out) {
        vjpInto(g, out);
        scale(out, 1.0 / batch);
    }

    /** {@code out = J·v} (batch × c). */
    @Override
    public void jvp(double[] v, double[] out) {
        requireEvaluated();
        ArgumentChecks.requireLength("v", v, d);
        ArgumentChecks.requireRange("out", out, 0, batch * c);
        run((k, s0, n) -> System.arraycopy(net.jvp(theta, v, tapes[k]), 0, out, s0 * c, n * c));
    }

    /** {@code out = Jᵀ·u} (u: batch × c; out: length d, overwritten). */
    @Override
    public void vjp(double[] u, double[] out) {
        ArgumentChecks.requireRange("u", u, 0, batch * c);
        vjpInto(u, out);
    }

    /** The generalized Gauss-Newton product {@code out = (1/b)·Jᵀ(Q(J·v))}. */
    @Override
    public void ggnTimes(double[] v, double[] out) {
        jvp(v, jv);
        loss.hessianTimes(batch, c, tapeOutputs(), targets, jv, qv);
        vjpInto(qv, out);
        scale(out, 1.0 / batch);
    }

    /**
     * This batch with its GGN product over its first {@code max(1, ⌈fraction·b⌉)} samples (see
     * {@link org.gn4j.gn.stochastic.MiniBatchObjective#curvatureSubset}): the subset's samples are copied from the
     * evaluated tapes and evaluated by a second, smaller set of tapes (allocated at the first call for a fraction,
     * for {@code ⌈fraction·maxBatch()⌉} samples) at the first GGN product after each {@link #evaluate}.
     */
    @Override
    public org.gn4j.gn.stochastic.MiniBatchObjective curvatureSubset(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            return org.gn4j.gn.stochastic.PerSampleObjective.super.curvatureSubset(fraction);
        }
        if (subset == null || subset.fraction != fraction) {
            subset = new CurvatureSubset(fraction);
        }
        return subset;
    }

    /** The view of {@link #curvatureSubset}: the batch's loss and gradient, the subset's GGN product. */
    private final class CurvatureSubset implements org.gn4j.gn.stochastic.MiniBatchObjective {
        final double fraction;
        private final MiniBatchProducts part;
        private final double[] inputs;
        private long evaluated = -1;

        CurvatureSubset(double fraction) {
            this.fraction = fraction;
            int capacity = samples(maxBatch);
            this.part = new MiniBatchProducts(net, loss, capacity);
            this.inputs = new double[capacity * net.inputShape().size()];
        }

        int samples(int b) {
            return Math.max(1, Math.min(b, (int) Math.ceil(fraction * b - 1e-9)));
        }

        @Override
        public int parameterCount() {
            return d;
        }

        @Override
        public double loss() {
            return MiniBatchProducts.this.loss();
        }

        @Override
        public void gradient(double[] out) {
            MiniBatchProducts.this.gradient(out);
        }

        @Override
        public double lossAt(double[] trialTheta) {
            return MiniBatchProducts.this.lossAt(trialTheta);
        }

        @Override
        public void ggnTimes(double[] v, double[] out) {
            requireEvaluated();
            if (evaluated != evaluations) {
                int m = samples(batch);
                int in = net.inputShape().size();
                for (int k = 0, s0 = 0; k < chunks && s0 < m; k++) {
                    int n = Math.min(chunkSize(k), m - s0);
                    System.arraycopy(tapes[k].act[0], 0, inputs, s0 * in, n * in);
                    s0 += n;
                }
                part.evaluate(theta, m, inputs, 0, targets, 0);
                evaluated = evaluations;
            }
            part.ggnTimes(v, out);
        }
    }

    /**
     * The GGN {@code G = (1/b)JᵀQJ} at the current point as a symmetric PSD operator (for conjugate gradient).
     *
     * @return a {@code d×d} operator applying {@link #ggnTimes}; valid until the next {@link #evaluate}, not
     *         thread-safe
     */
    public LinearOperator ggnOperator() {
        return Operators.of(d, d, this::ggnTimes, this::ggnTimes, Structure.SYMMETRIC,
                Structure.POSITIVE_SEMIDEFINITE);
    }

    /**
     * The per-sample Jacobian into {@code out}: row {@code s·c + k} (length d) is {@code ∂f_k(x_s)/∂θ}.
     *
     * @param out at least {@code batch·c·d} entries
     */
    @Override
    public void perSampleJacobian(double[] out) {
        requireEvaluated();
        ArgumentChecks.requireRange("out", out, 0, batch * c * d);
        run((k, s0, n) -> net.perSampleJacobian(theta, tapes[k], out, s0 * c * d));
    }

    /**
     * The whitened per-sample Jacobian: the rows of sample s are {@code L_sᵀJ_s} ({@code L_s} from
     * {@link #hessianFactors}), computed with c reverse passes seeded by the columns of {@code L_s}.
     *
     * @param factors the factors as written by {@link #hessianFactors} (batch·c·c entries)
     * @param out     at least {@code batch·c·d} entries
     */
    @Override
    public void whitenedJacobian(double[] factors, double[] out) {
        requireEvaluated();
        ArgumentChecks.requireRange("factors", factors, 0, batch * c * c);
        ArgumentChecks.requireRange("out", out, 0, batch * c * d);
        run((k, s0, n) -> net.perSampleJacobian(theta, tapes[k], out, s0 * c * d, factors, s0 * c * c));
    }

    /** Per-sample loss gradients {@code g = ∂ℓ/∂f} of the last evaluation (batch × c), copied into {@code out}. */
    @Override
    public void lossGradient(double[] out) {
        System.arraycopy(g, 0, out, 0, batch * c);
    }

    /** Per-sample Hessian factors {@code L_s} with {@code Q_s = L_sL_sᵀ} (batch × c × c) into {@code out}. */
    @Override
    public void hessianFactors(double[] out) {
        loss.hessianFactor(batch, c, tapeOutputs(), targets, out);
    }

    /** Targets of the last evaluation (batch × c), read only. */
    double[] targets() {
        return targets;
    }

    private double[] outputsBuffer;

    private double[] tapeOutputs() {
        if (outputsBuffer == null) {
            outputsBuffer = new double[maxBatch * c];
        }
        outputs(outputsBuffer);
        return outputsBuffer;
    }

    private void vjpInto(double[] u, double[] out) {
        requireEvaluated();
        ArgumentChecks.requireLength("out", out, d);
        double[] cot = u;
        runGroups((group, k, s0, n) -> {
            if (k == firstChunk(group)) {
                Arrays.fill(partial[group], 0.0);
            }
            // each chunk reads its rows of u through its tape's cotangent buffer
            double[] local = tapes[k].outputCotangent();
            System.arraycopy(cot, s0 * c, local, 0, n * c);
            net.vjp(theta, local, partial[group], tapes[k]);
        });
        System.arraycopy(partial[0], 0, out, 0, d);
        for (int k = 1; k < groups; k++) {
            double[] p = partial[k];
            for (int j = 0; j < d; j++) {
                out[j] += p[j];
            }
        }
    }

    private static void scale(double[] v, double a) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= a;
        }
    }

    private void requireEvaluated() {
        if (theta == null) {
            throw new IllegalStateException("no mini-batch evaluated yet: call evaluate(...) first");
        }
    }

    private int chunkStart(int k) {
        int base = batch / chunks;
        int extra = batch % chunks;
        return k * base + Math.min(k, extra);
    }

    private int chunkSize(int k) {
        return chunkStart(k + 1) - chunkStart(k);
    }

    @FunctionalInterface
    private interface ChunkBody {
        void run(int chunk, int firstSample, int count);
    }

    @FunctionalInterface
    private interface GroupBody {
        void run(int group, int chunk, int firstSample, int count);
    }

    private int firstChunk(int group) {
        return (int) ((long) chunks * group / groups);
    }

    private void run(ChunkBody body) {
        runGroups((group, k, s0, n) -> body.run(k, s0, n));
    }

    /** Each group's chunks in order on one thread, the groups in parallel. */
    private void runGroups(GroupBody body) {
        if (chunks == 1) {
            body.run(0, 0, 0, batch);
            return;
        }
        ComputePool.parallelFor(groups, 1, (from, to) -> {
            for (int group = from; group < to; group++) {
                for (int k = firstChunk(group), end = firstChunk(group + 1); k < end; k++) {
                    body.run(group, k, chunkStart(k), chunkSize(k));
                }
            }
        });
    }
}
