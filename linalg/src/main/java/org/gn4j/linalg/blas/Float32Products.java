package org.gn4j.linalg.blas;

/**
 * A {@link Blas} whose {@code dgemm} computes in float32 on float64 storage ({@link Blas#dgemmF32} of the wrapped
 * implementation) and whose other methods (GEMV, SYRK, dot products, AXPY) stay in float64: the kernels behind a
 * {@link Precision#F32} network. Thread-safe when the wrapped BLAS is.
 */
final class Float32Products implements Blas {
    private final Blas base;

    Float32Products(Blas base) {
        this.base = base;
    }

    @Override
    public String name() {
        return base.name() + "-f32";
    }

    @Override
    public Precision precision() {
        return Precision.F32;
    }

    @Override
    public Blas withPrecision(Precision precision) {
        return precision == Precision.F32 ? this : base;
    }

    @Override
    public void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        base.dgemmF32(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void dgemmF32(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a,
            int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        base.dgemmF32(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void sgemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha, float[] a, int aOff,
            int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        base.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void dgemv(Transpose trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x,
            int xOff, double beta, double[] y, int yOff) {
        base.dgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    @Override
    public void dsyrk(Transpose trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
            double[] c, int cOff, int ldc) {
        base.dsyrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        return base.ddot(n, x, xOff, y, yOff);
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        base.daxpy(n, alpha, x, xOff, y, yOff);
    }

    @Override
    public String toString() {
        return name();
    }
}
