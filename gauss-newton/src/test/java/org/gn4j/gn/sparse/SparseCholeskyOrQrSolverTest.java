package org.gn4j.gn.sparse;

import static org.gn4j.gn.sparse.SparseSteps.assertStepsMatchDenseQr;
import static org.gn4j.gn.sparse.SparseSteps.gaussian;
import static org.gn4j.gn.sparse.SparseSteps.randomJacobian;
import static org.gn4j.gn.sparse.SparseSteps.relativeError;
import static org.gn4j.gn.sparse.SparseSteps.residualWithStep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.Linearization;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/**
 * The sparse damped solver of the automatic choice: the sparse Cholesky's steps on well-conditioned Jacobians (equal
 * to the dense QR steps), the switch to the sparse QR where the Cholesky would lose its digits (on its condition
 * estimate or on a breakdown), and whole runs that switch or do not.
 */
class SparseCholeskyOrQrSolverTest {

    @Test
    void isTheAutomaticChoiceForASparseJacobian() {
        CsrMatrix j = randomJacobian(20, 10, 0.2, 1);
        DampedSolver s = DampedSolvers.auto(new SparseLinearization(j, new double[20], 0), false);
        assertInstanceOf(SparseCholeskyOrQrSolver.class, s);
        assertEquals("sparse-cholesky", s.name());
    }

    @Test
    void keepsTheCholeskyAndItsStepsOnAWellConditionedJacobian() {
        SparseCholeskyOrQrSolver auto = DampedSolvers.sparseCholeskyOrQr();
        assertStepsMatchDenseQr(randomJacobian(120, 50, 0.05, 6), gaussian(120, 7), 1e-10, auto);
        assertFalse(auto.switchedToQr(), auto.switchReason());
        assertEquals(0, auto.switches());
        assertEquals("sparse-cholesky", auto.name());
        assertEquals(0, auto.qr().numericFactorizations());
        assertEquals(8, auto.cholesky().numericFactorizations());
        assertTrue(auto.lastConditionEstimate() >= 1 && auto.lastConditionEstimate() < 1e4,
                "estimate " + auto.lastConditionEstimate());
    }

    @Test
    void switchesToQrWhereTheNormalEquationsLoseTheirDigits() {
        // J = T², κ(J) ≈ 2.7e8 at n = 200, κ(JᵀJ) ≈ 7e16: the estimate is far above 1/√ε at the first factorization.
        // With an integer solution x* and r = −Jx* exact, the Gauss-Newton step is x*.
        int n = 200;
        SparseSteps.SquaredLaplacian p = SparseSteps.SquaredLaplacian.of(n, 10);
        double[] r = p.r();
        SparseCholeskyOrQrSolver auto = DampedSolvers.sparseCholeskyOrQr();
        assertTrue(auto.prepare(p.sparse()).hasSolution());
        double[] x = new double[n];
        SolveResult res = auto.solve(0, null, r, p.sparse().gradient(), x);
        assertTrue(res.hasSolution(), res.toString());
        assertTrue(res.message().startsWith("switched to sparse QR"), res.message());
        assertTrue(auto.switchedToQr());
        assertTrue(auto.switchReason().contains("estimated condition number"), auto.switchReason());
        assertEquals("sparse-cholesky-then-qr", auto.name());
        assertTrue(relativeError(x, p.xStar()) < 1e-6, "error " + relativeError(x, p.xStar()));
        // the QR took the Cholesky's analysis: one analysis in all, one factorization each
        assertEquals(1, auto.cholesky().symbolicAnalyses());
        assertEquals(0, auto.qr().symbolicAnalyses());
        assertEquals(1, auto.cholesky().numericFactorizations());
        assertEquals(1, auto.qr().numericFactorizations());
        // it stays on QR: the next linearization and λ go to QR only, and match the dense QR
        assertTrue(auto.prepare(p.sparse()).hasSolution());
        DampedSolver denseQr = DampedSolvers.qr();
        assertTrue(denseQr.prepare(p.dense()).hasSolution());
        double[] ref = new double[n];
        assertTrue(denseQr.solve(1e-10, null, r, p.dense().gradient(), ref).hasSolution());
        assertTrue(auto.solve(1e-10, null, r, p.sparse().gradient(), x).hasSolution());
        assertTrue(relativeError(x, ref) < 1e-6, "damped " + relativeError(x, ref));
        assertEquals(1, auto.cholesky().numericFactorizations());
        assertEquals(2, auto.qr().numericFactorizations());
        assertEquals(1, auto.switches());
        // what the switch avoids: the Cholesky alone (no limit) gives a step without correct digits on this J
        SparseCholeskySolver chol = DampedSolvers.sparseCholesky();
        chol.prepare(p.sparse());
        double[] xc = new double[n];
        SolveResult c = chol.solve(0, null, r, p.sparse().gradient(), xc);
        assertTrue(!c.hasSolution() || relativeError(xc, p.xStar()) > 1e-4, "error " + relativeError(xc, p.xStar()));
    }

