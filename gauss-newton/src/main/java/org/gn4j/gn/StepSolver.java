package org.gn4j.gn;

import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;

/** The damped linear solver behind each step of the deterministic solvers (see {@link DampedSolvers}). */
public enum StepSolver {
    /**
     * Householder QR of the augmented Jacobian {@code [J; √λ·D]} (column-pivoted when rank-deficient): the default,
     * it never squares the condition number.
     */
    QR,
    /** Cholesky of the normal equations {@code JᵀJ + λD²}: cheaper for m ≫ n, squares the condition number. */
    CHOLESKY,
    /** Matrix-free conjugate gradient on {@code JᵀJ + λD²}: for large or operator-only Jacobians. */
    CG;

    /**
     * Largest dense Jacobian (bytes, {@code 8·m·n}) formed from a Jacobian operator: above it, the operator is used
     * as it is (matrix-free CG steps whatever the step solver) and the covariance is reported unavailable.
     */
    public static final long DENSE_LIMIT_BYTES = 64L << 20;

    /**
     * Whether a run on {@code problem} uses its Jacobian as an operator: with {@link #CG} on an operator source,
     * and with every step solver on an operator source whose dense form exceeds {@link #DENSE_LIMIT_BYTES}.
     *
     * @param problem the problem to be solved
     * @return {@code true} if the Jacobian is used as an operator
     */
    public boolean matrixFree(LeastSquaresProblem problem) {
        if (problem.jacobianSource() != LeastSquaresProblem.JacobianSource.OPERATOR) {
            return false;
        }
        return this == CG || 8.0 * problem.residualCount() * problem.parameterCount() > DENSE_LIMIT_BYTES;
    }

    /**
     * The core part for {@code problem}: {@link #solver()}, or matrix-free CG where {@link #matrixFree} holds.
     *
     * @param problem the problem to be solved
     * @return a new damped solver for the problem
     */
    public DampedSolver solverFor(LeastSquaresProblem problem) {
        return matrixFree(problem) ? DampedSolvers.cg() : solver();
    }

    /**
     * The core part.
     *
     * @return a new damped solver of this kind
     */
    public DampedSolver solver() {
        switch (this) {
            case QR:
                return DampedSolvers.qr();
            case CHOLESKY:
                return DampedSolvers.cholesky();
            default:
                return DampedSolvers.cg();
        }
    }
}
