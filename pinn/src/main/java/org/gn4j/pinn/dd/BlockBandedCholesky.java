package org.gn4j.pinn.dd;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;

/**
 * Cholesky {@code A = LLᵀ} of a symmetric positive definite {@link BlockBandedMatrix}, block by block inside the band
 * (a banded matrix's factor keeps its bandwidth, so fill-in stays in the band): work {@code O(K·b²·p³)} against
 * {@code O(K³p³/3)} dense. Two-phase: {@link #factor} once, {@link #solve} per right-hand side. Failure (a
 * non-positive pivot) is a status, not an exception.
 */
public final class BlockBandedCholesky {
    private final Blas blas = BlasProvider.blas();
    private BlockBandedMatrix l;
    private boolean ok;

    /**
     * Factors A (A is not modified).
     *
     * @return true on success, false if A is not numerically positive definite
     */
    public boolean factor(BlockBandedMatrix a) {
        l = a.copy();
        int k = l.blocks();
        int p = l.blockSize();
        int b = l.bandwidth();
        ok = false;
        for (int i = 0; i < k; i++) {
            for (int j = Math.max(0, i - b); j <= i; j++) {
                double[] s = l.block(i, j);
                for (int q = Math.max(0, i - b); q < j; q++) {
                    blas.dgemm(Transpose.NO, Transpose.YES, p, p, p, -1.0, l.block(i, q), 0, p, l.block(j, q), 0, p,
                            1.0, s, 0, p);
                }
                if (j < i) {
                    // L_ij = S·L_jj^{-T}: each row x of L_ij solves L_jj·xᵀ = sᵀ
                    double[] ljj = l.block(j, j);
                    for (int r = 0; r < p; r++) {
                        int ro = r * p;
                        for (int c = 0; c < p; c++) {
                            double v = s[ro + c];
                            for (int t = 0; t < c; t++) {
                                v -= ljj[c * p + t] * s[ro + t];
                            }
                            s[ro + c] = v / ljj[c * p + c];
                        }
                    }
                } else if (!denseCholesky(s, p)) {
                    return false;
                }
            }
        }
        ok = true;
        return true;
    }

    private static boolean denseCholesky(double[] a, int p) {
        for (int c = 0; c < p; c++) {
            double d = a[c * p + c];
            for (int t = 0; t < c; t++) {
                d -= a[c * p + t] * a[c * p + t];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            double lc = Math.sqrt(d);
            a[c * p + c] = lc;
            for (int r = c + 1; r < p; r++) {
                double v = a[r * p + c];
                for (int t = 0; t < c; t++) {
                    v -= a[r * p + t] * a[c * p + t];
                }
                a[r * p + c] = v / lc;
            }
            for (int r = 0; r < c; r++) {
                a[r * p + c] = 0;
            }
        }
        return true;
    }

    /**
     * Solves {@code A·x = rhs} with the last successful factorization.
     *
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
        double[] y = rhs.clone();
        for (int i = 0; i < k; i++) {
            int o = i * p;
            for (int q = Math.max(0, i - b); q < i; q++) {
                double[] a = l.block(i, q);
                for (int r = 0; r < p; r++) {
                    double s = 0;
                    for (int c = 0; c < p; c++) {
                        s += a[r * p + c] * y[q * p + c];
                    }
                    y[o + r] -= s;
                }
            }
            double[] d = l.block(i, i);
            for (int r = 0; r < p; r++) {
                double v = y[o + r];
                for (int c = 0; c < r; c++) {
                    v -= d[r * p + c] * y[o + c];
                }
                y[o + r] = v / d[r * p + r];
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            int o = i * p;
            for (int q = i + 1; q <= Math.min(k - 1, i + b); q++) {
                double[] a = l.block(q, i);
                for (int r = 0; r < p; r++) {
                    double v = y[q * p + r];
                    for (int c = 0; c < p; c++) {
                        y[o + c] -= a[r * p + c] * v;
                    }
                }
            }
            double[] d = l.block(i, i);
            for (int r = p - 1; r >= 0; r--) {
                double v = y[o + r];
                for (int c = r + 1; c < p; c++) {
                    v -= d[c * p + r] * y[o + c];
                }
                y[o + r] = v / d[r * p + r];
            }
        }
        System.arraycopy(y, 0, x, 0, k * p);
    }
}
