package org.gn4j.solvers.sparse;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;

/**
 * Sparse Cholesky {@code A = LLᵀ} of a symmetric positive definite matrix given by its upper triangle in compressed
 * columns, in two phases: {@link #SparseCholesky symbolic analysis} once per pattern (elimination tree, the pattern
 * of every row of L in topological order, column pointers and row indices of L), then {@link #factor numeric
 * factorizations} of any values with that pattern, each an up-looking sweep (row k of L from a sparse triangular
 * solve with the rows already computed, as in Davis, "Direct Methods for Sparse Linear Systems", §4.7) that
 * allocates nothing. The caller orders the matrix (see {@link MinimumDegree}); this class factors it as given.
 *
 * <p>Where the elimination tree is a forest whose trees split the columns into contiguous ranges (a block-diagonal
 * {@code JᵀJ}, as the extended Rosenbrock function's 2×2 blocks), the ranges are independent: every row pattern,
 * column of L and entry of the work vector of a range lies in it. The factorization and both triangular solves then
 * run range-parallel on the compute pool, in at most {@value #MAX_RANGES} ranges of at least {@value #MIN_RANGE}
 * columns.
 */
public final class SparseCholesky {
    private final int n;
    private final int[] aStart;
    private final int[] aRow;
    private final int[] lStart;
    private final int[] lRow;
    private final double[] lValue;
    private final int[] rowPatStart;
    private final int[] rowPat;
    private final int[] next;
    private final double[] x;
    private final int[] rangeStart;
    private boolean factored;
    private double[] rootDiagonal; // condition estimate work: √(A + diag(shift))ₖₖ and a vector of length n
    private double[] work;

    /** Most independent column ranges the factorization is split into. */
    public static final int MAX_RANGES = 64;
    /** Fewest columns in an independent range (smaller ranges are merged with their neighbours). */
    public static final int MIN_RANGE = 4096;

