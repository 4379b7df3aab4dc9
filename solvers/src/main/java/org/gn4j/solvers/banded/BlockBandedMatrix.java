package org.gn4j.solvers.banded;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;

/**
 * A symmetric matrix of K×K blocks of size p×p that are zero beyond block bandwidth b ({@code |i − j| > b}); only the
 * lower band is stored, block (i, j) for {@code i − b ≤ j ≤ i}, each row-major.
 */
public final class BlockBandedMatrix {
    private final int k;
    private final int p;
    private final int b;
    private final double[][][] band;

    /**
     * A zero matrix.
     *
     * @param blocks number of block rows and columns K, ≥ 1
     * @param blockSize block order p, ≥ 1
     * @param bandwidth block bandwidth b, ≥ 0; clamped to K − 1
     * @throws IllegalArgumentException if blocks or blockSize is not positive or bandwidth is negative
     */
    public BlockBandedMatrix(int blocks, int blockSize, int bandwidth) {
        ArgumentChecks.requirePositive("blocks", blocks);
        ArgumentChecks.requirePositive("blockSize", blockSize);
        ArgumentChecks.requireNonNegative("bandwidth", bandwidth);
        k = blocks;
        p = blockSize;
        b = Math.min(bandwidth, blocks - 1);
        band = new double[k][b + 1][];
        for (int i = 0; i < k; i++) {
            for (int d = 0; d <= Math.min(i, b); d++) {
                band[i][d] = new double[p * p];
            }
        }
    }

    /**
     * Number of block rows (and block columns) K.
     *
     * @return K, ≥ 1
     */
    public int blocks() {
        return k;
    }

    /**
     * Order p of each block.
     *
     * @return p, ≥ 1
     */
    public int blockSize() {
        return p;
    }

    /**
     * Block bandwidth b: blocks with {@code |i − j| > b} are zero.
     *
     * @return b, in [0, K − 1] (the constructor's bandwidth clamped to K − 1)
     */
    public int bandwidth() {
        return b;
    }

    /**
     * Order of the matrix, K·p.
     *
     * @return K·p
     */
    public int size() {
        return k * p;
    }

    /**
     * The stored block (i, j), {@code i − b ≤ j ≤ i}, row-major p×p (live, not a copy).
     *
     * @param i block row in [0, K)
     * @param j block column with {@code i − b ≤ j ≤ i}
     * @return the internal p×p row-major array of block (i, j), length p²; writes change this matrix
     * @throws IllegalArgumentException outside the lower band
     */
    public double[] block(int i, int j) {
        if (j > i || i - j > b || j < 0 || i >= k) {
            throw new IllegalArgumentException("found block (" + i + ", " + j + "), expected j <= i <= j + " + b
                    + " < " + k);
        }
        return band[i][i - j];
    }

    /**
     * Adds λ to every diagonal entry.
     *
     * @param lambda value added to each of the K·p diagonal entries
     */
    public void addToDiagonal(double lambda) {
        for (int i = 0; i < k; i++) {
            double[] d = band[i][0];
            for (int a = 0; a < p; a++) {
                d[a * p + a] += lambda;
            }
        }
    }

    /**
     * Overwrites this matrix with {@code a} (same shape).
     *
     * @param a source matrix with the same K, p and b; not modified
     * @throws IllegalArgumentException if the shapes differ
     */
    public void copyFrom(BlockBandedMatrix a) {
        if (a.k != k || a.p != p || a.b != b) {
            throw new IllegalArgumentException("found shape " + a.k + "x" + a.p + " band " + a.b + ", expected " + k
                    + "x" + p + " band " + b);
        }
        for (int i = 0; i < k; i++) {
            for (int d = 0; d <= Math.min(i, b); d++) {
                System.arraycopy(a.band[i][d], 0, band[i][d], 0, p * p);
            }
        }
    }

    /** Sets every stored entry to zero. */
    public void clear() {
        for (int i = 0; i < k; i++) {
            for (int d = 0; d <= Math.min(i, b); d++) {
                java.util.Arrays.fill(band[i][d], 0.0);
            }
        }
    }

    /**
     * A deep copy.
     *
     * @return a new matrix with the same shape and copies of all stored blocks
     */
    public BlockBandedMatrix copy() {
        BlockBandedMatrix c = new BlockBandedMatrix(k, p, b);
        for (int i = 0; i < k; i++) {
            for (int d = 0; d <= Math.min(i, b); d++) {
                System.arraycopy(band[i][d], 0, c.band[i][d], 0, p * p);
            }
        }
        return c;
    }

    /**
     * {@code out = A·v}.
     *
     * @param v input vector, length K·p
     * @param out receives A·v, length K·p; overwritten, must not be v
     */
    public void multiply(double[] v, double[] out) {
        ArgumentChecks.requireLength("v", v, size());
        ArgumentChecks.requireLength("out", out, size());
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < k; i++) {
            for (int d = 0; d <= Math.min(i, b); d++) {
                int j = i - d;
                double[] a = band[i][d];
                for (int r = 0; r < p; r++) {
                    double s = 0;
                    for (int c = 0; c < p; c++) {
                        s += a[r * p + c] * v[j * p + c];
                        if (d > 0) {
                            out[j * p + c] += a[r * p + c] * v[i * p + r];
                        }
                    }
                    out[i * p + r] += s;
                }
            }
        }
    }

    /**
     * The full symmetric matrix, dense.
     *
     * @return a new (K·p)×(K·p) dense matrix holding both triangles
     */
    public DMatrixRMaj toDense() {
        int nn = size();
        DMatrixRMaj a = new DMatrixRMaj(nn, nn);
        for (int i = 0; i < k; i++) {
            for (int d = 0; d <= Math.min(i, b); d++) {
                int j = i - d;
                double[] blk = band[i][d];
                for (int r = 0; r < p; r++) {
                    for (int c = 0; c < p; c++) {
                        a.data[(i * p + r) * nn + j * p + c] = blk[r * p + c];
                        a.data[(j * p + c) * nn + i * p + r] = blk[r * p + c];
                    }
                }
            }
        }
        return a;
    }
}
