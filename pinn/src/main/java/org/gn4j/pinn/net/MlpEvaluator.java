package org.gn4j.pinn.net;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;

/**
 * Batch evaluation of an {@link Mlp} with its input derivatives by the <em>forward Laplacian</em>, and the exact
 * parameter derivatives of any linear combination of them, without finite differences.
 *
 * <h2>Jets</h2>
 * For every point the evaluator propagates a <em>jet</em> of {@code J = n + 2} numbers through the layers: the value,
 * the n first derivatives and the weighted Laplacian {@code Lu = Σ_i κ_i ∂²u/∂x_i²} (κ = 1 gives Δu; κ = (1, …, 1, 0)
 * gives the spatial Laplacian of a space × time input). A linear layer {@code z = Wh + b} maps each jet component by W
 * (the bias only touches the value); an activation {@code h = σ(z)} maps
 * <pre>
 *   h = σ(z),   ∂h/∂x_i = σ'(z)·∂z/∂x_i,   Lh = σ'(z)·Lz + σ''(z)·Σ_i κ_i (∂z/∂x_i)²
 * </pre>
 * so a point costs about {@code (n + 2)} plain forward passes. Jets are stored point after point, {@code J} numbers
 * each: {@code [u, ∂u/∂x_1, …, ∂u/∂x_n, Lu]}.
 *
 * <h2>Seeds and parameter derivatives</h2>
 * A residual that is a linear combination of the jet at point p, {@code r_p = s_p·jet_p − f_p} (for example
 * {@code s = (c, b_1, …, b_n, a)} for {@code a·Δu + b·∇u + c·u − f}), has the parameter gradient
 * {@code s_p·∂jet_p/∂θ}. {@link #jacobian} writes these rows (reverse mode through the forward-Laplacian graph, one
 * backward sweep per point), {@link #vjp} forms {@code Σ_p y_p s_p·∂jet_p/∂θ} and {@link #jvp} the forward-mode
 * products {@code s_p·(∂jet_p/∂θ)·v}. Nonlinear residuals {@code F(u, ∇u, Lu)} use the chain rule: evaluate the jets,
 * set {@code s_p = ∂F/∂jet_p}, then call these methods. A sum of networks (a partition-of-unity FBPINN
 * {@code u = Σ_j w_j·N_j}) maps its seeds on u to seeds on each N_j by the product rule and writes each network's
 * block with the column offset of {@link #jacobian}.
 *
 * <p>Work is split into point chunks run in parallel on {@link ComputePool}; each chunk owns its buffers, allocated
 * once, so evaluation allocates nothing per point. An evaluator is not thread-safe: use one per thread of callers
 * (each call is already parallel inside).
 */
public final class MlpEvaluator {
    private static final int GRAIN = 16;

    private final Mlp net;
    private final int n;
    private final int jet;
    private final int params;
    private final Tape[] tapes;
    private final double[] ones;

    MlpEvaluator(Mlp net) {
        this.net = net;
        this.n = net.inputDimension();
        this.jet = n + 2;
        this.params = net.parameterCount();
        int slots = Math.max(1, 4 * ComputePool.parallelism());
        tapes = new Tape[slots];
        ones = new double[n];
        Arrays.fill(ones, 1.0);
    }

    /**
     * The network.
     *
     * @return the network this evaluator evaluates
     */
    public Mlp network() {
        return net;
    }

    /**
     * Jet length {@code n + 2}: value, n first derivatives, weighted Laplacian.
     *
     * @return n + 2
     */
    public int jetSize() {
        return jet;
    }

    /**
     * Jets of the network at {@code count} points.
     *
     * @param theta            parameters (length {@link Mlp#parameterCount()})
     * @param points           point-major coordinates, at least {@code count·n}
     * @param count number of points, ≥ 0
     * @param laplacianWeights κ (length n), or null for all ones (Δu)
     * @param jets             output, at least {@code count·(n + 2)}: {@code [u, ∂u/∂x_1..n, Σκ_i∂²u/∂x_i²]} per point
     * @throws IllegalArgumentException on wrong lengths
     */
    public void evaluate(double[] theta, double[] points, int count, double[] laplacianWeights, double[] jets) {
        double[] kappa = check(theta, points, count, laplacianWeights);
        requireAtLeast("jets", jets, (long) count * jet);
        run(count, (t, from, to) -> {
            for (int p = from; p < to; p++) {
                t.forward(theta, points, p * n, kappa);
                System.arraycopy(t.out, 0, jets, p * jet, jet);
            }
        });
    }

