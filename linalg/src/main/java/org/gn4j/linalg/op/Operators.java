package org.gn4j.linalg.op;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;

/** Factory methods for the operators of this package, so call sites read like the mathematics. */
public final class Operators {
    private Operators() {
    }

    /**
     * A dense matrix (referenced, not copied).
     *
     * @param a the {@code m×n} matrix; referenced, so later changes to it are seen by the operator
     * @return the {@code m×n} operator {@code x ↦ a·x}, with no structure tags
     */
    public static DenseOperator dense(DMatrixRMaj a) {
        return new DenseOperator(a);
    }

    /**
     * {@code diag(d)} (copied).
     *
     * @param d the diagonal entries, length n, all finite; copied
     * @return the {@code n×n} diagonal operator, tagged by the signs of {@code d}
     */
    public static DiagonalOperator diagonal(double... d) {
        return new DiagonalOperator(d);
    }

    /**
     * The {@code n×n} identity.
     *
     * @param n order, {@code >= 0}
     * @return the {@code n×n} identity, tagged diagonal and positive definite
     */
    public static DiagonalOperator identity(int n) {
        double[] d = new double[n];
        Arrays.fill(d, 1.0);
        return new DiagonalOperator(d);
    }

    /**
     * An operator from a forward and a transpose product (JVP / VJP).
     *
     * @param rows number of rows m (length of {@code A x}), {@code >= 0}
     * @param cols number of columns n (length of x), {@code >= 0}
     * @param forward computes {@code y = A x} (x of length n, y of length m, overwritten); not null
     * @param transpose computes {@code y = Aᵀ x}; null when the transpose is never needed
     * @param tags structure the caller vouches for (only on a square operator); none for a general operator
     * @return the operator built from the two products
     */
    public static FunctionOperator of(int rows, int cols, FunctionOperator.Product forward,
            FunctionOperator.Product transpose, Structure... tags) {
        return new FunctionOperator(rows, cols, forward, transpose, Set.of(tags));
    }

    /**
     * {@code A + B}.
     *
     * @param a the first operand
     * @param b the second operand, of the shape of {@code a} (else {@link IllegalArgumentException})
     * @return the operator {@code A + B}, referencing both operands
     */
    public static SumOperator sum(LinearOperator a, LinearOperator b) {
        return new SumOperator(a, b);
    }

    /**
     * {@code αA}.
     *
     * @param alpha the scale, finite (else {@link IllegalArgumentException})
     * @param a the operand, referenced
     * @return the operator {@code αA}
     */
    public static ScaledOperator scaled(double alpha, LinearOperator a) {
        return new ScaledOperator(alpha, a);
    }

    /**
     * {@code A + λI}.
     *
     * @param a the operand, square (else {@link IllegalArgumentException}); referenced
     * @param lambda the shift λ, finite; changeable later with {@link ShiftedOperator#setShift}
     * @return the operator {@code A + λI}
     */
    public static ShiftedOperator shifted(LinearOperator a, double lambda) {
        return new ShiftedOperator(a, lambda);
    }

    /**
     * {@code AᵀA}.
     *
     * @param a the {@code m×n} operand, referenced
     * @return the {@code n×n} operator {@code AᵀA}, tagged symmetric positive semidefinite
     */
    public static NormalOperator normal(LinearOperator a) {
        return new NormalOperator(a);
    }

    /**
     * {@code AᵀQA}.
     *
     * @param a the {@code m×n} operand, referenced
     * @param q the symmetric {@code m×m} weight, or null for the identity
     * @return the {@code n×n} operator {@code AᵀQA}
     */
    public static NormalOperator normal(LinearOperator a, LinearOperator q) {
        return new NormalOperator(a, q);
    }

    /**
     * {@code diag(s)·A}: each row i of A scaled by {@code s_i} (weights, robust-loss factors). The array is referenced,
     * not copied; the operator owns one work vector for the transpose product.
     *
     * @param s the row scales, length {@code a.rows()}; referenced, so later changes are seen
     * @param a the {@code m×n} operand, referenced
     * @return the {@code m×n} operator {@code diag(s)·A}, with no structure tags; not thread-safe (one work vector)
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

    /**
     * {@code diag(A₁, …, A_k)}.
     *
     * @param blocks the diagonal blocks in order, at least one; the list is copied, the blocks referenced
     * @return the block-diagonal operator, of size {@code Σ rows × Σ cols}
     */
    public static BlockDiagonalOperator blockDiagonal(List<? extends LinearOperator> blocks) {
        return new BlockDiagonalOperator(blocks);
    }

    /**
     * {@code diag(A₁, …, A_k)}.
     *
     * @param blocks the diagonal blocks in order, at least one; none may be null
     * @return the block-diagonal operator, of size {@code Σ rows × Σ cols}
     */
    public static BlockDiagonalOperator blockDiagonal(LinearOperator... blocks) {
        return new BlockDiagonalOperator(List.of(blocks));
    }

    /**
     * Materializes any operator as a dense {@code rows×cols} matrix by applying it to the unit vectors (cols
     * products). For tests and small problems only.
     *
     * @param a the operator; not modified
     * @return a new dense {@code rows×cols} matrix whose column j is {@code A eⱼ}
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
