package org.gn4j.solvers.schur;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.ComputePool.RangeBody;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * In-place Cholesky factorization {@code A = L Lᵀ} of a symmetric positive definite {@code n × n} row-major matrix
 * (the lower triangle is read and overwritten by L; the strict upper triangle is never read), right-looking and
 * blocked: for each block column of {@link #BLOCK} columns the diagonal block is factored unblocked, the panel below
 * is solved against it and the trailing lower triangle is updated ({@code A₂₂ −= L₂₁L₂₁ᵀ}), the last two in
 * parallel on the compute pool with contiguous four-term multiply-add loops that the JIT compiles to vector
 * instructions within the first factorization. (The Vector API DGEMM of {@code org.gn4j.linalg.blas} is about 2-3×
 * faster once compiled, but its warm-up, about 3 s on the first 1800 × 1800 factorization on a loaded 2-core machine,
 * outweighs what it saves over the ten-odd factorizations of a bundle-adjustment run.)
 * Used for the reduced camera system of the dense Schur complement. One instance per thread; buffers are reused.
 */
final class BlockedCholesky {
    /** Columns per block column. */
    static final int BLOCK = 128;
    /** Columns of the trailing matrix updated per task (the panel's slice of them stays in cache). */
    static final int CHUNK = 192;
    private static final double EPS = Math.ulp(1.0);
    private int n;
    private double[] l;
    private double[] panel = new double[0];
    private boolean factored;

    /** An unprepared factorization; buffers grow on the first {@link #factor}. */
    BlockedCholesky() {
    }

    /**
     * Factors {@code a} (row-major n × n, lower triangle read) in place: on success its lower triangle holds L.
     * NOT_POSITIVE_DEFINITE when a pivot is not positive, SINGULAR when {@code min l_ii² / max l_ii² < n·ε} (as
     * {@link org.gn4j.solvers.dense.DenseCholeskySolver}), NON_FINITE when a pivot is not finite.
     *
     * @throws IllegalArgumentException if a is shorter than n²
     */
    SolveResult factor(double[] a, int n) {
        ArgumentChecks.requireNonNegative("n", n);
        if (a.length < (long) n * n) {
            throw new IllegalArgumentException("a has length " + a.length + ", expected at least n² = " + (long) n * n);
        }
        this.n = n;
        this.l = a;
        this.factored = false;
        double minPivot = Double.POSITIVE_INFINITY;
        double maxPivot = 0;
        for (int j0 = 0; j0 < n; j0 += BLOCK) {
            int jb = Math.min(BLOCK, n - j0);
            // diagonal block, unblocked (earlier block columns were subtracted by their trailing updates)
            for (int j = j0; j < j0 + jb; j++) {
                int rj = j * n;
                double d = a[rj + j];
                for (int q = j0; q < j; q++) {
                    d -= a[rj + q] * a[rj + q];
                }
                if (!(d > 0)) {
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return SolveResult.failed(SolveStatus.NON_FINITE, "Cholesky pivot " + j + " is " + d);
                    }
                    return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE, "Cholesky met a non-positive pivot ("
                            + d + " at " + j + "): the " + n + "x" + n + " matrix is not positive definite");
                }
                if (Double.isInfinite(d)) {
                    return SolveResult.failed(SolveStatus.NON_FINITE, "Cholesky pivot " + j + " is " + d);
                }
                minPivot = Math.min(minPivot, d);
                maxPivot = Math.max(maxPivot, d);
                double ljj = Math.sqrt(d);
                a[rj + j] = ljj;
                double inv = 1 / ljj;
                for (int i = j + 1; i < j0 + jb; i++) {
                    int ri = i * n;
                    double s = a[ri + j];
                    for (int q = j0; q < j; q++) {
                        s -= a[ri + q] * a[rj + q];
                    }
                    a[ri + j] = s * inv;
                }
            }
            int below = n - j0 - jb;
            if (below == 0) {
                break;
            }
            update(a, j0, jb, below);
        }
        if (n > 0 && minPivot / maxPivot < n * EPS) {
            return SolveResult.failed(SolveStatus.SINGULAR, "Cholesky pivot ratio " + minPivot / maxPivot
                    + " is below n·eps = " + n * EPS + ": the " + n + "x" + n + " matrix is numerically singular");
        }
        factored = true;
        return SolveResult.ok("blocked Cholesky " + n + "x" + n);
    }

    /**
     * The panel and the trailing update of block column {@code [j0, j0+jb)}: the panel, transposed into
     * {@code panel} (row q holds column {@code j0+q} of the rows below), is solved against {@code L_jjᵀ} column by
     * column, written back, and the trailing lower triangle is updated in column chunks of {@link #CHUNK} (a chunk of
     * the panel stays in cache while every row below it is updated), chunks in parallel on the compute pool. Every
     * inner loop is a contiguous multiply-add over four panel rows at once, which the JIT vectorizes.
     */
    private void update(double[] a, int j0, int jb, int below) {
        int r0 = j0 + jb;
        int pn = below * jb;
        if (panel.length < pn) {
            panel = new double[pn];
        }
        final double[] pt = panel;
        final int n = this.n;
        // transpose in: pt[q·below + i] = A[r0+i, j0+q]
        ComputePool.parallelFor(below, 64, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int i = from; i < to; i++) {
                    int ai = (r0 + i) * n + j0;
                    for (int q = 0; q < jb; q++) {
                        pt[q * below + i] = a[ai + q];
                    }
                }
            }
        });
        // X L_jjᵀ = A₂₁ by columns of X: x_c = (a_c − Σ_{q<c} L[c,q] x_q) / L[c,c]
        ComputePool.parallelFor(below, 256, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int c = 0; c < jb; c++) {
                    int rc = (j0 + c) * n + j0;
                    int oc = c * below;
                    int q = 0;
                    for (; q + 3 < c; q += 4) {
                        double l0 = a[rc + q];
                        double l1 = a[rc + q + 1];
                        double l2 = a[rc + q + 2];
                        double l3 = a[rc + q + 3];
                        int o0 = q * below;
                        int o1 = o0 + below;
                        int o2 = o1 + below;
                        int o3 = o2 + below;
                        for (int i = from; i < to; i++) {
                            pt[oc + i] -= l0 * pt[o0 + i] + l1 * pt[o1 + i] + l2 * pt[o2 + i] + l3 * pt[o3 + i];
                        }
                    }
                    for (; q < c; q++) {
                        double l0 = a[rc + q];
                        int o0 = q * below;
                        for (int i = from; i < to; i++) {
                            pt[oc + i] -= l0 * pt[o0 + i];
                        }
                    }
                    double inv = 1 / a[rc + c];
                    for (int i = from; i < to; i++) {
                        pt[oc + i] *= inv;
                    }
                }
            }
        });
        // write back: A[r0+i, j0+q] = pt[q·below + i]
        ComputePool.parallelFor(below, 64, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int i = from; i < to; i++) {
                    int ai = (r0 + i) * n + j0;
                    for (int q = 0; q < jb; q++) {
                        a[ai + q] = pt[q * below + i];
                    }
                }
            }
        });
        // A[r0+i, r0+j] −= Σ_q pt[q, i] pt[q, j] for j ≤ i, in column chunks
        int chunks = (below + CHUNK - 1) / CHUNK;
        ComputePool.parallelFor(chunks, 1, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int ch = from; ch < to; ch++) {
                    int c0 = ch * CHUNK;
                    int c1 = Math.min(below, c0 + CHUNK);
                    for (int i = c0; i < below; i++) {
                        int end = Math.min(c1, i + 1);
                        int ci = (r0 + i) * n + r0;
                        int q = 0;
                        for (; q + 3 < jb; q += 4) {
                            int o0 = q * below;
                            int o1 = o0 + below;
                            int o2 = o1 + below;
                            int o3 = o2 + below;
                            double v0 = pt[o0 + i];
                            double v1 = pt[o1 + i];
                            double v2 = pt[o2 + i];
                            double v3 = pt[o3 + i];
                            for (int j = c0; j < end; j++) {
                                a[ci + j] -= v0 * pt[o0 + j] + v1 * pt[o1 + j] + v2 * pt[o2 + j] + v3 * pt[o3 + j];
                            }
                        }
                        for (; q < jb; q++) {
                            int o0 = q * below;
                            double v0 = pt[o0 + i];
                            for (int j = c0; j < end; j++) {
                                a[ci + j] -= v0 * pt[o0 + j];
                            }
                        }
                    }
                }
            }
        });
    }

    /**
     * Solves {@code A x = b} with the factor: {@code L y = b}, then {@code Lᵀ x = y}. x may be b.
     *
     * @throws IllegalStateException if the last factorization did not succeed
     */
    void solve(double[] b, double[] x) {
        if (!factored) {
            throw new IllegalStateException("no successful factorization to solve with");
        }
        double[] a = l;
        if (x != b) {
            System.arraycopy(b, 0, x, 0, n);
        }
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = x[i];
            for (int q = 0; q < i; q++) {
                s -= a[ri + q] * x[q];
            }
            x[i] = s / a[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double xi = x[i] / a[ri + i];
            x[i] = xi;
            for (int q = 0; q < i; q++) {
                x[q] -= a[ri + q] * xi;
            }
        }
    }
}
