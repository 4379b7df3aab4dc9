package org.gn4j.linalg.op;

import java.util.Set;

/**
 * An operator given by a pair of functions, the usual way to wrap a Jacobian-vector product (JVP) and a
 * vector-Jacobian product (VJP). The functions receive checked, distinct arrays and must overwrite {@code y}.
 */
public final class FunctionOperator extends AbstractOperator {
    /** {@code y = f(x)}, overwriting {@code y}. */
    @FunctionalInterface
    public interface Product {
        /**
         * Computes {@code y = f(x)}.
         *
         * @param x the input, of the operator's column count (row count for the transpose); must not be modified
         * @param y the output, overwritten; distinct from {@code x}
         */
        void apply(double[] x, double[] y);
    }

    private final Product forward;
    private final Product transpose;

    /**
     * @param rows      number of rows m, {@code >= 0}
     * @param cols      number of columns n, {@code >= 0}
     * @param forward   computes {@code y = A x}
     * @param transpose computes {@code y = Aᵀ x}; may be null for an operator whose transpose is never needed, in which
     *                  case {@link #applyTranspose} throws {@link UnsupportedOperationException}
     * @param structure tags the caller vouches for (empty unless {@code rows == cols}); copied
     */
    public FunctionOperator(int rows, int cols, Product forward, Product transpose, Set<Structure> structure) {
        super(rows, cols, structure);
        if (forward == null) {
            throw new IllegalArgumentException("forward product must not be null");
        }
        this.forward = forward;
        this.transpose = transpose != null ? transpose
                : structure.contains(Structure.SYMMETRIC) || structure.contains(Structure.DIAGONAL) ? forward : null;
    }

    @Override
    protected void applyUnchecked(double[] x, double[] y) {
        forward.apply(x, y);
    }

    @Override
    protected void applyTransposeUnchecked(double[] x, double[] y) {
        if (transpose == null) {
            throw new UnsupportedOperationException("this operator was built without a transpose product");
        }
        transpose.apply(x, y);
    }
}
