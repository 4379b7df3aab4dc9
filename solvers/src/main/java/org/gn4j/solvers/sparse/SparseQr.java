package org.gn4j.solvers.sparse;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Sparse QR of a damped least-squares matrix {@code [J; diag(δ)]} (J m×n in compressed rows, δ a diagonal of length
 * n) by row-by-row Givens rotations into a sparse upper-triangular R (George and Heath, "Solution of sparse linear
 * least squares problems using Givens rotations", 1980), without forming {@code JᵀJ} and without storing Q: the
 * right-hand side rides along with each row, so {@link #factor} leaves {@code c = (Qᵀb)[0..n)} and {@link #solve}
 * gives {@code argmin ‖J P y − b‖² + ‖diag(δ) y‖²} by back substitution {@code R y = c} (y in the permuted order).
 *
 * <p>Once per pattern (constructor): the pattern of R, which is the pattern of Lᵀ for the Cholesky factor L of
 * {@code Pᵀ(JᵀJ)P} (a {@link SparseCholesky}'s symbolic analysis supplies it), and the order in which rows are merged,
 * by their leftmost permuted column, the diagonal row {@code δ_q e_q} first among the rows whose leftmost column is q.
 * In that order each row travels up the elimination tree only until it lands in a row of R not yet touched, so a
 * banded J costs O(bandwidth²) per row. Once per diagonal δ ({@link #factor}): the numeric rotations into R,
 * allocation-free. The condition number met is that of J, the square root of the normal equations' one, which is
 * what lets badly conditioned problems keep their digits.
 *
 * <p>Each merge rotates the working row w against row k of R: {@code (R_k, w) ← (cR_k + sw, cw − sR_k)} with
 * {@code c = R_kk / ρ}, {@code s = w_k / ρ}, {@code ρ = √(R_kk² + w_k²)}, over the columns of row k's pattern; w's
 * non-zeros stay inside that pattern (a row of J is a clique of {@code JᵀJ}'s graph, and the pattern of a column of L
 * restricted to indices ≥ i is contained in column i's for every i in it), so w is then zero at k and its next
 * non-zero column, the next pivot, is found by scanning row k's pattern.
 */
public final class SparseQr {
    private final int n;
    private final int m;
    private final int[] rStart;
    private final int[] rCol;
    private final double[] rValue;
    private final double[] c;
    private final double[] w;
    private final int[] inverse;
    private final int[] rowOrder;
    private final int[] bucketStart;
    private final int[] jRowStart;
    private final int[] jColIndex;
    private boolean factored;

    /**
     * Analysis of the merge order for J's pattern and R's pattern.
     *
     * @param pattern J's pattern (values ignored; its row starts and column indices are held by reference and
     *                compared against the matrix each {@link #factor} is given)
     * @param inverse {@code inverse[j]}: the position of J's column j in R's column order (length n), or null for
     *                the natural order; held by reference
     * @param rStart  row starts of R's pattern (length n + 1), e.g. {@link SparseCholesky#factorColumnStarts()};
     *                held by reference
     * @param rCol    column indices of R's pattern by row, ascending with the diagonal first, e.g.
     *                {@link SparseCholesky#factorRowIndices()}; held by reference
     * @throws IllegalArgumentException when the arrays do not have J's column count or R's pattern does not start
     *                                  each row with its diagonal
     */
    public SparseQr(CsrMatrix pattern, int[] inverse, int[] rStart, int[] rCol) {
        if (pattern == null) {
            throw new IllegalArgumentException("pattern must not be null");
        }
        n = pattern.cols();
        m = pattern.rows();
        if (inverse != null && inverse.length != n) {
            throw new IllegalArgumentException("inverse has length " + inverse.length + ", expected n = " + n);
        }
        if (rStart == null || rStart.length != n + 1) {
            throw new IllegalArgumentException("rStart has length " + (rStart == null ? "null" : rStart.length)
                    + ", expected n + 1 = " + (n + 1));
        }
        if (rCol == null || rCol.length < rStart[n]) {
            throw new IllegalArgumentException("rCol has length " + (rCol == null ? "null" : rCol.length)
                    + ", expected at least " + rStart[n]);
        }
        for (int k = 0; k < n; k++) {
            if (rStart[k + 1] <= rStart[k] || rCol[rStart[k]] != k) {
                throw new IllegalArgumentException("row " + k + " of R's pattern starts with column "
                        + (rStart[k + 1] <= rStart[k] ? "none" : rCol[rStart[k]]) + ", expected its diagonal " + k);
            }
        }
        this.rStart = rStart;
        this.rCol = rCol;
        this.inverse = inverse;
        this.jRowStart = pattern.rowStart();
        this.jColIndex = pattern.colIndex();
        // bucket J's rows by their leftmost permuted column (rows without entries are left out: they only add to
        // the residual)
        int[] leftmost = new int[m];
        bucketStart = new int[n + 2];
        for (int i = 0; i < m; i++) {
            int lo = Integer.MAX_VALUE;
            for (int p = jRowStart[i]; p < jRowStart[i + 1]; p++) {
                lo = Math.min(lo, inverse == null ? jColIndex[p] : inverse[jColIndex[p]]);
            }
            leftmost[i] = lo;
            if (lo < n) {
                bucketStart[lo + 2]++;
            }
        }
        for (int q = 0; q < n; q++) {
            bucketStart[q + 2] += bucketStart[q + 1];
        }
        rowOrder = new int[bucketStart[n + 1]];
        for (int i = 0; i < m; i++) {
            if (leftmost[i] < n) {
                rowOrder[bucketStart[leftmost[i] + 1]++] = i;
            }
        }
        rValue = new double[rStart[n]];
        c = new double[n];
        w = new double[n];
    }

    /**
     * The number of columns n.
     *
     * @return n, the order of R
     */
    public int size() {
        return n;
    }

    /**
     * Stored entries of R (its analysed pattern, diagonal included).
     *
     * @return the number of entries of R
     */
    public long factorNonZeros() {
        return rStart[n];
    }

    /**
     * Numeric QR of {@code [J P; diag(δ)]} with right-hand side {@code [b; 0]}, merging the rows in the analysed
     * order. Fails with {@link SolveStatus#SINGULAR} (naming the column) when a diagonal entry of R is zero or not
     * finite, i.e. the damped matrix is rank-deficient.
     *
     * @param j     J with the analysed pattern (its current values are read; not modified)
     * @param b     the right-hand side of J's rows, length m (for a damped Gauss-Newton step, {@code −r})
     * @param delta the diagonal rows' entries in R's (permuted) column order, length n; null for no diagonal rows
     * @return CONVERGED with R and c kept for {@link #solve}; SINGULAR otherwise
     * @throws IllegalArgumentException when J does not have the analysed pattern or an array has the wrong length
     */
    public SolveResult factor(CsrMatrix j, double[] b, double[] delta) {
        if (j == null || j.rows() != m || j.cols() != n || j.rowStart() != jRowStart && !Arrays.equals(j.rowStart(),
                jRowStart) || j.colIndex() != jColIndex && !Arrays.equals(j.colIndex(), jColIndex)) {
            throw new IllegalArgumentException("J " + (j == null ? "is null" : "is " + j.rows() + "x" + j.cols()
                    + " with " + j.nonZeros() + " entries") + ", expected the analysed " + m + "x" + n + " pattern");
        }
        ArgumentChecks.requireLength("b", b, m);
        if (delta != null) {
            ArgumentChecks.requireLength("delta", delta, n);
        }
        factored = false;
        Arrays.fill(rValue, 0.0);
        Arrays.fill(c, 0.0);
        double[] jv = j.values();
        for (int q = 0; q < n; q++) {
            if (delta != null && delta[q] != 0) {
                w[q] = delta[q];
                merge(q, 0.0);
            }
            for (int t = bucketStart[q]; t < bucketStart[q + 1]; t++) {
                int i = rowOrder[t];
                for (int p = jRowStart[i]; p < jRowStart[i + 1]; p++) {
                    w[inverse == null ? jColIndex[p] : inverse[jColIndex[p]]] += jv[p];
                }
                merge(q, b[i]);
            }
        }
        for (int k = 0; k < n; k++) {
            double d = rValue[rStart[k]];
            if (d == 0 || !Double.isFinite(d)) {
                return SolveResult.failed(SolveStatus.SINGULAR, "sparse QR: R(" + k + "," + k + ") is " + d
                        + ", expected a finite non-zero pivot (rank-deficient damped matrix)");
            }
        }
        factored = true;
        return SolveResult.ok("sparse QR, " + rStart[n] + " entries in R");
    }

    /**
     * Rotates the working row w (right-hand side {@code wb}), whose leftmost non-zero is column k, into R.
     */
    private void merge(int k, double wb) {
        double[] rv = rValue;
        double[] wv = w;
        while (true) {
            int lo = rStart[k];
            int hi = rStart[k + 1];
            double b = wv[k];
            if (b != 0) {
                double a = rv[lo];
                double scale = Math.max(Math.abs(a), Math.abs(b));
                double as = a / scale;
                double bs = b / scale;
                double rho = scale * Math.sqrt(as * as + bs * bs);
                double cs = a / rho;
                double sn = b / rho;
                rv[lo] = rho;
                wv[k] = 0;
                for (int p = lo + 1; p < hi; p++) {
                    int col = rCol[p];
                    double t = rv[p];
                    double u = wv[col];
                    rv[p] = cs * t + sn * u;
                    wv[col] = cs * u - sn * t;
                }
                double t = c[k];
                c[k] = cs * t + sn * wb;
                wb = cs * wb - sn * t;
            }
            // the next pivot: w's leftmost non-zero, inside row k's pattern
            int next = -1;
            for (int p = lo + 1; p < hi; p++) {
                if (wv[rCol[p]] != 0) {
                    next = rCol[p];
                    break;
                }
            }
            if (next < 0) {
                return;
            }
            k = next;
        }
    }

    /**
     * Solves {@code R y = c} from the last successful {@link #factor}: y, in R's (permuted) column order, minimizes
     * {@code ‖J P y − b‖² + ‖diag(δ) y‖²}.
     *
     * @param out receives y, length n
     * @throws IllegalStateException when no factorization succeeded
     * @throws IllegalArgumentException when out does not have length n
     */
    public void solve(double[] out) {
        if (!factored) {
            throw new IllegalStateException("no successful factorization to solve with");
        }
        ArgumentChecks.requireLength("out", out, n);
        for (int k = n - 1; k >= 0; k--) {
            double s = c[k];
            for (int p = rStart[k] + 1; p < rStart[k + 1]; p++) {
                s -= rValue[p] * out[rCol[p]];
            }
            out[k] = s / rValue[rStart[k]];
        }
    }
}
