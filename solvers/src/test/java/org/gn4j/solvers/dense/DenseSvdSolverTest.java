package org.gn4j.solvers.dense;

import static org.gn4j.solvers.DenseReference.multiply;
import static org.gn4j.solvers.DenseReference.multiplyTranspose;
import static org.gn4j.solvers.DenseReference.norm;
import static org.gn4j.solvers.DenseReference.residual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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

class DenseSvdSolverTest extends LeastSquaresSolverContract {

    @Override
    protected LinearSolver prepareLeastSquares(DMatrixRMaj a) {
        DenseSvdSolver solver = new DenseSvdSolver();
        SolveResult result = solver.factor(a);
        assertTrue(result.converged(), result::toString);
        return solver;
    }

    /** The square SPD contract, through the SVD solver. */
    @Nested
    class AsLinearSolver extends LinearSolverContract {
        @Override
        protected LinearSolver prepareSpd(DMatrixRMaj spd) {
            return prepareLeastSquares(spd);
        }
    }

    @Test
    void wideFullRowRankGivesMinimumNormSolution() {
        int m = 5;
        int n = 12;
        DMatrixRMaj a = RandomMatrices.gaussian(m, n, Seeds.of(100));
        double[] b = RandomMatrices.gaussianVector(m, Seeds.of(101));
        DenseSvdSolver solver = new DenseSvdSolver();
        assertTrue(solver.factor(a).converged());
        assertEquals(m, solver.rank());
        double[] x = new double[n];
        SolveResult result = solver.solve(b, x);
        assertTrue(result.converged(), result::toString);

        // Reference: for full row rank, A⁺b = Aᵀ (AAᵀ)⁻¹ b.
        DMatrixRMaj aat = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(a, a, aat);
        DMatrixRMaj y = new DMatrixRMaj(m, 1);
        assertTrue(CommonOps_DDRM.solve(aat, DMatrixRMaj.wrap(m, 1, b.clone()), y));
        double[] expected = multiplyTranspose(a, y.data);
        Tolerances.assertRelativeClose(expected, x, 1e-12, "minimum-norm solution of a 5x12 system");

        // The system is consistent (Ax = b) and x lies in the row space: its null-space component
        // (I − Aᵀ(AAᵀ)⁻¹A) x vanishes.
        double normA = NormOps_DDRM.normF(a);
        assertTrue(norm(residual(a, x, b)) <= 1e-13 * normA * norm(x), "consistent wide system not fitted");
        double[] ax = multiply(a, x);
        DMatrixRMaj w = new DMatrixRMaj(m, 1);
        CommonOps_DDRM.solve(aat, DMatrixRMaj.wrap(m, 1, ax), w);
        double[] rowSpacePart = multiplyTranspose(a, w.data);
        double[] nullPart = new double[n];
        for (int j = 0; j < n; j++) {
            nullPart[j] = x[j] - rowSpacePart[j];
        }
        assertTrue(norm(nullPart) <= 1e-13 * norm(x), "null-space component " + norm(nullPart));
    }

    @Test
    void rankDeficientTallAndWideMatchThePseudoInverse() {
        checkRankDeficient(12, 8, new double[] {3, 2, 1, 0.5, 0.25, 0, 0, 0}, 5, Seeds.of(102));
        checkRankDeficient(6, 10, new double[] {1, 0.7, 0.4, 0.1, 0, 0}, 4, Seeds.of(103));
    }

