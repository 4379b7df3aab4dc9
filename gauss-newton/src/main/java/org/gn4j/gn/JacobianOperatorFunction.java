package org.gn4j.gn;

import org.gn4j.linalg.op.LinearOperator;

/**
 * A matrix-free Jacobian: the operator {@code J(β)} (m×n) whose {@code apply} is the Jacobian-vector product (JVP,
 * forward mode) and whose {@code applyTranspose} is the vector-Jacobian product (VJP, reverse mode). The returned
 * operator need only stay valid until the next call.
 */
@FunctionalInterface
public interface JacobianOperatorFunction {
    /**
     * The Jacobian at {@code beta} as an operator of shape m×n.
     *
     * @param beta the parameters β, length n
     * @return the m × n Jacobian at β
     */
    LinearOperator at(double[] beta);
}
