package org.gn4j.linalg;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Helpers over EJML's row-major {@link DMatrixRMaj}: shape checks with "found … expected …" messages, views of flat
 * arrays, symmetry, and seeded Gaussian inputs ({@link Random} is specified bit for bit, so the same seed gives the
 * same matrix on every machine and JDK).
 */
public final class DenseMatrices {
    private DenseMatrices() {
    }

    /**
     * Requires {@code m} to be {@code rows×cols}.
     *
     * @param name the argument's name, used in the message
     * @param m the matrix checked; null fails
     * @param rows the required number of rows
     * @param cols the required number of columns
     * @throws IllegalArgumentException naming the argument, found vs expected
     */
    public static void requireShape(String name, DMatrixRMaj m, int rows, int cols) {
        if (m == null) {
            throw new IllegalArgumentException(name + " must not be null (expected " + rows + "x" + cols + ")");
        }
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(
                    name + " is " + m.numRows + "x" + m.numCols + ", expected " + rows + "x" + cols);
        }
    }

    /**
     * Requires {@code m} to be square.
     *
     * @param name the argument's name, used in the message
     * @param m the matrix checked; not null
     * @throws IllegalArgumentException naming the argument, found vs expected
     */
    public static void requireSquare(String name, DMatrixRMaj m) {
        if (m.numRows != m.numCols) {
            throw new IllegalArgumentException(
                    name + " is " + m.numRows + "x" + m.numCols + ", expected a square matrix");
        }
    }

    /**
     * A {@code rows×cols} matrix that uses {@code data} as its storage (no copy; {@code data.length >= rows·cols}).
     *
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @param data row-major storage of at least {@code rows·cols} entries (else {@link IllegalArgumentException})
     * @return a matrix backed by {@code data}: writes to either show in the other
     */
    public static DMatrixRMaj wrap(int rows, int cols, double[] data) {
        ArgumentChecks.requireRange("data", data, 0, rows * cols);
        return DMatrixRMaj.wrap(rows, cols, data);
    }

    /**
     * True when every entry is finite.
     *
     * @param m the matrix; not null
     * @return true when no entry is NaN or infinite
     */
    public static boolean allFinite(DMatrixRMaj m) {
        return VectorOps.allFinite(m.getNumElements(), m.data, 0);
    }

    /**
     * True when {@code m} is square and exactly symmetric.
     *
     * @param m the matrix; not null
     * @return true when {@code m} is square and {@code m[i][j] == m[j][i]} bit for bit for all i, j
     */
    public static boolean isSymmetric(DMatrixRMaj m) {
        if (m.numRows != m.numCols) {
            return false;
        }
        int n = m.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (m.data[i * n + j] != m.data[j * n + i]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A {@code rows×cols} matrix with independent N(0, 1) entries from {@code new Random(seed)}.
     *
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @param seed seed of the {@link Random} that draws the entries, row by row
     * @return a new matrix; the same seed and shape give the same entries
     * @throws IllegalArgumentException when a dimension is negative
     */
    public static DMatrixRMaj gaussian(int rows, int cols, long seed) {
        ArgumentChecks.requireNonNegative("rows", rows);
        ArgumentChecks.requireNonNegative("cols", cols);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        fillGaussian(m.data, m.getNumElements(), seed);
        return m;
    }

    /**
     * A vector of n independent N(0, 1) entries from {@code new Random(seed)}.
     *
     * @param n length, {@code >= 0} (else {@link IllegalArgumentException})
     * @param seed seed of the {@link Random} that draws the entries
     * @return a new array of length n
     */
    public static double[] gaussianVector(int n, long seed) {
        ArgumentChecks.requireNonNegative("n", n);
        double[] v = new double[n];
        fillGaussian(v, n, seed);
        return v;
    }

    /**
     * An {@code n×n} orthogonal matrix: the Q factor of a seeded Gaussian matrix (Haar-distributed up to signs).
     *
     * @param n order, {@code >= 0}
     * @param seed seed of the Gaussian matrix whose Q factor is returned
     * @return a new {@code n×n} matrix Q with {@code QᵀQ = I} up to rounding
     */
    public static DMatrixRMaj orthogonal(int n, long seed) {
        DMatrixRMaj g = gaussian(n, n, seed);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a Gaussian matrix failed");
        }
        return qr.getQ(null, false);
    }

    /**
     * Exactly symmetric {@code Q·diag(λ)·Qᵀ} with the given eigenvalues (any signs) and a seeded orthogonal Q.
     *
     * @param lambda the eigenvalues, length n; not null; not modified
     * @param seed seed of the orthogonal eigenvector matrix Q (see {@link #orthogonal})
     * @return a new symmetric {@code n×n} matrix with eigenvalues {@code lambda} up to rounding
     */
    public static DMatrixRMaj withEigenvalues(double[] lambda, long seed) {
        int n = lambda.length;
        DMatrixRMaj q = orthogonal(n, seed);
        DMatrixRMaj qd = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qd.data[i * n + j] *= lambda[j];
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        symmetrize(a);
        return a;
    }

    /**
     * Symmetric positive definite with eigenvalues spaced geometrically from 1 to {@code cond}, so its 2-norm condition
     * number is {@code cond}.
     *
     * @param n order, {@code >= 0}
     * @param cond the 2-norm condition number, {@code >= 1}
     * @param seed seed of the orthogonal eigenvector matrix
     * @return a new symmetric positive definite {@code n×n} matrix with eigenvalues {@code cond^(i/(n−1))},
     *         {@code i = 0 … n−1}
     * @throws IllegalArgumentException if {@code cond < 1}
     */
    public static DMatrixRMaj spd(int n, double cond, long seed) {
        if (!(cond >= 1)) {
            throw new IllegalArgumentException("cond is " + cond + ", expected >= 1");
        }
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = n == 1 ? 1.0 : Math.pow(cond, (double) i / (n - 1));
        }
        return withEigenvalues(lambda, seed);
    }

    /**
     * Replaces a square {@code a} by {@code (a + aᵀ)/2} in place.
     *
     * @param a the matrix, overwritten; must be square (else {@link IllegalArgumentException})
     */
    public static void symmetrize(DMatrixRMaj a) {
        requireSquare("a", a);
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
                a.data[i * n + j] = v;
                a.data[j * n + i] = v;
            }
        }
    }

    private static void fillGaussian(double[] data, int count, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            data[i] = r.nextGaussian();
        }
    }
}
