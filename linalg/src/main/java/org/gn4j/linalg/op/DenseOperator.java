package org.gn4j.linalg.op;

import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;

/**
 * A dense row-major matrix as an operator. The matrix is referenced, not copied: later changes to it are seen by the
 * operator. Products are row dot products ({@code Ax}) and row axpys ({@code Aᵀx}), both allocation-free.
 */
public final class DenseOperator extends AbstractOperator {
    private final DMatrixRMaj a;

    /**
     * Wraps {@code a} with the given structure tags (the caller vouches for them; see {@link #symmetric}).
     *
     * @param a the matrix; referenced, not copied
     * @param structure tags the caller vouches for (empty unless {@code a} is square); copied
     */
    public DenseOperator(DMatrixRMaj a, Set<Structure> structure) {
        super(a.numRows, a.numCols, structure);
        this.a = a;
    }

    /**
     * Wraps a general matrix.
     *
     * @param a the matrix; referenced, not copied
     */
    public DenseOperator(DMatrixRMaj a) {
        this(a, Set.of());
    }

    /**
     * Wraps a symmetric matrix, checking exact symmetry.
     *
     * @param a the square matrix; referenced, not copied
     * @param positiveDefinite adds the {@link Structure#POSITIVE_DEFINITE} tag (the caller vouches for it)
     * @return an operator tagged {@link Structure#SYMMETRIC} (and {@link Structure#POSITIVE_DEFINITE} if asked)
     * @throws IllegalArgumentException if {@code a} is not square or not exactly symmetric
     */
    public static DenseOperator symmetric(DMatrixRMaj a, boolean positiveDefinite) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException(
                    "a is " + a.numRows + "x" + a.numCols + ", expected a square symmetric matrix");
        }
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (a.data[i * n + j] != a.data[j * n + i]) {
                    throw new IllegalArgumentException("a is not symmetric: a[" + i + "," + j + "] = "
                            + a.data[i * n + j] + " but a[" + j + "," + i + "] = " + a.data[j * n + i]);
                }
            }
        }
        return new DenseOperator(a, positiveDefinite
                ? Set.of(Structure.SYMMETRIC, Structure.POSITIVE_DEFINITE) : Set.of(Structure.SYMMETRIC));
    }

    /**
     * The wrapped matrix.
     *
     * @return the matrix itself (not a copy): changes to it change the operator
     */
    public DMatrixRMaj matrix() {
        return a;
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        int m = rows();
        int n = cols();
        double[] d = a.data;
        for (int i = 0; i < m; i++) {
            int row = i * n;
            double s0 = 0, s1 = 0;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                s0 += d[row + j] * x[j];
                s1 += d[row + j + 1] * x[j + 1];
            }
            if (j < n) {
                s0 += d[row + j] * x[j];
            }
            y[i] = s0 + s1;
        }
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        int m = rows();
        int n = cols();
        double[] d = a.data;
        java.util.Arrays.fill(y, 0.0);
        for (int i = 0; i < m; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int row = i * n;
            for (int j = 0; j < n; j++) {
                y[j] += xi * d[row + j];
            }
        }
    }

    @Override
    protected boolean diagonalUnchecked(double[] out) {
        int n = cols();
        for (int i = 0; i < out.length; i++) {
            out[i] = a.data[i * n + i];
        }
        return true;
    }

    static void requireShape(String name, DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(
                    name + " is " + m.numRows + "x" + m.numCols + ", expected " + rows + "x" + cols);
        }
        ArgumentChecks.requireRange(name + ".data", m.data, 0, rows * cols);
    }
}
