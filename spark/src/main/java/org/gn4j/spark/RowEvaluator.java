package org.gn4j.spark;

/**
 * Evaluates a {@link RowModel} on the rows of one partition (made on the executor by {@link RowModel#evaluator()}).
 *
 * @param <T> the row type
 */
public interface RowEvaluator<T> {
    /**
     * The residuals of one row at θ.
     *
     * @param theta the parameters (length n; not to be modified)
     * @param row   the observation
     * @param r     out: the c residuals
     */
    void residuals(double[] theta, T row, double[] r);

    /**
     * The residuals of one row and their Jacobian rows at θ.
     *
     * @param jac out: {@code ∂r_k/∂θ_j} at {@code jac[k·n + j]} (c×n, row-major)
     * @param theta the parameters (length n; not to be modified)
     * @param row the observation
     * @param r out: the c residuals
     */
    void residualsAndJacobian(double[] theta, T row, double[] r, double[] jac);
}