    /**
     * A = U diag(σ) Vᵀ from the test kit, with U and V rebuilt from the same seeds; the pseudo-inverse solution is
     * {@code Σ_{σ_i > 0} v_i (u_iᵀ b) / σ_i} and the null space is spanned by the v_i with σ_i = 0.
     */
    private static void checkRankDeficient(int m, int n, double[] sigma, int expectedRank, long seed) {
        DMatrixRMaj a = RandomMatrices.withSingularValues(m, n, sigma, seed);
        DMatrixRMaj u = RandomMatrices.orthogonal(m, seed);
        DMatrixRMaj v = RandomMatrices.orthogonal(n, seed + 7919);
        double[] b = RandomMatrices.gaussianVector(m, seed + 1);

        DenseSvdSolver solver = new DenseSvdSolver();
        SolveResult factored = solver.factor(a);
        assertEquals(SolveStatus.RANK_DEFICIENT, factored.status(), factored::toString);
        assertEquals(expectedRank, solver.rank(), m + "x" + n + " rank");

        double[] x = new double[n];
        SolveResult result = solver.solve(b, x);
        assertEquals(SolveStatus.RANK_DEFICIENT, result.status(), result::toString);

        double[] expected = new double[n];
        for (int i = 0; i < sigma.length; i++) {
            if (sigma[i] == 0) {
                continue;
            }
            double c = 0;
            for (int r = 0; r < m; r++) {
                c += u.get(r, i) * b[r];
            }
            c /= sigma[i];
            for (int j = 0; j < n; j++) {
                expected[j] += v.get(j, i) * c;
            }
        }
        Tolerances.assertRelativeClose(expected, x, 1e-12, m + "x" + n + " pseudo-inverse solution");
        for (int i = 0; i < n; i++) {
            if (i < sigma.length && sigma[i] != 0) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += v.get(j, i) * x[j];
            }
            assertTrue(Math.abs(dot) <= 1e-13 * norm(x), m + "x" + n + ": x·v_" + i + " = " + dot);
        }
        double optimality = norm(multiplyTranspose(a, residual(a, x, b)));
        assertTrue(optimality <= 1e-13 * 10 * norm(b), "‖Aᵀr‖ = " + optimality);
        assertEquals(optimality, result.residualNorm(), 1e-13 * 10 * norm(b));
    }

    @Test
    void toleranceSetsTheCutoff() {
        double[] sigma = {1, 0.5, 0.2};
        DMatrixRMaj a = RandomMatrices.withSingularValues(7, 3, sigma, Seeds.of(104));
        DenseSvdSolver solver = new DenseSvdSolver().withTolerance(0.3);
        assertEquals(SolveStatus.RANK_DEFICIENT, solver.factor(a).status());
        assertEquals(2, solver.rank());
        assertEquals(0.3, solver.cutoff(), 1e-14);
        DenseSvdSolver fine = new DenseSvdSolver();
        assertTrue(fine.factor(a).converged());
        assertEquals(3, fine.rank());
        assertEquals(7 * Math.ulp(1.0), fine.cutoff(), 1e-28);
        double[] s = fine.singularValues();
        java.util.Arrays.sort(s);
        Tolerances.assertRelativeClose(new double[] {0.2, 0.5, 1}, s, 1e-14, "singular values");
    }

    @Test
    void negativeToleranceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DenseSvdSolver().withTolerance(-1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> new DenseSvdSolver().withTolerance(Double.POSITIVE_INFINITY));
    }

    @Test
    void zeroMatrixHasRankZeroAndZeroSolution() {
        DenseSvdSolver solver = new DenseSvdSolver();
        assertEquals(SolveStatus.RANK_DEFICIENT, solver.factor(new DMatrixRMaj(3, 4)).status());
        assertEquals(0, solver.rank());
        double[] x = {1, 1, 1, 1};
        assertEquals(SolveStatus.RANK_DEFICIENT, solver.solve(new double[] {1, 2, 3}, x).status());
        assertArrayEquals(new double[4], x);
    }

    @Test
    void emptyShapesSolve() {
        DenseSvdSolver solver = new DenseSvdSolver();
        assertTrue(solver.factor(new DMatrixRMaj(0, 3)).converged());
        double[] x = {1, 1, 1};
        assertTrue(solver.solve(new double[0], x).converged());
        assertArrayEquals(new double[3], x);
        assertTrue(solver.factor(new DMatrixRMaj(2, 0)).converged());
        assertTrue(solver.solve(new double[] {1, 2}, new double[0]).converged());
    }

    @Test
    void nanMatrixIsNonFinite() {
        DMatrixRMaj a = RandomMatrices.gaussian(4, 6, Seeds.of(105));
        a.set(3, 5, Double.NEGATIVE_INFINITY);
        DenseSvdSolver solver = new DenseSvdSolver();
        SolveResult result = solver.factor(a);
        assertEquals(SolveStatus.NON_FINITE, result.status());
        assertTrue(result.message().contains("[3][5]"), result.message());
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[4], new double[6]));
    }

    @Test
    void solveBeforeFactorIsIllegalState() {
        assertThrows(IllegalStateException.class, () -> new DenseSvdSolver().solve(new double[0], new double[0]));
    }

    @Test
    void refactorWithAnotherShape() {
        DenseSvdSolver solver = new DenseSvdSolver();
        for (int[] shape : new int[][] {{10, 4}, {4, 10}, {6, 6}, {10, 4}}) {
            DMatrixRMaj a = RandomMatrices.gaussian(shape[0], shape[1], Seeds.of(110 + shape[0]));
            double[] xTrue = RandomMatrices.gaussianVector(shape[1], Seeds.of(115));
            assertTrue(solver.factor(a).converged());
            assertEquals(Math.min(shape[0], shape[1]), solver.rank());
            double[] x = new double[shape[1]];
            assertTrue(solver.solve(multiply(a, xTrue), x).converged());
            if (shape[0] >= shape[1]) {
                Tolerances.assertRelativeClose(xTrue, x, 1e-12, shape[0] + "x" + shape[1]);
            } else {
                assertTrue(norm(residual(a, x, multiply(a, xTrue))) <= 1e-12 * norm(xTrue));
            }
        }
    }
}
