package org.gn4j.gn;

/** The linear solver behind each Gauss-Newton-type step. */
public enum StepSolver {
    /**
     * Householder QR of the augmented Jacobian {@code [J; √λ·D]} (column-pivoted when rank-deficient): the default,
     * it never squares the condition number.
     */
    QR,
    /** Cholesky of the normal equations {@code JᵀJ + λD²}: cheaper for m ≫ n, squares the condition number. */
    CHOLESKY,
    /** Matrix-free conjugate gradient on {@code JᵀJ + λD²}: for large or operator-only Jacobians. */
    CG
}
