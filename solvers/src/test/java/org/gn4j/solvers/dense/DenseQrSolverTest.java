package org.gn4j.solvers.dense;

import static org.gn4j.solvers.DenseReference.multiply;
import static org.gn4j.solvers.DenseReference.multiplyTranspose;
import static org.gn4j.solvers.DenseReference.norm;
import static org.gn4j.solvers.DenseReference.normalEquationSolution;
import static org.gn4j.solvers.DenseReference.residual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.gn4j.solvers.LeastSquaresSolverContract;
import org.gn4j.solvers.LinearSolver;
import org.gn4j.solvers.LinearSolverContract;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DenseQrSolverTest extends LeastSquaresSolverContract {

    @Override
    protected LinearSolver prepareLeastSquares(DMatrixRMaj a) {
        DenseQrSolver solver = new DenseQrSolver();
        SolveResult result = solver.factor(a);
        assertTrue(result.converged(), result::toString);
        return solver;
    }

    /** The square SPD contract, through the QR solver. */
    @Nested
    class AsLinearSolver extends LinearSolverContract {
        @Override
        protected LinearSolver prepareSpd(DMatrixRMaj spd) {
            return prepareLeastSquares(spd);
        }
    }

    @Test
    void wideMatrixIsRejectedPointingToSvd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DenseQrSolver().factor(new DMatrixRMaj(3, 5)));
        assertTrue(e.getMessage().contains("expected") && e.getMessage().contains("DenseSvdSolver"),
                e.getMessage());
    }

    @Test
    void duplicatedColumnIsRankDeficientWithOptimalMinimumNormSolution() {
        int m = 20;
        int n = 6;
        DMatrixRMaj reduced = RandomMatrices.gaussian(m, n - 1, Seeds.of(80));
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n - 1; j++) {
                a.set(i, j, reduced.get(i, j));
            }
            a.set(i, n - 1, reduced.get(i, 2)); // column 5 duplicates column 2
        }
        double[] b = RandomMatrices.gaussianVector(m, Seeds.of(81));

        DenseQrSolver solver = new DenseQrSolver();
        SolveResult factored = solver.factor(a);
        assertEquals(SolveStatus.RANK_DEFICIENT, factored.status(), factored::toString);
        assertEquals(n - 1, solver.rank());
        assertTrue(solver.isPivoted());

        double[] x = new double[n];
        SolveResult result = solver.solve(b, x);
        assertEquals(SolveStatus.RANK_DEFICIENT, result.status(), result::toString);
        Tolerances.assertAllFinite(x, "rank-deficient solution");

        // Optimality: Aᵀ(b − Ax) ≈ 0, as for any least-squares solution.
        double optimality = norm(multiplyTranspose(a, residual(a, x, b)));
        double normA = NormOps_DDRM.normF(a);
        assertTrue(optimality <= 1e-13 * normA * (normA * norm(x) + norm(b)), "‖Aᵀr‖ = " + optimality);
        assertEquals(optimality, result.residualNorm(), 1e-12 * normA * norm(b));

        // Minimum norm: with z the (unique) solution for the reduced matrix, the minimum-norm x splits z_2
        // equally over the two copies of the column and agrees with z elsewhere.
        double[] z = normalEquationSolution(reduced, b);
        double[] expected = {z[0], z[1], z[2] / 2, z[3], z[4], z[2] / 2};
        Tolerances.assertRelativeClose(expected, x, 1e-12, "minimum-norm solution");
    }

    @Test
    void illConditionedFullRankMatrixStaysUnpivoted() {
        DMatrixRMaj a = RandomMatrices.illConditioned(30, 10, 1e8, Seeds.of(82));
        DenseQrSolver solver = new DenseQrSolver();
        SolveResult result = solver.factor(a);
        assertTrue(result.converged(), result::toString);
        assertEquals(10, solver.rank());
        assertFalse(solver.isPivoted());
    }

    @Test
    void singularValueBelowToleranceLowersTheRank() {
        // σ = 1 … 1e-15 < max(m, n)·ε ≈ 6.7e-15: numerically rank 9 of 10.
        double[] sigma = {1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 1e-15};
        DMatrixRMaj a = RandomMatrices.withSingularValues(30, 10, sigma, Seeds.of(83));
        DenseQrSolver solver = new DenseQrSolver();
        assertEquals(SolveStatus.RANK_DEFICIENT, solver.factor(a).status());
        assertEquals(9, solver.rank());
        // With a looser tolerance, the same matrix at σ_min = 1e-6 is rank 9 too.
        sigma[9] = 1e-6;
        DenseQrSolver loose = new DenseQrSolver().withRankTolerance(1e-4);
        assertEquals(SolveStatus.RANK_DEFICIENT,
                loose.factor(RandomMatrices.withSingularValues(30, 10, sigma, Seeds.of(83))).status());
        assertEquals(9, loose.rank());
    }

    @Test
    void zeroMatrixHasRankZeroAndZeroSolution() {
        DenseQrSolver solver = new DenseQrSolver();
        assertEquals(SolveStatus.RANK_DEFICIENT, solver.factor(new DMatrixRMaj(5, 3)).status());
        assertEquals(0, solver.rank());
        double[] x = {1, 2, 3};
        SolveResult result = solver.solve(new double[] {1, 2, 3, 4, 5}, x);
        assertEquals(SolveStatus.RANK_DEFICIENT, result.status());
        assertArrayEquals(new double[3], x);
    }

    @Test
    void nanMatrixIsNonFinite() {
        DMatrixRMaj a = RandomMatrices.gaussian(6, 3, Seeds.of(84));
        a.set(4, 1, Double.NaN);
        DenseQrSolver solver = new DenseQrSolver();
        SolveResult result = solver.factor(a);
        assertEquals(SolveStatus.NON_FINITE, result.status());
        assertTrue(result.message().contains("[4][1]"), result.message());
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[6], new double[3]));
    }

    @Test
    void solveBeforeFactorIsIllegalState() {
        assertThrows(IllegalStateException.class, () -> new DenseQrSolver().solve(new double[0], new double[0]));
    }

    @Test
    void refactorWithAnotherShapeAndBackFromPivoted() {
        DenseQrSolver solver = new DenseQrSolver();
        DMatrixRMaj deficient = new DMatrixRMaj(8, 3);
        for (int i = 0; i < 8; i++) {
            deficient.set(i, 0, i + 1);
            deficient.set(i, 1, 2 * (i + 1));
            deficient.set(i, 2, 1);
        }
        assertEquals(SolveStatus.RANK_DEFICIENT, solver.factor(deficient).status());
        assertEquals(2, solver.rank());
        for (int[] shape : new int[][] {{10, 4}, {7, 7}, {10, 4}}) {
            DMatrixRMaj a = RandomMatrices.gaussian(shape[0], shape[1], Seeds.of(90 + shape[1]));
            double[] xTrue = RandomMatrices.gaussianVector(shape[1], Seeds.of(95));
            assertTrue(solver.factor(a).converged());
            assertFalse(solver.isPivoted());
            assertEquals(shape[1], solver.rank());
            double[] x = new double[shape[1]];
            assertTrue(solver.solve(multiply(a, xTrue), x).converged());
            Tolerances.assertRelativeClose(xTrue, x, 1e-12, shape[0] + "x" + shape[1]);
        }
    }

    @Test
    void negativeRankToleranceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DenseQrSolver().withRankTolerance(-1));
        assertThrows(IllegalArgumentException.class, () -> new DenseQrSolver().withRankTolerance(Double.NaN));
    }

    @Test
    void reportsAtbAsRhsNorm() {
        DMatrixRMaj a = RandomMatrices.gaussian(12, 4, Seeds.of(96));
        double[] b = RandomMatrices.gaussianVector(12, Seeds.of(97));
        DenseQrSolver solver = new DenseQrSolver();
        solver.factor(a);
        SolveResult result = solver.solve(b, new double[4]);
        double atb = norm(multiplyTranspose(a, b));
        assertEquals(atb, result.rhsNorm(), 1e-14 * atb);
    }
}
