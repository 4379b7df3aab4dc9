package org.gn4j.gn.sparse;

/**
 * A sparse Jacobian given by its values on a fixed pattern (the problem's {@link
 * org.gn4j.solvers.sparse.CsrMatrix} pattern): {@code values[k]} is the derivative of residual i with respect to
 * parameter {@code colIndex[k]} for {@code rowStart[i] <= k < rowStart[i + 1]}.
 */
@FunctionalInterface
public interface SparseJacobianFunction {
    /**
     * @param beta   parameters, length n (read only)
     * @param values output, one entry per stored entry of the pattern, all overwritten
     */
    void evaluate(double[] beta, double[] values);
}