    /**
     * Symbolic analysis of the pattern: column j of A holds rows {@code rowIndex[colStart[j] .. colStart[j+1])}, all
     * {@code <= j} (entries below the diagonal are ignored), diagonal included.
     *
     * @param n order of A, ≥ 0
     * @param colStart column starts, length n + 1, non-decreasing from 0; held by reference and read again by each
     *                 {@link #factor}, so it must not change
     * @param rowIndex row index of each entry of the upper triangle by column, length ≥ {@code colStart[n]}; held
     *                 by reference like colStart
     * @throws IllegalArgumentException when the arrays do not describe an n×n pattern
     */
    public SparseCholesky(int n, int[] colStart, int[] rowIndex) {
        ArgumentChecks.requireNonNegative("n", n);
        if (colStart == null || colStart.length != n + 1) {
            throw new IllegalArgumentException("colStart has length " + (colStart == null ? "null" : colStart.length)
                    + ", expected n + 1 = " + (n + 1));
        }
        if (rowIndex == null || rowIndex.length < colStart[n]) {
            throw new IllegalArgumentException("rowIndex has length " + (rowIndex == null ? "null"
                    : rowIndex.length) + ", expected at least " + colStart[n]);
        }
        this.n = n;
        this.aStart = colStart;
        this.aRow = rowIndex;
        // elimination tree (with path compression through ancestors)
        int[] parent = new int[n];
        int[] ancestor = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = -1;
            ancestor[k] = -1;
            for (int p = colStart[k]; p < colStart[k + 1]; p++) {
                int i = rowIndex[p];
                if (i < 0 || i > n - 1) {
                    throw new IllegalArgumentException("rowIndex[" + p + "] is " + i + ", expected [0, " + n + ")");
                }
                while (i != -1 && i < k) {
                    int inext = ancestor[i];
                    ancestor[i] = k;
                    if (inext == -1) {
                        parent[i] = k;
                    }
                    i = inext;
                }
            }
        }
        // row patterns of L (the reach of each column of A in the elimination tree), in topological order
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] stack = new int[n];
        int[] colCount = new int[n];
        int[] patStart = new int[n + 1];
        int[] pat = new int[Math.max(16, colStart[n])];
        int size = 0;
        for (int k = 0; k < n; k++) {
            int top = n;
            mark[k] = k;
            for (int p = colStart[k]; p < colStart[k + 1]; p++) {
                int i = rowIndex[p];
                if (i > k) {
                    continue;
                }
                int len = 0;
                while (mark[i] != k) {
                    stack[len++] = i;
                    mark[i] = k;
                    i = parent[i];
                }
                while (len > 0) {
                    stack[--top] = stack[--len];
                }
            }
            int count = n - top;
            if (size + count > pat.length) {
                pat = Arrays.copyOf(pat, Math.max(size + count, pat.length + (pat.length >> 1)));
            }
            System.arraycopy(stack, top, pat, size, count);
            for (int t = top; t < n; t++) {
                colCount[stack[t]]++;
            }
            colCount[k]++;
            size += count;
            patStart[k + 1] = size;
        }
        this.rowPatStart = patStart;
        this.rowPat = pat.length == size ? pat : Arrays.copyOf(pat, size);
        long nnz = 0;
        int[] ls = new int[n + 1];
        for (int j = 0; j < n; j++) {
            nnz += colCount[j];
            if (nnz > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the Cholesky factor has more than 2^31 entries, expected fewer "
                        + "(use an iterative solver)");
            }
            ls[j + 1] = (int) nnz;
        }
        this.lStart = ls;
        this.lRow = new int[(int) nnz];
        this.lValue = new double[(int) nnz];
        // row indices of L: column i receives rows k in increasing k, diagonal first
        int[] c = Arrays.copyOf(ls, n);
        for (int k = 0; k < n; k++) {
            for (int t = patStart[k]; t < patStart[k + 1]; t++) {
                lRow[c[rowPat[t]]++] = k;
            }
            lRow[c[k]++] = k;
        }
        this.next = new int[n];
        this.x = new double[n];
        this.rangeStart = independentRanges(parent, n);
    }

    /**
     * Starts of contiguous column ranges that are unions of whole elimination trees (no column before a start has
     * its parent at or after it), each of at least {@link #MIN_RANGE} columns where the forest allows, at most
     * {@link #MAX_RANGES}; {@code {0, n}} when the tree does not split.
     */
    private static int[] independentRanges(int[] parent, int n) {
        int target = Math.max(MIN_RANGE, (n + MAX_RANGES - 1) / MAX_RANGES);
        int[] starts = new int[Math.min(MAX_RANGES, Math.max(1, n / MIN_RANGE)) + 1];
        int count = 0;
        int reach = -1; // the largest parent of the columns before s
        int last = 0;
        for (int s = 1; s < n; s++) {
            reach = Math.max(reach, parent[s - 1]);
            if (reach < s && s - last >= target && n - s >= MIN_RANGE && count + 2 < starts.length) {
                starts[++count] = s;
                last = s;
            }
        }
        starts[++count] = n;
        return Arrays.copyOf(starts, count + 1);
    }

    /**
     * Independent column ranges the factorization and the solves run in parallel.
     *
     * @return the number of ranges, 1 when the elimination tree does not split
     */
    public int independentRanges() {
        return rangeStart.length - 1;
    }

    /**
     * The order n.
     *
     * @return n, the order of A and of L
     */
    public int size() {
        return n;
    }

    /**
     * Column starts of L's pattern: column j holds the entries {@code factorRowIndices()[p]} for p in
     * {@code [colStart[j], colStart[j+1])}. By the structure theorem of sparse QR (George and Heath), this is also the
     * pattern of the rows of the triangular factor R of any matrix whose normal matrix has the analysed pattern: row
     * j of R can be non-zero only in the columns of column j of L.
     *
     * @return the internal column-start array (a view, length n + 1; not to be modified)
     */
    public int[] factorColumnStarts() {
        return lStart;
    }

    /**
     * Row indices of L's pattern by column, ascending within each column with the diagonal first (so the entry
     * after the diagonal, where there is one, is the column's parent in the elimination tree).
     *
     * @return the internal row-index array (a view, length {@link #factorNonZeros()}; not to be modified)
     */
    public int[] factorRowIndices() {
        return lRow;
    }

    /**
     * Entries of L (diagonal included).
     *
     * @return the number of stored entries of the factor L, fixed by the symbolic analysis
     */
    public long factorNonZeros() {
        return lStart[n];
    }

    /**
     * Numeric factorization of A with values {@code values} (aligned with the analysed pattern) plus
     * {@code shift[j]} on the diagonal (null: none). Fails with {@link SolveStatus#NOT_POSITIVE_DEFINITE} naming the
     * pivot when A + diag(shift) is not numerically positive definite.
     *
     * @param diagonalPosition position in values of each diagonal entry (needed when shift is not null)
     * @param values entries of A in the analysed pattern's order, length ≥ {@code colStart[n]}; not modified
     * @param shift added to diagonal entry j (length n), or null for no shift
     * @return CONVERGED on success (the factor is then kept for {@link #solve}); NOT_POSITIVE_DEFINITE with the
     *         failing pivot in the message otherwise
     */
    public SolveResult factor(double[] values, double[] shift, int[] diagonalPosition) {
        factored = false;
        System.arraycopy(lStart, 0, next, 0, n);
        int ranges = rangeStart.length - 1;
        int[] failed = new int[ranges];
        double[] pivot = new double[ranges];
        ComputePool.parallelFor(ranges, 1, (from, to) -> {
            for (int b = from; b < to; b++) {
                failed[b] = factorRange(rangeStart[b], rangeStart[b + 1], values, shift);
                if (failed[b] >= 0) {
                    pivot[b] = x[failed[b]];
                    Arrays.fill(x, rangeStart[b], rangeStart[b + 1], 0.0);
                }
            }
        });
        for (int b = 0; b < ranges; b++) {
            if (failed[b] >= 0) {
                return SolveResult.failed(SolveStatus.NOT_POSITIVE_DEFINITE,
                        "sparse Cholesky pivot " + failed[b] + " is " + pivot[b] + ", expected > 0");
            }
        }
        factored = true;
        return SolveResult.ok("sparse Cholesky, " + lStart[n] + " entries in L");
    }

    /** Rows lo..hi-1 of L (a range closed under the elimination tree); the first failing pivot, or −1. */
    private int factorRange(int lo, int hi, double[] values, double[] shift) {
        int[] c = next;
        for (int k = lo; k < hi; k++) {
            // x ← column k of A on and above the diagonal
            double d = 0;
            for (int p = aStart[k]; p < aStart[k + 1]; p++) {
                int i = aRow[p];
                if (i < k) {
                    x[i] = values[p];
                } else if (i == k) {
                    d += values[p];
                }
            }
            if (shift != null) {
                d += shift[k];
            }
            // row k of L: solve L(0:k-1, 0:k-1) lₖ = x in topological order
            for (int t = rowPatStart[k]; t < rowPatStart[k + 1]; t++) {
                int i = rowPat[t];
                double lki = x[i] / lValue[lStart[i]];
                x[i] = 0;
                for (int p = lStart[i] + 1; p < c[i]; p++) {
                    x[lRow[p]] -= lValue[p] * lki;
                }
                d -= lki * lki;
                lValue[c[i]++] = lki;
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                x[k] = d; // the pivot, read by the caller before the range's work entries are cleared
                return k;
            }
            lValue[c[k]++] = Math.sqrt(d);
        }
        return -1;
    }

    /**
     * Estimate of the 1-norm condition number of the equilibrated matrix {@code S(A + diag(shift))S}, with
     * {@code S = diag(A + diag(shift))^(-1/2)} (unit diagonal), from the last factorization: its 1-norm exactly, the
     * 1-norm of its inverse bounded from below by three products with {@code B⁻¹}, the first two steps of Hager's
     * method and Higham's alternating vector (LAPACK's {@code dlacn2}, as {@code dpocon} uses it, iterates Hager's
     * method up to five times, eleven products): three pairs of triangular solves with L. Each bound is a lower bound
     * of {@code ‖B⁻¹‖₁}, so the estimate never exceeds the true condition number (up to rounding); it is meant to tell
     * orders of magnitude apart, not digits, and a near-null vector orthogonal to all three probes goes unseen.
     * Equilibration makes the figure the one that bounds the accuracy of a Cholesky solve (the error of a solve with
     * the factor of A is about {@code κ(SAS)·ε} relative, whatever the scaling of A's rows and columns), so a badly
     * scaled but otherwise well-conditioned matrix is not reported as ill-conditioned. Allocates two work vectors of
     * length n on its first call and nothing after.
     *
     * @param values the entries of A the last {@link #factor} call was given, in the analysed pattern's order
     * @param shift the shift that call was given (length n), or null
     * @return the estimate of {@code κ₁(S(A + diag(shift))S)}, ≥ 1; {@code +∞} when a product overflows
     * @throws IllegalStateException when no factorization succeeded
     */
    public double conditionEstimate(double[] values, double[] shift) {
        if (!factored) {
            throw new IllegalStateException("no successful factorization to estimate the condition of");
        }
        if (n == 0) {
            return 1;
        }
        if (rootDiagonal == null) {
            rootDiagonal = new double[n];
            work = new double[n];
        }
        double[] root = rootDiagonal;
        double[] colSum = work;
        for (int k = 0; k < n; k++) {
            double d = shift == null ? 0 : shift[k];
            for (int p = aStart[k]; p < aStart[k + 1]; p++) {
                if (aRow[p] == k) {
                    d += values[p];
                }
            }
            root[k] = Math.sqrt(d); // d > 0: the factorization's pivot k started from it
        }
        // ‖SAS‖₁: the unit diagonal plus the scaled off-diagonal entries, each counted in its row and its column
        Arrays.fill(colSum, 1.0);
        for (int k = 0; k < n; k++) {
            for (int p = aStart[k]; p < aStart[k + 1]; p++) {
                int i = aRow[p];
                if (i < k) {
                    double a = Math.abs(values[p]) / (root[i] * root[k]);
                    colSum[k] += a;
                    colSum[i] += a;
                }
            }
        }
        double norm = 0;
        for (int k = 0; k < n; k++) {
            norm = Math.max(norm, colSum[k]);
        }
        double estimate = norm * inverseNormEstimate();
        return Double.isNaN(estimate) ? Double.POSITIVE_INFINITY : Math.max(1, estimate);
    }

    /**
     * Lower bounds of {@code ‖B⁻¹‖₁} for the symmetric {@code B = SAS} (see {@link #conditionEstimate}), the largest
     * of three: {@code ‖B⁻¹x‖₁} for {@code x = e/n}; {@code ‖z‖∞} for {@code z = B⁻¹ξ}, {@code ξ = sign(B⁻¹x)}
     * (Hager's gradient: {@code ‖z‖∞ <= ‖B⁻¹‖∞‖ξ‖∞ = ‖B⁻¹‖₁}, and z's largest entry is where a single badly
     * conditioned block, which {@code e/n} dilutes by n, shows); and {@code ‖B⁻¹x‖₁ / ‖x‖₁} for Higham's alternating
     * vector {@code x_k = ±(1 + k/(n−1))}.
     */
    private double inverseNormEstimate() {
        double[] x = work;
        Arrays.fill(x, 1.0 / n);
        applyInverse(x);
        double estimate = norm1(x);
        if (n == 1) {
            return estimate;
        }
        for (int k = 0; k < n; k++) {
            x[k] = x[k] >= 0 ? 1 : -1;
        }
        applyInverse(x);
        for (int k = 0; k < n; k++) {
            estimate = Math.max(estimate, Math.abs(x[k]));
        }
        double sign = 1;
        for (int k = 0; k < n; k++) {
            x[k] = sign * (1 + (double) k / (n - 1));
            sign = -sign;
        }
        applyInverse(x);
        return Math.max(estimate, 2 * norm1(x) / (3.0 * n));
    }

    /** {@code v ← B⁻¹v = S⁻¹A⁻¹S⁻¹v} with the factor of A and {@code S⁻¹ = diag(√aₖₖ)}. */
    private void applyInverse(double[] v) {
        for (int k = 0; k < n; k++) {
            v[k] *= rootDiagonal[k];
        }
        solve(v, v);
        for (int k = 0; k < n; k++) {
            v[k] *= rootDiagonal[k];
        }
    }

    private double norm1(double[] v) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Math.abs(v[k]);
        }
        return s;
    }


    /**
     * Solves {@code A y = b} with the last factorization into out (b and out may be the same array).
     *
     * @param b right-hand side, length n; not modified unless it is out
     * @param out receives y, length n
     * @throws IllegalStateException when no factorization succeeded
     */
    public void solve(double[] b, double[] out) {
        if (!factored) {
            throw new IllegalStateException("no successful factorization to solve with");
        }
        ArgumentChecks.requireLength("b", b, n);
        ArgumentChecks.requireLength("out", out, n);
        if (out != b) {
            System.arraycopy(b, 0, out, 0, n);
        }
        int ranges = rangeStart.length - 1;
        ComputePool.parallelFor(ranges, 1, (from, to) -> {
            for (int q = from; q < to; q++) {
                solveRange(rangeStart[q], rangeStart[q + 1], out);
            }
        });
    }

    /** {@code L Lᵀ y = b} restricted to the independent columns lo..hi-1, in place. */
    private void solveRange(int lo, int hi, double[] out) {
        for (int j = lo; j < hi; j++) { // L z = b
            double zj = out[j] / lValue[lStart[j]];
            out[j] = zj;
            for (int p = lStart[j] + 1; p < lStart[j + 1]; p++) {
                out[lRow[p]] -= lValue[p] * zj;
            }
        }
        for (int j = hi - 1; j >= lo; j--) { // Lᵀ y = z
            double s = out[j];
            for (int p = lStart[j] + 1; p < lStart[j + 1]; p++) {
                s -= lValue[p] * out[lRow[p]];
            }
            out[j] = s / lValue[lStart[j]];
        }
    }
}
