package org.gn4j.solvers;

import static org.gn4j.solvers.DenseReference.multiply;
import static org.gn4j.solvers.DenseReference.multiplyTranspose;
import static org.gn4j.solvers.DenseReference.norm;
import static org.gn4j.solvers.DenseReference.normalEquationSolution;
import static org.gn4j.solvers.DenseReference.residual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * The contract of a least-squares {@link LinearSolver}: prepared for a full-rank {@code m × n} matrix with
 * {@code m ≥ n}, {@code solve(b, x)} returns the minimizer of {@code ‖Ax − b‖₂}. Written against the interface only;
 * a subclass supplies {@link #prepareLeastSquares(DMatrixRMaj)}.
 *
 * <p>Tolerances assume a backward-stable method (Householder QR, SVD): the optimality residual
 * {@code ‖Aᵀ(b − Ax)‖} is of order {@code ε·‖A‖·(‖A‖‖x‖ + ‖b‖)} and the forward error of a consistent system of order
 * {@code κ·ε}.
 */
public abstract class LeastSquaresSolverContract {
    /** Allowance {@code c(m, n)·ε} for backward errors: {@code c} up to about 450. */
    private static final double BACKWARD = 1e-13;

    /** Returns a solver prepared for {@code a} ({@code m × n}, {@code m ≥ n}); {@code a} must not be modified. */
    protected abstract LinearSolver prepareLeastSquares(DMatrixRMaj a);

    @Test
    void singleColumnIsTheProjectionCoefficient() {
        // min ‖x a − b‖ with a = (1,1,1,1): x = aᵀb / aᵀa = 10/4.
        LinearSolver solver = prepareLeastSquares(new DMatrixRMaj(new double[][] {{1}, {1}, {1}, {1}}));
        double[] x = new double[1];
        SolveResult result = solver.solve(new double[] {1, 2, 3, 4}, x);
        assertTrue(result.hasSolution(), result::toString);
        assertEquals(2.5, x[0], 4e-16);
    }

    @Test
    void matchesNormalEquationsOnWellConditionedTallMatrix() {
        // A Gaussian 40x10 has κ ≈ (√40 + √10)/(√40 − √10) ≈ 3, so AᵀA x = Aᵀb (κ ≈ 9) is a fine reference.
        DMatrixRMaj a = RandomMatrices.gaussian(40, 10, Seeds.of(21));
        double[] b = RandomMatrices.gaussianVector(40, Seeds.of(22));
        double[] expected = normalEquationSolution(a, b);
        double[] x = new double[10];
        SolveResult result = prepareLeastSquares(a).solve(b, x);
        assertTrue(result.converged(), result::toString);
        Tolerances.assertRelativeClose(expected, x, 1e-12, "least squares vs normal equations");
    }

    @Test
    void residualIsOrthogonalToTheColumns() {
        DMatrixRMaj a = RandomMatrices.illConditioned(60, 12, 1e4, Seeds.of(23));
        double[] b = RandomMatrices.gaussianVector(60, Seeds.of(24));
        double[] x = new double[12];
        SolveResult result = prepareLeastSquares(a).solve(b, x);
        assertTrue(result.converged(), result::toString);
        double[] r = residual(a, x, b);
        double optimality = norm(multiplyTranspose(a, r));
        double normA = NormOps_DDRM.normF(a);
        double bound = BACKWARD * normA * (normA * norm(x) + norm(b));
        assertTrue(optimality <= bound, "‖Aᵀ(b − Ax)‖ = " + optimality + " > " + bound);
        if (!Double.isNaN(result.residualNorm())) {
            // SolveResult: for least squares the reported residual is the optimality residual ‖Aᵀ(b − Ax)‖.
            assertEquals(optimality, result.residualNorm(), bound, "reported optimality residual");
        }
    }

    @Test
    void squareSystemIsSolvedExactly() {
        int n = 12;
        double cond = 1e3;
        DMatrixRMaj a = RandomMatrices.illConditioned(n, n, cond, Seeds.of(25));
        double[] xTrue = RandomMatrices.gaussianVector(n, Seeds.of(26));
        double[] x = new double[n];
        SolveResult result = prepareLeastSquares(a).solve(multiply(a, xTrue), x);
        assertTrue(result.converged(), result::toString);
        Tolerances.assertRelativeClose(xTrue, x, cond * BACKWARD, "square non-symmetric system");
    }

    @Test
    void consistentTallSystemIsRecovered() {
        double cond = 1e3;
        DMatrixRMaj a = RandomMatrices.illConditioned(30, 8, cond, Seeds.of(27));
        double[] xTrue = RandomMatrices.gaussianVector(8, Seeds.of(28));
        double[] b = multiply(a, xTrue);
        double[] x = new double[8];
        SolveResult result = prepareLeastSquares(a).solve(b, x);
        assertTrue(result.converged(), result::toString);
        Tolerances.assertRelativeClose(xTrue, x, cond * BACKWARD, "exact fit");
        double normA = NormOps_DDRM.normF(a);
        double fit = norm(residual(a, x, b));
        assertTrue(fit <= BACKWARD * (normA * norm(x) + norm(b)), "‖b − Ax‖ = " + fit + " for a consistent system");
    }

    @Test
    void wrongRhsLengthIsRejected() {
        LinearSolver solver = prepareLeastSquares(RandomMatrices.gaussian(7, 3, Seeds.of(29)));
        // b of length cols instead of rows: the classic mix-up for a tall matrix.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(new double[3], new double[3]));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void wrongSolutionLengthIsRejected() {
        LinearSolver solver = prepareLeastSquares(RandomMatrices.gaussian(7, 3, Seeds.of(29)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(new double[7], new double[7]));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void reportsShape() {
        LinearSolver solver = prepareLeastSquares(RandomMatrices.gaussian(7, 3, Seeds.of(29)));
        assertEquals(7, solver.rows());
        assertEquals(3, solver.cols());
    }

    @Test
    void nonFiniteRhsIsRejected() {
        LinearSolver solver = prepareLeastSquares(RandomMatrices.gaussian(7, 3, Seeds.of(29)));
        double[] b = new double[7];
        b[6] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(b, new double[3]));
        assertTrue(e.getMessage().contains("[6]"), e.getMessage());
    }

    @Test
    void rhsIsNotModified() {
        DMatrixRMaj a = RandomMatrices.gaussian(15, 4, Seeds.of(30));
        double[] b = RandomMatrices.gaussianVector(15, Seeds.of(31));
        double[] copy = b.clone();
        prepareLeastSquares(a).solve(b, new double[4]);
        assertArrayEquals(copy, b);
    }

    @Test
    void inPlaceSolveOfSquareSystemMatchesSeparateArrays() {
        // Aliasing needs b.length == x.length, so only square systems can be solved in place.
        DMatrixRMaj a = RandomMatrices.gaussian(9, 9, Seeds.of(32));
        double[] b = RandomMatrices.gaussianVector(9, Seeds.of(33));
        LinearSolver solver = prepareLeastSquares(a);
        double[] x = b.clone();
        solver.solve(b, x);
        double[] inPlace = b.clone();
        SolveResult result = solver.solve(inPlace, inPlace);
        assertTrue(result.hasSolution(), result::toString);
        Tolerances.assertRelativeClose(x, inPlace, 1e-14, "solve(b, b) vs solve(b, x)");
    }

    @Test
    void matrixIsNotModifiedByPreparationOrSolve() {
        DMatrixRMaj a = RandomMatrices.gaussian(11, 5, Seeds.of(34));
        DMatrixRMaj copy = a.copy();
        LinearSolver solver = prepareLeastSquares(a);
        solver.solve(RandomMatrices.gaussianVector(11, Seeds.of(35)), new double[5]);
        assertArrayEquals(copy.data, a.data);
    }
}
