package org.gn4j.linalg.blas;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.gn4j.linalg.ComputePool;
import org.gn4j.linalg.VectorOps;

/**
 * The pure-Java {@link Blas}: EJML's row-major kernels, switching to EJML's multi-threaded variants (capped by
 * {@link ComputePool}) once the work {@code m·n·k} passes {@link #MT_THRESHOLD}. Contiguous operands are wrapped
 * without copying; operands with an offset or a leading dimension wider than the row are copied into a temporary.
 * Matrix-vector products are own loops (EJML has no strided form) and allocate nothing.
 */
public final class CpuBlas implements Blas {
    /** Work ({@code m·n·k} multiply-adds) from which the multi-threaded EJML kernels are used. */
    public static final long MT_THRESHOLD = 64L * 64 * 64;

    private final boolean multiThreaded;

    /** Multi-threaded above the threshold when the compute pool has more than one thread. */
    public CpuBlas() {
        this(ComputePool.parallelism() > 1);
    }

    /** @param multiThreaded false forces EJML's single-threaded kernels (benchmarks, reproducibility) */
    public CpuBlas(boolean multiThreaded) {
        this.multiThreaded = multiThreaded;
    }

    @Override
    public String name() {
        return multiThreaded ? "cpu-ejml-mt" : "cpu-ejml";
    }

