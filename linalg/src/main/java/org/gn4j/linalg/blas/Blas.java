package org.gn4j.linalg.blas;

import org.ejml.data.DMatrixRMaj;

/**
 * The dense-kernel seam: every dense product in gn4j goes through one of these methods, so a faster implementation
 * (own Vector API kernels, cuBLAS) replaces all of them at once. Get the process-wide instance from
 * {@link BlasProvider#blas()}.
 *
 * <p>All matrices are <b>row-major</b> {@code double[]} with an offset and a leading dimension (the distance between
 * the starts of consecutive rows, {@code ld >= cols}), as in CBLAS with {@code CblasRowMajor}. Shapes are those of
 * the operands after {@code op()}: {@code op(A)} is {@code m×k}, so A is stored {@code m×k} when not transposed and
 * {@code k×m} when transposed. As in reference BLAS, when {@code beta == 0} the output is not read (NaN in it does not
 * propagate). Output arrays must not overlap inputs. Implementations are thread-safe.
 *
 * <p>Bad shapes, leading dimensions or ranges throw {@link IllegalArgumentException} naming the argument.
 */
public interface Blas {
    /** Short name for reports ("cpu-ejml", "cublas"). */
    String name();

    /** {@code C = α·op(A)·op(B) + β·C} with {@code op(A)} m×k, {@code op(B)} k×n, C m×n. */
    void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc);

    /**
     * {@code y = α·op(A)·x + β·y} where A is stored {@code m×n}; for {@link Transpose#NO} x has n entries and y has m,
     * for {@link Transpose#YES} x has m and y has n.
     */
    void dgemv(Transpose trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff,
            double beta, double[] y, int yOff);

    /**
     * Symmetric rank-k update: {@link Transpose#NO}: {@code C = α·A·Aᵀ + β·C} with A stored {@code n×k};
     * {@link Transpose#YES}: {@code C = α·Aᵀ·A + β·C} with A stored {@code k×n}. C is {@code n×n} and both triangles are
     * written (the result is exactly symmetric). With β ≠ 0, C must be symmetric on entry.
     */
    void dsyrk(Transpose trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta, double[] c,
            int cOff, int ldc);

    /** {@code Σ x_i y_i} over n entries. */
    double ddot(int n, double[] x, int xOff, double[] y, int yOff);

    /** {@code y += α·x} over n entries. */
    void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** {@code C = α·op(A)·op(B) + β·C} on EJML matrices (shapes checked). */
    default void gemm(boolean transA, boolean transB, double alpha, DMatrixRMaj a, DMatrixRMaj b, double beta,
            DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (kb != k) {
            throw new IllegalArgumentException("op(b) has " + kb + " rows, expected " + k + " (columns of op(a))");
        }
        if (c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException(
                    "c is " + c.numRows + "x" + c.numCols + ", expected " + m + "x" + n);
        }
        dgemm(Transpose.of(transA), Transpose.of(transB), m, n, k, alpha, a.data, 0, Math.max(1, a.numCols), b.data,
                0, Math.max(1, b.numCols), beta, c.data, 0, Math.max(1, c.numCols));
    }

    /**
     * {@code C = α·A·Aᵀ + β·C} (or {@code AᵀA} when {@code transA}) on EJML matrices; C must be square of the
     * matching size.
     */
    default void syrk(boolean transA, double alpha, DMatrixRMaj a, double beta, DMatrixRMaj c) {
        int n = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        if (c.numRows != n || c.numCols != n) {
            throw new IllegalArgumentException("c is " + c.numRows + "x" + c.numCols + ", expected " + n + "x" + n);
        }
        dsyrk(Transpose.of(transA), n, k, alpha, a.data, 0, Math.max(1, a.numCols), beta, c.data, 0, Math.max(1, n));
    }
}
