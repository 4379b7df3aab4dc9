package org.gn4j.solvers.sparse;

import java.util.Arrays;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.op.LinearOperator;

/**
 * A sparse m×n matrix in compressed sparse rows: row i holds the entries {@code values[k]} in columns
 * {@code colIndex[k]} for {@code rowStart[i] <= k < rowStart[i + 1]}, column indices strictly increasing within a
 * row. The pattern ({@code rowStart}, {@code colIndex}) is fixed at construction and shared by {@link #withPattern}
 * copies; the values are writable in place ({@link #values()}), which is how a Jacobian is refilled at every point
 * without reallocating. Products {@code Jx} run row-parallel on the compute pool; {@code Jᵀy} goes through the
 * transposed pattern (built once, lazily) so it is parallel over columns without write conflicts.
 */
public final class CsrMatrix implements LinearOperator {
    private static final int GRAIN = 4096;

    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] colIndex;
    private final double[] values;
    private Transpose transpose;

    /** The transposed pattern: column j's entries at positions {@code csrPos[colStart[j] .. colStart[j+1])}. */
    private static final class Transpose {
        final int[] colStart;
        final int[] rowIndex;
        final int[] csrPos;

        Transpose(int[] colStart, int[] rowIndex, int[] csrPos) {
            this.colStart = colStart;
            this.rowIndex = rowIndex;
            this.csrPos = csrPos;
        }
    }

    /**
     * A matrix with the given pattern and values (arrays not copied).
     *
     * @param rows number of rows m (≥ 0)
     * @param cols number of columns n (≥ 0)
     * @param rowStart row starts, length m + 1, {@code rowStart[0] == 0}, non-decreasing; {@code rowStart[m]} is the
     *                 number of stored entries
     * @param colIndex column index of each stored entry, length ≥ {@code rowStart[m]}, strictly increasing within a
     *                 row, in [0, n)
     * @param values value of each stored entry, length ≥ {@code rowStart[m]}; held by reference, so later writes show
     *               in the matrix
     * @throws IllegalArgumentException when the arrays do not describe an m×n CSR pattern (wrong lengths, row starts
     *                                  not non-decreasing, a column index out of range or not strictly increasing
     *                                  within its row)
     */
    public CsrMatrix(int rows, int cols, int[] rowStart, int[] colIndex, double[] values) {
        ArgumentChecks.requireNonNegative("rows", rows);
        ArgumentChecks.requireNonNegative("cols", cols);
        if (rowStart == null || rowStart.length != rows + 1) {
            throw new IllegalArgumentException("rowStart has length " + (rowStart == null ? "null" : rowStart.length)
                    + ", expected rows + 1 = " + (rows + 1));
        }
        if (rowStart[0] != 0) {
            throw new IllegalArgumentException("rowStart[0] is " + rowStart[0] + ", expected 0");
        }
        int nnz = rowStart[rows];
        if (colIndex == null || colIndex.length < nnz) {
            throw new IllegalArgumentException("colIndex has length " + (colIndex == null ? "null" : colIndex.length)
                    + ", expected at least rowStart[rows] = " + nnz);
        }
        if (values == null || values.length < nnz) {
            throw new IllegalArgumentException("values has length " + (values == null ? "null" : values.length)
                    + ", expected at least rowStart[rows] = " + nnz);
        }
        for (int i = 0; i < rows; i++) {
            if (rowStart[i + 1] < rowStart[i]) {
                throw new IllegalArgumentException("rowStart[" + (i + 1) + "] is " + rowStart[i + 1]
                        + ", expected >= rowStart[" + i + "] = " + rowStart[i]);
            }
            int prev = -1;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = colIndex[k];
                if (j <= prev || j >= cols) {
                    throw new IllegalArgumentException("row " + i + " has column index " + j + " after " + prev
                            + ", expected strictly increasing indices in [0, " + cols + ")");
                }
                prev = j;
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.colIndex = colIndex;
        this.values = values;
    }

    private CsrMatrix(CsrMatrix pattern, double[] values) {
        this.rows = pattern.rows;
        this.cols = pattern.cols;
        this.rowStart = pattern.rowStart;
        this.colIndex = pattern.colIndex;
        this.values = values;
        this.transpose = pattern.transpose;
    }

    /**
     * The pattern of a matrix from the column indices of each row (sorted here; duplicates removed), values zero.
     *
     * @param rows number of rows m
     * @param cols number of columns n
     * @param columnsOfRow length m; entry i holds the column indices (any order, duplicates allowed, each in [0, n))
     *                     of row i
     * @return a new m×n matrix with that pattern and all stored values 0
     * @throws IllegalArgumentException when a column index is out of range
     */
    public static CsrMatrix pattern(int rows, int cols, int[][] columnsOfRow) {
        if (columnsOfRow == null || columnsOfRow.length != rows) {
            throw new IllegalArgumentException("columnsOfRow has " + (columnsOfRow == null ? "null" :
                    columnsOfRow.length) + " rows, expected " + rows);
        }
        int[] start = new int[rows + 1];
        int[][] sorted = new int[rows][];
        for (int i = 0; i < rows; i++) {
            int[] c = columnsOfRow[i].clone();
            Arrays.sort(c);
            int u = 0;
            for (int k = 0; k < c.length; k++) {
                if (c[k] < 0 || c[k] >= cols) {
                    throw new IllegalArgumentException("row " + i + " has column " + c[k] + ", expected [0, " + cols
                            + ")");
                }
                if (u == 0 || c[u - 1] != c[k]) {
                    c[u++] = c[k];
                }
            }
            sorted[i] = Arrays.copyOf(c, u);
            start[i + 1] = start[i] + u;
        }
        int[] idx = new int[start[rows]];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(sorted[i], 0, idx, start[i], sorted[i].length);
        }
        return new CsrMatrix(rows, cols, start, idx, new double[start[rows]]);
    }

    /**
     * A matrix with this pattern (shared) and the given values (not copied).
     *
     * @param newValues value of each stored entry in this pattern's order, length ≥ {@link #nonZeros()}; held by
     *                  reference
     * @return a matrix sharing this matrix's pattern arrays and its transposed pattern cache
     * @throws IllegalArgumentException when {@code newValues} is null or shorter than {@link #nonZeros()}
     */
    public CsrMatrix withPattern(double[] newValues) {
        if (newValues == null || newValues.length < nonZeros()) {
            throw new IllegalArgumentException("values has length " + (newValues == null ? "null" : newValues.length)
                    + ", expected at least " + nonZeros());
        }
        transposed(); // built once and shared by every matrix with this pattern
        return new CsrMatrix(this, newValues);
    }

    /**
     * Whether {@code other} has the same dimensions and pattern (same arrays, or equal contents).
     *
     * @param other the matrix to compare with (not null)
     * @return true when both have the same m, n, row starts and column indices
     */
    public boolean samePattern(CsrMatrix other) {
        if (other == this || other.rowStart == rowStart && other.colIndex == colIndex) {
            return true;
        }
        return other.rows == rows && other.cols == cols && Arrays.equals(other.rowStart, rowStart)
                && Arrays.equals(other.colIndex, 0, nonZeros(), colIndex, 0, nonZeros());
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /**
     * Stored entries.
     *
     * @return the number of stored entries, {@code rowStart()[rows]}
     */
    public int nonZeros() {
        return rowStart[rows];
    }

    /**
     * Row starts (length rows + 1; not to be modified).
     *
     * @return the internal row-start array (a view, length m + 1)
     */
    public int[] rowStart() {
        return rowStart;
    }

    /**
     * Column index of each entry (not to be modified).
     *
     * @return the internal column-index array (a view, length ≥ {@link #nonZeros()})
     */
    public int[] colIndex() {
        return colIndex;
    }

    /**
     * The values (writable in place; the pattern is fixed).
     *
     * @return the internal value array (a view, length ≥ {@link #nonZeros()}); writes change this matrix
     */
    public double[] values() {
        return values;
    }

    /**
     * The entry (i, j), 0 where not stored.
     *
     * @param i row index in [0, m)
     * @param j column index in [0, n)
     * @return the stored value at (i, j), or 0 when (i, j) is not in the pattern
     */
    public double get(int i, int j) {
        int k = Arrays.binarySearch(colIndex, rowStart[i], rowStart[i + 1], j);
        return k >= 0 ? values[k] : 0.0;
    }

    /**
     * Index into {@link #values()} of entry (i, j), or −1 where (i, j) is not in the pattern.
     *
     * @param i row index in [0, m)
     * @param j column index in [0, n)
     * @return the position k with {@code values()[k]} = entry (i, j), or −1
     */
    public int indexOf(int i, int j) {
        int k = Arrays.binarySearch(colIndex, rowStart[i], rowStart[i + 1], j);
        return k >= 0 ? k : -1;
    }

    @Override
    public void apply(double[] x, double[] y) {
        ArgumentChecks.requireLength("x", x, cols);
        ArgumentChecks.requireLength("y", y, rows);
        ArgumentChecks.requireDistinct("x", x, "y", y);
        ComputePool.parallelFor(rows, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    s += values[k] * x[colIndex[k]];
                }
                y[i] = s;
            }
        });
    }

    @Override
    public void applyTranspose(double[] x, double[] y) {
        ArgumentChecks.requireLength("x", x, rows);
        ArgumentChecks.requireLength("y", y, cols);
        ArgumentChecks.requireDistinct("x", x, "y", y);
        Transpose t = transposed();
        ComputePool.parallelFor(cols, GRAIN, (from, to) -> {
            for (int j = from; j < to; j++) {
                double s = 0;
                for (int p = t.colStart[j]; p < t.colStart[j + 1]; p++) {
                    s += values[t.csrPos[p]] * x[t.rowIndex[p]];
                }
                y[j] = s;
            }
        });
    }

    /**
     * Multiplies row i by {@code factors[i]} in place (a row-scaled Jacobian, e.g. a robust loss's reweighting).
     *
     * @param factors the factor of each row, length m
     * @throws IllegalArgumentException when factors does not have length rows
     */
    public void scaleRows(double[] factors) {
        ArgumentChecks.requireLength("factors", factors, rows);
        ComputePool.parallelFor(rows, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                double f = factors[i];
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    values[k] *= f;
                }
            }
        });
    }

    /**
     * The squared Euclidean norms of the columns into out (length cols).
     *
     * @param out receives ‖column j‖² at index j, length n; overwritten
     */
    public void columnSquares(double[] out) {
        ArgumentChecks.requireLength("out", out, cols);
        Transpose t = transposed();
        ComputePool.parallelFor(cols, GRAIN, (from, to) -> {
            for (int j = from; j < to; j++) {
                double s = 0;
                for (int p = t.colStart[j]; p < t.colStart[j + 1]; p++) {
                    double v = values[t.csrPos[p]];
                    s += v * v;
                }
                out[j] = s;
            }
        });
    }

    /**
     * Column starts of the transposed pattern (length cols + 1), built once per pattern.
     *
     * @return the internal column-start array of the transposed pattern (a view, length n + 1; not to be modified)
     */
    public int[] columnStart() {
        return transposed().colStart;
    }

    /**
     * Row index of each entry in column order ({@link #columnStart()}).
     *
     * @return the internal row-index array in column order (a view, length {@link #nonZeros()}; not to be modified)
     */
    public int[] columnRowIndex() {
        return transposed().rowIndex;
    }

    /**
     * Position in {@link #values()} of each entry in column order ({@link #columnStart()}).
     *
     * @return the internal position array in column order (a view, length {@link #nonZeros()}; not to be modified)
     */
    public int[] columnValuePosition() {
        return transposed().csrPos;
    }

    private Transpose transposed() {
        Transpose t = transpose;
        if (t == null) {
            int nnz = nonZeros();
            int[] cs = new int[cols + 1];
            for (int k = 0; k < nnz; k++) {
                cs[colIndex[k] + 1]++;
            }
            for (int j = 0; j < cols; j++) {
                cs[j + 1] += cs[j];
            }
            int[] next = Arrays.copyOf(cs, cols);
            int[] ri = new int[nnz];
            int[] pos = new int[nnz];
            for (int i = 0; i < rows; i++) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int q = next[colIndex[k]]++;
                    ri[q] = i;
                    pos[q] = k;
                }
            }
            t = new Transpose(cs, ri, pos);
            transpose = t;
        }
        return t;
    }

    /**
     * The dense m×n row-major copy (for tests and small problems).
     *
     * @return a new array of length m·n, entry (i, j) at index {@code i * cols + j}
     */
    public double[] toDenseRowMajor() {
        double[] d = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                d[i * cols + colIndex[k]] = values[k];
            }
        }
        return d;
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + "x" + cols + ", " + nonZeros() + " entries]";
    }
}
