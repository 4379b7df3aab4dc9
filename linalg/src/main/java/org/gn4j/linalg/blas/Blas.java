package org.gn4j.linalg.blas;

import org.ejml.data.DMatrixRMaj;

import org.gn4j.linalg.VectorOps;

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
    /**
     * Short name for reports ("cpu-ejml", "cublas").
     *
     * @return the implementation's short name, e.g. {@code "cpu-ejml"}, {@code "cpu-vector"} or {@code "cublas"}
     */
    String name();

    /**
     * {@code C = α·op(A)·op(B) + β·C} with {@code op(A)} m×k, {@code op(B)} k×n, C m×n.
     *
     * @param transA whether A is used as stored ({@link Transpose#NO}) or transposed ({@link Transpose#YES}); not null
     * @param transB the same flag for B; not null
     * @param m rows of {@code op(A)} and of C, {@code >= 0}
     * @param n columns of {@code op(B)} and of C, {@code >= 0}
     * @param k columns of {@code op(A)} = rows of {@code op(B)}, {@code >= 0}
     * @param alpha scale α of the product
     * @param a A, row-major: {@code m×k} as stored when not transposed, {@code k×m} when transposed
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A (distance between row starts), at least its stored column count and
     *            {@code >= 1}
     * @param b B, row-major: {@code k×n} as stored when not transposed, {@code n×k} when transposed
     * @param bOff index of B's first entry in {@code b}
     * @param ldb leading dimension of B, at least its stored column count and {@code >= 1}
     * @param beta scale β of C on entry; 0 means C is not read
     * @param c C, row-major {@code m×n}; overwritten with the result, must not overlap {@code a} or {@code b}
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     */
    void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc);

    /**
     * {@code y = α·op(A)·x + β·y} where A is stored {@code m×n}; for {@link Transpose#NO} x has n entries and y has m,
     * for {@link Transpose#YES} x has m and y has n.
     *
     * @param trans {@link Transpose#NO} for {@code A·x}, {@link Transpose#YES} for {@code Aᵀ·x}; not null
     * @param m rows of A as stored, {@code >= 0}
     * @param n columns of A as stored, {@code >= 0}
     * @param alpha scale α of the product
     * @param a A, row-major {@code m×n} as stored
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A, {@code >= max(1, n)}
     * @param x the input vector: n entries for NO, m for YES
     * @param xOff index of x's first entry in {@code x}
     * @param beta scale β of y on entry; 0 means y is not read
     * @param y the output vector, overwritten: m entries for NO, n for YES; must not overlap {@code a} or {@code x}
     * @param yOff index of y's first entry in {@code y}
     */
    void dgemv(Transpose trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff,
            double beta, double[] y, int yOff);

    /**
     * Symmetric rank-k update: {@link Transpose#NO}: {@code C = α·A·Aᵀ + β·C} with A stored {@code n×k};
     * {@link Transpose#YES}: {@code C = α·Aᵀ·A + β·C} with A stored {@code k×n}. C is {@code n×n} and both triangles are
     * written (the result is exactly symmetric). With β ≠ 0, C must be symmetric on entry.
     *
     * @param trans {@link Transpose#NO} for {@code A·Aᵀ} (A stored {@code n×k}), {@link Transpose#YES} for {@code Aᵀ·A}
     *              (A stored {@code k×n}); not null
     * @param n order of C, {@code >= 0}
     * @param k inner dimension of the product, {@code >= 0}
     * @param alpha scale α of the product
     * @param a A, row-major, shape as given by {@code trans}
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A, at least its stored column count and {@code >= 1}
     * @param beta scale β of C on entry; 0 means C is not read
     * @param c C, row-major {@code n×n}; both triangles are overwritten; not the same array as {@code a}
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     */
    void dsyrk(Transpose trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta, double[] c,
            int cOff, int ldc);

    /**
     * SGEMM: {@code C = α·op(A)·op(B) + β·C} on float32 storage, same layout, shapes and checks as {@link #dgemm}.
     * Each entry of C carries a relative error of about {@code k·2⁻²⁴} of {@code |α|·Σ_p |a_ip·b_pj|}. This default is
     * a plain loop (float products, float sums); {@code VectorBlas} overrides it with packed {@code FloatVector}
     * kernels.
     *
     * @param transA whether A is used as stored ({@link Transpose#NO}) or transposed ({@link Transpose#YES}); not null
     * @param transB the same flag for B; not null
     * @param m rows of {@code op(A)} and of C, {@code >= 0}
     * @param n columns of {@code op(B)} and of C, {@code >= 0}
     * @param k columns of {@code op(A)} = rows of {@code op(B)}, {@code >= 0}
     * @param alpha scale α of the product
     * @param a A, row-major: {@code m×k} as stored when not transposed, {@code k×m} when transposed
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A (distance between row starts), at least its stored column count and
     *            {@code >= 1}
     * @param b B, row-major: {@code k×n} as stored when not transposed, {@code n×k} when transposed
     * @param bOff index of B's first entry in {@code b}
     * @param ldb leading dimension of B, at least its stored column count and {@code >= 1}
     * @param beta scale β of C on entry; 0 means C is not read
     * @param c C, row-major {@code m×n}; overwritten with the result, must not overlap {@code a} or {@code b}
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     */
    default void sgemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha, float[] a, int aOff,
            int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        boolean ta = transA == Transpose.YES;
        boolean tb = transB == Transpose.YES;
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    float av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s = Math.fma(av, bv, s);
                }
                c[row + j] = beta == 0 ? alpha * s : alpha * s + beta * c[row + j];
            }
        }
    }

    /**
     * {@code C = α·op(A)·op(B) + β·C} on float64 storage computed in float32: the entries of {@code α·op(A)} and
     * {@code op(B)} are rounded to float and multiplied and summed in float, C is updated in float64. The relative
     * error of an entry is about {@code k·2⁻²⁴} of {@code Σ_p |α·a_ip·b_pj|}. Same shapes and checks as
     * {@link #dgemm}. This default copies the operands to float arrays and runs {@link #sgemm}; {@code VectorBlas}
     * rounds while packing instead, and computes in float64 the products that float arithmetic does not speed up on
     * double storage (short, wide products whose operands the float64 kernel reads in place, depths up to 64): their
     * error is then the float64 one, far inside this bound.
     *
     * @param transA whether A is used as stored ({@link Transpose#NO}) or transposed ({@link Transpose#YES}); not null
     * @param transB the same flag for B; not null
     * @param m rows of {@code op(A)} and of C, {@code >= 0}
     * @param n columns of {@code op(B)} and of C, {@code >= 0}
     * @param k columns of {@code op(A)} = rows of {@code op(B)}, {@code >= 0}
     * @param alpha scale α of the product, applied before rounding A to float
     * @param a A, row-major: {@code m×k} as stored when not transposed, {@code k×m} when transposed
     * @param aOff index of A's first entry in {@code a}
     * @param lda leading dimension of A (distance between row starts), at least its stored column count and
     *            {@code >= 1}
     * @param b B, row-major: {@code k×n} as stored when not transposed, {@code n×k} when transposed
     * @param bOff index of B's first entry in {@code b}
     * @param ldb leading dimension of B, at least its stored column count and {@code >= 1}
     * @param beta scale β of C on entry, applied in float64; 0 means C is not read
     * @param c C, row-major {@code m×n}; overwritten with the result, must not overlap {@code a} or {@code b}
     * @param cOff index of C's first entry in {@code c}
     * @param ldc leading dimension of C, {@code >= max(1, n)}
     */
    default void dgemmF32(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a,
            int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        BlasArguments.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        boolean ta = transA == Transpose.YES;
        boolean tb = transB == Transpose.YES;
        int ar = ta ? k : m;
        int ac = ta ? m : k;
        int br = tb ? n : k;
        int bc = tb ? k : n;
        float[] af = new float[ar * ac];
        float[] bf = new float[br * bc];
        float[] cf = new float[m * n];
        for (int i = 0; i < ar; i++) {
            for (int j = 0; j < ac; j++) {
                af[i * ac + j] = (float) (alpha * a[aOff + i * lda + j]);
            }
        }
        for (int i = 0; i < br; i++) {
            for (int j = 0; j < bc; j++) {
                bf[i * bc + j] = (float) b[bOff + i * ldb + j];
            }
        }
        sgemm(transA, transB, m, n, k, 1f, af, 0, Math.max(1, ac), bf, 0, Math.max(1, bc), 0f, cf, 0, Math.max(1, n));
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0 ? cf[i * n + j] : cf[i * n + j] + beta * c[row + j];
            }
        }
    }

    /**
     * The precision of {@link #dgemm}: {@link Precision#F64} unless this BLAS came from {@link #withPrecision}.
     *
     * @return the precision {@link #dgemm} computes in
     */
    default Precision precision() {
        return Precision.F64;
    }

    /**
     * This BLAS with {@link #dgemm} in the given precision: itself for {@link Precision#F64}, a view whose
     * {@code dgemm} runs {@link #dgemmF32} for {@link Precision#F32}. Every other method keeps float64.
     *
     * @param precision the precision of {@code dgemm}; not null
     * @return this BLAS for {@link Precision#F64}, else a float32-product view backed by this BLAS
     * @throws IllegalArgumentException if {@code precision} is null
     */
    default Blas withPrecision(Precision precision) {
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null, expected F32 or F64");
        }
        return precision == Precision.F64 ? this : new Float32Products(this);
    }

    /**
     * {@code Σ x_i y_i} over n entries. This default runs on the host ({@link VectorOps#dot}).
     *
     * @param n number of entries, {@code >= 0}
     * @param x first vector
     * @param xOff index of x's first entry in {@code x}
     * @param y second vector
     * @param yOff index of y's first entry in {@code y}
     * @return the dot product {@code Σ x[xOff+i]·y[yOff+i]} for {@code i < n}; 0 for {@code n == 0}
     */
    default double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        return VectorOps.dot(n, x, xOff, y, yOff);
    }

    /**
     * {@code y += α·x} over n entries. This default runs on the host ({@link VectorOps#axpy}).
     *
     * @param n number of entries, {@code >= 0}
     * @param alpha scale α of x
     * @param x the vector added; not modified
     * @param xOff index of x's first entry in {@code x}
     * @param y the vector updated in place
     * @param yOff index of y's first entry in {@code y}
     */
    default void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        VectorOps.axpy(n, alpha, x, xOff, y, yOff);
    }

    /**
     * {@code C = α·op(A)·op(B) + β·C} on EJML matrices (shapes checked).
     *
     * @param transA whether to use {@code aᵀ} instead of {@code a}
     * @param transB whether to use {@code bᵀ} instead of {@code b}
     * @param alpha scale α of the product
     * @param a A; not modified
     * @param b B; rows of {@code op(b)} must equal columns of {@code op(a)}
     * @param beta scale β of C on entry; 0 means C is not read
     * @param c C, overwritten; must be {@code rows(op(a))×cols(op(b))}, else {@link IllegalArgumentException}
     */
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
     *
     * @param transA false for {@code A·Aᵀ}, true for {@code Aᵀ·A}
     * @param alpha scale α of the product
     * @param a A; not modified
     * @param beta scale β of C on entry; 0 means C is not read; with β ≠ 0, C must be symmetric
     * @param c C, overwritten (both triangles); must be square with the order of the product, else
     *          {@link IllegalArgumentException}
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
