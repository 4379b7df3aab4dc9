package org.gn4j.solvers.schur;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.ComputePool.RangeBody;
import org.gn4j.linalg.op.LinearOperator;

/**
 * A two-block Jacobian in the {@link SchurLayout}: for residual block k, a reduced block {@code A_k}
 * ({@code rowsPerResidual × reducedSize}, row-major, at offset {@code k·rowsPerResidual·reducedSize} of
 * {@link #reducedBlocks()}) and an eliminated block {@code B_k} ({@code rowsPerResidual × eliminatedSize}, at
 * offset {@code k·rowsPerResidual·eliminatedSize} of {@link #eliminatedBlocks()}). Products run over residual blocks
 * (J·v) or over cameras and points ({@code Jᵀu}), in parallel on the compute pool; nothing of size m × n is formed.
 * The arrays are held, not copied: the owner must not change them while the operator is in use.
 */
public final class CameraPointJacobian implements LinearOperator {
    private static final int GRAIN = 256;
    private final SchurLayout layout;
    private final double[] a;
    private final double[] b;

    /**
     * @param layout the structure
     * @param a      the reduced blocks, length {@code residualBlocks · rowsPerResidual · reducedSize}
     * @param b      the eliminated blocks, length {@code residualBlocks · rowsPerResidual · eliminatedSize}
     * @throws IllegalArgumentException if a length is wrong
     */
    public CameraPointJacobian(SchurLayout layout, double[] a, double[] b) {
        ArgumentChecks.requireNonNull("layout", layout);
        ArgumentChecks.requireLength("a", a, layout.residualBlocks() * layout.rowsPerResidual() * layout.reducedSize());
        ArgumentChecks.requireLength("b", b,
                layout.residualBlocks() * layout.rowsPerResidual() * layout.eliminatedSize());
        this.layout = layout;
        this.a = a;
        this.b = b;
    }

    /**
     * The structure.
     *
     * @return the layout given at construction
     */
    public SchurLayout layout() {
        return layout;
    }

    /**
     * The reduced (camera) blocks {@code A_k}, live.
     *
     * @return the array {@code a} given at construction (a view: writes change this Jacobian), length {@code
     *         residualBlocks · rowsPerResidual · reducedSize}
     */
    public double[] reducedBlocks() {
        return a;
    }

    /**
     * The eliminated (point) blocks {@code B_k}, live.
     *
     * @return the array {@code b} given at construction (a view: writes change this Jacobian), length {@code
     *         residualBlocks · rowsPerResidual · eliminatedSize}
     */
    public double[] eliminatedBlocks() {
        return b;
    }

    @Override
    public int rows() {
        return layout.rows();
    }

    @Override
    public int cols() {
        return layout.cols();
    }

