package org.gn4j.solvers.dense;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.solvers.LinearSolver;
import org.gn4j.solvers.SolveResult;

/**
 * A direct solver for a dense matrix held as an EJML {@link DMatrixRMaj}: {@link #factor(DMatrixRMaj)} once, then
 * {@link #solve(double[], double[])} for any number of right-hand sides.
 *
 * <p>{@code factor} copies {@code A} into storage owned by the solver, so the caller's matrix is never modified and
 * may be changed or reused right after the call. A solver keeps its work buffers and EJML decomposition between calls
 * and re-creates them only when the shape changes. Instances are not thread-safe.
 */
public interface DenseSolver extends LinearSolver {

    /**
     * Factors {@code A} for later solves. After a result whose {@link SolveResult#hasSolution()} is false, the solver
     * is unprepared and {@link #solve(double[], double[])} throws {@link IllegalStateException} until the next
     * successful factorization.
     *
     * @param a the matrix, {@code rows × cols}; the shapes an implementation accepts are documented there. Read only.
     * @return the outcome: a status (numerical trouble such as a non-finite entry, an indefinite or a singular matrix
     *         is reported here, never thrown) with the residual fields NaN
     * @throws IllegalArgumentException if {@code a} is null or has a shape the implementation does not accept
     */
    SolveResult factor(DMatrixRMaj a);

    /**
     * True after a factorization whose result holds a solution, that is, when {@code solve} may be called.
     *
     * @return whether the last factorization succeeded
     */
    boolean isFactored();
}
