package org.gn4j.solvers.schur;

import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * In-place Cholesky factorization {@code A = L Lᵀ} of a symmetric positive definite matrix stored by its envelope
 * (profile, "skyline"): row i holds the entries of columns {@code first[i] .. i} of the lower triangle, contiguously,
 * from offset {@code start[i]}. Cholesky creates no fill outside the envelope, so the factor overwrites the matrix in
 * place, at a cost of {@code Σᵢ (i − first[i])²/2} multiply-adds: cheap when a bandwidth-reducing order (reverse
 * Cuthill-McKee, {@link SchurLayout}'s camera order) keeps the rows short. Row by row (bordering): each entry is a dot
 * product of two contiguous row segments. One instance per thread.
 */
final class EnvelopeCholesky {
    private static final double EPS = Math.ulp(1.0);
    private final int n;
    private final int[] first;
    private final int[] start;

    /**
     * @param first the first stored column of each row ({@code 0 <= first[i] <= i}; held)
     * @param start the offset of each row's first entry in the storage, length n + 1 (held)
     */
    EnvelopeCholesky(int[] first, int[] start) {
        this.n = first.length;
        if (start.length != n + 1) {
            throw new IllegalArgumentException("start has length " + start.length + ", expected " + (n + 1));
        }
        for (int i = 0; i < n; i++) {
            if (first[i] < 0 || first[i] > i) {
                throw new IllegalArgumentException("first[" + i + "] is " + first[i] + ", expected a column in [0, "
                        + i + "]");
            }
            if (start[i + 1] - start[i] != i - first[i] + 1) {
                throw new IllegalArgumentException("row " + i + " has " + (start[i + 1] - start[i])
                        + " stored entries, expected " + (i - first[i] + 1));
            }
        }
        this.first = first;
        this.start = start;
    }

    /** Entries the storage needs. */
    int size() {
        return start[n];
    }

    /**
     * Factors the envelope in {@code a} in place. NOT_POSITIVE_DEFINITE, NON_FINITE or SINGULAR
     * ({@code min l_ii² / max l_ii² < n·ε}) as {@link BlockedCholesky#factor}.
     */
    SolveResult factor(double[] a) {
        double minPivot = Double.POSITIVE_INFINITY;
        double maxPivot = 0;
        for (int i = 0; i < n; i++) {
            int fi = first[i];
            int si = start[i] - fi; // a[si + j] is L[i, j]
            for (int j = fi; j < i; j++) {
                int fj = first[j];
                int sj = start[j] - fj;
                int q0 = Math.max(fi, fj);
                a[si + j] = subtractDot(a[si + j], a, si, a, sj, q0, j) / a[sj + j];
            }
            double d = subtractDot(a[si + i], a, si, a, si, fi, i);
            if (!(d > 0) || Double.isInfinite(d)) {
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return SolveResult.failed(SolveStatus.NON_FINITE, "Cholesky pivot " + i + " is " + d);
                }
                return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE, "Cholesky met a non-positive pivot (" + d
                        + " at " + i + "): the " + n + "x" + n + " matrix is not positive definite");
            }
            minPivot = Math.min(minPivot, d);
            maxPivot = Math.max(maxPivot, d);
            a[si + i] = Math.sqrt(d);
        }
        if (n > 0 && minPivot / maxPivot < n * EPS) {
            return SolveResult.failed(SolveStatus.SINGULAR, "Cholesky pivot ratio " + minPivot / maxPivot
                    + " is below n·eps = " + n * EPS + ": the " + n + "x" + n + " matrix is numerically singular");
        }
        return SolveResult.ok("envelope Cholesky " + n + "x" + n + ", " + start[n] + " entries");
    }

    /** Solves {@code L Lᵀ x = b} with the factor in {@code a}; x may be b. */
    void solve(double[] a, double[] b, double[] x) {
        if (x != b) {
            System.arraycopy(b, 0, x, 0, n);
        }
        for (int i = 0; i < n; i++) {
            int si = start[i] - first[i];
            x[i] = subtractDot(x[i], a, si, x, 0, first[i], i) / a[si + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            int si = start[i] - first[i];
            double xi = x[i] / a[si + i];
            x[i] = xi;
            subtractScaled(xi, a, si, x, first[i], i);
        }
    }

    /**
     * {@code s − Σ_{q0 ≤ q < q1} p[po + q]·r[ro + q]}, subtracted term by term in order of q. The row loops of the
     * factorization and the solves call it once per entry and per row, so it is compiled early in the first solve.
     */
    private static double subtractDot(double s, double[] p, int po, double[] r, int ro, int q0, int q1) {
        for (int q = q0; q < q1; q++) {
            s -= p[po + q] * r[ro + q];
        }
        return s;
    }

    /** {@code x[q] −= a[si + q]·xi} for {@code q0 ≤ q < q1}. */
    private static void subtractScaled(double xi, double[] a, int si, double[] x, int q0, int q1) {
        for (int q = q0; q < q1; q++) {
            x[q] -= a[si + q] * xi;
        }
    }
}
