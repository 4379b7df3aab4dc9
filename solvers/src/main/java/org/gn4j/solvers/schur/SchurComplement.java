package org.gn4j.solvers.schur;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.dense.DenseCholeskySolver;

/**
 * Damped normal equations {@code (JᵀJ + λD²)x = −g} of a {@link CameraPointJacobian} solved by eliminating the points.
 * With the columns split into cameras c and points p,
 * <pre>
 *   [ U + λD_c²   W         ] [x_c]   [−g_c]        U = AᵀA (block-diagonal, 9×9 per camera)
 *   [ Wᵀ          V + λD_p² ] [x_p] = [−g_p]        V = BᵀB (block-diagonal, 3×3 per point), W = AᵀB
 * </pre>
 * the points are eliminated through the block-diagonal inverse {@code V_λ⁻¹}, leaving the reduced camera system
 * {@code S x_c = −g_c + W V_λ⁻¹ g_p} with {@code S = U_λ − W V_λ⁻¹ Wᵀ}, and then {@code x_p = V_λ⁻¹(−g_p − Wᵀx_c)}
 * (back-substitution). S is either formed densely and factored by Cholesky ({@link #solveDense}, Ceres's
 * {@code DENSE_SCHUR}) or solved by preconditioned CG through products {@code Sv = U_λv − W(V_λ⁻¹(Wᵀv))}
 * without forming it, preconditioned by the inverses of S's diagonal camera blocks
 * {@code U_λ,c − Σ_k W_k V_λ⁻¹ W_kᵀ} (Schur-Jacobi; {@link #solveIterative}, Ceres's {@code ITERATIVE_SCHUR}).
 *
 * <p>Two phases: {@link #prepare} forms U, V and the per-observation {@code W_k = A_kᵀB_k} once per Jacobian; each
 * solve damps and inverts the point blocks, and a second solve with the same λ and D reuses the factor (dense) or the
 * preconditioner (iterative). Per-camera and per-point loops run on the compute pool. One instance per thread.
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
    private final double[] t;
    private final double[] y;
    private final double[] bc;
    private final double[] xc;
    private double[] precond;
    private double[] cr;
    private double[] cz;
    private double[] cp;
    private double[] cq;
    private double[] pointTmp;
    private DMatrixRMaj s;
    private DenseCholeskySolver chol;
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
        this.t = new double[w.length];
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
        ComputePool.parallelFor(layout.reducedBlocks(), 8, (from, to) -> {
            for (int c = from; c < to; c++) {
                int uo = c * fs * fs;
                Arrays.fill(u, uo, uo + fs * fs, 0);
                for (int i = 0, n = layout.reducedCount(c); i < n; i++) {
                    int k = layout.reducedResidual(c, i);
                    for (int r = 0; r < rr; r++) {
                        int ar = (k * rr + r) * fs;
                        for (int p = 0; p < fs; p++) {
                            double x = a[ar + p];
                            for (int q = 0; q < fs; q++) {
                                u[uo + p * fs + q] += x * a[ar + q];
                            }
                        }
                    }
                }
            }
        });
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, (from, to) -> {
            for (int pt = from; pt < to; pt++) {
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
        });
        ComputePool.parallelFor(layout.residualBlocks(), 256, (from, to) -> {
            for (int k = from; k < to; k++) {
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
        });
        prepared = true;
        inversesValid = false;
        factorValid = false;
        precondValid = false;
        return SolveResult.ok("Schur blocks: " + layout.reducedBlocks() + " cameras, " + layout.eliminatedBlocks()
                + " points");
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
                s = new DMatrixRMaj(nc, nc);
                chol = new DenseCholeskySolver();
            }
            formDense(lambda, d);
            SolveResult f = chol.factor(s);
            if (!f.hasSolution()) {
                return f;
            }
            factorValid = true;
        }
        reducedRhs(g);
        SolveResult r = chol.solve(bc, xc);
        if (!r.hasSolution()) {
            return r;
        }
        backSubstitute(g, out);
        return new SolveResult(SolveStatus.CONVERGED, 0, r.residualNorm(), r.rhsNorm(),
                "dense Schur complement " + nc + "x" + nc);
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
        precondValid = false;
        int off = nc;
        boolean[] ok = {true};
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, (from, to) -> {
            double[] work = new double[2 * es * es];
            for (int p = from; p < to; p++) {
                int o = p * es * es;
                System.arraycopy(v, o, work, 0, es * es);
                for (int j = 0; j < es; j++) {
                    double dj = d == null ? 1 : d[off + p * es + j];
                    work[j * es + j] += lambda * dj * dj;
                }
                if (!invertSpd(work, es, vinv, o)) {
                    ok[0] = false;
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

    /** {@code T_k = W_k V⁻¹} for every observation, then S block row by block row (no two threads write one row). */
    private void formDense(double lambda, double[] d) {
        computeT();
        double[] sd = s.data;
        ComputePool.parallelFor(layout.reducedBlocks(), 1, (from, to) -> {
            for (int c1 = from; c1 < to; c1++) {
                int r0 = c1 * fs;
                for (int i = 0; i < fs; i++) {
                    Arrays.fill(sd, (r0 + i) * nc, (r0 + i + 1) * nc, 0);
                    for (int j = 0; j < fs; j++) {
                        sd[(r0 + i) * nc + r0 + j] = u[c1 * fs * fs + i * fs + j];
                    }
                    double di = d == null ? 1 : d[r0 + i];
                    sd[(r0 + i) * nc + r0 + i] += lambda * di * di;
                }
                for (int a1 = 0, n1 = layout.reducedCount(c1); a1 < n1; a1++) {
                    int k1 = layout.reducedResidual(c1, a1);
                    int p = layout.eliminatedOf(k1);
                    int to1 = k1 * fs * es;
                    for (int a2 = 0, n2 = layout.eliminatedCount(p); a2 < n2; a2++) {
                        int k2 = layout.eliminatedResidual(p, a2);
                        int c0 = layout.reducedOf(k2) * fs;
                        int wo2 = k2 * fs * es;
                        // S[c1, c2] −= T_k1 W_k2ᵀ
                        for (int i = 0; i < fs; i++) {
                            int row = (r0 + i) * nc + c0;
                            for (int j = 0; j < fs; j++) {
                                double acc = 0;
                                for (int q = 0; q < es; q++) {
                                    acc += t[to1 + i * es + q] * w[wo2 + j * es + q];
                                }
                                sd[row + j] -= acc;
                            }
                        }
                    }
                }
            }
        });
    }

    private void computeT() {
        ComputePool.parallelFor(layout.residualBlocks(), 256, (from, to) -> {
            for (int k = from; k < to; k++) {
                int vo = layout.eliminatedOf(k) * es * es;
                int wo = k * fs * es;
                for (int i = 0; i < fs; i++) {
                    for (int j = 0; j < es; j++) {
                        double acc = 0;
                        for (int q = 0; q < es; q++) {
                            acc += w[wo + i * es + q] * vinv[vo + q * es + j];
                        }
                        t[wo + i * es + j] = acc;
                    }
                }
            }
        });
    }

    /** Inverses of S's diagonal camera blocks {@code U_λ,c − Σ_k T_k W_kᵀ}. */
    private boolean formPreconditioner(double lambda, double[] d) {
        computeT();
        boolean[] ok = {true};
        ComputePool.parallelFor(layout.reducedBlocks(), 8, (from, to) -> {
            double[] work = new double[2 * fs * fs];
            for (int c = from; c < to; c++) {
                int uo = c * fs * fs;
                System.arraycopy(u, uo, work, 0, fs * fs);
                for (int j = 0; j < fs; j++) {
                    double dj = d == null ? 1 : d[c * fs + j];
                    work[j * fs + j] += lambda * dj * dj;
                }
                for (int a = 0, n = layout.reducedCount(c); a < n; a++) {
                    int k = layout.reducedResidual(c, a);
                    int ko = k * fs * es;
                    for (int i = 0; i < fs; i++) {
                        for (int j = 0; j < fs; j++) {
                            double acc = 0;
                            for (int q = 0; q < es; q++) {
                                acc += t[ko + i * es + q] * w[ko + j * es + q];
                            }
                            work[i * fs + j] -= acc;
                        }
                    }
                }
                if (!invertSpd(work, fs, precond, uo)) {
                    ok[0] = false;
                }
            }
        });
        return ok[0];
    }

    private void applyPreconditioner(double[] r, double[] z) {
        ComputePool.parallelFor(layout.reducedBlocks(), 64, (from, to) -> {
            for (int c = from; c < to; c++) {
                int o = c * fs;
                int po = c * fs * fs;
                for (int i = 0; i < fs; i++) {
                    double acc = 0;
                    for (int j = 0; j < fs; j++) {
                        acc += precond[po + i * fs + j] * r[o + j];
                    }
                    z[o + i] = acc;
                }
            }
        });
    }

    /** {@code out = S·x = U_λx − W(V_λ⁻¹(Wᵀx))}: per point, then per camera. */
    private void multiply(double lambda, double[] d, double[] x, double[] out) {
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, (from, to) -> {
            double[] acc = new double[es];
            for (int p = from; p < to; p++) {
                Arrays.fill(acc, 0);
                for (int a = 0, n = layout.eliminatedCount(p); a < n; a++) {
                    int k = layout.eliminatedResidual(p, a);
                    int xo = layout.reducedOf(k) * fs;
                    int wo = k * fs * es;
                    for (int i = 0; i < fs; i++) {
                        double xi = x[xo + i];
                        for (int q = 0; q < es; q++) {
                            acc[q] += w[wo + i * es + q] * xi;
                        }
                    }
                }
                int vo = p * es * es;
                for (int i = 0; i < es; i++) {
                    double sum = 0;
                    for (int q = 0; q < es; q++) {
                        sum += vinv[vo + i * es + q] * acc[q];
                    }
                    pointTmp[p * es + i] = sum;
                }
            }
        });
        ComputePool.parallelFor(layout.reducedBlocks(), 16, (from, to) -> {
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
                    int po = layout.eliminatedOf(k) * es;
                    int wo = k * fs * es;
                    for (int i = 0; i < fs; i++) {
                        double acc = 0;
                        for (int q = 0; q < es; q++) {
                            acc += w[wo + i * es + q] * pointTmp[po + q];
                        }
                        out[o + i] -= acc;
                    }
                }
            }
        });
    }

    /** {@code y_p = V_λ⁻¹g_p}, {@code b_c = −g_c + Σ_k W_k y_p}. */
    private void reducedRhs(double[] g) {
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, (from, to) -> {
            for (int p = from; p < to; p++) {
                int vo = p * es * es;
                int go = nc + p * es;
                for (int i = 0; i < es; i++) {
                    double acc = 0;
                    for (int q = 0; q < es; q++) {
                        acc += vinv[vo + i * es + q] * g[go + q];
                    }
                    y[p * es + i] = acc;
                }
            }
        });
        ComputePool.parallelFor(layout.reducedBlocks(), 16, (from, to) -> {
            for (int c = from; c < to; c++) {
                int o = c * fs;
                for (int i = 0; i < fs; i++) {
                    bc[o + i] = -g[o + i];
                }
                for (int a = 0, n = layout.reducedCount(c); a < n; a++) {
                    int k = layout.reducedResidual(c, a);
                    int po = layout.eliminatedOf(k) * es;
                    int wo = k * fs * es;
                    for (int i = 0; i < fs; i++) {
                        double acc = 0;
                        for (int q = 0; q < es; q++) {
                            acc += w[wo + i * es + q] * y[po + q];
                        }
                        bc[o + i] += acc;
                    }
                }
            }
        });
    }

    /** {@code x = [x_c; V_λ⁻¹(−g_p − Σ_k W_kᵀ x_c)]}. */
    private void backSubstitute(double[] g, double[] out) {
        System.arraycopy(xc, 0, out, 0, nc);
        ComputePool.parallelFor(layout.eliminatedBlocks(), 256, (from, to) -> {
            double[] acc = new double[es];
            for (int p = from; p < to; p++) {
                int go = nc + p * es;
                for (int q = 0; q < es; q++) {
                    acc[q] = -g[go + q];
                }
                for (int a = 0, n = layout.eliminatedCount(p); a < n; a++) {
                    int k = layout.eliminatedResidual(p, a);
                    int xo = layout.reducedOf(k) * fs;
                    int wo = k * fs * es;
                    for (int i = 0; i < fs; i++) {
                        double xi = xc[xo + i];
                        for (int q = 0; q < es; q++) {
                            acc[q] -= w[wo + i * es + q] * xi;
                        }
                    }
                }
                int vo = p * es * es;
                for (int i = 0; i < es; i++) {
                    double sum = 0;
                    for (int q = 0; q < es; q++) {
                        sum += vinv[vo + i * es + q] * acc[q];
                    }
                    out[go + i] = sum;
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
