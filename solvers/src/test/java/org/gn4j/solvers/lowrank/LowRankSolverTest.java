package org.gn4j.solvers.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.linalg.blas.CpuBlas;
import org.gn4j.linalg.op.DenseOperator;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LowRankSolverTest {

    /** Push-through and Woodbury forms against the refined dense d×d solve, for every μ of the sweep. */
    private static void compareWithDense(int k, int d, double[] mus, long seed) {
        DMatrixRMaj u = RandomMatrices.gaussian(k, d, seed);
        double[] h = RandomMatrices.gaussianVector(k, seed + 1);
        double[] b = RandomMatrices.gaussianVector(d, seed + 2);
        LowRankSolver lr = new LowRankSolver();
        assertEquals(SolveStatus.CONVERGED, lr.setFactor(u).status());
        for (double mu : mus) {
            assertEquals(SolveStatus.CONVERGED, lr.factor(mu).status(), "factor at mu " + mu);
            RefinedDenseReference ref = new RefinedDenseReference(u, mu);

            double[] x = new double[d];
            SolveResult push = lr.solvePushThrough(h, x);
            assertEquals(SolveStatus.CONVERGED, push.status());
            Tolerances.assertRelativeClose(ref.solveRowSpace(h), x, 1e-10,
                    "push-through U'(UU'+muI)^-1 h vs dense (U'U+muI)^-1 U'h, " + k + "x" + d + ", mu " + mu);

            double[] y = new double[d];
            SolveResult normal = lr.solveNormal(b, y);
            assertEquals(SolveStatus.CONVERGED, normal.status());
            Tolerances.assertRelativeClose(ref.solve(b), y, 1e-10,
                    "Woodbury (U'U+muI)^-1 b vs dense, " + k + "x" + d + ", mu " + mu);
        }
    }

    @Test
    void agreesWithDenseSolve50x2000AcrossDampings() {
        compareWithDense(50, 2000, new double[] {1e-8, 1e-6, 1e-4, 1e-2, 1, 1e2}, Seeds.of(100));
    }

    @Test
    @Tag("slow")
    void agreesWithDenseSolve200x5000AtBothEndsOfTheDampingRange() {
        compareWithDense(200, 5000, new double[] {1e-8, 1e2}, Seeds.of(200));
    }

    @Test
    void smallSolveAndReportedResiduals() {
        DMatrixRMaj u = RandomMatrices.gaussian(8, 30, 5);
        LowRankSolver lr = new LowRankSolver(new CpuBlas(false));
        lr.setFactor(u);
        lr.factor(0.5);
        double[] h = RandomMatrices.gaussianVector(8, 6);
        double[] y = new double[8];
        SolveResult res = lr.solveSmall(h, y);
        DMatrixRMaj g = new DMatrixRMaj(8, 8);
        CommonOps_DDRM.multTransB(u, u, g);
        for (int i = 0; i < 8; i++) {
            g.data[i * 8 + i] += 0.5;
        }
        double[] gy = new double[8];
        new DenseOperator(g).apply(y, gy);
        Tolerances.assertRelativeClose(h, gy, 1e-13, "(UU' + mu I) y = h");
        assertTrue(res.relativeResidual() < 1e-13);
        // the Woodbury solve reports its true residual
        double[] b = RandomMatrices.gaussianVector(30, 7);
        double[] x = new double[30];
        assertTrue(lr.solveNormal(b, x).relativeResidual() < 1e-13);
    }

    @Test
    void zeroDampingWithFullRowRankGivesTheMinimumNormSolution() {
        // μ = 0: x = Uᵀ(UUᵀ)⁻¹h solves Ux = h with minimum norm
        DMatrixRMaj u = RandomMatrices.gaussian(6, 20, 8);
        double[] h = RandomMatrices.gaussianVector(6, 9);
        LowRankSolver lr = new LowRankSolver();
        lr.setFactor(u);
        assertEquals(SolveStatus.CONVERGED, lr.factor(0).status());
        double[] x = new double[20];
        lr.solvePushThrough(h, x);
        double[] ux = new double[6];
        new DenseOperator(u).apply(x, ux);
        Tolerances.assertRelativeClose(h, ux, 1e-12, "Ux = h");
        DMatrixRMaj pinv = new DMatrixRMaj(20, 6);
        CommonOps_DDRM.pinv(u, pinv);
        double[] xp = new double[20];
        new DenseOperator(pinv).apply(h, xp);
        Tolerances.assertRelativeClose(xp, x, 1e-10, "pseudo-inverse solution");
        // the normal form is singular for d > k at μ = 0: a status, x untouched
        double[] y = {1, 2};
        double[] z = new double[20];
        z[0] = 42;
        assertEquals(SolveStatus.SINGULAR, lr.solveNormal(new double[20], z).status());
        assertEquals(42, z[0]);
        assertEquals(2, y.length);
    }

    @Test
    void rankDeficientFactorWithoutDampingIsAStatus() {
        DMatrixRMaj u = RandomMatrices.gaussian(4, 10, 10);
        System.arraycopy(u.data, 0, u.data, 10, 10); // row 1 = row 0
        LowRankSolver lr = new LowRankSolver();
        lr.setFactor(u);
        SolveResult res = lr.factor(0);
        assertTrue(res.status() == SolveStatus.NOT_POSITIVE_DEFINITE || res.status() == SolveStatus.SINGULAR,
                res.toString());
        assertThrows(IllegalStateException.class, () -> lr.solvePushThrough(new double[4], new double[10]));
        assertEquals(SolveStatus.CONVERGED, lr.factor(1e-3).status(), "damping makes it solvable");
    }

    @Test
    void nonFiniteFactorIsAStatus() {
        DMatrixRMaj u = RandomMatrices.gaussian(3, 5, 11);
        u.data[7] = Double.NaN;
        LowRankSolver lr = new LowRankSolver();
        assertEquals(SolveStatus.NON_FINITE, lr.setFactor(u).status());
        assertThrows(IllegalStateException.class, () -> lr.factor(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void invalidDampingIsRejected(double mu) {
        LowRankSolver lr = new LowRankSolver();
        lr.setFactor(RandomMatrices.gaussian(2, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lr.factor(mu));
        assertTrue(e.getMessage().contains("mu"), e.getMessage());
    }

    @Test
    void shapesAndAliasing() {
        DMatrixRMaj u = RandomMatrices.gaussian(5, 12, 12);
        LowRankSolver lr = new LowRankSolver();
        lr.setFactor(u);
        lr.factor(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lr.solvePushThrough(new double[4], new double[12]));
        assertTrue(e.getMessage().contains("h has length 4, expected 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lr.solveNormal(new double[12], new double[11]));
        assertTrue(e.getMessage().contains("x has length 11, expected 12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lr.setFactor(new double[10], 5, 12));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        double[] b = RandomMatrices.gaussianVector(12, 13);
        double[] x = new double[12];
        lr.solve(b, x);
        double[] bb = b.clone();
        lr.solve(bb, bb);
        Tolerances.assertRelativeClose(x, bb, 1e-15, "in-place Woodbury solve");
        assertEquals(12, lr.rows());
        assertEquals(5, lr.smallDimension());
    }
}
