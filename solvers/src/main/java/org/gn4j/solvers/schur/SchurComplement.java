package org.gn4j.solvers.schur;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.ComputePool.RangeBody;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Damped normal equations {@code (JᵀJ + λD²)x = −g} of a {@link CameraPointJacobian} solved by eliminating the points.
 * With the columns split into cameras c and points p,
 * <pre>
 *   [ U + λD_c²   W         ] [x_c]   [−g_c]        U = AᵀA (block-diagonal, 9×9 per camera)
 *   [ Wᵀ          V + λD_p² ] [x_p] = [−g_p]        V = BᵀB (block-diagonal, 3×3 per point), W = AᵀB
 * </pre>
 * the points are eliminated through the block-diagonal inverse {@code V_λ⁻¹}, leaving the reduced camera system
 * {@code S x_c = −g_c + W V_λ⁻¹ g_p} with {@code S = U_λ − W V_λ⁻¹ Wᵀ}, and then {@code x_p = V_λ⁻¹(−g_p − Wᵀx_c)}
 * (back-substitution). S is formed densely and factored by a blocked Cholesky ({@link #solveDense}, Ceres's
 * {@code DENSE_SCHUR}), formed in its sparsity and factored by an envelope Cholesky in a bandwidth-reducing camera
 * order ({@link #solveSparse}, the counterpart of Ceres's {@code SPARSE_SCHUR}), or solved by preconditioned CG
 * through products {@code Sv = U_λv − W(V_λ⁻¹(Wᵀv))} without forming it, preconditioned by the inverses of S's diagonal camera blocks
 * {@code U_λ,c − Σ_k W_k V_λ⁻¹ W_kᵀ} (Schur-Jacobi; {@link #solveIterative}, Ceres's {@code ITERATIVE_SCHUR}).
 *
 * <p>Two phases: {@link #prepare} forms U, V and the per-observation {@code W_k = A_kᵀB_k} once per Jacobian; each
 * solve damps and inverts the point blocks, and a second solve with the same λ and D reuses the factor (dense, sparse)
 * or the preconditioner (iterative). Per-camera and per-point loops run on the compute pool. One instance per thread.
 *
 * <p>The parallel loops call a small static method per camera, point or observation ({@code crossBlock},
 * {@code envelopeObservation}, {@code addPointProducts}, …) rather than running the work inline in the loop's lambda,
 * which the pool calls only once per chunk: HotSpot compiles a method after a few hundred invocations, but a
 * lambda's loop only by on-stack replacement after tens of thousands of iterations, so the first solve in a JVM would
 * run its first iterations interpreted.
 */
public final class SchurComplement {
    private static final double EPS = Math.ulp(1.0);
    private final SchurLayout layout;
    private final int fs;
    private final int es;
    private final int nc;
    private final double[] u;
    private final double[] v;
    private final double[] w;
    private final double[] vinv;
    private final double[] y;
    private final double[] bc;
    private final double[] xc;
    private double[] precond;
    private double[] cr;
    private double[] cz;
    private double[] cp;
    private double[] cq;
    private double[] pointTmp;
    private double[] s;
    private BlockedCholesky chol;
    private CameraOrdering ordering;
    private int[] envFirst;
    private int[] envStart;
    private double[] env;
    private double[] pb;
    private EnvelopeCholesky envChol;
    private boolean envelopeValid;
    private boolean prepared;
    /** Which λ-dependent data are valid for (cachedLambda, cachedD): point inverses, dense factor, preconditioner. */
    private boolean inversesValid;
    private boolean factorValid;
    private boolean precondValid;
    private double cachedLambda;
    private double[] cachedD;

    /**
     * @param layout the structure every Jacobian given to {@link #prepare} must have
     */
    public SchurComplement(SchurLayout layout) {
        this.layout = ArgumentChecks.requireNonNull("layout", layout);
        this.fs = layout.reducedSize();
        this.es = layout.eliminatedSize();
        this.nc = layout.reducedColumns();
        this.u = new double[layout.reducedBlocks() * fs * fs];
        this.v = new double[layout.eliminatedBlocks() * es * es];
        this.w = new double[layout.residualBlocks() * fs * es];
        this.vinv = new double[v.length];
        this.y = new double[layout.eliminatedBlocks() * es];
        this.bc = new double[nc];
        this.xc = new double[nc];
        this.cachedD = new double[layout.cols()];
    }

    /**
     * The structure.
     *
     * @return the camera/point layout this Schur complement was built for
     */
    public SchurLayout layout() {
        return layout;
    }

    /**
     * Forms the blocks U, V and W of {@code JᵀJ} for the Jacobian; invalidates every cached factor.
     *
     * @param jac the Jacobian at the current point, with a layout equal to {@link #layout()}; its blocks are read,
     *            not kept
     * @return a CONVERGED result describing the block counts
     * @throws IllegalArgumentException if the Jacobian's layout differs from this one's
     */
    public SolveResult prepare(CameraPointJacobian jac) {
        ArgumentChecks.requireNonNull("jac", jac);
        if (!layout.sameAs(jac.layout())) {
            throw new IllegalArgumentException("the Jacobian's layout (" + jac.rows() + "x" + jac.cols()
                    + ") differs from the layout this Schur complement was made for (" + layout.rows() + "x"
                    + layout.cols() + ")");
        }
        double[] a = jac.reducedBlocks();
        double[] b = jac.eliminatedBlocks();
        int rr = layout.rowsPerResidual();
        ComputePool.parallelFor(layout.reducedBlocks(), 8, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int c = from; c < to; c++) {
                    int uo = c * fs * fs;
                    Arrays.fill(u, uo, uo + fs * fs, 0);
                    for (int i = 0, n = layout.reducedCount(c); i < n; i++) {
                        addGramUpper(a, layout.reducedResidual(c, i) * rr * fs, rr, fs, u, uo);
                    }
                    for (int p = 1; p < fs; p++) {
                        for (int q = 0; q < p; q++) {
                            u[uo + p * fs + q] = u[uo + q * fs + p];
                        }
                    }
                }
            }
        });
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int pt = from; pt < to; pt++) {
                    pointGram(layout, b, rr, es, v, pt);
                }
            }
        });
        ComputePool.parallelFor(layout.residualBlocks(), 256, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int k = from; k < to; k++) {
                    crossBlock(a, b, rr, fs, es, w, k);
                }
            }
        });
        prepared = true;
        inversesValid = false;
        factorValid = false;
        envelopeValid = false;
        precondValid = false;
        return SolveResult.ok("Schur blocks: " + layout.reducedBlocks() + " cameras, " + layout.eliminatedBlocks()
                + " points");
    }

    /** The upper triangle of {@code U[uo..] += A_kᵀA_k} for the rr rows of one camera block A_k at {@code a[ar0..]}. */
    private static void addGramUpper(double[] a, int ar0, int rr, int fs, double[] u, int uo) {
        for (int r = 0; r < rr; r++) {
            int ar = ar0 + r * fs;
            for (int p = 0; p < fs; p++) {
                double x = a[ar + p];
                int up = uo + p * fs;
                for (int q = p; q < fs; q++) {
                    u[up + q] += x * a[ar + q];
                }
            }
        }
    }

    /** {@code V_pt = Σ_k B_kᵀB_k} over the observations k of point pt. */
    private static void pointGram(SchurLayout layout, double[] b, int rr, int es, double[] v, int pt) {
        int vo = pt * es * es;
        Arrays.fill(v, vo, vo + es * es, 0);
        for (int i = 0, n = layout.eliminatedCount(pt); i < n; i++) {
            int k = layout.eliminatedResidual(pt, i);
            for (int r = 0; r < rr; r++) {
                int br = (k * rr + r) * es;
                for (int p = 0; p < es; p++) {
                    double x = b[br + p];
                    for (int q = 0; q < es; q++) {
                        v[vo + p * es + q] += x * b[br + q];
                    }
                }
            }
        }
    }

    /** {@code W_k = A_kᵀB_k}. */
    private static void crossBlock(double[] a, double[] b, int rr, int fs, int es, double[] w, int k) {
        int wo = k * fs * es;
        Arrays.fill(w, wo, wo + fs * es, 0);
        for (int r = 0; r < rr; r++) {
            int ar = (k * rr + r) * fs;
            int br = (k * rr + r) * es;
            for (int p = 0; p < fs; p++) {
                double x = a[ar + p];
                for (int q = 0; q < es; q++) {
                    w[wo + p * es + q] += x * b[br + q];
                }
            }
        }
    }

    /**
     * Solves {@code (JᵀJ + λD²)x = −g} with the reduced camera system formed densely ({@code 9C × 9C}) and factored by
     * Cholesky. SINGULAR or NOT_POSITIVE_DEFINITE when a damped point block or S is not positive definite (at λ = 0
     * the gauge freedom of bundle adjustment makes S singular).
     *
     * @param lambda λ ≥ 0
     * @param d      D (length n, positive) or null for the identity
     * @param g      the gradient {@code Jᵀr} (length n)
     * @param out    the step x (length n)
     * @return CONVERGED with the step in out and the residual of the reduced dense solve; otherwise the failing
     *         status (out is then not a usable step)
     */
    public SolveResult solveDense(double lambda, double[] d, double[] g, double[] out) {
        SolveResult pre = begin(lambda, d, g, out);
        if (pre != null) {
            return pre;
        }
        if (!factorValid) {
            if (s == null) {
                s = new double[nc * nc];
                chol = new BlockedCholesky();
            }
            formDense(lambda, d);
            SolveResult f = chol.factor(s, nc);
            if (!f.hasSolution()) {
                return f;
            }
            factorValid = true;
        }
        reducedRhs(g);
        chol.solve(bc, xc);
        for (double v : xc) {
            if (!Double.isFinite(v)) {
                return SolveResult.failed(SolveStatus.NON_FINITE, "the triangular solves of the reduced camera system "
                        + "overflowed");
            }
        }
        backSubstitute(g, out);
        return new SolveResult(SolveStatus.CONVERGED, 0, Double.NaN, norm(bc),
                "dense Schur complement " + nc + "x" + nc);
    }

    /**
     * Solves {@code (JᵀJ + λD²)x = −g} with the reduced camera system formed in its sparsity and factored by an
     * envelope Cholesky (the counterpart of Ceres's {@code SPARSE_SCHUR}): S has a nonzero camera block only where two
     * cameras see a common point; the cameras are put in reverse Cuthill-McKee order ({@code CameraOrdering}, computed
     * once per layout) and only the envelope of S's lower triangle in that order is stored and factored (no fill
     * outside it). Statuses as {@link #solveDense}.
     *
     * @param lambda λ ≥ 0
     * @param d      D (length n, positive) or null for the identity
     * @param g      the gradient {@code Jᵀr} (length n)
     * @param out    the step x (length n)
     * @return the solve's status and the work it took, as {@link #solveDense} reports them
     * @throws IllegalArgumentException if the envelope needs more than {@code 2³¹ − 1} entries
     */
    public SolveResult solveSparse(double lambda, double[] d, double[] g, double[] out) {
        SolveResult pre = begin(lambda, d, g, out);
        if (pre != null) {
            return pre;
        }
        if (!envelopeValid) {
            if (env == null) {
                buildEnvelope();
            }
            formEnvelope(lambda, d);
            SolveResult f = envChol.factor(env);
            if (!f.hasSolution()) {
                return f;
            }
            envelopeValid = true;
        }
        reducedRhs(g);
        int[] cam = ordering.camera;
        for (int p = 0; p < cam.length; p++) {
            System.arraycopy(bc, cam[p] * fs, pb, p * fs, fs);
        }
        envChol.solve(env, pb, pb);
        for (int p = 0; p < cam.length; p++) {
            System.arraycopy(pb, p * fs, xc, cam[p] * fs, fs);
        }
        for (double v : xc) {
            if (!Double.isFinite(v)) {
                return SolveResult.failed(SolveStatus.NON_FINITE, "the triangular solves of the reduced camera system "
                        + "overflowed");
            }
        }
        backSubstitute(g, out);
        return new SolveResult(SolveStatus.CONVERGED, 0, Double.NaN, norm(bc), "sparse Schur complement " + nc + "x"
                + nc + ", envelope " + env.length + " entries");
    }

    /** The camera order and the envelope of S's lower triangle in it (once per layout). */
    private void buildEnvelope() {
        ordering = new CameraOrdering(layout);
        int cams = layout.reducedBlocks();
        envFirst = new int[nc];
        envStart = new int[nc + 1];
        long total = 0;
        for (int p = 0; p < cams; p++) {
            int c = ordering.camera[p];
            int lo = p;
            for (int a = ordering.start[c]; a < ordering.start[c + 1]; a++) {
                lo = Math.min(lo, ordering.position[ordering.adj[a]]);
            }
            for (int i = 0; i < fs; i++) {
                int r = p * fs + i;
                envFirst[r] = lo * fs;
                total += r - lo * fs + 1;
                if (total > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("the envelope of the " + nc + "x" + nc + " reduced camera "
                            + "system needs more than 2^31 entries; expected a narrower camera graph (use dense-schur "
                            + "or iterative-schur)");
                }
                envStart[r + 1] = (int) total;
            }
        }
        env = new double[(int) total];
        pb = new double[nc];
        envChol = new EnvelopeCholesky(envFirst, envStart);
    }

    /** S's envelope in camera order, block row by block row in parallel. */
    private void formEnvelope(double lambda, double[] d) {
        int[] pos = ordering.position;
        int[] cam = ordering.camera;
        double[] e = env;
        ComputePool.parallelFor(layout.reducedBlocks(), 4, new RangeBody() {
            @Override
            public void run(int from, int to) {
                int[] rb = new int[fs];
                double[] tk = new double[fs * es];
                for (int p1 = from; p1 < to; p1++) {
                    int c1 = cam[p1];
                    int r0 = p1 * fs;
                    Arrays.fill(e, envStart[r0], envStart[r0 + fs], 0);
                    // row r of S in camera order: e[rowBase(r) + column]
                    for (int i = 0; i < fs; i++) {
                        rb[i] = envStart[r0 + i] - envFirst[r0 + i];
                    }
                    dampedDiagonalLower(u, c1 * fs * fs, fs, lambda, d, c1 * fs, e, rb, r0);
                    for (int a1 = 0, n1 = layout.reducedCount(c1); a1 < n1; a1++) {
                        envelopeObservation(layout, pos, w, vinv, layout.reducedResidual(c1, a1), p1, e, rb, tk, fs,
                                es);
                    }
                }
            }
        });
    }

    /** {@code S[rb[i] + r0 + j] = (U_c + λD_c²)[i, j]} for j ≤ i: the lower triangle of one damped camera block. */
    private static void dampedDiagonalLower(double[] u, int uo, int fs, double lambda, double[] d, int dOff,
            double[] e, int[] rb, int r0) {
        for (int i = 0; i < fs; i++) {
            int base = rb[i];
            for (int j = 0; j <= i; j++) {
                e[base + r0 + j] = u[uo + i * fs + j];
            }
            double di = d == null ? 1 : d[dOff + i];
            e[base + r0 + i] += lambda * di * di;
        }
    }

    /**
     * For observation k1 of the camera at position p1 of the order {@code pos}: {@code T_k1 = W_k1 V_λ⁻¹} into tk,
     * then {@code S[p1, p2] −= T_k1 W_k2ᵀ} for every observation k2 of the same point whose camera is at a position
     * p2 ≤ p1 (the diagonal block's lower triangle only), block row p1 at the row bases rb.
     */
    private static void envelopeObservation(SchurLayout layout, int[] pos, double[] w, double[] vinv, int k1, int p1,
            double[] e, int[] rb, double[] tk, int fs, int es) {
        int pt = layout.eliminatedOf(k1);
        productBlock(w, k1 * fs * es, vinv, pt * es * es, tk, 0, fs, es);
        for (int a2 = 0, n2 = layout.eliminatedCount(pt); a2 < n2; a2++) {
            int k2 = layout.eliminatedResidual(pt, a2);
            int p2 = pos[layout.reducedOf(k2)];
            if (p2 > p1) {
                continue;
            }
            if (p2 == p1) {
                subtractProductLower(tk, 0, w, k2 * fs * es, e, rb, p1 * fs, fs, es);
            } else {
                subtractProductRows(tk, 0, w, k2 * fs * es, e, rb, p2 * fs, fs, es);
            }
        }
    }

    /** {@code S[rb[i] + col + j] −= (T Wᵀ)[i, j]} for j ≤ i: a diagonal block's lower triangle. */
    private static void subtractProductLower(double[] t, int to, double[] w, int wo, double[] e, int[] rb, int col,
            int fs, int es) {
        for (int i = 0; i < fs; i++) {
            int base = rb[i] + col;
            int ti = to + i * es;
            if (es == 3) {
                double t0 = t[ti];
                double t1 = t[ti + 1];
                double t2 = t[ti + 2];
                for (int j = 0; j <= i; j++) {
                    int wj = wo + 3 * j;
                    e[base + j] -= t0 * w[wj] + t1 * w[wj + 1] + t2 * w[wj + 2];
                }
            } else {
                for (int j = 0; j <= i; j++) {
                    double acc = 0;
                    for (int q = 0; q < es; q++) {
                        acc += t[ti + q] * w[wo + j * es + q];
                    }
                    e[base + j] -= acc;
                }
            }
        }
    }

    /**
     * Solves {@code (JᵀJ + λD²)x = −g} by preconditioned CG on the reduced camera system without forming it (Schur-Jacobi
     * preconditioner), from a zero start, until {@code ‖b − Sx_c‖ <= tolerance·‖b‖} or maxIterations. CONVERGED,
     * MAX_ITERATIONS (the last iterate, usable), NEGATIVE_CURVATURE (a non-positive {@code pᵀSp}: the iterate so far);
     * NOT_POSITIVE_DEFINITE when a damped point or camera block is not positive definite.
     *
     * @param lambda λ ≥ 0
     * @param d D (length n, positive) or null for the identity
     * @param g the gradient {@code Jᵀr} (length n)
     * @param out receives the step x (length n)
     * @param tolerance relative residual tolerance on the reduced system, &gt; 0
     * @param maxIterations cap on CG iterations, ≥ 1
     * @return the status (see above), the CG iteration count and the final reduced residual norm
     * @throws IllegalArgumentException if tolerance is not positive or maxIterations &lt; 1
     */
    public SolveResult solveIterative(double lambda, double[] d, double[] g, double[] out, double tolerance,
            int maxIterations) {
        ArgumentChecks.requirePositive("tolerance", tolerance);
        ArgumentChecks.requirePositive("maxIterations", maxIterations);
        SolveResult pre = begin(lambda, d, g, out);
        if (pre != null) {
            return pre;
        }
        if (!precondValid) {
            if (precond == null) {
                precond = new double[layout.reducedBlocks() * fs * fs];
                cr = new double[nc];
                cz = new double[nc];
                cp = new double[nc];
                cq = new double[nc];
                pointTmp = new double[layout.eliminatedBlocks() * es];
            }
            if (!formPreconditioner(lambda, d)) {
                return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE,
                        "a camera block of the Schur complement is not positive definite at lambda " + lambda);
            }
            precondValid = true;
        }
        reducedRhs(g);
        double bNorm = norm(bc);
        Arrays.fill(xc, 0);
        SolveStatus status = SolveStatus.MAX_ITERATIONS;
        int it = 0;
        double rNorm = bNorm;
        if (bNorm == 0) {
            status = SolveStatus.CONVERGED;
        } else {
            System.arraycopy(bc, 0, cr, 0, nc);
            applyPreconditioner(cr, cz);
            System.arraycopy(cz, 0, cp, 0, nc);
            double rz = dot(cr, cz);
            while (it < maxIterations) {
                multiply(lambda, d, cp, cq);
                double pq = dot(cp, cq);
                if (!(pq > 0)) {
                    status = it == 0 ? SolveStatus.BREAKDOWN : SolveStatus.NEGATIVE_CURVATURE;
                    break;
                }
                double alpha = rz / pq;
                for (int j = 0; j < nc; j++) {
                    xc[j] += alpha * cp[j];
                    cr[j] -= alpha * cq[j];
                }
                it++;
                rNorm = norm(cr);
                if (rNorm <= tolerance * bNorm) {
                    status = SolveStatus.CONVERGED;
                    break;
                }
                applyPreconditioner(cr, cz);
                double rzNext = dot(cr, cz);
                double beta = rzNext / rz;
                rz = rzNext;
                for (int j = 0; j < nc; j++) {
                    cp[j] = cz[j] + beta * cp[j];
                }
            }
        }
        if (!status.hasSolution()) {
            return new SolveResult(status, it, rNorm, bNorm, "Schur PCG: pᵀSp <= 0 at the first iteration");
        }
        backSubstitute(g, out);
        return new SolveResult(status, it, rNorm, bNorm, "Schur PCG, " + it + " iterations");
    }

    /** Checks, and damps and inverts the point blocks unless cached for (λ, D); a non-null result is a failure. */
    private SolveResult begin(double lambda, double[] d, double[] g, double[] out) {
        if (!prepared) {
            throw new IllegalStateException("prepare must be called before solve");
        }
        ArgumentChecks.requireNonNegative("lambda", lambda);
        int n = layout.cols();
        ArgumentChecks.requireLength("g", g, n);
        ArgumentChecks.requireLength("out", out, n);
        if (d != null) {
            ArgumentChecks.requireLength("d", d, n);
        }
        boolean same = inversesValid && lambda == cachedLambda && sameD(d);
        if (same) {
            return null;
        }
        inversesValid = false;
        factorValid = false;
        envelopeValid = false;
        precondValid = false;
        int off = nc;
        boolean[] ok = {true};
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, new RangeBody() {
            @Override
            public void run(int from, int to) {
                double[] work = new double[2 * es * es];
                for (int p = from; p < to; p++) {
                    dampedCopy(v, p * es * es, es, lambda, d, off + p * es, work);
                    if (!invertSpd(work, es, vinv, p * es * es)) {
                        ok[0] = false;
                    }
                }
            }
        });
        if (!ok[0]) {
            return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE,
                    "a point block V + lambda D^2 is not positive definite at lambda " + lambda
                            + " (a point seen by fewer than two cameras?)");
        }
        cachedLambda = lambda;
        if (d == null) {
            Arrays.fill(cachedD, 1);
        } else {
            System.arraycopy(d, 0, cachedD, 0, n);
        }
        inversesValid = true;
        return null;
    }

    private boolean sameD(double[] d) {
        if (d == null) {
            for (double x : cachedD) {
                if (x != 1) {
                    return false;
                }
            }
            return true;
        }
        return Arrays.equals(d, cachedD);
    }

    /**
     * The lower block triangle of S block row by block row (no two threads write one row; the strict upper triangle
     * is left as scratch for the factorization).
     */
    private void formDense(double lambda, double[] d) {
        double[] sd = s;
        ComputePool.parallelFor(layout.reducedBlocks(), 1, new RangeBody() {
            @Override
            public void run(int from, int to) {
                int[] rb = new int[fs];
                double[] tk = new double[fs * es];
                for (int c1 = from; c1 < to; c1++) {
                    int r0 = c1 * fs;
                    for (int i = 0; i < fs; i++) {
                        rb[i] = (r0 + i) * nc;
                    }
                    for (int i = 0; i < fs; i++) {
                        Arrays.fill(sd, (r0 + i) * nc, (r0 + i) * nc + r0 + fs, 0);
                        for (int j = 0; j < fs; j++) {
                            sd[(r0 + i) * nc + r0 + j] = u[c1 * fs * fs + i * fs + j];
                        }
                        double di = d == null ? 1 : d[r0 + i];
                        sd[(r0 + i) * nc + r0 + i] += lambda * di * di;
                    }
                    for (int a1 = 0, n1 = layout.reducedCount(c1); a1 < n1; a1++) {
                        denseObservation(layout, w, vinv, layout.reducedResidual(c1, a1), c1, sd, rb, tk, fs, es);
                    }
                }
            }
        });
    }

    /**
     * For observation k1 of camera c1: {@code T_k1 = W_k1 V_λ⁻¹} into tk, then {@code S[c1, c2] −= T_k1 W_k2ᵀ} for
     * every observation k2 of its point with c2 ≤ c1.
     */
    private static void denseObservation(SchurLayout layout, double[] w, double[] vinv, int k1, int c1, double[] sd,
            int[] rb, double[] tk, int fs, int es) {
        int p = layout.eliminatedOf(k1);
        productBlock(w, k1 * fs * es, vinv, p * es * es, tk, 0, fs, es);
        for (int a2 = 0, n2 = layout.eliminatedCount(p); a2 < n2; a2++) {
            int k2 = layout.eliminatedResidual(p, a2);
            int c2 = layout.reducedOf(k2);
            if (c2 <= c1) {
                subtractProductRows(tk, 0, w, k2 * fs * es, sd, rb, c2 * fs, fs, es);
            }
        }
    }

    /** {@code S[rb[i] + col + j] −= (T Wᵀ)[i, j]} for one fs×es pair, each row i at its own base rb[i]. */
    private static void subtractProductRows(double[] tt, int to, double[] ww, int wo, double[] sd, int[] rb, int col,
            int fs, int es) {
        if (fs == 9 && es == 3) {
            subtractProduct93(tt, to, ww, wo, sd, rb, col);
            return;
        }
        for (int i = 0; i < fs; i++) {
            int row = rb[i] + col;
            for (int j = 0; j < fs; j++) {
                double acc = 0;
                for (int q = 0; q < es; q++) {
                    acc += tt[to + i * es + q] * ww[wo + j * es + q];
                }
                sd[row + j] -= acc;
            }
        }
    }

    /** {@link #subtractProductRows} for bundle adjustment's 9 × 3 blocks, W held in registers. */
    private static void subtractProduct93(double[] tt, int to, double[] ww, int wo, double[] sd, int[] rb, int col) {
        double w00 = ww[wo];
        double w01 = ww[wo + 1];
        double w02 = ww[wo + 2];
        double w10 = ww[wo + 3];
        double w11 = ww[wo + 4];
        double w12 = ww[wo + 5];
        double w20 = ww[wo + 6];
        double w21 = ww[wo + 7];
        double w22 = ww[wo + 8];
        double w30 = ww[wo + 9];
        double w31 = ww[wo + 10];
        double w32 = ww[wo + 11];
        double w40 = ww[wo + 12];
        double w41 = ww[wo + 13];
        double w42 = ww[wo + 14];
        double w50 = ww[wo + 15];
        double w51 = ww[wo + 16];
        double w52 = ww[wo + 17];
        double w60 = ww[wo + 18];
        double w61 = ww[wo + 19];
        double w62 = ww[wo + 20];
        double w70 = ww[wo + 21];
        double w71 = ww[wo + 22];
        double w72 = ww[wo + 23];
        double w80 = ww[wo + 24];
        double w81 = ww[wo + 25];
        double w82 = ww[wo + 26];
        for (int i = 0; i < 9; i++) {
            int ti = to + 3 * i;
            double t0 = tt[ti];
            double t1 = tt[ti + 1];
            double t2 = tt[ti + 2];
            int r = rb[i] + col;
            sd[r] -= t0 * w00 + t1 * w01 + t2 * w02;
            sd[r + 1] -= t0 * w10 + t1 * w11 + t2 * w12;
            sd[r + 2] -= t0 * w20 + t1 * w21 + t2 * w22;
            sd[r + 3] -= t0 * w30 + t1 * w31 + t2 * w32;
            sd[r + 4] -= t0 * w40 + t1 * w41 + t2 * w42;
            sd[r + 5] -= t0 * w50 + t1 * w51 + t2 * w52;
            sd[r + 6] -= t0 * w60 + t1 * w61 + t2 * w62;
            sd[r + 7] -= t0 * w70 + t1 * w71 + t2 * w72;
            sd[r + 8] -= t0 * w80 + t1 * w81 + t2 * w82;
        }
    }

    /** {@code T[to..] = W[wo..] V[vo..]} for an fs × es block W and an es × es block V. */
    private static void productBlock(double[] w, int wo, double[] v, int vo, double[] t, int to, int fs, int es) {
        for (int i = 0; i < fs; i++) {
            for (int j = 0; j < es; j++) {
                double acc = 0;
                for (int q = 0; q < es; q++) {
                    acc += w[wo + i * es + q] * v[vo + q * es + j];
                }
                t[to + i * es + j] = acc;
            }
        }
    }

    /** Inverses of S's diagonal camera blocks {@code U_λ,c − Σ_k T_k W_kᵀ}. */
    private boolean formPreconditioner(double lambda, double[] d) {
        boolean[] ok = {true};
        ComputePool.parallelFor(layout.reducedBlocks(), 8, new RangeBody() {
            @Override
            public void run(int from, int to) {
                double[] work = new double[2 * fs * fs];
                double[] tk = new double[fs * es];
                for (int c = from; c < to; c++) {
                    dampedCopy(u, c * fs * fs, fs, lambda, d, c * fs, work);
                    for (int a = 0, n = layout.reducedCount(c); a < n; a++) {
                        int k = layout.reducedResidual(c, a);
                        productBlock(w, k * fs * es, vinv, layout.eliminatedOf(k) * es * es, tk, 0, fs, es);
                        subtractGram(tk, w, k * fs * es, work, fs, es);
                    }
                    if (!invertSpd(work, fs, precond, c * fs * fs)) {
                        ok[0] = false;
                    }
                }
            }
        });
        return ok[0];
    }

    /** {@code work[0..k²) = B + λ diag(D[dOff..dOff+k))²} for the k × k block B at {@code blocks[o..]}. */
    private static void dampedCopy(double[] blocks, int o, int k, double lambda, double[] d, int dOff,
            double[] work) {
        System.arraycopy(blocks, o, work, 0, k * k);
        for (int j = 0; j < k; j++) {
            double dj = d == null ? 1 : d[dOff + j];
            work[j * k + j] += lambda * dj * dj;
        }
    }

    /** {@code work −= T_k W_kᵀ} for T_k in {@code t[0..fs·es)} and W_k at {@code w[wo..]}. */
    private static void subtractGram(double[] t, double[] w, int wo, double[] work, int fs, int es) {
        for (int i = 0; i < fs; i++) {
            for (int j = 0; j < fs; j++) {
                double acc = 0;
                for (int q = 0; q < es; q++) {
                    acc += t[i * es + q] * w[wo + j * es + q];
                }
                work[i * fs + j] -= acc;
            }
        }
    }

    private void applyPreconditioner(double[] r, double[] z) {
        ComputePool.parallelFor(layout.reducedBlocks(), 64, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int c = from; c < to; c++) {
                    blockTimes(precond, c * fs * fs, r, c * fs, z, c * fs, fs);
                }
            }
        });
    }

    /** {@code out[oo..oo+k) = M x[xo..xo+k)} for the k × k block M at {@code m[mo..]}. */
    private static void blockTimes(double[] m, int mo, double[] x, int xo, double[] out, int oo, int k) {
        for (int i = 0; i < k; i++) {
            double acc = 0;
            for (int j = 0; j < k; j++) {
                acc += m[mo + i * k + j] * x[xo + j];
            }
            out[oo + i] = acc;
        }
    }

    /** {@code out = S·x = U_λx − W(V_λ⁻¹(Wᵀx))}: per point, then per camera. */
    private void multiply(double lambda, double[] d, double[] x, double[] out) {
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, new RangeBody() {
            @Override
            public void run(int from, int to) {
                double[] acc = new double[es];
                for (int p = from; p < to; p++) {
                    Arrays.fill(acc, 0);
                    addPointProducts(layout, w, x, p, 1, acc, fs, es);
                    blockTimes(vinv, p * es * es, acc, 0, pointTmp, p * es, es);
                }
            }
        });
        ComputePool.parallelFor(layout.reducedBlocks(), 16, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int c = from; c < to; c++) {
                    int o = c * fs;
                    int uo = c * fs * fs;
                    for (int i = 0; i < fs; i++) {
                        double acc = 0;
                        for (int j = 0; j < fs; j++) {
                            acc += u[uo + i * fs + j] * x[o + j];
                        }
                        double di = d == null ? 1 : d[o + i];
                        out[o + i] = acc + lambda * di * di * x[o + i];
                    }
                    for (int a = 0, n = layout.reducedCount(c); a < n; a++) {
                        int k = layout.reducedResidual(c, a);
                        addCameraProduct(w, k * fs * es, pointTmp, layout.eliminatedOf(k) * es, -1, out, o, fs, es);
                    }
                }
            }
        });
    }

    /** {@code y_p = V_λ⁻¹g_p}, {@code b_c = −g_c + Σ_k W_k y_p}. */
    private void reducedRhs(double[] g) {
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int p = from; p < to; p++) {
                    blockTimes(vinv, p * es * es, g, nc + p * es, y, p * es, es);
                }
            }
        });
        ComputePool.parallelFor(layout.reducedBlocks(), 16, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int c = from; c < to; c++) {
                    int o = c * fs;
                    for (int i = 0; i < fs; i++) {
                        bc[o + i] = -g[o + i];
                    }
                    for (int a = 0, n = layout.reducedCount(c); a < n; a++) {
                        int k = layout.reducedResidual(c, a);
                        addCameraProduct(w, k * fs * es, y, layout.eliminatedOf(k) * es, 1, bc, o, fs, es);
                    }
                }
            }
        });
    }

    /**
     * {@code out[o + i] += sign·(W_k y)[i]} for the fs × es block W_k at wo and y at {@code y[yo..]}; sign is ±1, so
     * the sum rounds as {@code out + (W_k y)} or {@code out − (W_k y)}.
     */
    private static void addCameraProduct(double[] w, int wo, double[] y, int yo, double sign, double[] out, int o,
            int fs, int es) {
        for (int i = 0; i < fs; i++) {
            double acc = 0;
            for (int q = 0; q < es; q++) {
                acc += w[wo + i * es + q] * y[yo + q];
            }
            out[o + i] += sign * acc;
        }
    }

    /**
     * {@code acc += sign·Σ_k W_kᵀ x_{c(k)}} over the observations k of point p; sign is ±1, so each term rounds as
     * {@code acc + W x} or {@code acc − W x}.
     */
    private static void addPointProducts(SchurLayout layout, double[] w, double[] x, int p, double sign,
            double[] acc, int fs, int es) {
        for (int a = 0, n = layout.eliminatedCount(p); a < n; a++) {
            int k = layout.eliminatedResidual(p, a);
            int xo = layout.reducedOf(k) * fs;
            int wo = k * fs * es;
            for (int i = 0; i < fs; i++) {
                double xi = x[xo + i];
                for (int q = 0; q < es; q++) {
                    acc[q] += sign * (w[wo + i * es + q] * xi);
                }
            }
        }
    }

    /** {@code x = [x_c; V_λ⁻¹(−g_p − Σ_k W_kᵀ x_c)]}. */
    private void backSubstitute(double[] g, double[] out) {
        System.arraycopy(xc, 0, out, 0, nc);
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, new RangeBody() {
            @Override
            public void run(int from, int to) {
                double[] acc = new double[es];
                for (int p = from; p < to; p++) {
                    int go = nc + p * es;
                    for (int q = 0; q < es; q++) {
                        acc[q] = -g[go + q];
                    }
                    addPointProducts(layout, w, xc, p, -1, acc, fs, es);
                    blockTimes(vinv, p * es * es, acc, 0, out, go, es);
                }
            }
        });
    }

    /**
     * Inverts the symmetric k×k matrix in {@code a[0..k²)} (destroyed; {@code a} has room for 2k²) into
     * {@code out[o..o+k²)} by Cholesky; false when a pivot is not above {@code k·ε·max diag}.
     */
    static boolean invertSpd(double[] a, int k, double[] out, int o) {
        double maxDiag = 0;
        for (int i = 0; i < k; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(a[i * k + i]));
        }
        double floor = k * EPS * maxDiag;
        // L in the lower triangle of a
        for (int j = 0; j < k; j++) {
            double dj = a[j * k + j];
            for (int q = 0; q < j; q++) {
                dj -= a[j * k + q] * a[j * k + q];
            }
            if (!(dj > floor)) {
                return false;
            }
            double ljj = Math.sqrt(dj);
            a[j * k + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int q = 0; q < j; q++) {
                    s -= a[i * k + q] * a[j * k + q];
                }
                a[i * k + j] = s / ljj;
            }
        }
        // columns of A⁻¹: L z = e_col, Lᵀ x = z (z kept in the upper half of a's room)
        int zo = k * k;
        for (int col = 0; col < k; col++) {
            for (int i = 0; i < k; i++) {
                double s = i == col ? 1 : 0;
                for (int q = 0; q < i; q++) {
                    s -= a[i * k + q] * a[zo + q];
                }
                a[zo + i] = s / a[i * k + i];
            }
            for (int i = k - 1; i >= 0; i--) {
                double s = a[zo + i];
                for (int q = i + 1; q < k; q++) {
                    s -= a[q * k + i] * out[o + q * k + col];
                }
                out[o + i * k + col] = s / a[i * k + i];
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
