package org.gn4j.solvers;

import static org.gn4j.solvers.DenseReference.multiply;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LinearSolver} must meet on symmetric positive definite systems, written against the
 * interface only: a subclass supplies {@link #prepareSpd(DMatrixRMaj)} (factor, build a Gram matrix, wrap an
 * operator...) and inherits every case. Iterative solvers override {@link #forwardErrorTolerance(double)} to match
 * their stopping tolerance.
 *
 * <p>Requirements beyond the interface javadoc that these cases pin down: a zero right-hand side gives exactly the
 * zero solution whatever {@code x} held before; {@code solve(b, b)} gives the same answer as {@code solve(b, x)}
 * with {@code x} a copy of {@code b}; a 0×0 system solves.
 */
public abstract class LinearSolverContract {

    /**
     * Returns a solver prepared for the given SPD matrix, ready for {@link LinearSolver#solve(double[], double[])}.
     * The matrix must not be modified by the preparation (the contract checks answers against it).
     */
    protected abstract LinearSolver prepareSpd(DMatrixRMaj spd);

    /**
     * Relative forward-error tolerance {@code ‖x − x_true‖ / ‖x_true‖} allowed for an SPD system of 2-norm condition
     * number {@code cond}. Default {@code cond·1e-14}: a backward-stable direct solve has forward error about
     * {@code c(n)·cond·ε} with ε ≈ 2.2e-16, so this allows {@code c(n)} up to about 45. Measured with the dense
     * Cholesky, QR and SVD solvers: {@code c} ≤ 0.15 on the random SPD case and ≤ 0.005 on Hilbert 8 (whose
     * right-hand sides e_j do not excite the worst direction), so the default leaves a margin of at least 300
     * without hiding an error of a few digits.
     */
    protected double forwardErrorTolerance(double cond) {
        return cond * 1e-14;
    }

    @Test
    void emptySystemSolves() {
        LinearSolver solver = prepareSpd(new DMatrixRMaj(0, 0));
        assertEquals(0, solver.rows());
        assertEquals(0, solver.cols());
        assertTrue(solver.solve(new double[0], new double[0]).hasSolution());
    }

    @Test
    void oneByOne() {
        LinearSolver solver = prepareSpd(new DMatrixRMaj(new double[][] {{4}}));
        double[] x = new double[1];
        SolveResult result = solver.solve(new double[] {2}, x);
        assertTrue(result.hasSolution(), result::toString);
        assertEquals(0.5, x[0], 1e-15);
    }

    @Test
    void handCheckedTwoByTwo() {
        // [4 1; 1 3] x = [1; 2]  =>  x = [1/11; 7/11] (Cramer: det = 11).
        LinearSolver solver = prepareSpd(new DMatrixRMaj(new double[][] {{4, 1}, {1, 3}}));
        double[] x = new double[2];
        SolveResult result = solver.solve(new double[] {1, 2}, x);
        assertTrue(result.hasSolution(), result::toString);
        Tolerances.assertAbsoluteClose(new double[] {1.0 / 11, 7.0 / 11}, x, 1e-15, "2x2 solution");
    }

    @Test
    void handCheckedThreeByThree() {
        // A = L Lᵀ with L = [2 0 0; 6 1 0; -8 5 3]; b = A [1 2 3]ᵀ, all integers. κ₂(A) ≈ 6.5e3.
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}});
        LinearSolver solver = prepareSpd(a);
        double[] x = new double[3];
        SolveResult result = solver.solve(new double[] {-20, -43, 192}, x);
        assertTrue(result.hasSolution(), result::toString);
        Tolerances.assertRelativeClose(new double[] {1, 2, 3}, x, forwardErrorTolerance(6.5e3), "3x3 solution");
    }

    @Test
    void randomSpdAgainstKnownSolution() {
        int n = 50;
        double cond = 1e4;
        DMatrixRMaj a = RandomMatrices.spd(n, cond, Seeds.of(1));
        double[] xTrue = RandomMatrices.gaussianVector(n, Seeds.of(2));
        double[] b = multiply(a, xTrue);
        LinearSolver solver = prepareSpd(a);
        double[] x = new double[n];
        SolveResult result = solver.solve(b, x);
        assertTrue(result.hasSolution(), result::toString);
        Tolerances.assertRelativeClose(xTrue, x, forwardErrorTolerance(cond), "SPD n=50, cond 1e4");
    }

    @Test
    void hilbertEightAgainstExactInverse() {
        // κ₂(H₈) ≈ 1.53e10. Solving H x = e_j must return column j of the exactly known H⁻¹ (integer entries);
        // the right-hand sides and the reference are exact, so only the solver's own error is measured.
        int n = 8;
        DMatrixRMaj h = RandomMatrices.hilbert(n);
        DMatrixRMaj hInv = RandomMatrices.hilbertInverse(n);
        LinearSolver solver = prepareSpd(h);
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] x = new double[n];
            SolveResult result = solver.solve(e, x);
            assertTrue(result.hasSolution(), result::toString);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = hInv.get(i, j);
            }
            Tolerances.assertRelativeClose(expected, x, forwardErrorTolerance(1.53e10), "Hilbert 8, column " + j);
        }
    }

    @Test
    void wrongRhsLengthIsRejected() {
        LinearSolver solver = prepareSpd(RandomMatrices.spd(4, 10, Seeds.of(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(new double[5], new double[4]));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void wrongSolutionLengthIsRejected() {
        LinearSolver solver = prepareSpd(RandomMatrices.spd(4, 10, Seeds.of(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(new double[4], new double[3]));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void nanInRhsIsRejectedNamingTheIndex() {
        LinearSolver solver = prepareSpd(RandomMatrices.spd(4, 10, Seeds.of(3)));
        double[] b = {1, 2, Double.NaN, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(b, new double[4]));
        assertTrue(e.getMessage().contains("[2]"), e.getMessage());
    }

    @Test
    void infinityInRhsIsRejected() {
        LinearSolver solver = prepareSpd(RandomMatrices.spd(4, 10, Seeds.of(3)));
        double[] b = {Double.POSITIVE_INFINITY, 2, 3, 4};
        assertThrows(IllegalArgumentException.class, () -> solver.solve(b, new double[4]));
    }

    @Test
    void inPlaceSolveMatchesSeparateArrays() {
        int n = 20;
        DMatrixRMaj a = RandomMatrices.spd(n, 100, Seeds.of(4));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(5));
        LinearSolver solver = prepareSpd(a);
        double[] x = b.clone(); // same starting point as the in-place call, for warm-starting solvers
        SolveResult separate = solver.solve(b, x);
        double[] inPlace = b.clone();
        SolveResult aliased = solver.solve(inPlace, inPlace);
        assertTrue(separate.hasSolution(), separate::toString);
        assertTrue(aliased.hasSolution(), aliased::toString);
        Tolerances.assertRelativeClose(x, inPlace, 1e-14, "solve(b, b) vs solve(b, x)");
    }

    @Test
    void rhsIsNotModified() {
        int n = 20;
        DMatrixRMaj a = RandomMatrices.spd(n, 100, Seeds.of(4));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(6));
        double[] copy = b.clone();
        prepareSpd(a).solve(b, new double[n]);
        assertArrayEquals(copy, b);
    }

    @Test
    void severalRightHandSidesAfterOnePreparation() {
        int n = 30;
        double cond = 1e3;
        DMatrixRMaj a = RandomMatrices.spd(n, cond, Seeds.of(7));
        LinearSolver solver = prepareSpd(a);
        double[] first = null;
        for (int k = 0; k < 3; k++) {
            double[] xTrue = RandomMatrices.gaussianVector(n, Seeds.of(10 + k));
            double[] x = new double[n];
            SolveResult result = solver.solve(multiply(a, xTrue), x);
            assertTrue(result.hasSolution(), result::toString);
            Tolerances.assertRelativeClose(xTrue, x, forwardErrorTolerance(cond), "right-hand side " + k);
            if (k == 0) {
                first = x;
            }
        }
        // The first right-hand side again: nothing left over from the solves in between.
        double[] again = new double[n];
        solver.solve(multiply(a, RandomMatrices.gaussianVector(n, Seeds.of(10))), again);
        Tolerances.assertRelativeClose(first, again, 1e-14, "first right-hand side solved again");
    }

    @Test
    void zeroRhsGivesZeroSolution() {
        int n = 10;
        LinearSolver solver = prepareSpd(RandomMatrices.spd(n, 100, Seeds.of(8)));
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0);
        SolveResult result = solver.solve(new double[n], x);
        assertTrue(result.hasSolution(), result::toString);
        Tolerances.assertAbsoluteClose(new double[n], x, 0.0, "solution of A x = 0");
    }
}
