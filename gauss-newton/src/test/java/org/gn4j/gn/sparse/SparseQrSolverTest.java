package org.gn4j.gn.sparse;

import static org.gn4j.gn.sparse.SparseSteps.gaussian;
import static org.gn4j.gn.sparse.SparseSteps.randomJacobian;
import static org.gn4j.gn.sparse.SparseSteps.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.Linearization;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.gn4j.solvers.sparse.SparseQr;
import org.junit.jupiter.api.Test;

/** The sparse QR damped solver against dense QR steps, on well- and badly conditioned Jacobians, and in whole runs. */
class SparseQrSolverTest {

    /** Steps for λ in {0, 1e-3, 1, 30} and D in {I, random}, sparse QR (ordered and natural) against dense QR. */
    private static void assertStepsMatchDenseQr(CsrMatrix j, double[] r, double tolerance) {
        SparseQrSolver qr = DampedSolvers.sparseQr();
        SparseSteps.assertStepsMatchDenseQr(j, r, tolerance, qr, qr.withNaturalOrder());
    }

    @Test
    void stepsMatchDenseQrOnRandomSparseJacobians() {
        // tall, square and with fill (the ordering is used where the natural order fills in)
        assertStepsMatchDenseQr(randomJacobian(40, 15, 0.2, 1), gaussian(40, 2), 1e-10);
        assertStepsMatchDenseQr(randomJacobian(30, 30, 0.08, 4), gaussian(30, 5), 1e-10);
        assertStepsMatchDenseQr(randomJacobian(120, 50, 0.05, 6), gaussian(120, 7), 1e-10);
    }

    @Test
    void stepsMatchDenseQrOnAnArrowJacobianWhereTheOrderingMatters() {
        // rows couple parameter 0 with every other one: in the natural order R is dense, ordered it is an arrow
        int n = 60;
        int[][] rows = new int[n + 1][];
        for (int i = 0; i < n; i++) {
            rows[i] = i == 0 ? new int[] {0} : new int[] {0, i};
        }
        rows[n] = new int[] {n - 1};
        CsrMatrix j = CsrMatrix.pattern(n + 1, n, rows);
        Random rnd = new Random(8);
        for (int k = 0; k < j.nonZeros(); k++) {
            j.values()[k] = 1 + rnd.nextDouble();
        }
        assertStepsMatchDenseQr(j, gaussian(n + 1, 9), 1e-10);
        SparseQrSolver ordered = DampedSolvers.sparseQr();
        SparseQrSolver natural = ordered.withNaturalOrder();
        Linearization lin = new SparseLinearization(j, gaussian(n + 1, 9), 0.5);
        ordered.prepare(lin);
        natural.prepare(lin);
        assertEquals(2L * n - 1, ordered.factorNonZeros());
        assertEquals((long) n * (n + 1) / 2, natural.factorNonZeros());
    }

    @Test
    void keepsTheDigitsTheNormalEquationsLoseOnAnIllConditionedJacobian() {
        // J = T² with integer entries and an integer solution, so r = −J x* is exact: the Gauss-Newton step is x*.
        // κ(J) ≈ 2.7e8 at n = 200: QR (backward stable on J) is accurate to about κ·ε ≈ 3e-8, the Cholesky of
        // JᵀJ (κ² ≈ 7e16 ≈ 1/ε) to nothing.
        int n = 200;
        SparseSteps.SquaredLaplacian p = SparseSteps.SquaredLaplacian.of(n, 10);
        double[] xStar = p.xStar();
        double[] r = p.r();
        Linearization sparse = p.sparse();
        Linearization dense = p.dense();
        DampedSolver denseQr = DampedSolvers.qr();
        SparseQrSolver qr = DampedSolvers.sparseQr();
        SparseCholeskySolver chol = DampedSolvers.sparseCholesky();
        assertTrue(denseQr.prepare(dense).hasSolution());
        assertTrue(qr.prepare(sparse).hasSolution());
        assertTrue(chol.prepare(sparse).hasSolution());
        double[] xDense = new double[n];
        double[] xQr = new double[n];
        double[] xChol = new double[n];
        assertTrue(denseQr.solve(0, null, r, dense.gradient(), xDense).hasSolution());
        assertTrue(qr.solve(0, null, r, sparse.gradient(), xQr).hasSolution());
        SolveResult c = chol.solve(0, null, r, sparse.gradient(), xChol);
        double errQr = relativeError(xQr, xStar);
        double errDense = relativeError(xDense, xStar);
        assertTrue(errQr < 1e-6, "sparse QR error " + errQr);
        assertTrue(errDense < 1e-6, "dense QR error " + errDense);
        assertTrue(relativeError(xQr, xDense) < 1e-6, "sparse vs dense QR " + relativeError(xQr, xDense));
        assertTrue(!c.hasSolution() || relativeError(xChol, xStar) > 1e-4,
                "the normal equations were expected to lose their digits here, error " + relativeError(xChol, xStar));
        // damped: λ = 1e-10 with D = I moves the solution by about λ‖J⁻²‖ — compare with the dense QR at that λ
        double[] refDamped = new double[n];
        double[] qrDamped = new double[n];
        assertTrue(denseQr.solve(1e-10, null, r, dense.gradient(), refDamped).hasSolution());
        assertTrue(qr.solve(1e-10, null, r, sparse.gradient(), qrDamped).hasSolution());
        assertTrue(relativeError(qrDamped, refDamped) < 1e-6, "damped " + relativeError(qrDamped, refDamped));
    }

