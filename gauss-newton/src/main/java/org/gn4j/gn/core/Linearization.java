package org.gn4j.gn.core;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.LinearOperator;

/**
 * A least-squares problem linearized at a point: the cost, the (scaled) residuals {@code r}, the gradient
 * {@code g = Jᵀr} and the Jacobian J as a dense matrix, a matrix-free operator (JVP/VJP), a block-sparse operator,
 * or only through the Gram operator {@code G = JᵀJ} (mini-batch generalized Gauss-Newton matrices). A damped solver
 * reads whichever form it needs. Valid until the objective that made it is linearized again.
 */
public interface Linearization {
    /**
     * Residual rows m (0 when only the Gram operator is known).
     *
     * @return the number of residuals m, or 0
     */
    int rows();

    /**
     * Parameters n.
     *
     * @return the number of parameters n
     */
    int cols();

    /**
     * The cost at the point.
     *
     * @return the cost (½‖r‖² for plain least squares) at the linearization point
     */
    double cost();

    /**
     * The residuals r (length m), or null when only the Gram operator is known. Not to be modified.
     *
     * @return the residual vector (not to be modified), or {@code null}
     */
    double[] residuals();

    /**
     * The gradient {@code g = Jᵀr} (length n). Not to be modified.
     *
     * @return the gradient, length n (not to be modified)
     */
    double[] gradient();

    /**
     * J as an operator, or null when only the Gram operator is known.
     *
     * @return the m × n Jacobian operator, or {@code null}
     */
    LinearOperator jacobian();

    /**
     * J as a dense m×n matrix when one is held (or cheaply formed), else null. Not to be modified.
     *
     * @return the dense m × n Jacobian (not to be modified), or {@code null}
     */
    default DMatrixRMaj denseJacobian() {
        return null;
    }

    /**
     * J as a sparse matrix in compressed rows when the linearization holds one (a sparse problem), else null. Not to
     * be modified.
     *
     * @return the m × n Jacobian in CSR form (not to be modified), or {@code null}
     */
    default org.gn4j.solvers.sparse.CsrMatrix sparseJacobian() {
        return null;
    }

    /**
     * {@code G = JᵀJ} as a dense symmetric n×n matrix (both triangles) when the linearization holds one without a
     * dense J (normal equations accumulated row by row or summed over data partitions), else null. Not to be modified.
     *
     * @return the dense n × n Gram matrix (not to be modified), or {@code null}
     */
    default DMatrixRMaj denseGram() {
        return null;
    }

    /**
     * The Euclidean norm {@code ‖r‖} of the (scaled) residuals, or NaN when it is not known; a linearization that
     * sums its rows without holding r (a Gram pair) gives it from {@code Σrᵢ²}.
     *
     * @return ‖r‖, or NaN
     */
    default double residualNorm() {
        double[] r = residuals();
        return r == null ? Double.NaN : VectorOps.norm2(r);
    }

    /**
     * The Gram operator {@code G = JᵀJ} (symmetric positive semidefinite).
     *
     * @return the n × n Gram operator
     */
    LinearOperator gram();

    /**
     * The curvature {@code sᵀGs = ‖Js‖²} along s.
     *
     * @param s the direction, length n
     * @return {@code ‖Js‖² ≥ 0}
     */
    double curvature(double[] s);

    /**
     * {@code out = J·v} (length m); only where {@link #jacobian()} is not null.
     *
     * @param v the vector, length n
     * @param out receives {@code J·v}, length m, overwritten
     */
    default void jacobianTimes(double[] v, double[] out) {
        jacobian().apply(v, out);
    }

    /**
     * The Euclidean column norms of J into out (zero columns give 1); false when they are not available at a
     * reasonable cost (a matrix-free J with many columns).
     *
     * @param out receives the n column norms, overwritten
     * @return {@code true} if {@code out} was filled
     */
    boolean columnNorms(double[] out);
}