    @Test
    void switchesToQrOnACholeskyBreakdown() {
        // J = [[1, 1], [1, 1 + 2e-9]]: the second pivot of JᵀJ rounds to 0 (the 4e-18 of its (2,2) entry is lost),
        // while QR on J (κ ≈ 2e9) solves J x = b to about 1e-7
        CsrMatrix j = CsrMatrix.pattern(2, 2, new int[][] {{0, 1}, {0, 1}});
        double[] v = j.values();
        v[0] = 1;
        v[1] = 1;
        v[2] = 1;
        v[3] = 1 + 2e-9;
        double[] xStar = {3, -2};
        double[] r = residualWithStep(j, xStar);
        SparseCholeskyOrQrSolver auto = DampedSolvers.sparseCholeskyOrQr().withConditionLimit(Double.POSITIVE_INFINITY);
        Linearization lin = new SparseLinearization(j, r, 0.5);
        assertTrue(auto.prepare(lin).hasSolution());
        double[] x = new double[2];
        SolveResult res = auto.solve(0, null, r, lin.gradient(), x);
        assertTrue(res.hasSolution(), res.toString());
        assertTrue(auto.switchReason().contains("pivot"), auto.switchReason());
        assertTrue(relativeError(x, xStar) < 1e-5, "error " + relativeError(x, xStar));
        assertTrue(Double.isNaN(auto.lastConditionEstimate()));
    }