    /**
     * Parameter Jacobian rows of the seeded jets: row p is {@code s_p·∂jet_p/∂θ} (length P), written (not added) at
     * {@code jac[offset + p·ld + j]}, {@code j < P}. A network that owns the column block starting at c of a larger
     * Jacobian passes {@code offset = c}.
     *
     * @param theta parameters (length {@link Mlp#parameterCount()})
     * @param points point-major coordinates, at least {@code count·n}
     * @param count number of points, ≥ 0
     * @param laplacianWeights κ (length n), or null for all ones (Δu)
     * @param seeds point-major seeds, {@code count·(n + 2)}
     * @param jac output array, at least {@code offset + (count − 1)·ld + P} long; the rows' first P entries are
     *         overwritten
     * @param offset offset of entry (0, 0) in {@code jac}
     * @param ld leading dimension (row stride), at least P
     * @throws IllegalArgumentException on wrong lengths or {@code ld < P}
     */
    public void jacobian(double[] theta, double[] points, int count, double[] laplacianWeights, double[] seeds,
            double[] jac, int offset, int ld) {
        double[] kappa = check(theta, points, count, laplacianWeights);
        requireAtLeast("seeds", seeds, (long) count * jet);
        if (ld < params) {
            throw new IllegalArgumentException("found ld = " + ld + ", expected >= " + params + " (parameters)");
        }
        if (count > 0) {
            requireAtLeast("jacobian", jac, offset + (long) (count - 1) * ld + params);
        }
        run(count, (t, from, to) -> {
            for (int p = from; p < to; p++) {
                t.forward(theta, points, p * n, kappa);
                t.backward(theta, seeds, p * jet, 1.0, jac, offset + p * ld, false, kappa);
            }
        });
    }

