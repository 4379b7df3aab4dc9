package org.gn4j.spark;

import java.io.Serializable;

/**
 * The residuals of one row at θ and, when {@code jac} is not null, their Jacobian rows ({@code ∂r_k/∂θ_j} at
 * {@code jac[k·n + j]}); a serializable lambda shipped to the executors (see {@link RowModel#of}).
 *
 * @param <T> the row type
 */
@FunctionalInterface
public interface RowFunction<T> extends Serializable {
    /**
     * @param theta the parameters (length n; not to be modified)
     * @param row   the observation
     * @param r     out: the c residuals
     * @param jac   out: the c×n Jacobian rows, or null when only the residuals are wanted
     */
    void evaluate(double[] theta, T row, double[] r, double[] jac);
}
