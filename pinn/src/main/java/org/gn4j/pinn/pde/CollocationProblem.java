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
    /** Number of trainable parameters θ. */
    int parameterCount();

    /** Number of residuals at this round. */
    int residualCount();

    /**
     * {@code r(θ)} into r.
     *
     * @throws IllegalArgumentException on wrong lengths
     */
    void residuals(double[] theta, double[] r);

    /**
     * The dense Jacobian {@code ∂r/∂θ}, row-major m×P with leading dimension ld, from {@code jac[offset]}.
     *
     * @throws IllegalArgumentException on short arrays or ld &lt; P
     */
    void jacobian(double[] theta, double[] jac, int offset, int ld);

    /** The Jacobian at θ as a matrix-free operator (JVP and VJP); θ is copied. */
    LinearOperator jacobianOperator(double[] theta);

    /** The problem for the gauss-newton solvers, with the exact dense Jacobian. */
    default LeastSquaresProblem leastSquares() {
        int p = parameterCount();
        return LeastSquaresProblem.builder(p, residualCount()).residuals(this::residuals)
                .jacobian((b, j) -> jacobian(b, j.data, 0, p)).build();
    }

    /** The problem for the gauss-newton solvers with the matrix-free Jacobian (pair with a CG step solver). */
    default LeastSquaresProblem leastSquaresMatrixFree() {
        return LeastSquaresProblem.builder(parameterCount(), residualCount()).residuals(this::residuals)
                .jacobianOperator(this::jacobianOperator).build();
    }

    /** The same problem on the collocation points of resampling round {@code round} (0 = the first set). */
    CollocationProblem atRound(int round);

    /** Whether errors against a reference solution can be measured ({@link #errors}). */
    boolean hasExactSolution();

    /**
     * Errors of the solution at θ against the reference at the points (point-major, the domain's dimension each).
     *
     * @throws IllegalStateException if there is no reference ({@link #hasExactSolution()} is false)
     */
    ErrorMetrics errors(double[] theta, double[] points);
}
