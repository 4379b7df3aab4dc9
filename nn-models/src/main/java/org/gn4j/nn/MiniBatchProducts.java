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
 * The batch is split into chunks evaluated in parallel on {@link ComputePool}, each with its own {@link Tape}; partial
 * parameter-space results are summed. All work buffers are allocated once per maximum batch size.
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
    private final Tape[] tapes;
    private final double[][] partial;
    private final double[] g;
    private final double[] qv;
    private final double[] jv;
    private double[] theta;
    private double[] targets;
    private int batch;
    private int chunks;
    private double lossValue = Double.NaN;
    private Tape[] trialTapes;
    private double[][] trialTargets;
    private double[] trialSums;

    /**
     * @param maxBatch the largest mini-batch that will be evaluated
     * @throws IllegalArgumentException if maxBatch is not positive
     */
    public MiniBatchProducts(Sequential net, Loss loss, int maxBatch) {
        ArgumentChecks.requirePositive("maxBatch", maxBatch);
        this.net = net;
        this.loss = loss;
        this.maxBatch = maxBatch;
        this.c = net.outputShape().size();
        this.d = net.parameterCount();
        int maxChunks = Math.max(1, Math.min(ComputePool.parallelism(), maxBatch / 8));
        this.chunkCapacity = (maxBatch + maxChunks - 1) / maxChunks;
        this.tapes = new Tape[maxChunks];
        this.partial = new double[maxChunks][];
        for (int k = 0; k < maxChunks; k++) {
            tapes[k] = net.newTape(chunkCapacity);
            partial[k] = new double[d];
        }
        this.g = new double[maxBatch * c];
        this.qv = new double[maxBatch * c];
        this.jv = new double[maxBatch * c];
        this.targets = new double[maxBatch * c];
    }

    /** The network. */
    public Sequential network() {
        return net;
    }

    /** The loss function. */
    public Loss lossFunction() {
        return loss;
    }

    @Override
    public int parameterCount() {
        return d;
    }

    /** Batch size of the last evaluation. */
    public int batch() {
        return batch;
    }

    /** Batch size of the last evaluation (as {@link #batch()}). */
    @Override
    public int batchSize() {
        return batch;
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
        System.arraycopy(y, yOff, targets, 0, batch * c);
        this.chunks = Math.max(1, Math.min(tapes.length, (batch + 7) / 8));
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

    /** Copies the network outputs of the last evaluation (batch × c) into {@code out}. */
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

    /** The GGN {@code G = (1/b)JᵀQJ} at the current point as a symmetric PSD operator (for conjugate gradient). */
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
        run((k, s0, n) -> {
            Arrays.fill(partial[k], 0.0);
            // each chunk reads its rows of u through its tape's cotangent buffer
            double[] local = tapes[k].outputCotangent();
            System.arraycopy(cot, s0 * c, local, 0, n * c);
            net.vjp(theta, local, partial[k], tapes[k]);
        });
        System.arraycopy(partial[0], 0, out, 0, d);
        for (int k = 1; k < chunks; k++) {
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

    private void run(ChunkBody body) {
        if (chunks == 1) {
            body.run(0, 0, batch);
            return;
        }
        ComputePool.parallelFor(chunks, 1, (from, to) -> {
            for (int k = from; k < to; k++) {
                body.run(k, chunkStart(k), chunkSize(k));
            }
        });
    }
}
