package org.gn4j.linalg.op;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;

/** Factory methods for the operators of this package, so call sites read like the mathematics. */
public final class Operators {
    private Operators() {
    }

    /** A dense matrix (referenced, not copied). */
    public static DenseOperator dense(DMatrixRMaj a) {
        return new DenseOperator(a);
    }

    /** {@code diag(d)} (copied). */
    public static DiagonalOperator diagonal(double... d) {
        return new DiagonalOperator(d);
    }

    /** The {@code n×n} identity. */
    public static DiagonalOperator identity(int n) {
        double[] d = new double[n];
        Arrays.fill(d, 1.0);
        return new DiagonalOperator(d);
    }

    /** An operator from a forward and a transpose product (JVP / VJP). */
    public static FunctionOperator of(int rows, int cols, FunctionOperator.Product forward,
            FunctionOperator.Product transpose, Structure... tags) {
        return new FunctionOperator(rows, cols, forward, transpose, Set.of(tags));
    }

    /** {@code A + B}. */
    public static SumOperator sum(LinearOperator a, LinearOperator b) {
        return new SumOperator(a, b);
    }

    /** {@code αA}. */
    public static ScaledOperator scaled(double alpha, LinearOperator a) {
        return new ScaledOperator(alpha, a);
    }

    /** {@code A + λI}. */
    public static ShiftedOperator shifted(LinearOperator a, double lambda) {
        return new ShiftedOperator(a, lambda);
    }

    /** {@code AᵀA}. */
    public static NormalOperator normal(LinearOperator a) {
        return new NormalOperator(a);
    }

    /** {@code AᵀQA}. */
    public static NormalOperator normal(LinearOperator a, LinearOperator q) {
        return new NormalOperator(a, q);
    }

    /**
     * {@code diag(s)·A}: each row i of A scaled by {@code s_i} (weights, robust-loss factors). The array is referenced,
     * not copied; the operator owns one work vector for the transpose product.
     *
     * @throws IllegalArgumentException if {@code s.length != a.rows()}
     */
    public static LinearOperator rowScaled(double[] s, LinearOperator a) {
        org.gn4j.linalg.ArgumentChecks.requireLength("row scale", s, a.rows());
        int m = a.rows();
        double[] tmp = new double[m];
        return of(m, a.cols(), (x, y) -> {
            a.apply(x, y);
            for (int i = 0; i < m; i++) {
                y[i] *= s[i];
            }
        }, (x, y) -> {
            for (int i = 0; i < m; i++) {
                tmp[i] = x[i] * s[i];
            }
            a.applyTranspose(tmp, y);
        });
    }

    /** {@code diag(A₁, …, A_k)}. */
    public static BlockDiagonalOperator blockDiagonal(List<? extends LinearOperator> blocks) {
        return new BlockDiagonalOperator(blocks);
    }

    /** {@code diag(A₁, …, A_k)}. */
    public static BlockDiagonalOperator blockDiagonal(LinearOperator... blocks) {
        return new BlockDiagonalOperator(List.of(blocks));
    }

    /**
     * Materializes any operator as a dense {@code rows×cols} matrix by applying it to the unit vectors (cols
     * products). For tests and small problems only.
     */
    public static DMatrixRMaj toDense(LinearOperator a) {
        int m = a.rows();
        int n = a.cols();
        DMatrixRMaj out = new DMatrixRMaj(m, n);
        double[] e = new double[n];
        double[] col = new double[m];
        for (int j = 0; j < n; j++) {
            e[j] = 1.0;
            a.apply(e, col);
            e[j] = 0.0;
            for (int i = 0; i < m; i++) {
                out.data[i * n + j] = col[i];
            }
        }
        return out;
    }
}
