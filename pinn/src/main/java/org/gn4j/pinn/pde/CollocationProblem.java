package org.gn4j.pinn.pde;

import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.linalg.op.LinearOperator;

/**
 * A physics-informed least-squares problem at one round of collocation sampling, as every PINN trainer sees it: the
 * stacked residual vector {@code r(θ)} of weighted residual groups, its exact Jacobian (dense or matrix-free), the
 * same problem on fresh collocation points, and the errors of its solution where a reference is known.
 * {@link PinnProblem} (a linear operator on one network) and {@link PdeSystemProblem} (nonlinear residuals of several
 * networks and unknown coefficients) are the two kinds.
 *
 * <p>Implementations are immutable and safe to use from several threads at once.
 */
public interface CollocationProblem {
    /**
     * Number of trainable parameters θ.
     *
     * @return the parameter count P
     */
    int parameterCount();

    /**
     * Number of residuals at this round.
     *
     * @return the residual count m
     */
    int residualCount();

    /**
     * {@code r(θ)} into r.
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param r output residuals, length {@link #residualCount()}; overwritten
     * @throws IllegalArgumentException on wrong lengths
     */
    void residuals(double[] theta, double[] r);

    /**
     * The dense Jacobian {@code ∂r/∂θ}, row-major m×P with leading dimension ld, from {@code jac[offset]}.
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param jac output array; row i of the Jacobian goes to {@code jac[offset + i·ld ..]}
     * @param offset offset of entry (0, 0) in {@code jac}
     * @param ld leading dimension (row stride), ≥ P
     * @throws IllegalArgumentException on short arrays or ld &lt; P
     */
    void jacobian(double[] theta, double[] jac, int offset, int ld);

    /**
     * The Jacobian at θ as a matrix-free operator (JVP and VJP); θ is copied.
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @return an m×P operator at a copy of θ
     */
    LinearOperator jacobianOperator(double[] theta);

    /**
     * The problem for the gauss-newton solvers, with the exact dense Jacobian.
     *
     * @return a new least-squares problem of P parameters and m residuals
     */
    default LeastSquaresProblem leastSquares() {
        int p = parameterCount();
        return LeastSquaresProblem.builder(p, residualCount()).residuals(this::residuals)
                .jacobian((b, j) -> jacobian(b, j.data, 0, p)).build();
    }

    /**
     * The problem for the gauss-newton solvers with the matrix-free Jacobian (pair with a CG step solver).
     *
     * @return a new least-squares problem of P parameters and m residuals
     */
    default LeastSquaresProblem leastSquaresMatrixFree() {
        return LeastSquaresProblem.builder(parameterCount(), residualCount()).residuals(this::residuals)
                .jacobianOperator(this::jacobianOperator).build();
    }

    /**
     * The same problem on the collocation points of resampling round {@code round} (0 = the first set).
     *
     * @param round resampling round, ≥ 0
     * @return the problem on that round's points (the same parameters)
     */
    CollocationProblem atRound(int round);

    /**
     * Whether errors against a reference solution can be measured ({@link #errors}).
     *
     * @return true if {@link #errors} can be called
     */
    boolean hasExactSolution();

    /**
     * Errors of the solution at θ against the reference at the points (point-major, the domain's dimension each).
     *
     * @param theta parameters, length {@link #parameterCount()}
     * @param points evaluation points, point-major
     * @return the error metrics of the solution against the reference
     * @throws IllegalStateException if there is no reference ({@link #hasExactSolution()} is false)
     */
    ErrorMetrics errors(double[] theta, double[] points);
}
