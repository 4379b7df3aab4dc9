package org.gn4j.solvers.iterative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.gn4j.linalg.VectorOps;
import org.gn4j.linalg.op.DenseOperator;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.linalg.op.Structure;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {

    private static double[] denseCholesky(DMatrixRMaj a, double[] b) {
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(a.numRows);
        assertTrue(chol.setA(a.copy()), "reference Cholesky failed");
        DMatrixRMaj x = new DMatrixRMaj(a.numRows, 1);
        chol.solve(new DMatrixRMaj(a.numRows, 1, true, b), x);
        return x.data;
    }

    private static double[] multiply(DMatrixRMaj a, double[] x) {
        double[] y = new double[a.numRows];
        new DenseOperator(a).apply(x, y);
        return y;
    }

    /**
     * Hilbert matrix scaled by lcm(1..15) = 360360 so every entry is an integer and the system is exactly representable;
     * the exact solution is then known. Cholesky itself only reaches ~κ·ε ≈ 1e-7 here (κ ≈ 1.5e10), so the criterion is
     * that CG's error is within 1e-8 of Cholesky's error against the exact answer.
     */
    @Test
    void hilbert8MatchesCholeskyAccuracyAgainstExactSolution() {
        int n = 8;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h.data[i * n + j] = 360360 / (i + j + 1);
            }
        }
        // exact solution x = H⁻¹ b for integer b, through the exact integer inverse (H' = 360360 H ⇒ H'⁻¹ = H⁻¹/360360)
        DMatrixRMaj hinv = RandomMatrices.hilbertInverse(n);
        double[] xExact = new double[n];
        for (int i = 0; i < n; i++) {
            xExact[i] = (i % 3) - 1 + 0.5 * i; // exact binary fractions
        }
        double[] b = multiply(h, xExact); // integer arithmetic below 2^53: exact
        double[] check = multiply(hinv, b);
        for (int i = 0; i < n; i++) {
            assertEquals(xExact[i] * 360360, check[i], 0.0, "exact inverse check");
        }
        double[] xChol = denseCholesky(h, b);
        double errChol = Tolerances.relativeError(xChol, xExact);

        ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(1e-16).withMaxIterations(2000)
                .withResidualRecomputeInterval(8).prepare(DenseOperator.symmetric(h, true));
        double[] x = new double[n];
        SolveResult res = cg.solve(b, x);
        assertTrue(res.hasSolution(), res.toString());
        double errCg = Tolerances.relativeError(x, xExact);
        assertTrue(res.relativeResidual() <= 1e-14, "backward stable: " + res);
        assertTrue(errCg <= 5 * errChol + 1e-8,
                String.format("CG error %.3e vs Cholesky error %.3e (%s)", errCg, errChol, res));
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = x[i] - xChol[i];
        }
        double aNormDiff = Math.sqrt(VectorOps.dot(diff, multiply(h, diff)));
        double aNormChol = Math.sqrt(VectorOps.dot(xChol, multiply(h, xChol)));
        assertTrue(aNormDiff <= 1e-8 * aNormChol,
                String.format("A-norm difference %.3e relative to Cholesky", aNormDiff / aNormChol));
    }

    @Test
    void randomSpd500Condition1e6AgreesWithCholesky() {
        int n = 500;
        DMatrixRMaj a = RandomMatrices.spd(n, 1e6, Seeds.of(1));
        double[] xTrue = RandomMatrices.gaussianVector(n, Seeds.of(2));
        double[] b = multiply(a, xTrue);
        double[] xChol = denseCholesky(a, b);
        ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(1e-14).withMaxIterations(20 * n)
                .prepare(DenseOperator.symmetric(a, true));
        double[] x = new double[n];
        SolveResult res = cg.solve(b, x);
        assertTrue(res.hasSolution(), res.toString());
        Tolerances.assertRelativeClose(xChol, x, 1e-8, "CG vs dense Cholesky (" + res + ")");
        Tolerances.assertRelativeClose(xTrue, x, 1e-8, "CG vs generating solution");
    }

    @Test
    void jacobiPreconditionerNeedsFewerIterationsOnBadlyScaledSystem() {
        int n = 300;
        DMatrixRMaj a = RandomMatrices.badlyScaledDiagonallyDominant(n, 1e4, Seeds.of(3));
        DenseOperator op = DenseOperator.symmetric(a, true);
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(4));
        ConjugateGradient base = new ConjugateGradient().withRelativeTolerance(1e-10);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        SolveResult plain = base.prepare(op).solve(b, x1);
        SolveResult jacobi = base.withJacobiPreconditioner().prepare(op).solve(b, x2);
        assertEquals(SolveStatus.CONVERGED, plain.status(), plain.toString());
        assertEquals(SolveStatus.CONVERGED, jacobi.status(), jacobi.toString());
        assertTrue(jacobi.iterations() < plain.iterations(),
                "Jacobi " + jacobi.iterations() + " iterations, plain " + plain.iterations());
        Tolerances.assertRelativeClose(x1, x2, 1e-8, "both solutions agree");
        // the same with the preconditioner given explicitly as the operator M⁻¹ = diag(1/a_ii)
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1 / a.data[i * n + i];
        }
        double[] x3 = new double[n];
        SolveResult explicit = base.withPreconditioner(Operators.diagonal(inv)).prepare(op).solve(b, x3);
        assertEquals(jacobi.iterations(), explicit.iterations());
    }

    @Test
    void relativeToleranceIsMetOnTheTrueResidual() {
        int n = 200;
        DMatrixRMaj a = RandomMatrices.spd(n, 1e3, Seeds.of(5));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(6));
        for (double tol : new double[] {1e-4, 1e-8, 1e-12}) {
            double[] x = new double[n];
            SolveResult res = new ConjugateGradient().withRelativeTolerance(tol)
                    .prepare(DenseOperator.symmetric(a, true)).solve(b, x);
            assertEquals(SolveStatus.CONVERGED, res.status());
            double[] r = multiply(a, x);
            for (int i = 0; i < n; i++) {
                r[i] = b[i] - r[i];
            }
            double trueRel = VectorOps.norm2(r) / VectorOps.norm2(b);
            assertTrue(trueRel <= tol, "true relative residual " + trueRel + " > " + tol);
            assertEquals(trueRel, res.relativeResidual(), 1e-3 * tol, "reported residual is the true one");
        }
    }

    @Test
    void absoluteToleranceStopsEarlier() {
        int n = 100;
        DMatrixRMaj a = RandomMatrices.spd(n, 1e3, Seeds.of(7));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(8));
        ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(0);
        SolveResult loose = cg.withAbsoluteTolerance(1e-2).prepare(DenseOperator.symmetric(a, true))
                .solve(b, new double[n]);
        SolveResult tight = cg.withAbsoluteTolerance(1e-10).prepare(DenseOperator.symmetric(a, true))
                .solve(b, new double[n]);
        assertTrue(loose.residualNorm() <= 1e-2 && tight.residualNorm() <= 1e-10);
        assertTrue(loose.iterations() < tight.iterations());
    }

    @Test
    void warmStartFromTheSolutionNeedsNoIteration() {
        int n = 50;
        DMatrixRMaj a = RandomMatrices.spd(n, 100, Seeds.of(9));
        double[] xTrue = RandomMatrices.gaussianVector(n, Seeds.of(10));
        double[] b = multiply(a, xTrue);
        ConjugateGradient cg = new ConjugateGradient().withRelativeTolerance(1e-8);
        double[] x = new double[n];
        SolveResult cold = cg.prepare(DenseOperator.symmetric(a, true)).solve(b, x);
        double[] x0 = xTrue.clone();
        SolveResult warm = cg.withWarmStart(true).prepare(DenseOperator.symmetric(a, true)).solve(b, x0);
        assertEquals(SolveStatus.CONVERGED, warm.status());
        assertEquals(0, warm.iterations());
        assertTrue(cold.iterations() > 0);
        // a warm start near the solution takes fewer iterations than a cold one
        double[] near = xTrue.clone();
        for (int i = 0; i < n; i++) {
            near[i] += 1e-5 * (i % 2 == 0 ? 1 : -1);
        }
        SolveResult nearRes = cg.withWarmStart(true).prepare(DenseOperator.symmetric(a, true)).solve(b, near);
        assertTrue(nearRes.iterations() < cold.iterations(), nearRes + " vs " + cold);
        Tolerances.assertRelativeClose(xTrue, near, 1e-6, "warm-started solution");
    }

    @Test
    void iterationCapGivesMaxIterationsWithTheLastIterate() {
        int n = 200;
        DMatrixRMaj a = RandomMatrices.spd(n, 1e5, Seeds.of(11));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(12));
        double[] x = new double[n];
        SolveResult res = new ConjugateGradient().withMaxIterations(5).prepare(DenseOperator.symmetric(a, true))
                .solve(b, x);
        assertEquals(SolveStatus.MAX_ITERATIONS, res.status());
        assertEquals(5, res.iterations());
        assertTrue(res.hasSolution());
        // CG minimizes the A-norm of the error, i.e. the model ½xᵀAx − bᵀx, over growing Krylov spaces
        double[] one = new double[n];
        new ConjugateGradient().withMaxIterations(1).prepare(DenseOperator.symmetric(a, true)).solve(b, one);
        assertTrue(model(a, b, x) < model(a, b, one) && model(a, b, one) < 0, "model decreases monotonically");
    }

    @Test
    void steihaugStopsOnTheBoundary() {
        int n = 60;
        DMatrixRMaj a = RandomMatrices.spd(n, 1e4, Seeds.of(13));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(14));
        DenseOperator op = DenseOperator.symmetric(a, true);
        double[] full = new double[n];
        new ConjugateGradient().withRelativeTolerance(1e-12).prepare(op).solve(b, full);
        double fullNorm = VectorOps.norm2(full);

        double delta = 0.1 * fullNorm;
        double[] x = new double[n];
        SolveResult res = new ConjugateGradient().withTrustRegionRadius(delta).prepare(op).solve(b, x);
        assertEquals(SolveStatus.TRUST_REGION_BOUNDARY, res.status());
        assertEquals(delta, VectorOps.norm2(x), 1e-12 * delta, "on the boundary");
        // the truncated step still decreases the quadratic model m(x) = ½xᵀAx − bᵀx
        assertTrue(model(a, b, x) < 0);

        // a radius larger than the solution changes nothing; the per-call radius overrides the configured one
        double[] y = new double[n];
        SolveResult big = new ConjugateGradient().withRelativeTolerance(1e-12).withTrustRegionRadius(delta)
                .prepare(op).solve(b, y, 10 * fullNorm);
        assertEquals(SolveStatus.CONVERGED, big.status());
        Tolerances.assertRelativeClose(full, y, 1e-9, "untruncated");
    }

    @Test
    void steihaugWithPreconditionerMeasuresTheRadiusInTheMNorm() {
        int n = 80;
        DMatrixRMaj a = RandomMatrices.badlyScaledDiagonallyDominant(n, 100, Seeds.of(15));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(16));
        double delta = 0.5;
        double[] x = new double[n];
        SolveResult res = new ConjugateGradient().withJacobiPreconditioner().withTrustRegionRadius(delta)
                .prepare(DenseOperator.symmetric(a, true)).solve(b, x);
        assertEquals(SolveStatus.TRUST_REGION_BOUNDARY, res.status(), res.toString());
        double xMx = 0;
        for (int i = 0; i < n; i++) {
            xMx += a.data[i * n + i] * x[i] * x[i];
        }
        assertEquals(delta, Math.sqrt(xMx), 1e-9 * delta, "‖x‖_M on the boundary");
    }

    @Test
    void negativeCurvatureIsDetected() {
        int n = 20;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i < 5 ? -1.0 - i : 1.0 + i;
        }
        DMatrixRMaj a = RandomMatrices.withEigenvalues(lambda, Seeds.of(17));
        DenseOperator op = DenseOperator.symmetric(a, false);
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(18));
        double[] x = new double[n];
        SolveResult res = new ConjugateGradient().prepare(op).solve(b, x);
        assertEquals(SolveStatus.NEGATIVE_CURVATURE, res.status(), res.toString());
        Tolerances.assertAllFinite(x, "iterate");
        double[] y = new double[n];
        SolveResult tr = new ConjugateGradient().withTrustRegionRadius(3.0).prepare(op).solve(b, y);
        assertTrue(tr.status() == SolveStatus.NEGATIVE_CURVATURE || tr.status() == SolveStatus.TRUST_REGION_BOUNDARY);
        assertEquals(3.0, VectorOps.norm2(y), 1e-12, "boundary point");
        assertTrue(model(a, b, y) < 0, "the boundary step decreases the model");
    }

    @Test
    void indefinitePreconditionerIsABreakdown() {
        int n = 10;
        DMatrixRMaj a = RandomMatrices.spd(n, 10, Seeds.of(19));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = -1;
        }
        double[] x = new double[n];
        SolveResult res = new ConjugateGradient().withPreconditioner(Operators.diagonal(d))
                .prepare(DenseOperator.symmetric(a, true)).solve(RandomMatrices.gaussianVector(n, 1), x);
        assertEquals(SolveStatus.BREAKDOWN, res.status());
        assertFalse(res.hasSolution());
        Tolerances.assertAllFinite(x, "x");
    }

    @Test
    void nonFiniteOperatorOutputIsAStatusNotANaN() {
        int n = 10;
        DMatrixRMaj a = RandomMatrices.spd(n, 10, Seeds.of(20));
        DenseOperator good = DenseOperator.symmetric(a, true);
        int[] calls = {0};
        LinearOperator flaky = Operators.of(n, n, (u, v) -> {
            good.apply(u, v);
            if (++calls[0] > 3) {
                v[0] = Double.NaN;
            }
        }, null, Structure.SYMMETRIC, Structure.POSITIVE_DEFINITE);
        double[] x = new double[n];
        SolveResult res = new ConjugateGradient().prepare(flaky).solve(RandomMatrices.gaussianVector(n, 2), x);
        assertEquals(SolveStatus.NON_FINITE, res.status());
        Tolerances.assertAllFinite(x, "x keeps the last finite iterate");
    }

    @Test
    void aliasingRightHandSideAndSolution() {
        int n = 30;
        DMatrixRMaj a = RandomMatrices.spd(n, 50, Seeds.of(21));
        double[] b = RandomMatrices.gaussianVector(n, Seeds.of(22));
        ConjugateGradient cg = new ConjugateGradient().prepare(DenseOperator.symmetric(a, true));
        double[] x = new double[n];
        cg.solve(b, x);
        double[] bx = b.clone();
        SolveResult res = cg.solve(bx, bx);
        assertEquals(SolveStatus.CONVERGED, res.status());
        Tolerances.assertRelativeClose(x, bx, 1e-14, "in-place solve");
    }

    @Test
    void listenerSeesEveryIteration() {
        int n = 40;
        DMatrixRMaj a = RandomMatrices.spd(n, 100, Seeds.of(23));
        List<Double> residuals = new ArrayList<>();
        int[] last = {0};
        SolveResult res = new ConjugateGradient().withListener((k, r, x) -> {
            residuals.add(r);
            last[0] = k;
            assertEquals(n, x.size());
        }).prepare(DenseOperator.symmetric(a, true)).solve(RandomMatrices.gaussianVector(n, 3), new double[n]);
        assertEquals(res.iterations(), last[0]);
        assertEquals(res.iterations(), residuals.size());
        assertTrue(residuals.get(residuals.size() - 1) < residuals.get(0));
    }

    @Test
    void zeroRightHandSideGivesZero() {
        DMatrixRMaj a = RandomMatrices.spd(5, 10, 1);
        double[] x = {1, 2, 3, 4, 5};
        SolveResult res = new ConjugateGradient().prepare(DenseOperator.symmetric(a, true)).solve(new double[5], x);
        assertEquals(SolveStatus.CONVERGED, res.status());
        Tolerances.assertAbsoluteClose(new double[5], x, 0, "zero solution");
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        ConjugateGradient cg = new ConjugateGradient();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> cg.withRelativeTolerance(-1)),
                "relativeTolerance");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> cg.withAbsoluteTolerance(Double.NaN)),
                "absoluteTolerance");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> cg.withMaxIterations(0)), "maxIterations");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> cg.withTrustRegionRadius(0)), "trustRegionRadius");
        assertThrows(IllegalStateException.class, () -> cg.solve(new double[2], new double[2]));
        DMatrixRMaj rect = RandomMatrices.gaussian(3, 4, 1);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> cg.prepare(Operators.dense(rect))),
                "3x4");
        DMatrixRMaj sq = RandomMatrices.gaussian(3, 3, 1);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> cg.prepare(Operators.dense(sq))),
                "SYMMETRIC");
        ConjugateGradient ready = cg.prepare(DenseOperator.symmetric(RandomMatrices.spd(3, 2, 1), true));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> ready.solve(new double[2], new double[3])),
                "b has length 2, expected 3");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> ready.solve(new double[3], new double[4])),
                "x has length 4, expected 3");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> ready.solve(new double[] {1, Double.NaN, 0}, new double[3])), "b[1]");
        LinearOperator noDiag = Operators.of(3, 3, (u, v) -> System.arraycopy(u, 0, v, 0, 3), null,
                Structure.SYMMETRIC);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> cg.withJacobiPreconditioner().prepare(noDiag)), "diagonal");
    }

    private static void assertMessage(Exception e, String fragment) {
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    /** Quadratic model ½xᵀAx − bᵀx. */
    private static double model(DMatrixRMaj a, double[] b, double[] x) {
        double[] ax = multiply(a, x);
        return 0.5 * VectorOps.dot(x, ax) - VectorOps.dot(b, x);
    }

    @SuppressWarnings("unused")
    private static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, null);
    }
}