    @Override
    public void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            scaleMatrix(m, n, beta, c, cOff, ldc);
            return;
        }
        boolean ta = transA == Transpose.YES;
        boolean tb = transB == Transpose.YES;
        Staging st = STAGING.get();
        DMatrixRMaj ma = view(a, aOff, ta ? k : m, ta ? m : k, lda, a == c, st.a, st.wa);
        DMatrixRMaj mb = view(b, bOff, tb ? n : k, tb ? k : n, ldb, b == c, st.b, st.wb);
        boolean cDirect = cOff == 0 && ldc == n && a != c && b != c;
        DMatrixRMaj mc = cDirect ? wrap(st.wc, m, n, c) : reshape(st.c, m, n);
        boolean mt = multiThreaded && (long) m * n * k >= MT_THRESHOLD;
        if (beta == 0 || !cDirect) {
            multiply(mt, ta, tb, alpha, ma, mb, mc);
            if (!cDirect) {
                // C = tmp + β·C on the strided destination
                for (int i = 0; i < m; i++) {
                    int row = cOff + i * ldc;
                    for (int j = 0; j < n; j++) {
                        double old = beta == 0 ? 0 : beta * c[row + j];
                        c[row + j] = mc.data[i * n + j] + old;
                    }
                }
            }
        } else {
            if (beta != 1) {
                CommonOps_DDRM.scale(beta, mc);
            }
            multiplyAdd(mt, ta, tb, alpha, ma, mb, mc);
        }
    }

    private static void multiply(boolean mt, boolean ta, boolean tb, double alpha, DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj c) {
        if (mt) {
            if (!ta && !tb) {
                CommonOps_MT_DDRM.mult(alpha, a, b, c);
            } else if (ta && !tb) {
                CommonOps_MT_DDRM.multTransA(alpha, a, b, c);
            } else if (!ta) {
                CommonOps_MT_DDRM.multTransB(alpha, a, b, c);
            } else {
                CommonOps_MT_DDRM.multTransAB(alpha, a, b, c);
            }
        } else {
            if (!ta && !tb) {
                CommonOps_DDRM.mult(alpha, a, b, c);
            } else if (ta && !tb) {
                CommonOps_DDRM.multTransA(alpha, a, b, c);
            } else if (!ta) {
                CommonOps_DDRM.multTransB(alpha, a, b, c);
            } else {
                CommonOps_DDRM.multTransAB(alpha, a, b, c);
            }
        }
    }

    private static void multiplyAdd(boolean mt, boolean ta, boolean tb, double alpha, DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj c) {
        if (mt) {
            if (!ta && !tb) {
                CommonOps_MT_DDRM.multAdd(alpha, a, b, c);
            } else if (ta && !tb) {
                CommonOps_MT_DDRM.multAddTransA(alpha, a, b, c);
            } else if (!ta) {
                CommonOps_MT_DDRM.multAddTransB(alpha, a, b, c);
            } else {
                CommonOps_MT_DDRM.multAddTransAB(alpha, a, b, c);
            }
        } else {
            if (!ta && !tb) {
                CommonOps_DDRM.multAdd(alpha, a, b, c);
            } else if (ta && !tb) {
                CommonOps_DDRM.multAddTransA(alpha, a, b, c);
            } else if (!ta) {
                CommonOps_DDRM.multAddTransB(alpha, a, b, c);
            } else {
                CommonOps_DDRM.multAddTransAB(alpha, a, b, c);
            }
        }
    }

    @Override
    public void dgemv(Transpose trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x,
            int xOff, double beta, double[] y, int yOff) {
        BlasArguments.checkGemv(trans, m, n, a, aOff, lda, x, xOff, y, yOff);
        boolean t = trans == Transpose.YES;
        int yLen = t ? n : m;
        if (yLen == 0) {
            return;
        }
        if (!t) {
            // y_i = α·(row_i · x) + β·y_i, rows in parallel for large matrices
            ComputePool.RangeBody rows = (from, to) -> {
                for (int i = from; i < to; i++) {
                    double s = alpha == 0 ? 0 : alpha * VectorOps.dot(n, a, aOff + i * lda, x, xOff);
                    y[yOff + i] = beta == 0 ? s : s + beta * y[yOff + i];
                }
            };
            if (multiThreaded && (long) m * n >= MT_THRESHOLD) {
                ComputePool.parallelFor(m, 64, rows);
            } else {
                rows.run(0, m);
            }
        } else {
            // y = β·y + Σ_i (α x_i)·row_i
            scaleVector(n, beta, y, yOff);
            if (alpha == 0) {
                return;
            }
            ComputePool.RangeBody cols = (from, to) -> {
                for (int i = 0; i < m; i++) {
                    double s = alpha * x[xOff + i];
                    if (s == 0) {
                        continue;
                    }
                    int row = aOff + i * lda;
                    for (int j = from; j < to; j++) {
                        y[yOff + j] += s * a[row + j];
                    }
                }
            };
            if (multiThreaded && (long) m * n >= MT_THRESHOLD) {
                ComputePool.parallelFor(n, 256, cols);
            } else {
                cols.run(0, n);
            }
        }
    }

    @Override
    public void dsyrk(Transpose trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
            double[] c, int cOff, int ldc) {
        boolean t = trans == Transpose.YES;
        BlasArguments.checkSyrk(trans, n, k, a, aOff, lda, c, cOff, ldc);
        if (n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            scaleMatrix(n, n, beta, c, cOff, ldc);
            return;
        }
        Staging st = STAGING.get();
        DMatrixRMaj ma = view(a, aOff, t ? k : n, t ? n : k, lda, false, st.a, st.wa);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        boolean mt = multiThreaded && (long) n * n * k >= MT_THRESHOLD;
        if (t) {
            if (mt) {
                CommonOps_MT_DDRM.multInner(ma, g);
            } else {
                CommonOps_DDRM.multInner(ma, g);
            }
        } else {
            if (mt) {
                CommonOps_MT_DDRM.multOuter(ma, g);
            } else {
                CommonOps_DDRM.multOuter(ma, g);
            }
        }
        addSymmetric(n, alpha, g.data, beta, c, cOff, ldc);
    }

    /**
     * {@code C = α·G + β·C} for a symmetric result, read from the upper triangle of the compact {@code n×n} row-major
     * {@code g} (and of C) and mirrored, so that C comes out exactly symmetric: the last step of a DSYRK whose
     * product {@code G = op(A)·op(A)ᵀ} was computed elsewhere. β = 0 does not read C.
     *
     * @param n order of G and C, {@code >= 0}
     * @param alpha scale α of G
     * @param g G, compact row-major {@code n×n}; only its upper triangle is read
     * @param beta scale β of C on entry
     * @param c C, row-major {@code n×n}; its upper triangle is read (unless β = 0), all of it written
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     */
    public static void addSymmetric(int n, double alpha, double[] g, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = alpha * g[i * n + j];
                if (beta != 0) {
                    v += beta * c[cOff + i * ldc + j];
                }
                c[cOff + i * ldc + j] = v;
                c[cOff + j * ldc + i] = v;
            }
        }
    }


    /**
     * Per-thread staging matrices for operands EJML cannot address in place (an offset, a leading dimension wider
     * than the row, or aliasing with the output): they grow to the largest size seen and are reused, so repeated
     * products (a layer's weights inside a flat parameter vector) copy but do not allocate.
     */
    private static final class Staging {
        final DMatrixRMaj a = new DMatrixRMaj(1, 1);
        final DMatrixRMaj b = new DMatrixRMaj(1, 1);
        final DMatrixRMaj c = new DMatrixRMaj(1, 1);
        // reusable wrappers around caller arrays (EJML's wrap() would allocate one per product)
        final DMatrixRMaj wa = new DMatrixRMaj(1, 1);
        final DMatrixRMaj wb = new DMatrixRMaj(1, 1);
        final DMatrixRMaj wc = new DMatrixRMaj(1, 1);
    }

    private static DMatrixRMaj wrap(DMatrixRMaj w, int rows, int cols, double[] data) {
        w.data = data;
        w.numRows = rows;
        w.numCols = cols;
        return w;
    }

    private static final ThreadLocal<Staging> STAGING = ThreadLocal.withInitial(Staging::new);

    private static DMatrixRMaj reshape(DMatrixRMaj m, int rows, int cols) {
        if (m.data.length < rows * cols) {
            m.data = new double[rows * cols];
        }
        m.numRows = rows;
        m.numCols = cols;
        return m;
    }

    /** Wraps a contiguous operand, or copies a strided one (or one aliased with the output) into a staging matrix. */
    private static DMatrixRMaj view(double[] data, int off, int rows, int cols, int ld, boolean forceCopy,
            DMatrixRMaj staging, DMatrixRMaj wrapper) {
        if (!forceCopy && off == 0 && ld == cols) {
            return wrap(wrapper, rows, cols, data);
        }
        DMatrixRMaj m = reshape(staging, rows, cols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, off + i * ld, m.data, i * cols, cols);
        }
        return m;
    }

    static void scaleMatrix(int m, int n, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            scaleVector(n, beta, c, cOff + i * ldc);
        }
    }

    static void scaleVector(int n, double beta, double[] y, int yOff) {
        if (beta == 1) {
            return;
        }
        for (int j = 0; j < n; j++) {
            y[yOff + j] = beta == 0 ? 0.0 : beta * y[yOff + j];
        }
    }
}
