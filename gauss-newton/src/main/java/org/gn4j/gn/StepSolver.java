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

    /** The core part. */
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