    @Test
    void stateRecordsTheSwitchForACheckpoint() {
        SparseCholeskyOrQrSolver auto = DampedSolvers.sparseCholeskyOrQr();
        assertEquals(0, auto.state()[0]);
        assertNull(auto.forRetry());
        SparseCholeskyOrQrSolver resumed = auto.fresh();
        assertEquals(1, resumed.restore(new double[] {7, 1}, 1, 2));
        assertTrue(resumed.switchedToQr());
        assertEquals(1, resumed.state()[0]);
        DampedSolver retry = resumed.forRetry();
        assertEquals("sparse-cholesky-then-qr", retry.name());
        assertThrows(IllegalArgumentException.class, () -> resumed.restore(new double[] {2}, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> resumed.restore(new double[] {1}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> auto.withConditionLimit(0.5));
    }

    /** The stopping rules of the suite for the discrete boundary value function: ftol = xtol = 1e-8 only. */
    private static final StoppingCriteria DBV_STOPPING = StoppingCriteria.defaults().withFunctionTolerance(1e-8)
            .withParameterTolerance(1e-8).withGradientTolerance(0);

    @Test
    void defaultLmSwitchesOnTheDiscreteBoundaryValueFunctionAndMatchesLmWithQr() {
        int n = 5000; // κ(J) ≈ 1e7: JᵀJ's ≈ 1e14
        ScalableMgh f = ScalableMgh.DISCRETE_BOUNDARY_VALUE;
        GaussNewtonLoop.State auto = new LevenbergMarquardt().withStopping(DBV_STOPPING).loop().withSolver(null)
                .run(new SparseObjective(f.problem(n, true)), f.start(n));
        SparseCholeskyOrQrSolver used = assertInstanceOf(SparseCholeskyOrQrSolver.class, auto.solver());
        assertTrue(used.switchedToQr(), "expected the switch to QR; " + auto.reason());
        assertEquals("sparse-cholesky-then-qr", used.name());
        GaussNewtonLoop.State qr = new LevenbergMarquardt().withStopping(DBV_STOPPING).loop()
                .withSolver(DampedSolvers.sparseQr()).run(new SparseObjective(f.problem(n, true)), f.start(n));
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            diff = Math.max(diff, Math.abs(auto.x()[i] - qr.x()[i]));
            norm = Math.max(norm, Math.abs(qr.x()[i]));
        }
        assertTrue(diff <= 1e-10 * norm, "default LM vs LM with QR: " + diff / norm);
    }

    @Test
    void aRetryStaysOnQr() {
        // at n = 1e5 the run ends without a first-order certificate (the residual at its rounding level, the gradient
        // cosine of that smooth residual above 1e-4), so the loop retries from its end point with D = I
        int n = 100_000;
        ScalableMgh f = ScalableMgh.DISCRETE_BOUNDARY_VALUE;
        SparseCholeskyOrQrSolver auto = DampedSolvers.sparseCholeskyOrQr();
        GaussNewtonLoop.State st = new LevenbergMarquardt().withStopping(DBV_STOPPING).loop().withSolver(auto)
                .run(new SparseObjective(f.problem(n, true)), f.start(n));
        assertTrue(st.retried(), st.reason() + ": " + st.message());
        // one Cholesky factorization (refused) in the first run, none in the retry
        assertEquals(1, auto.switches());
        assertEquals(1, auto.cholesky().numericFactorizations());
        assertEquals("sparse-cholesky-then-qr", st.solver().name());
    }

    @Test
    void aCheckpointTakenAfterTheSwitchResumesOnQr() {
        int n = 5000;
        ScalableMgh f = ScalableMgh.DISCRETE_BOUNDARY_VALUE;
        GaussNewtonLoop loop = new LevenbergMarquardt().withStopping(DBV_STOPPING).loop().withSolver(null)
                .withRetryScaling(null);
        GaussNewtonLoop.State first = loop.init(new SparseObjective(f.problem(n, true)), f.start(n));
        loop.step(first);
        loop.step(first);
        assertTrue(((SparseCholeskyOrQrSolver) first.solver()).switchedToQr());
        double[] checkpoint = loop.checkpoint(first);
        double[] at = first.x().clone();
        while (first.reason() == null) {
            loop.step(first);
        }
        GaussNewtonLoop.State resumed = loop.resume(new SparseObjective(f.problem(n, true)), at, checkpoint);
        assertTrue(((SparseCholeskyOrQrSolver) resumed.solver()).switchedToQr());
        while (resumed.reason() == null) {
            loop.step(resumed);
        }
        assertArrayEquals(first.x(), resumed.x(), 0.0, "the resumed run ends at the same bits");
        assertEquals(first.cost(), resumed.cost(), 0.0);
    }

    @Test
    void defaultLmKeepsTheCholeskyOnAWellConditionedProblem() {
        int n = 2000;
        SparseCholeskyOrQrSolver auto = DampedSolvers.sparseCholeskyOrQr();
        for (ScalableMgh f : new ScalableMgh[] {ScalableMgh.BROYDEN_TRIDIAGONAL, ScalableMgh.BROYDEN_BANDED,
            ScalableMgh.EXTENDED_ROSENBROCK}) {
            GaussNewtonLoop.State st = new LevenbergMarquardt().loop().withSolver(auto)
                    .run(new SparseObjective(f.problem(n, true)), f.start(n));
            assertTrue(st.cost() < 1e-20, f + " cost " + st.cost());
            assertEquals("sparse-cholesky", st.solver().name(), f.label());
            double estimate = ((SparseCholeskyOrQrSolver) st.solver()).lastConditionEstimate();
            assertTrue(estimate >= 1 && estimate <= SparseCholeskyOrQrSolver.CONDITION_LIMIT, f + " " + estimate);
        }
        assertEquals(0, auto.switches());
        assertEquals(0, auto.qr().numericFactorizations());
    }
}
