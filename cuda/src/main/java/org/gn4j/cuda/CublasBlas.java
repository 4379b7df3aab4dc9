package org.gn4j.cuda;

import static jcuda.jcublas.cublasOperation.CUBLAS_OP_N;
import static jcuda.jcublas.cublasOperation.CUBLAS_OP_T;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasFillMode;
import jcuda.jcublas.cublasHandle;
import jcuda.runtime.JCuda;

import org.gn4j.linalg.blas.Blas;
import org.gn4j.linalg.blas.BlasArguments;
import org.gn4j.linalg.blas.CpuBlas;
import org.gn4j.linalg.blas.Transpose;

/**
 * {@link Blas} on an NVIDIA GPU through JCublas2. Only the probe behind {@link CudaBlasFactory#open()} constructs
 * it, after the factory has found the driver and the probe has checked the device count and a 2×2 DGEMM, so this
 * class (and JCuda) is never loaded on a machine without a GPU.
 *
 * <p>Row-major operands are handed to column-major cuBLAS as their transposes: a row-major {@code C = op(A)·op(B)} is
 * the column-major {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}, so the operands swap places and keep their transpose flags. Each call
 * copies its operands to the device and the result back (level-3 work amortizes this for large sizes); level-1
 * operations stay on the host, where the transfer would cost more than the arithmetic. Calls are serialized on one
 * cuBLAS handle, which makes the instance thread-safe.
 */
public final class CublasBlas implements Blas {
    private final cublasHandle handle = new cublasHandle();

    CublasBlas() {
        JCublas2.cublasCreate(handle);
    }

    @Override
    public String name() {
        return "cublas";
    }

    @Override
    public synchronized void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, double[] a,
            int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        boolean ta = transA == Transpose.YES;
        boolean tb = transB == Transpose.YES;
        BlasArguments.checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (c == a || c == b) {
            throw new IllegalArgumentException("c must not be the same array as a or b");
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[cOff + i * ldc + j] = beta == 0 ? 0 : beta * c[cOff + i * ldc + j];
                }
            }
            return;
        }
        int aRows = ta ? k : m;
        int aCols = ta ? m : k;
        int bRows = tb ? n : k;
        int bCols = tb ? k : n;
        Pointer dA = toDevice(a, aOff, aRows, aCols, lda);
        Pointer dB = toDevice(b, bOff, bRows, bCols, ldb);
        Pointer dC = beta == 0 ? alloc((long) m * n) : toDevice(c, cOff, m, n, ldc);
        try {
            JCublas2.cublasDgemm(handle, tb ? CUBLAS_OP_T : CUBLAS_OP_N, ta ? CUBLAS_OP_T : CUBLAS_OP_N, n, m, k,
                    Pointer.to(new double[] {alpha}), dB, bCols, dA, aCols, Pointer.to(new double[] {beta}), dC, n);
            fromDevice(dC, c, cOff, m, n, ldc);
        } finally {
            JCuda.cudaFree(dA);
            JCuda.cudaFree(dB);
            JCuda.cudaFree(dC);
        }
    }

    @Override
    public synchronized void dgemv(Transpose trans, int m, int n, double alpha, double[] a, int aOff, int lda,
            double[] x, int xOff, double beta, double[] y, int yOff) {
        BlasArguments.checkGemv(trans, m, n, a, aOff, lda, x, xOff, y, yOff);
        boolean t = trans == Transpose.YES;
        int xLen = t ? m : n;
        int yLen = t ? n : m;
        if (yLen == 0) {
            return;
        }
        if (xLen == 0 || alpha == 0) {
            for (int i = 0; i < yLen; i++) {
                y[yOff + i] = beta == 0 ? 0 : beta * y[yOff + i];
            }
            return;
        }
        Pointer dA = toDevice(a, aOff, m, n, lda);
        Pointer dx = toDevice(x, xOff, 1, xLen, xLen);
        Pointer dy = beta == 0 ? alloc(yLen) : toDevice(y, yOff, 1, yLen, yLen);
        try {
            // row-major A (m×n) is column-major Aᵀ (n×m): A·x is OP_T on it, Aᵀ·x is OP_N
            JCublas2.cublasDgemv(handle, t ? CUBLAS_OP_N : CUBLAS_OP_T, n, m, Pointer.to(new double[] {alpha}), dA, n,
                    dx, 1, Pointer.to(new double[] {beta}), dy, 1);
            fromDevice(dy, y, yOff, 1, yLen, yLen);
        } finally {
            JCuda.cudaFree(dA);
            JCuda.cudaFree(dx);
            JCuda.cudaFree(dy);
        }
    }

    @Override
    public synchronized void dsyrk(Transpose trans, int n, int k, double alpha, double[] a, int aOff, int lda,
            double beta, double[] c, int cOff, int ldc) {
        boolean t = trans == Transpose.YES;
        int aRows = t ? k : n;
        int aCols = t ? n : k;
        BlasArguments.checkSyrk(trans, n, k, a, aOff, lda, c, cOff, ldc);
        if (n == 0) {
            return;
        }
        double[] g = new double[n * n];
        if (k > 0 && alpha != 0) {
            Pointer dA = toDevice(a, aOff, aRows, aCols, lda);
            Pointer dG = alloc((long) n * n);
            try {
                // the device sees Aᵀ (column-major): A·Aᵀ is syrk with OP_T, Aᵀ·A with OP_N
                JCublas2.cublasDsyrk(handle, cublasFillMode.CUBLAS_FILL_MODE_LOWER, t ? CUBLAS_OP_N : CUBLAS_OP_T, n,
                        k, Pointer.to(new double[] {1.0}), dA, aCols, Pointer.to(new double[] {0.0}), dG, n);
                fromDevice(dG, g, 0, n, n, n);
            } finally {
                JCuda.cudaFree(dA);
                JCuda.cudaFree(dG);
            }
        }
        // column-major lower triangle = row-major upper triangle; combine and mirror on the host
        CpuBlas.addSymmetric(n, alpha, g, beta, c, cOff, ldc);
    }

    private static Pointer alloc(long count) {
        Pointer p = new Pointer();
        JCuda.cudaMalloc(p, Math.max(1, count) * Sizeof.DOUBLE);
        return p;
    }

    /** Copies a row-major {@code rows×cols} host matrix (leading dimension ld) to a compact device buffer. */
    private static Pointer toDevice(double[] host, int off, int rows, int cols, int ld) {
        Pointer d = alloc((long) rows * cols);
        JCublas2.cublasSetMatrix(cols, rows, Sizeof.DOUBLE, Pointer.to(host).withByteOffset((long) off * Sizeof.DOUBLE),
                ld, d, cols);
        return d;
    }

    private static void fromDevice(Pointer d, double[] host, int off, int rows, int cols, int ld) {
        JCublas2.cublasGetMatrix(cols, rows, Sizeof.DOUBLE, d, cols,
                Pointer.to(host).withByteOffset((long) off * Sizeof.DOUBLE), ld);
    }
}
