package org.gn4j.solvers.dense;

import static org.gn4j.solvers.DenseReference.multiply;
import static org.gn4j.solvers.DenseReference.norm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.solvers.LinearSolver;
import org.gn4j.solvers.LinearSolverContract;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;

class DenseCholeskySolverTest extends LinearSolverContract {

    @Override
    protected LinearSolver prepareSpd(DMatrixRMaj spd) {
        DenseCholeskySolver solver = new DenseCholeskySolver();
        SolveResult result = solver.factor(spd);
        assertTrue(result.converged(), result::toString);
        return solver;
    }

    @Test
    void indefiniteMatrixIsNotPositiveDefinite() {
        DMatrixRMaj a = RandomMatrices.withEigenvalues(new double[] {1, 2, -1, 3}, Seeds.of(40));
        DenseCholeskySolver solver = new DenseCholeskySolver();
        assertEquals(SolveStatus.NOT_POSITIVE_DEFINITE, solver.factor(a).status());
        assertFalse(solver.isFactored());
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[4], new double[4]));
    }

    @Test
    void failedFactorLeavesSolverUnprepared() {
        DenseCholeskySolver solver = new DenseCholeskySolver();
        assertTrue(solver.factor(RandomMatrices.spd(4, 10, Seeds.of(41))).converged());
        assertEquals(SolveStatus.NOT_POSITIVE_DEFINITE,
                solver.factor(RandomMatrices.withEigenvalues(new double[] {1, -2, 3, 4}, Seeds.of(42))).status());
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[4], new double[4]));
    }

    @Test
    void nanMatrixIsNonFinite() {
        DMatrixRMaj a = RandomMatrices.spd(3, 10, Seeds.of(43));
        a.set(1, 2, Double.NaN);
        DenseCholeskySolver solver = new DenseCholeskySolver();
        SolveResult result = solver.factor(a);
        assertEquals(SolveStatus.NON_FINITE, result.status());
        assertTrue(result.message().contains("[1][2]"), result.message());
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[3], new double[3]));
    }

    @Test
    void infiniteMatrixIsNonFinite() {
        DMatrixRMaj a = RandomMatrices.spd(3, 10, Seeds.of(43));
        a.set(0, 0, Double.POSITIVE_INFINITY);
        assertEquals(SolveStatus.NON_FINITE, new DenseCholeskySolver().factor(a).status());
    }

    @Test
    void numericallySingularMatrixIsSingular() {
        // Pivots 1 and 1e-20: positive, so EJML succeeds, but the ratio 1e-20 is far below n·ε ≈ 4.4e-16.
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1e-20}});
        DenseCholeskySolver solver = new DenseCholeskySolver();
        SolveResult result = solver.factor(a);
        assertEquals(SolveStatus.SINGULAR, result.status(), result::toString);
        assertEquals(1e-20, solver.pivotRatio(), 1e-30);
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[2], new double[2]));
    }

    @Test
    void illConditionedButNonSingularMatrixPasses() {
        // κ = 1e12: pivots ratio ≥ 1e-12 > n·ε, a valid (if inaccurate) factorization.
        DenseCholeskySolver solver = new DenseCholeskySolver();
        SolveResult result = solver.factor(RandomMatrices.spd(10, 1e12, Seeds.of(44)));
        assertTrue(result.converged(), result::toString);
        assertTrue(solver.pivotRatio() >= 1e-12 * (1 - 1e-3), "pivot ratio " + solver.pivotRatio());
    }

    @Test
    void callersMatrixIsUnchanged() {
        DMatrixRMaj a = RandomMatrices.spd(12, 100, Seeds.of(45));
        DMatrixRMaj copy = a.copy();
        DenseCholeskySolver solver = new DenseCholeskySolver();
        solver.factor(a);
        solver.solve(RandomMatrices.gaussianVector(12, Seeds.of(46)), new double[12]);
        assertArrayEquals(copy.data, a.data);
    }

    @Test
    void changingTheCallersMatrixAfterFactorDoesNotAffectSolves() {
        DMatrixRMaj a = RandomMatrices.spd(6, 10, Seeds.of(47));
        DMatrixRMaj original = a.copy();
        double[] xTrue = RandomMatrices.gaussianVector(6, Seeds.of(48));
        DenseCholeskySolver solver = new DenseCholeskySolver();
        solver.factor(a);
        a.zero();
        double[] x = new double[6];
        SolveResult result = solver.solve(multiply(original, xTrue), x);
        Tolerances.assertRelativeClose(xTrue, x, 1e-13, "solution after the caller zeroed A");
        assertTrue(result.residualNorm() < 1e-13, result::toString);
    }

    @Test
    void nonSquareMatrixIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DenseCholeskySolver().factor(new DMatrixRMaj(3, 4)));
        assertTrue(e.getMessage().contains("3x4") && e.getMessage().contains("expected"), e.getMessage());
    }

    @Test
    void nullMatrixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DenseCholeskySolver().factor(null));
    }

    @Test
    void solveBeforeFactorIsIllegalState() {
        assertThrows(IllegalStateException.class,
                () -> new DenseCholeskySolver().solve(new double[0], new double[0]));
    }

    @Test
    void refactorWithAnotherSize() {
        DenseCholeskySolver solver = new DenseCholeskySolver();
        for (int n : new int[] {5, 9, 5, 1}) {
            DMatrixRMaj a = RandomMatrices.spd(n, 50, Seeds.of(50 + n));
            double[] xTrue = RandomMatrices.gaussianVector(n, Seeds.of(60 + n));
            assertTrue(solver.factor(a).converged());
            assertEquals(n, solver.rows());
            assertEquals(n, solver.cols());
            double[] x = new double[n];
            assertTrue(solver.solve(multiply(a, xTrue), x).converged());
            Tolerances.assertRelativeClose(xTrue, x, 1e-12, "n = " + n);
        }
    }

    @Test
    void reportsResidualAndRhsNorms() {
        int n = 25;
        DMatrixRMaj a = RandomMatrices.spd(n, 1e6, Seeds.of(70));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(71));
        DenseCholeskySolver solver = new DenseCholeskySolver();
        solver.factor(a);
        double[] x = new double[n];
        SolveResult result = solver.solve(b, x);
        double[] ax = multiply(a, x);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (b[i] - ax[i]) * (b[i] - ax[i]);
        }
        // Both residuals are round-off sized; they differ by the summation order, O(n·ε·‖A‖‖x‖).
        double roundOff = 1e-13 * org.ejml.dense.row.NormOps_DDRM.normF(a) * norm(x);
        assertEquals(Math.sqrt(s), result.residualNorm(), roundOff);
        assertEquals(norm(b), result.rhsNorm(), 1e-15 * norm(b));
        // Backward stability: ‖b − Ax‖ = O(n·ε·‖A‖‖x‖) whatever the condition number (here 1e6).
        assertTrue(result.residualNorm() <= roundOff, result::toString);
    }

    @Test
    void blockedKernelAboveEjmlSwitchSize() {
        // EJML switches to its blocked Cholesky at n = 1000; the pivot test must read that factor too.
        int n = 1000;
        DMatrixRMaj a = RandomMatrices.badlyScaledDiagonallyDominant(n, 1e3, Seeds.of(72));
        double[] xTrue = RandomMatrices.gaussianVector(n, Seeds.of(73));
        DenseCholeskySolver solver = new DenseCholeskySolver();
        SolveResult factored = solver.factor(a);
        assertTrue(factored.converged(), factored::toString);
        assertTrue(solver.pivotRatio() > 1e-6 && solver.pivotRatio() <= 1, "pivot ratio " + solver.pivotRatio());
        double[] x = new double[n];
        SolveResult result = solver.solve(multiply(a, xTrue), x);
        assertTrue(result.converged(), result::toString);
        Tolerances.assertRelativeClose(xTrue, x, 1e-11, "blocked Cholesky, n = 1000");
    }
}
