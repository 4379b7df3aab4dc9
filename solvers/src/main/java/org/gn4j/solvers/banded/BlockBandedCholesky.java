package org.gn4j.solvers.banded;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;

/**
 * Cholesky {@code A = LLᵀ} of a symmetric positive definite {@link BlockBandedMatrix}, block by block inside the band
 * (a banded matrix's factor keeps its bandwidth, so fill-in stays in the band): work {@code O(K·b²·p³)} against
 * {@code O(K³p³/3)} dense. Two-phase: {@link #factor} once, {@link #solve} per right-hand side. Failure (a
 * non-positive pivot) is a status, not an exception.
 *
 * <p>All block work goes through {@link BlasProvider#blas()}: the Schur updates {@code L_ij −= L_iq·L_jqᵀ} are DGEMM
 * (DSYRK on the diagonal), each diagonal block is factored in place by a right-looking blocked Cholesky (panels of
 * {@value #NB}, trailing update by DSYRK), and the inverse of each diagonal factor is kept so that the off-diagonal
 * blocks {@code L_ij = S·L_jj^{-T}} and both triangular sweeps of {@link #solve} are DGEMM/DGEMV. The factor and all
 * scratch are kept between calls of the same shape, so an LM loop allocates nothing per step.
 */
public final class BlockBandedCholesky {
    private static final int NB = 32;
    private final Blas blas = BlasProvider.blas();
    private BlockBandedMatrix l;
    private double[][] inv;
    private double[] tmp;
    private double[] panel;
    private double[] y;
    private double[] vec;
    private boolean ok;

    private void ensure(BlockBandedMatrix a) {
        if (l == null || l.blocks() != a.blocks() || l.blockSize() != a.blockSize()
                || l.bandwidth() != a.bandwidth()) {
            l = new BlockBandedMatrix(a.blocks(), a.blockSize(), a.bandwidth());
            int p = a.blockSize();
            inv = new double[a.blocks()][p * p];
            tmp = new double[p * p];
            panel = new double[p * NB];
            y = new double[a.size()];
            vec = new double[p];
        }
    }

    /**
     * Factors A (A is not modified).
     *
     * @param a the symmetric positive definite matrix; its shape sets the work space (reallocated when it changes)
     * @return true on success, false if A is not numerically positive definite
     */
    public boolean factor(BlockBandedMatrix a) {
        ensure(a);
        l.copyFrom(a);
        int k = l.blocks();
        int p = l.blockSize();
        int b = l.bandwidth();
        ok = false;
        for (int i = 0; i < k; i++) {
            for (int j = Math.max(0, i - b); j <= i; j++) {
                double[] s = l.block(i, j);
                for (int q = Math.max(0, i - b); q < j; q++) {
                    if (j == i) {
                        blas.dsyrk(Transpose.NO, p, p, -1.0, l.block(i, q), 0, p, 1.0, s, 0, p);
                    } else {
                        blas.dgemm(Transpose.NO, Transpose.YES, p, p, p, -1.0, l.block(i, q), 0, p, l.block(j, q), 0,
                                p, 1.0, s, 0, p);
                    }
                }
                if (j < i) {
                    // L_ij = S·L_jj^{-T}
                    blas.dgemm(Transpose.NO, Transpose.YES, p, p, p, 1.0, s, 0, p, inv[j], 0, p, 0.0, tmp, 0, p);
                    System.arraycopy(tmp, 0, s, 0, p * p);
                } else {
                    if (!blockedCholesky(s, p)) {
                        return false;
                    }
                    lowerInverse(s, inv[i], p);
                }
            }
        }
        ok = true;
        return true;
    }

