package org.gn4j.pinn.dd;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasProvider;
import org.gn4j.linalg.blas.Transpose;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.solvers.banded.BlockBandedGram;
import org.gn4j.solvers.banded.BlockBandedMatrix;

/**
 * The FBPINN Jacobian stored by subdomain: block j is dense over the rows (points) that subdomain j's window covers
 * and its own p parameter columns; every other entry of those columns is zero. Products and the normal matrix
 * {@code JᵀJ} (non-zero block (i, j) only where subdomains i and j overlap) work block by block.
 */
public final class BlockSparseJacobian implements LinearOperator, BlockBandedGram {
    private final Decomposition dd;
    private final int m;
    private final int p;
    private final int[][] rows;
    private final double[][] blocks;

    BlockSparseJacobian(Decomposition dd, int m, int p, int[][] rows, double[][] blocks) {
        this.dd = dd;
        this.m = m;
        this.p = p;
        this.rows = rows;
        this.blocks = blocks;
    }

    @Override
    public int rows() {
        return m;
    }

    @Override
    public int cols() {
        return columns();
    }

    /**
     * Number of columns P = K·p, the total parameter count over all K subdomains.
     *
     * @return the column count, equal to {@link #cols()}
     */
    public int columns() {
        return p * dd.size();
    }

    @Override
    public int blocks() {
        return dd.size();
    }

    @Override
    public int blockSize() {
        return p;
    }

    @Override
    public int bandwidth() {
        return Math.min(dd.blockBandwidth(), dd.size() - 1);
    }

    /**
     * Stored entries (the dense Jacobian has {@code rows()·columns()}).
     *
     * @return the number of stored block entries, the sum over subdomains of covered rows × block size
     */
    public long storedEntries() {
        long s = 0;
        for (double[] b : blocks) {
            s += b.length;
        }
        return s;
    }

    /** {@code out = Jᵀy}. */
    @Override
    public void applyTranspose(double[] y, double[] out) {
        ArgumentChecks.requireLength("y", y, m);
        ArgumentChecks.requireLength("out", out, columns());
        ComputePool.parallelFor(dd.size(), 1, (from, to) -> {
            for (int j = from; j < to; j++) {
                int o = j * p;
                java.util.Arrays.fill(out, o, o + p, 0.0);
                int[] rj = rows[j];
                double[] b = blocks[j];
                for (int q = 0; q < rj.length; q++) {
                    double v = y[rj[q]];
                    int bo = q * p;
                    for (int c = 0; c < p; c++) {
                        out[o + c] += v * b[bo + c];
                    }
                }
            }
        });
    }

    /** {@code out = Jv}. */
    @Override
    public void apply(double[] v, double[] out) {
        ArgumentChecks.requireLength("v", v, columns());
        ArgumentChecks.requireLength("out", out, m);
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < dd.size(); j++) {
            int o = j * p;
            int[] rj = rows[j];
            double[] b = blocks[j];
            for (int q = 0; q < rj.length; q++) {
                double s = 0;
                int bo = q * p;
                for (int c = 0; c < p; c++) {
                    s += b[bo + c] * v[o + c];
                }
                out[rj[q]] += s;
            }
        }
    }

    /**
     * The dense m×P Jacobian, row-major (for tests and comparisons).
     *
     * @return a new array of length {@code rows() * columns()} holding J row-major, with zeros outside the blocks
     */
    public double[] toDense() {
        int cols = columns();
        double[] d = new double[m * cols];
        for (int j = 0; j < dd.size(); j++) {
            int[] rj = rows[j];
            for (int q = 0; q < rj.length; q++) {
                System.arraycopy(blocks[j], q * p, d, rj[q] * cols + j * p, p);
            }
        }
        return d;
    }

    /**
     * The normal matrix {@code JᵀJ}, block by block over overlapping pairs, in block-banded storage.
     *
     * @return a new K×K block-banded matrix (block size p, bandwidth {@link Decomposition#blockBandwidth()}) holding
     *         JᵀJ
     */
    public BlockBandedMatrix normalMatrix() {
        BlockBandedMatrix g = new BlockBandedMatrix(dd.size(), p, dd.blockBandwidth());
        normalMatrix(g);
        return g;
    }

    /**
     * Writes {@code JᵀJ} into {@code g} (shape K×p, bandwidth {@link Decomposition#blockBandwidth()}): diagonal blocks
     * by DSYRK over the subdomain's rows, off-diagonal blocks by DGEMM over the rows two subdomains share (gathered
     * when they are not one contiguous run of both blocks).
     */
    @Override
    public void normalMatrix(BlockBandedMatrix g) {
        int k = dd.size();
        int bw = dd.blockBandwidth();
        if (g.blocks() != k || g.blockSize() != p || g.bandwidth() != Math.min(bw, k - 1)) {
            throw new IllegalArgumentException("normal matrix shape does not match the Jacobian");
        }
        Blas blas = BlasProvider.blas();
        ComputePool.parallelFor(k, 1, (from, to) -> {
            int[] ai = null;
            int[] aj = null;
            double[] gi = null;
            double[] gj = null;
            for (int i = from; i < to; i++) {
                for (int j = Math.max(0, i - bw); j <= i; j++) {
                    double[] out = g.block(i, j);
                    int[] ri = rows[i];
                    if (j == i) {
                        if (ri.length == 0) {
                            java.util.Arrays.fill(out, 0.0);
                        } else {
                            blas.dsyrk(Transpose.YES, p, ri.length, 1.0, blocks[i], 0, p, 0.0, out, 0, p);
                        }
                        continue;
                    }
                    if (!dd.overlaps(i, j)) {
                        java.util.Arrays.fill(out, 0.0);
                        continue;
                    }
                    if (ai == null) {
                        ai = new int[m];
                        aj = new int[m];
                    }
                    // rows shared by subdomains i and j (both lists ascending)
                    int[] rj = rows[j];
                    int s = 0;
                    for (int x = 0, y = 0; x < ri.length && y < rj.length;) {
                        if (ri[x] == rj[y]) {
                            ai[s] = x++;
                            aj[s++] = y++;
                        } else if (ri[x] < rj[y]) {
                            x++;
                        } else {
                            y++;
                        }
                    }
                    if (s == 0) {
                        java.util.Arrays.fill(out, 0.0);
                        continue;
                    }
                    if (ai[s - 1] - ai[0] == s - 1 && aj[s - 1] - aj[0] == s - 1) {
                        blas.dgemm(Transpose.YES, Transpose.NO, p, p, s, 1.0, blocks[i], ai[0] * p, p, blocks[j],
                                aj[0] * p, p, 0.0, out, 0, p);
                        continue;
                    }
                    if (gi == null || gi.length < s * p) {
                        gi = new double[m * p];
                        gj = new double[m * p];
                    }
                    for (int t = 0; t < s; t++) {
                        System.arraycopy(blocks[i], ai[t] * p, gi, t * p, p);
                        System.arraycopy(blocks[j], aj[t] * p, gj, t * p, p);
                    }
                    blas.dgemm(Transpose.YES, Transpose.NO, p, p, s, 1.0, gi, 0, p, gj, 0, p, 0.0, out, 0, p);
                }
            }
        });
    }
}