    /** {@code y = J·x}. */
    @Override
    public void apply(double[] x, double[] y) {
        ArgumentChecks.requireLength("x", x, cols());
        ArgumentChecks.requireLength("y", y, rows());
        int rr = layout.rowsPerResidual();
        int fs = layout.reducedSize();
        int es = layout.eliminatedSize();
        int off = layout.reducedColumns();
        ComputePool.parallelFor(layout.residualBlocks(), GRAIN, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int k = from; k < to; k++) {
                    applyBlock(a, b, x, layout.reducedOf(k) * fs, off + layout.eliminatedOf(k) * es, y, k, rr, fs, es);
                }
            }
        });
    }

    /** Rows {@code k·rr .. k·rr + rr} of {@code y = J·x}: {@code A_k x_c + B_k x_p} with x_c at c and x_p at p. */
    private static void applyBlock(double[] a, double[] b, double[] x, int c, int p, double[] y, int k, int rr, int fs,
            int es) {
        for (int i = 0; i < rr; i++) {
            double s = 0;
            int ai = (k * rr + i) * fs;
            for (int j = 0; j < fs; j++) {
                s += a[ai + j] * x[c + j];
            }
            int bi = (k * rr + i) * es;
            for (int j = 0; j < es; j++) {
                s += b[bi + j] * x[p + j];
            }
            y[k * rr + i] = s;
        }
    }

    /** {@code y = Jᵀ·u}, summed per camera and per point (no two threads write the same entry). */
    @Override
    public void applyTranspose(double[] u, double[] y) {
        ArgumentChecks.requireLength("u", u, rows());
        ArgumentChecks.requireLength("y", y, cols());
        sumPerBlock(true, u, y);
        sumPerBlock(false, u, y);
    }

    /**
     * The Euclidean column norms into out (length n; zero columns give 1), summed per camera and per point in
     * parallel.
     *
     * @param out receives the norm of column j at index j, length n; overwritten
     * @throws IllegalArgumentException if out has the wrong length
     */
    public void columnNorms(double[] out) {
        ArgumentChecks.requireLength("out", out, cols());
        sumPerBlock(true, null, out);
        sumPerBlock(false, null, out);
        for (int j = 0; j < out.length; j++) {
            out[j] = out[j] > 0 ? Math.sqrt(out[j]) : 1;
        }
    }

    /**
     * For every block of one side (the cameras' when {@code reduced}, else the points'), over the rows of the residual
     * blocks that touch it: {@code y_block = Σ Bᵀu} when u is given, the column sums of squares {@code Σ B∘B} when u
     * is null. Each block is written by one task.
     */
    private void sumPerBlock(boolean reduced, double[] u, double[] y) {
        int rr = layout.rowsPerResidual();
        int size = reduced ? layout.reducedSize() : layout.eliminatedSize();
        int off = reduced ? 0 : layout.reducedColumns();
        double[] blocks = reduced ? a : b;
        int count = reduced ? layout.reducedBlocks() : layout.eliminatedBlocks();
        ComputePool.parallelFor(count, reduced ? 16 : GRAIN, new RangeBody() {
            @Override
            public void run(int from, int to) {
                for (int c = from; c < to; c++) {
                    int yc = off + c * size;
                    java.util.Arrays.fill(y, yc, yc + size, 0);
                    int n = reduced ? layout.reducedCount(c) : layout.eliminatedCount(c);
                    for (int t = 0; t < n; t++) {
                        int k = reduced ? layout.reducedResidual(c, t) : layout.eliminatedResidual(c, t);
                        addBlockTranspose(blocks, u, k, rr, size, y, yc);
                    }
                }
            }
        });
    }

    /**
     * {@code y[yc..yc+size) += B_kᵀu_k} for the rr × size block B_k of residual block k, or the column sums of squares
     * {@code Σ B_k∘B_k} when u is null.
     */
    private static void addBlockTranspose(double[] blocks, double[] u, int k, int rr, int size, double[] y, int yc) {
        for (int i = 0; i < rr; i++) {
            int bi = (k * rr + i) * size;
            if (u == null) {
                for (int j = 0; j < size; j++) {
                    y[yc + j] += blocks[bi + j] * blocks[bi + j];
                }
            } else {
                double ui = u[k * rr + i];
                for (int j = 0; j < size; j++) {
                    y[yc + j] += blocks[bi + j] * ui;
                }
            }
        }
    }

    /**
     * J as a dense m × n matrix, for tests and small references only.
     *
     * @return a new m × n dense matrix
     * @throws IllegalArgumentException if m·n exceeds 10⁸ entries
     */
    public DMatrixRMaj toDense() {
        if ((long) rows() * cols() > 100_000_000L) {
            throw new IllegalArgumentException("J is " + rows() + "x" + cols()
                    + ", expected at most 1e8 entries for a dense copy");
        }
        DMatrixRMaj d = new DMatrixRMaj(rows(), cols());
        int rr = layout.rowsPerResidual();
        int fs = layout.reducedSize();
        int es = layout.eliminatedSize();
        int off = layout.reducedColumns();
        for (int k = 0, nk = layout.residualBlocks(); k < nk; k++) {
            int c = layout.reducedOf(k) * fs;
            int p = off + layout.eliminatedOf(k) * es;
            for (int i = 0; i < rr; i++) {
                int row = k * rr + i;
                for (int j = 0; j < fs; j++) {
                    d.set(row, c + j, a[row * fs + j]);
                }
                for (int j = 0; j < es; j++) {
                    d.set(row, p + j, b[row * es + j]);
                }
            }
        }
        return d;
    }
}