    /** In-place lower Cholesky of a full symmetric p×p row-major block; the upper triangle is zeroed. */
    private boolean blockedCholesky(double[] a, int p) {
        for (int k0 = 0; k0 < p; k0 += NB) {
            int kb = Math.min(NB, p - k0);
            // unblocked factor of the kb×kb diagonal panel
            for (int c = k0; c < k0 + kb; c++) {
                int co = c * p;
                double d = a[co + c];
                for (int t = k0; t < c; t++) {
                    d -= a[co + t] * a[co + t];
                }
                if (!(d > 0) || !Double.isFinite(d)) {
                    return false;
                }
                double lc = Math.sqrt(d);
                a[co + c] = lc;
                for (int r = c + 1; r < k0 + kb; r++) {
                    int ro = r * p;
                    double v = a[ro + c];
                    for (int t = k0; t < c; t++) {
                        v -= a[ro + t] * a[co + t];
                    }
                    a[ro + c] = v / lc;
                }
            }
            int r0 = k0 + kb;
            int n2 = p - r0;
            if (n2 == 0) {
                break;
            }
            // panel below: A21 ← A21·L11^{-T}, row by row, copied to scratch for the trailing update
            for (int r = r0; r < p; r++) {
                int ro = r * p;
                int po = (r - r0) * kb;
                for (int c = k0; c < k0 + kb; c++) {
                    int co = c * p;
                    double v = a[ro + c];
                    for (int t = k0; t < c; t++) {
                        v -= a[ro + t] * a[co + t];
                    }
                    v /= a[co + c];
                    a[ro + c] = v;
                    panel[po + c - k0] = v;
                }
            }
            // A22 ← A22 − A21·A21ᵀ (both triangles, so A22 stays symmetric)
            blas.dsyrk(Transpose.NO, n2, kb, -1.0, panel, 0, kb, 1.0, a, r0 * p + r0, p);
        }
        for (int r = 0; r < p; r++) {
            Arrays.fill(a, r * p + r + 1, r * p + p, 0.0);
        }
        return true;
    }

    /** {@code out = L⁻¹} (lower triangular) by column-wise forward substitution. */
    private static void lowerInverse(double[] lo, double[] out, int p) {
        Arrays.fill(out, 0.0);
        for (int r = 0; r < p; r++) {
            int ro = r * p;
            double d = 1.0 / lo[ro + r];
            out[ro + r] = d;
            // row r of L⁻¹: X_rc = −(Σ_{t=c}^{r−1} L_rt X_tc) / L_rr for c < r
            for (int t = 0; t < r; t++) {
                double lrt = lo[ro + t];
                if (lrt == 0) {
                    continue;
                }
                int to = t * p;
                for (int c = 0; c <= t; c++) {
                    out[ro + c] -= lrt * out[to + c];
                }
            }
            for (int c = 0; c < r; c++) {
                out[ro + c] *= d;
            }
        }
    }

    /**
     * Solves {@code A·x = rhs} with the last successful factorization ({@code rhs} and {@code x} may be the same
     * array).
     *
     * @param rhs right-hand side, length K·p; not modified unless it is x
     * @param x receives the solution, length K·p
     * @throws IllegalStateException without one
     */
    public void solve(double[] rhs, double[] x) {
        if (!ok) {
            throw new IllegalStateException("no successful factorization");
        }
        int k = l.blocks();
        int p = l.blockSize();
        int b = l.bandwidth();
        ArgumentChecks.requireLength("rhs", rhs, k * p);
        ArgumentChecks.requireLength("x", x, k * p);
        // forward: y_i = L_ii⁻¹ (rhs_i − Σ_q L_iq y_q)
        for (int i = 0; i < k; i++) {
            System.arraycopy(rhs, i * p, vec, 0, p);
            for (int q = Math.max(0, i - b); q < i; q++) {
                blas.dgemv(Transpose.NO, p, p, -1.0, l.block(i, q), 0, p, y, q * p, 1.0, vec, 0);
            }
            blas.dgemv(Transpose.NO, p, p, 1.0, inv[i], 0, p, vec, 0, 0.0, y, i * p);
        }
        // backward: x_i = L_ii^{-T} (y_i − Σ_{q>i} L_qiᵀ x_q)
        for (int i = k - 1; i >= 0; i--) {
            System.arraycopy(y, i * p, vec, 0, p);
            for (int q = i + 1; q <= Math.min(k - 1, i + b); q++) {
                blas.dgemv(Transpose.YES, p, p, -1.0, l.block(q, i), 0, p, x, q * p, 1.0, vec, 0);
            }
            blas.dgemv(Transpose.YES, p, p, 1.0, inv[i], 0, p, vec, 0, 0.0, x, i * p);
        }
    }
}
