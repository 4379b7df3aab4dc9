package org.gn4j.solvers.sparse;

import java.util.Arrays;

import org.gn4j.linalg.ComputePool;

/**
 * The normal matrix {@code A = Pᵀ(JᵀJ)P} of a sparse Jacobian pattern, symmetrically permuted by a fill-reducing
 * ordering P ({@link MinimumDegree}) and stored as its upper triangle in compressed columns (every diagonal entry
 * present, so a damping term {@code λD²} always has a place). The pattern, the ordering and the diagonal positions
 * are computed once per Jacobian pattern at construction; {@link #assemble} fills the values for the Jacobian's
 * current values, column-parallel on the compute pool: column q of A is {@code Σ_i J_{i,perm[q]}·J_{i,·}} over the
 * rows i of J that touch column {@code perm[q]}.
 */
public final class SparseNormalMatrix {
    private static final int GRAIN = 2048;

    private final int n;
    private final int[] perm;
    private final boolean natural;
    private final int[] inverse;
    private final int[] colStart;
    private final int[] rowIndex;
    private final int[] diagonal;
    private final double[] values;

    /**
     * Analyses the pattern of J: ordering, permuted pattern of {@code JᵀJ}.
     *
     * @param jacobian the pattern (values ignored)
     * @param ordered  true for the minimum-degree ordering, false for the natural order
     */
    public SparseNormalMatrix(CsrMatrix jacobian, boolean ordered) {
        n = jacobian.cols();
        if (ordered) {
            int[][] upper = pattern(jacobian, null);
            perm = MinimumDegree.order(n, upper[0], upper[1]);
        } else {
            perm = new int[n];
            for (int j = 0; j < n; j++) {
                perm[j] = j;
            }
        }
        inverse = new int[n];
        boolean identity = true;
        for (int q = 0; q < n; q++) {
            inverse[perm[q]] = q;
            identity &= perm[q] == q;
        }
        natural = identity;
        int[][] p = pattern(jacobian, inverse);
        colStart = p[0];
        rowIndex = p[1];
        diagonal = new int[n];
        for (int q = 0; q < n; q++) {
            diagonal[q] = colStart[q + 1] - 1; // rows sorted, diagonal last
        }
        values = new double[colStart[n]];
    }

    /** Upper-triangular pattern of (Pᵀ)JᵀJ(P) in compressed columns, rows sorted, diagonal included. */
    private static int[][] pattern(CsrMatrix j, int[] inv) {
        int n = j.cols();
        int[] rs = j.rowStart();
        int[] ci = j.colIndex();
        int[] cs = j.columnStart();
        int[] cr = j.columnRowIndex();
        int[] perm = null;
        if (inv != null) {
            perm = new int[n];
            for (int c = 0; c < n; c++) {
                perm[inv[c]] = c;
            }
        }
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] start = new int[n + 1];
        int[] rows = new int[Math.max(16, 2 * n)];
        int[] buf = new int[16];
        int size = 0;
        for (int q = 0; q < n; q++) {
            int col = perm == null ? q : perm[q];
            int len = 0;
            mark[q] = q;
            for (int t = cs[col]; t < cs[col + 1]; t++) {
                int i = cr[t];
                for (int k = rs[i]; k < rs[i + 1]; k++) {
                    int p = inv == null ? ci[k] : inv[ci[k]];
                    if (p < q && mark[p] != q) {
                        mark[p] = q;
                        if (len == buf.length) {
                            buf = Arrays.copyOf(buf, 2 * len);
                        }
                        buf[len++] = p;
                    }
                }
            }
            Arrays.sort(buf, 0, len);
            if (size + len + 1 > rows.length) {
                rows = Arrays.copyOf(rows, Math.max(size + len + 1, rows.length + (rows.length >> 1)));
            }
            System.arraycopy(buf, 0, rows, size, len);
            size += len;
            rows[size++] = q;
            start[q + 1] = size;
        }
        return new int[][] {start, Arrays.copyOf(rows, size)};
    }

    /**
     * Fills the values of {@code Pᵀ(JᵀJ)P} from J (same pattern as analysed).
     *
     * @param jacobian the Jacobian J with n columns and the pattern given at construction (its current values are
     *                 read)
     * @throws IllegalArgumentException if J does not have n columns
     */
    public void assemble(CsrMatrix jacobian) {
        if (jacobian.cols() != n) {
            throw new IllegalArgumentException("Jacobian has " + jacobian.cols() + " columns, expected " + n);
        }
        int[] rs = jacobian.rowStart();
        int[] ci = jacobian.colIndex();
        double[] jv = jacobian.values();
        int[] cs = jacobian.columnStart();
        int[] cr = jacobian.columnRowIndex();
        int[] cp = jacobian.columnValuePosition();
        ComputePool.parallelFor(n, GRAIN, (from, to) -> {
            for (int q = from; q < to; q++) {
                int lo = colStart[q];
                int hi = colStart[q + 1];
                Arrays.fill(values, lo, hi, 0.0);
                int col = perm[q];
                for (int t = cs[col]; t < cs[col + 1]; t++) {
                    int i = cr[t];
                    double v = jv[cp[t]];
                    if (v == 0) {
                        continue;
                    }
                    if (natural) {
                        // row i's columns ascend, and so do column q's rows: one merge walk, no searches
                        int pos = lo;
                        for (int k = rs[i]; k < rs[i + 1] && ci[k] <= q; k++) {
                            int p = ci[k];
                            while (rowIndex[pos] < p) {
                                pos++;
                            }
                            values[pos] += v * jv[k];
                        }
                    } else {
                        for (int k = rs[i]; k < rs[i + 1]; k++) {
                            int p = inverse[ci[k]];
                            if (p <= q) {
                                int pos = p == q ? hi - 1 : Arrays.binarySearch(rowIndex, lo, hi - 1, p);
                                values[pos] += v * jv[k];
                            }
                        }
                    }
                }
            }
        });
    }

    /**
     * The order n.
     *
     * @return n, the number of columns of J
     */
    public int size() {
        return n;
    }

    /**
     * {@code perm[q]}: the original column at position q.
     *
     * @return the internal permutation array (a view, length n; not to be modified)
     */
    public int[] permutation() {
        return perm;
    }

    /**
     * {@code inverse[j]}: the position of original column j.
     *
     * @return the internal inverse permutation array (a view, length n; not to be modified)
     */
    public int[] inversePermutation() {
        return inverse;
    }

    /**
     * Column starts of the upper triangle (length n + 1).
     *
     * @return the internal column-start array (a view, length n + 1; not to be modified)
     */
    public int[] colStart() {
        return colStart;
    }

    /**
     * Row indices (sorted within each column, diagonal last).
     *
     * @return the internal row-index array (a view, length {@link #nonZeros()}; not to be modified)
     */
    public int[] rowIndex() {
        return rowIndex;
    }

    /**
     * Position in {@link #values()} of each diagonal entry (permuted order).
     *
     * @return the internal diagonal-position array (a view, length n; not to be modified)
     */
    public int[] diagonalPositions() {
        return diagonal;
    }

    /**
     * The values of the upper triangle (after {@link #assemble}).
     *
     * @return the internal value array (a view, length {@link #nonZeros()}); refilled by each {@link #assemble}
     */
    public double[] values() {
        return values;
    }

    /**
     * Stored entries of the upper triangle.
     *
     * @return the number of stored entries of the permuted upper triangle, diagonal included
     */
    public int nonZeros() {
        return colStart[n];
    }
}