    /**
     * Vector-Jacobian product {@code out = Σ_p y_p·s_p·∂jet_p/∂θ} (length P).
     *
     * @param theta parameters (length {@link Mlp#parameterCount()})
     * @param points point-major coordinates, at least {@code count·n}
     * @param count number of points, ≥ 0
     * @param laplacianWeights κ (length n), or null for all ones (Δu)
     * @param seeds point-major seeds, {@code count·(n + 2)}
     * @param y weights of the points, at least {@code count} long
     * @param out output, length P; overwritten (the sum is deterministic for any thread schedule)
     * @throws IllegalArgumentException on wrong lengths
     */
    public void vjp(double[] theta, double[] points, int count, double[] laplacianWeights, double[] seeds, double[] y,
            double[] out) {
        double[] kappa = check(theta, points, count, laplacianWeights);
        requireAtLeast("seeds", seeds, (long) count * jet);
        requireAtLeast("y", y, count);
        ArgumentChecks.requireLength("out", out, params);
        int chunks = chunks(count);
        ComputePool.parallelFor(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                Tape t = tape(c);
                Arrays.fill(t.grad, 0.0);
                int from = (int) ((long) count * c / chunks);
                int to = (int) ((long) count * (c + 1) / chunks);
                for (int p = from; p < to; p++) {
                    if (y[p] == 0) {
                        continue;
                    }
                    t.forward(theta, points, p * n, kappa);
                    t.backward(theta, seeds, p * jet, y[p], t.grad, 0, true, kappa);
                }
            }
        });
        Arrays.fill(out, 0.0);
        // fixed chunk order: the sum is deterministic whatever the thread schedule
        for (int c = 0; c < chunks; c++) {
            double[] g = tapes[c].grad;
            for (int j = 0; j < params; j++) {
                out[j] += g[j];
            }
        }
    }

    /**
     * Jacobian-vector product {@code out_p = s_p·(∂jet_p/∂θ)·v} by forward-mode tangents through the forward Laplacian.
     *
     * @param theta parameters (length {@link Mlp#parameterCount()})
     * @param points point-major coordinates, at least {@code count·n}
     * @param count number of points, ≥ 0
     * @param laplacianWeights κ (length n), or null for all ones (Δu)
     * @param seeds point-major seeds, {@code count·(n + 2)}
     * @param v direction in parameter space, length P
     * @param out output, at least {@code count} long; the first count entries are overwritten
     * @throws IllegalArgumentException on wrong lengths
     */
    public void jvp(double[] theta, double[] points, int count, double[] laplacianWeights, double[] seeds, double[] v,
            double[] out) {
        double[] kappa = check(theta, points, count, laplacianWeights);
        requireAtLeast("seeds", seeds, (long) count * jet);
        ArgumentChecks.requireLength("v", v, params);
        requireAtLeast("out", out, count);
        run(count, (t, from, to) -> {
            for (int p = from; p < to; p++) {
                t.forward(theta, points, p * n, kappa);
                out[p] = t.tangent(theta, v, seeds, p * jet, kappa);
            }
        });
    }

    private interface ChunkBody {
        void run(Tape tape, int from, int to);
    }

    private int chunks(int count) {
        return Math.max(1, Math.min(tapes.length, (count + GRAIN - 1) / GRAIN));
    }

    private void run(int count, ChunkBody body) {
        if (count == 0) {
            return;
        }
        int chunks = chunks(count);
        ComputePool.parallelFor(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int from = (int) ((long) count * c / chunks);
                int to = (int) ((long) count * (c + 1) / chunks);
                body.run(tape(c), from, to);
            }
        });
    }

    private Tape tape(int c) {
        Tape t = tapes[c];
        if (t == null) {
            // created on first use by the one task that owns chunk c; later calls reuse it
            t = new Tape();
            tapes[c] = t;
        }
        return t;
    }

    private double[] check(double[] theta, double[] points, int count, double[] kappa) {
        ArgumentChecks.requireLength("theta", theta, params);
        ArgumentChecks.requireNonNegative("count", count);
        requireAtLeast("points", points, (long) count * n);
        if (kappa == null) {
            return ones;
        }
        ArgumentChecks.requireLength("laplacianWeights", kappa, n);
        return kappa;
    }

    private static void requireAtLeast(String name, double[] a, long length) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (a.length < length) {
            throw new IllegalArgumentException(name + " has length " + a.length + ", found too short, expected >= "
                    + length);
        }
    }

    /** One chunk's buffers: the jets of every layer at the current point, and adjoint / tangent buffers. */
    private final class Tape {
        final int layers = net.layerCount();
        final int hidden = layers - 1;
        final double[] input = new double[n * jet];
        final double[][] z = new double[hidden][];
        final double[][] h = new double[hidden][];
        /** σ, σ', σ'', σ''' per unit. */
        final double[][] sig = new double[hidden][];
        /** {@code S = Σ_i κ_i (∂z/∂x_i)²} per unit. */
        final double[][] sq = new double[hidden][];
        final double[] out = new double[jet];
        final double[] bufA;
        final double[] zValues;
        final double[] activationWork;
        final double[] bufB;
        final double[] grad = new double[params];

        Tape() {
            int maxW = 1;
            for (int l = 0; l < hidden; l++) {
                int w = net.width(l);
                maxW = Math.max(maxW, w);
                z[l] = new double[w * jet];
                h[l] = new double[w * jet];
                sig[l] = new double[w * 4];
                sq[l] = new double[w];
            }
            bufA = new double[maxW * jet];
            bufB = new double[maxW * jet];
            zValues = new double[maxW];
            activationWork = new double[2 * maxW];
        }

        /** Forward jets at the point {@code points[off..off+n)}; the output jet lands in {@link #out}. */
        void forward(double[] theta, double[] points, int off, double[] kappa) {
            // input jet: s_k = (x_k − c_k)/h_k, ∂s_k/∂x_i = δ_ki/h_k, Ls_k = 0
            Arrays.fill(input, 0.0);
            for (int k = 0; k < n; k++) {
                double hw = net.halfWidthAt(k);
                input[k * jet] = (points[off + k] - net.centerAt(k)) / hw;
                input[k * jet + 1 + k] = 1 / hw;
            }
            double[] prev = input;
            for (int l = 0; l < layers; l++) {
                int fo = net.width(l);
                int fi = net.fanIn(l);
                int wOff = net.weightOffset(l);
                int bOff = net.biasOffset(l);
                double[] zl = l < hidden ? z[l] : out;
                // z = W·prev (every jet component), value += b
                for (int j = 0; j < fo; j++) {
                    int zr = j * jet;
                    Arrays.fill(zl, zr, zr + jet, 0.0);
                    int row = wOff + j * fi;
                    for (int k = 0; k < fi; k++) {
                        double w = theta[row + k];
                        int pr = k * jet;
                        for (int t = 0; t < jet; t++) {
                            zl[zr + t] += w * prev[pr + t];
                        }
                    }
                    zl[zr] += theta[bOff + j];
                }
                if (l == hidden) {
                    break;
                }
                double[] hl = h[l];
                double[] sg = sig[l];
                double[] s = sq[l];
                // the activation and its derivatives for the whole layer at once (vectorized for tanh)
                for (int j = 0; j < fo; j++) {
                    zValues[j] = zl[j * jet];
                }
                net.activation().derivatives(fo, zValues, activationWork, sg);
                for (int j = 0; j < fo; j++) {
                    int r = j * jet;
                    double s1 = sg[4 * j + 1];
                    double s2 = sg[4 * j + 2];
                    double ss = 0;
                    for (int i = 0; i < n; i++) {
                        double gz = zl[r + 1 + i];
                        ss += kappa[i] * gz * gz;
                        hl[r + 1 + i] = s1 * gz;
                    }
                    s[j] = ss;
                    hl[r] = sg[4 * j];
                    // Lh = σ'·Lz + σ''·Σκ_i(∂z/∂x_i)²
                    hl[r + n + 1] = s1 * zl[r + n + 1] + s2 * ss;
                }
                prev = hl;
            }
        }

        /**
         * Reverse sweep for the seed {@code scale·seeds[sOff..sOff+J)} after {@link #forward}: writes (or adds) the
         * parameter gradient into {@code dst[dOff..dOff+P)}.
         */
        void backward(double[] theta, double[] seeds, int sOff, double scale, double[] dst, int dOff,
                boolean accumulate, double[] kappa) {
            double[] adjOut = bufA; // adjoint of the current layer's output jet (z̄ after the activation step)
            double[] adjIn = bufB;
            // output layer: adjoint of its z-jet is the seed
            for (int t = 0; t < jet; t++) {
                adjOut[t] = scale * seeds[sOff + t];
            }
            for (int l = layers - 1; l >= 0; l--) {
                int fo = net.width(l);
                int fi = net.fanIn(l);
                int wOff = net.weightOffset(l);
                int bOff = net.biasOffset(l);
                double[] prev = l == 0 ? input : h[l - 1];
                // dW[j,k] = Σ_t z̄[j,t]·prev[k,t]; db[j] = z̄[j,0]
                for (int j = 0; j < fo; j++) {
                    int zr = j * jet;
                    int row = dOff + wOff + j * fi;
                    for (int k = 0; k < fi; k++) {
                        int pr = k * jet;
                        double s = 0;
                        for (int t = 0; t < jet; t++) {
                            s += adjOut[zr + t] * prev[pr + t];
                        }
                        if (accumulate) {
                            dst[row + k] += s;
                        } else {
                            dst[row + k] = s;
                        }
                    }
                    if (accumulate) {
                        dst[dOff + bOff + j] += adjOut[zr];
                    } else {
                        dst[dOff + bOff + j] = adjOut[zr];
                    }
                }
                if (l == 0) {
                    break;
                }
                // h̄_prev[k,t] = Σ_j W[j,k]·z̄[j,t]
                Arrays.fill(adjIn, 0, fi * jet, 0.0);
                for (int j = 0; j < fo; j++) {
                    int zr = j * jet;
                    int row = wOff + j * fi;
                    for (int k = 0; k < fi; k++) {
                        double w = theta[row + k];
                        int pr = k * jet;
                        for (int t = 0; t < jet; t++) {
                            adjIn[pr + t] += w * adjOut[zr + t];
                        }
                    }
                }
                // through the activation of layer l−1: h̄-jet → z̄-jet (in place into adjIn)
                int lp = l - 1;
                double[] zl = z[lp];
                double[] sg = sig[lp];
                double[] s = sq[lp];
                for (int k = 0; k < fi; k++) {
                    int r = k * jet;
                    double s1 = sg[4 * k + 1];
                    double s2 = sg[4 * k + 2];
                    double s3 = sg[4 * k + 3];
                    double hv = adjIn[r];
                    double hl = adjIn[r + n + 1];
                    double zbar = hv * s1 + hl * (s2 * zl[r + n + 1] + s3 * s[k]);
                    for (int i = 0; i < n; i++) {
                        double gz = zl[r + 1 + i];
                        double hg = adjIn[r + 1 + i];
                        zbar += s2 * hg * gz;
                        adjIn[r + 1 + i] = hg * s1 + 2 * kappa[i] * hl * s2 * gz;
                    }
                    adjIn[r + n + 1] = hl * s1;
                    adjIn[r] = zbar;
                }
                double[] tmp = adjOut;
                adjOut = adjIn;
                adjIn = tmp;
            }
        }

        /** Forward-mode tangent after {@link #forward}: {@code seed·(∂jet/∂θ)·v}. */
        double tangent(double[] theta, double[] v, double[] seeds, int sOff, double[] kappa) {
            double[] th = bufA; // tangent of the previous layer's output jet
            double[] tz = bufB; // tangent of the current z-jet
            double result = 0;
            for (int l = 0; l < layers; l++) {
                int fo = net.width(l);
                int fi = net.fanIn(l);
                int wOff = net.weightOffset(l);
                int bOff = net.biasOffset(l);
                double[] prev = l == 0 ? input : h[l - 1];
                // ż = dW·prev + W·ḣ_prev + db (value)
                for (int j = 0; j < fo; j++) {
                    int zr = j * jet;
                    Arrays.fill(tz, zr, zr + jet, 0.0);
                    int row = wOff + j * fi;
                    for (int k = 0; k < fi; k++) {
                        double dw = v[row + k];
                        double w = theta[row + k];
                        int pr = k * jet;
                        if (l == 0) {
                            for (int t = 0; t < jet; t++) {
                                tz[zr + t] += dw * prev[pr + t];
                            }
                        } else {
                            for (int t = 0; t < jet; t++) {
                                tz[zr + t] += dw * prev[pr + t] + w * th[pr + t];
                            }
                        }
                    }
                    tz[zr] += v[bOff + j];
                }
                if (l == hidden) {
                    for (int t = 0; t < jet; t++) {
                        result += seeds[sOff + t] * tz[t];
                    }
                    break;
                }
                double[] zl = z[l];
                double[] sg = sig[l];
                double[] s = sq[l];
                for (int j = 0; j < fo; j++) {
                    int r = j * jet;
                    double s1 = sg[4 * j + 1];
                    double s2 = sg[4 * j + 2];
                    double s3 = sg[4 * j + 3];
                    double dz = tz[r];
                    double cross = 0;
                    for (int i = 0; i < n; i++) {
                        double gz = zl[r + 1 + i];
                        double dg = tz[r + 1 + i];
                        cross += kappa[i] * gz * dg;
                        th[r + 1 + i] = s1 * dg + s2 * dz * gz;
                    }
                    th[r] = s1 * dz;
                    th[r + n + 1] = s1 * tz[r + n + 1] + s2 * dz * zl[r + n + 1] + s3 * dz * s[j] + 2 * s2 * cross;
                }
            }
            return result;
        }
    }
}