    @Test
    void oneAnalysisPerPatternAndOneQrPerDampingAndRightHandSide() {
        CsrMatrix j = randomJacobian(40, 15, 0.2, 11);
        double[] r = gaussian(40, 12);
        SparseQrSolver qr = DampedSolvers.sparseQr();
        qr.prepare(new SparseLinearization(j, r, 0.5));
        double[] x = new double[15];
        double[] g = new double[15];
        j.applyTranspose(r, g);
        qr.solve(1, null, r, g, x);
        qr.solve(1, null, r, g, x); // same λ, D and residual: R reused
        assertEquals(1, qr.numericFactorizations());
        qr.solve(2, null, r, g, x);
        assertEquals(2, qr.numericFactorizations());
        double[] other = gaussian(40, 13); // another right-hand side at the same λ: a new QR (Q is not kept)
        double[] xOther = new double[15];
        qr.solve(2, null, other, g, xOther);
        assertEquals(3, qr.numericFactorizations());
        qr.prepare(new SparseLinearization(j.withPattern(j.values().clone()), r, 0.5));
        assertEquals(1, qr.symbolicAnalyses());
    }

    @Test
    void rankDeficientJacobianWithoutDampingIsSingular() {
        // column 2 of J is never touched: R(2,2) = 0 at λ = 0, a status rather than a NaN step
        CsrMatrix j = CsrMatrix.pattern(3, 3, new int[][] {{0, 1}, {1}, {0}});
        java.util.Arrays.fill(j.values(), 1.0);
        SparseQrSolver qr = DampedSolvers.sparseQr();
        double[] r = {1, 2, 3};
        assertTrue(qr.prepare(new SparseLinearization(j, r, 7)).hasSolution());
        double[] x = new double[3];
        SolveResult s = qr.solve(0, null, r, new double[3], x);
        assertFalse(s.hasSolution());
        assertEquals(SolveStatus.SINGULAR, s.status());
        assertTrue(qr.solve(1e-3, null, r, new double[3], x).hasSolution());
    }

    @Test
    void badArgumentsNameWhatWasWrong() {
        CsrMatrix j = CsrMatrix.pattern(2, 2, new int[][] {{0}, {1}});
        int[] start = {0, 1, 2};
        int[] col = {0, 1};
        SparseQr qr = new SparseQr(j, null, start, col);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> qr.factor(j, new double[3], null));
        assertTrue(e.getMessage().contains("b"), e.getMessage());
        CsrMatrix other = CsrMatrix.pattern(2, 2, new int[][] {{0, 1}, {1}});
        e = assertThrows(IllegalArgumentException.class, () -> qr.factor(other, new double[2], null));
        assertTrue(e.getMessage().contains("expected the analysed 2x2 pattern"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SparseQr(j, null, start, new int[] {1, 0}));
        assertTrue(e.getMessage().contains("expected its diagonal 0"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> qr.solve(new double[2]));
    }

    @Test
    void lmWithSparseQrReachesEveryScalableMinimum() {
        for (ScalableMgh f : ScalableMgh.values()) {
            int n = 1000;
            SparseQrSolver qr = DampedSolvers.sparseQr();
            GaussNewtonLoop.State st = new LevenbergMarquardt().loop().withSolver(qr)
                    .run(new SparseObjective(f.problem(n, true)), f.start(n));
            assertTrue(st.cost() < 1e-20, f + " cost " + st.cost() + " " + st.reason());
            assertEquals(1, qr.symbolicAnalyses(), f.label());
        }
    }
}
