package org.gn4j.gn;

import org.ejml.data.DMatrixRMaj;

/** A user-supplied dense Jacobian {@code J_ij = ∂r_i/∂β_j} (m×n, row-major). Must overwrite every entry. */
@FunctionalInterface
public interface JacobianFunction {
    /**
     * @param beta     parameters, length n (read only)
     * @param jacobian output, m×n
     */
    void evaluate(double[] beta, DMatrixRMaj jacobian);
}
