package org.gn4j.gn.ba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.DenseLinearization;
import org.gn4j.gn.sparse.SparseLinearization;
import org.gn4j.linalg.VectorOps;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/**
 * The three Schur solvers' steps (dense, sparse, iterative) against the dense Cholesky and QR steps and the full sparse
 * Cholesky step (no elimination) of the same damped system on small BAL problems,
 * for several λ and scalings D (identity, Moré's column norms, random): all to 1e-10 relative for λ ≥ 0.1 (iterative
 * Schur with CG stopped at relative residual 1e-14, at most 2000 iterations); for smaller λ, where the gauge freedom
 * makes the system ill-conditioned, to ten times the difference between the Cholesky and QR references.
 */
class SchurDampedSolverTest {
    private static final double[] LAMBDAS = {1e-6, 1e-3, 1e-1, 1, 1e1, 1e3};

    private static double relativeDifference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return VectorOps.norm2(d) / VectorOps.norm2(b);
    }

    private static double[][] scalings(BundleAdjustmentLinearization lin) {
        int n = lin.cols();
        double[] cn = new double[n];
        lin.columnNorms(cn);
        SplittableRandom rnd = new SplittableRandom(2);
        return new double[][] {null, cn, rnd.doubles(n, 0.1, 10).toArray()};
    }

    @Test
    void stepsMatchDenseCholeskyAndQr() {
        stepsMatch(BalTestProblems.tiny(9), LAMBDAS, true);
    }

    /**
     * 40 cameras on a ring, each point seen by 4 consecutive ones: the reduced camera system (360 × 360) spans three
     * block columns of the blocked dense Cholesky, and its envelope in reverse Cuthill-McKee order is a band. λ from
     * 0.1 (below, the gauge-singular system needs more than 2000 CG iterations for 1e-14), no dense QR reference (its
     * 1680 × 720 factorization per λ would take most of the test's time).
     */
    @Test
    void stepsMatchOnARingAcrossCholeskyBlocks() {
        stepsMatch(new BalGenerator(40, 120, 5).withViewsPerPoint(4).withPerturbation(0.01, 0.05, 0.02).generate(),
                new double[] {0.1, 1, 1e3}, false);
    }

    /** All three steps against the references for each λ (with or without the dense QR reference). */
    private static void stepsMatch(BalProblem p, double[] lambdas, boolean withQr) {
        double[] x = p.parameters();
        BundleAdjustmentObjective obj = new BundleAdjustmentObjective(p);
        obj.start(x);
        BundleAdjustmentLinearization lin = obj.linearize(x);
        DMatrixRMaj j = lin.jacobian().toDense();
        DenseLinearization dense = new DenseLinearization(j, lin.residuals(), lin.gradient(), lin.cost());
        DampedSolver chol = DampedSolvers.cholesky();
        DampedSolver qr = DampedSolvers.qr();
        assertTrue(chol.prepare(dense).hasSolution());
        assertTrue(!withQr || qr.prepare(dense).hasSolution());
        // the full sparse Cholesky of JᵀJ + λD² (no elimination) on the same Jacobian in CSR form
        SparseLinearization sparse = new SparseLinearization(csr(j), lin.residuals(), lin.cost());
        DampedSolver sparseChol = DampedSolvers.sparseCholesky();
        assertTrue(sparseChol.prepare(sparse).hasSolution());
        DampedSolver ds = DampedSolvers.denseSchur();
        DampedSolver is = DampedSolvers.iterativeSchur(1e-14, 2000);
        DampedSolver ss = DampedSolvers.sparseSchur();
        assertTrue(ds.supports(lin) && is.supports(lin) && ss.supports(lin));
        assertFalse(ds.supports(dense));
        assertTrue(ds.prepare(lin).hasSolution());
        assertTrue(is.prepare(lin).hasSolution());
        assertTrue(ss.prepare(lin).hasSolution());
        int n = lin.cols();
        for (double[] d : scalings(lin)) {
            for (double lambda : lambdas) {
                String at = "lambda " + lambda + ", D " + (d == null ? "I" : d[0]);
                double[] ref = new double[n];
                double[] refQr = new double[n];
                assertTrue(chol.solve(lambda, d, lin.residuals(), lin.gradient(), ref).hasSolution(), at);
                double[] refSparse = new double[n];
                SolveResult rs = sparseChol.solve(lambda, d, lin.residuals(), lin.gradient(), refSparse);
                if (withQr) {
                    assertTrue(qr.solve(lambda, d, lin.residuals(), lin.gradient(), refQr).hasSolution(), at);
                }
                double[] s1 = new double[n];
                double[] s2 = new double[n];
                SolveResult r1 = ds.solve(lambda, d, lin.residuals(), lin.gradient(), s1);
                SolveResult r2 = is.solve(lambda, d, lin.residuals(), lin.gradient(), s2);
                double[] s3 = new double[n];
                SolveResult r3 = ss.solve(lambda, d, lin.residuals(), lin.gradient(), s3);
                assertTrue(r1.hasSolution(), at + ": " + r1);
                assertTrue(r3.hasSolution(), at + ": " + r3);
                assertTrue(r2.converged(), at + ": " + r2);
                // where λ is small against JᵀJ's scale the two dense references themselves differ (the gauge makes
                // JᵀJ singular, κ ~ ‖JᵀJ‖/λ): there the bound is ten times their difference
                double tol = lambda >= 0.1 ? 1e-10 : Math.max(1e-10, 10 * relativeDifference(refQr, ref));
                assertTrue(relativeDifference(s1, ref) < tol, at + " dense Schur: " + relativeDifference(s1, ref));
                assertTrue(!withQr || relativeDifference(s1, refQr) < tol, at + " dense Schur vs QR");
                assertTrue(lambda < 0.1 || rs.hasSolution(), at + " sparse Cholesky: " + rs);
                if (rs.hasSolution()) {
                    assertTrue(relativeDifference(s1, refSparse) < tol, at + " dense Schur vs sparse Cholesky: "
                            + relativeDifference(s1, refSparse));
                    assertTrue(relativeDifference(s3, refSparse) < tol, at + " sparse Schur vs sparse Cholesky: "
                            + relativeDifference(s3, refSparse));
                }
                assertTrue(relativeDifference(s2, ref) < tol, at + " iterative Schur: " + relativeDifference(s2, ref));
                assertTrue(relativeDifference(s3, ref) < tol, at + " sparse Schur: " + relativeDifference(s3, ref));
                // a second solve with the same λ and D reuses the factor and gives the same step
                double[] again = new double[n];
                ds.solve(lambda, d, lin.residuals(), lin.gradient(), again);
                assertEquals(0, relativeDifference(again, s1), 0.0, at);
                ss.solve(lambda, d, lin.residuals(), lin.gradient(), again);
                assertEquals(0, relativeDifference(again, s3), 0.0, at);
            }
        }
    }

    /** J in compressed sparse rows (its nonzero entries). */
    private static CsrMatrix csr(DMatrixRMaj j) {
        int m = j.numRows;
        int n = j.numCols;
        int[] start = new int[m + 1];
        int[] cols = new int[m * n];
        double[] vals = new double[m * n];
        int nz = 0;
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < n; c++) {
                double v = j.get(i, c);
                if (v != 0) {
                    cols[nz] = c;
                    vals[nz++] = v;
                }
            }
            start[i + 1] = nz;
        }
        return new CsrMatrix(m, n, start, java.util.Arrays.copyOf(cols, nz), java.util.Arrays.copyOf(vals, nz));
    }

    @Test
    void gaugeFreedomMakesTheUndampedDenseSystemSingular() {
        BalProblem p = BalTestProblems.tiny(4);
        BundleAdjustmentObjective obj = new BundleAdjustmentObjective(p);
        obj.start(p.parameters());
        BundleAdjustmentLinearization lin = obj.linearize(p.parameters());
        DampedSolver ds = DampedSolvers.denseSchur();
        ds.prepare(lin);
        double[] s = new double[lin.cols()];
        SolveResult r = ds.solve(0, null, lin.residuals(), lin.gradient(), s);
        // the similarity transforms of the scene leave every projection unchanged: a status, never a silent NaN
        assertTrue(!r.hasSolution() || VectorOps.allFinite(s), r.toString());
    }

    @Test
    void aPointSeenOnceHasASingularUndampedBlock() {
        // one camera, one point: V = BᵀB has rank 2
        double[] x = new double[12];
        x[5] = -5;
        x[6] = 500;
        x[9] = 0.1;
        BalProblem p = new BalProblem(1, 1, new int[] {0}, new int[] {0}, new double[] {1, 2}, x);
        BundleAdjustmentObjective obj = new BundleAdjustmentObjective(p);
        obj.start(x);
        BundleAdjustmentLinearization lin = obj.linearize(x);
        DampedSolver is = DampedSolvers.iterativeSchur();
        is.prepare(lin);
        SolveResult r = is.solve(0, null, lin.residuals(), lin.gradient(), new double[12]);
        assertFalse(r.hasSolution(), r.toString());
        assertTrue(r.message().contains("not positive definite"), r.message());
    }
}
