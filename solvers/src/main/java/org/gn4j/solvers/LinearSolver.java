package org.gn4j.solvers;

/**
 * The solve phase shared by every linear solver: once a solver has been prepared for a matrix or operator (a
 * factorization, a Gram matrix, work buffers; the preparation method is specific to each implementation), it solves
 * for any number of right-hand sides.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code b.length == rows()} and {@code x.length == cols()}, else {@link IllegalArgumentException} naming the
 *       argument, found vs expected; a non-finite entry in {@code b} is also an {@link IllegalArgumentException}.</li>
 *   <li>{@code b} and {@code x} may be the same array (the solve then happens in place); {@code b} is otherwise never
 *       modified.</li>
 *   <li>Calling {@code solve} before a successful preparation throws {@link IllegalStateException}.</li>
 *   <li>Numerical trouble is reported through {@link SolveResult#status()}, never as an exception from inside EJML and
 *       never as NaN in {@code x}.</li>
 * </ul>
 */
public interface LinearSolver {
    /**
     * Rows of the prepared system (length of b).
     *
     * @return the number of rows m, the required length of b
     */
    int rows();

    /**
     * Columns of the prepared system (length of x).
     *
     * @return the number of columns n, the required length of x
     */
    int cols();

    /**
     * Solves {@code A x = b} (or the least-squares problem {@code min ‖Ax − b‖} for a rectangular solver).
     *
     * @param b right-hand side, length {@link #rows()}
     * @param x output, length {@link #cols()}; read as the starting point by iterative solvers with warm start
     * @return the status, iterations and residual norms; x holds a usable answer when {@link
     *         SolveResult#hasSolution()}
     */
    SolveResult solve(double[] b, double[] x);
}
