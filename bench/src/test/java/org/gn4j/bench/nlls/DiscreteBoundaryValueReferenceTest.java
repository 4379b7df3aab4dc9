package org.gn4j.bench.nlls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.gn.sparse.ScalableMgh;
import org.junit.jupiter.api.Test;

/** The discrete boundary value reference against a dense Newton solve, and the suite's scoring of gn4j runs. */
class DiscreteBoundaryValueReferenceTest {

    @Test
    void matchesNewtonWithDenseSolvesOnTheProblemsOwnResidualAndJacobian() {
        int n = 60;
        ScalableMgh f = ScalableMgh.DISCRETE_BOUNDARY_VALUE;
        double[] x = f.start(n);
        double[] r = new double[n];
        for (int step = 0; step < 20; step++) { // Newton with ScalableMgh's own residual and Jacobian, dense LU
            f.residuals(x, r);
            double[] values = new double[f.pattern(n).nonZeros()];
            f.jacobian(x, values);
            DMatrixRMaj j = new DMatrixRMaj(n, n, true, f.pattern(n).withPattern(values).toDenseRowMajor());
            DMatrixRMaj dx = new DMatrixRMaj(n, 1);
            DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, r);
            CommonOps_DDRM.scale(-1, rhs);
            assertTrue(CommonOps_DDRM.solve(j, rhs, dx));
            for (int i = 0; i < n; i++) {
                x[i] += dx.get(i);
            }
        }
        double[] ref = DiscreteBoundaryValueReference.solve(n);
        assertTrue(DiscreteBoundaryValueReference.relativeError(x, ref) < 1e-13,
                "dense Newton vs reference " + DiscreteBoundaryValueReference.relativeError(x, ref));
        // the start is far from it: the problem is not solved at the start whatever its cost
        assertTrue(DiscreteBoundaryValueReference.relativeError(f.start(n), ref) > 0.1);
    }

    @Test
    void referenceResidualIsAtTheRoundingLevelAtALargerSize() {
        int n = 20_000;
        double[] ref = DiscreteBoundaryValueReference.solve(n);
        double[] r = new double[n];
        ScalableMgh.DISCRETE_BOUNDARY_VALUE.residuals(ref, r);
        double worst = 0;
        for (double v : r) {
            worst = Math.max(worst, Math.abs(v));
        }
        assertTrue(worst <= 8 * Math.ulp(1.0), "largest residual " + worst);
    }

    @Test
    void toleranceIsTheConditioningBoundCappedAtOneInAMillion() {
        assertEquals(10001.0 * 10001.0 * Math.ulp(1.0) / 4, DiscreteBoundaryValueReference.tolerance(10_000), 1e-24);
        assertEquals(1e-6, DiscreteBoundaryValueReference.tolerance(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> DiscreteBoundaryValueReference.solve(1));
        assertThrows(IllegalArgumentException.class,
                () -> DiscreteBoundaryValueReference.relativeError(new double[2], new double[3]));
    }

    @Test
    void suiteScoresTheDiscreteBoundaryValueRunByItsDistanceToTheSolution() {
        int n = 4000;
        SparseMghBenchmark.Row qr = SparseMghBenchmark.gn4j(ScalableMgh.DISCRETE_BOUNDARY_VALUE, n,
                SparseMghBenchmark.Gn4jSolver.LM_QR);
        assertTrue(qr.solved(), qr.toString());
        assertTrue(qr.error() <= DiscreteBoundaryValueReference.tolerance(n), qr.toString());
        assertTrue(qr.iterations() > 0, qr.toString());
        assertFalse(qr.status().equals("STALLED"), qr.toString());
        SparseMghBenchmark.Row other = SparseMghBenchmark.gn4j(ScalableMgh.BROYDEN_TRIDIAGONAL, n,
                SparseMghBenchmark.Gn4jSolver.LM);
        assertTrue(Double.isNaN(other.error()) && other.solved(), other.toString());
        assertEquals("sparse-cholesky", other.linearSolver(), other.toString());
    }

    @Test
    void defaultLmSwitchesToQrAndReachesTheDiscreteSolutionAsLmWithQrDoes() {
        // κ(J) ≈ 4e7 at n = 1e4, κ(JᵀJ) ≈ 1.6e15: the automatic choice leaves the Cholesky at its first factor
        int n = 10_000;
        SparseMghBenchmark.Row lm = SparseMghBenchmark.gn4j(ScalableMgh.DISCRETE_BOUNDARY_VALUE, n,
                SparseMghBenchmark.Gn4jSolver.LM);
        SparseMghBenchmark.Row qr = SparseMghBenchmark.gn4j(ScalableMgh.DISCRETE_BOUNDARY_VALUE, n,
                SparseMghBenchmark.Gn4jSolver.LM_QR);
        assertEquals("sparse-cholesky-then-qr", lm.linearSolver(), lm.toString());
        assertEquals("sparse-qr", qr.linearSolver(), qr.toString());
        assertTrue(lm.error() <= 1e-10, lm.toString());
        assertTrue(qr.error() <= 1e-10, qr.toString());
        SparseMghBenchmark.Row chol = SparseMghBenchmark.gn4j(ScalableMgh.DISCRETE_BOUNDARY_VALUE, n,
                SparseMghBenchmark.Gn4jSolver.LM_CHOLESKY);
        assertEquals("sparse-cholesky", chol.linearSolver(), chol.toString());
        assertTrue(chol.solved(), chol.toString());
    }
}
