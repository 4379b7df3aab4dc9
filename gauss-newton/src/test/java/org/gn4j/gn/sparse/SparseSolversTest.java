package org.gn4j.gn.sparse;

import static org.gn4j.gn.sparse.SparseSteps.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.DenseLinearization;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.Linearization;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.gn4j.solvers.sparse.SparseCholesky;
import org.gn4j.solvers.sparse.SparseNormalMatrix;
import org.junit.jupiter.api.Test;

/** The sparse damped solvers against the dense QR and Cholesky steps, and whole runs of the core on sparse problems. */
class SparseSolversTest {

    /** A random sparse m×n Jacobian with every column touched. */
    private static CsrMatrix randomJacobian(int m, int n, double density, long seed) {
        Random rnd = new Random(seed);
        int[][] rows = new int[m][];
        for (int i = 0; i < m; i++) {
            java.util.List<Integer> c = new java.util.ArrayList<>();
            c.add(i % n);
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < density) {
                    c.add(j);
                }
            }
            rows[i] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        CsrMatrix p = CsrMatrix.pattern(m, n, rows);
        for (int k = 0; k < p.nonZeros(); k++) {
            p.values()[k] = rnd.nextGaussian();
        }
        return p;
    }

    @Test
    void sparseStepsMatchDenseStepsForSeveralDampings() {
        int m = 40;
        int n = 15;
        CsrMatrix j = randomJacobian(m, n, 0.2, 1);
        Random rnd = new Random(2);
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = rnd.nextGaussian();
        }
        double[] dScale = new double[n];
        for (int k = 0; k < n; k++) {
            dScale[k] = 0.5 + rnd.nextDouble();
        }
        Linearization sparse = new SparseLinearization(j, r, 0.5);
        Linearization dense = new DenseLinearization(new DMatrixRMaj(m, n, true, j.toDenseRowMajor()), r, null, 0.5);
        DampedSolver[] references = {DampedSolvers.qr(), DampedSolvers.cholesky()};
        SparseCholeskySolver chol = DampedSolvers.sparseCholesky();
        DampedSolver[] candidates = {chol, chol.withNaturalOrder(),
            DampedSolvers.lsmr().withTolerance(1e-15).withIterations(2000, 0)};
        for (DampedSolver s : references) {
            assertTrue(s.prepare(dense).hasSolution());
        }
        for (DampedSolver s : candidates) {
            assertTrue(s.prepare(sparse).hasSolution(), s.name());
        }
        for (double lambda : new double[] {0, 1e-3, 1, 30}) {
            for (double[] d : new double[][] {null, dScale}) {
                double[] ref = new double[n];
                references[0].solve(lambda, d, r, dense.gradient(), ref);
                double[] ref2 = new double[n];
                references[1].solve(lambda, d, r, dense.gradient(), ref2);
                assertTrue(relativeError(ref2, ref) < 1e-10);
                for (DampedSolver s : candidates) {
                    double[] x = new double[n];
                    SolveResult res = s.solve(lambda, d, r, sparse.gradient(), x);
                    assertTrue(res.hasSolution(), s.name() + " " + res);
                    double err = relativeError(x, ref);
                    assertTrue(err < 1e-10, s.name() + " λ = " + lambda + (d == null ? "" : " with D") + ": "
                            + err);
                }
            }
        }
    }

    @Test
    void minimumDegreeAvoidsTheFillOfAnArrowMatrix() {
        // rows couple parameter 0 with every other one: JᵀJ is an arrow with its dense row first
        int n = 60;
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = i == 0 ? new int[] {0} : new int[] {0, i};
        }
        CsrMatrix j = CsrMatrix.pattern(n, n, rows);
        java.util.Arrays.fill(j.values(), 1.0);
        SparseNormalMatrix natural = new SparseNormalMatrix(j, false);
        SparseNormalMatrix ordered = new SparseNormalMatrix(j, true);
        long fillNatural = new SparseCholesky(n, natural.colStart(), natural.rowIndex()).factorNonZeros();
        long fillOrdered = new SparseCholesky(n, ordered.colStart(), ordered.rowIndex()).factorNonZeros();
        assertEquals((long) n * (n + 1) / 2, fillNatural);
        assertEquals(2L * n - 1, fillOrdered);
    }

    @Test
    void symbolicFactorizationIsComputedOnceAcrossIterations() {
        SparseLeastSquaresProblem p = ScalableMgh.BROYDEN_BANDED.problem(300, true);
        SparseCholeskySolver chol = DampedSolvers.sparseCholesky();
        GaussNewtonLoop.State st = new LevenbergMarquardt().loop().withSolver(chol).run(new SparseObjective(p),
                ScalableMgh.BROYDEN_BANDED.start(300));
        assertTrue(st.cost() < 1e-20, "cost " + st.cost());
        assertTrue(st.iterations() > 2, "iterations " + st.iterations());
        assertEquals(1, chol.symbolicAnalyses());
        assertTrue(chol.numericFactorizations() >= st.iterations(), "factorizations " + chol.numericFactorizations());
    }

    @Test
    void everyScalableFunctionReachesItsMinimumWithLmDoglegAndLsmr() {
        for (ScalableMgh f : ScalableMgh.values()) {
            int n = 1000;
            SparseObjective obj = new SparseObjective(f.problem(n, true));
            GaussNewtonLoop.State lm = new LevenbergMarquardt().loop().withSolver(null).run(obj, f.start(n));
            assertTrue(lm.cost() < 1e-16, f + " LM (auto) cost " + lm.cost());
            GaussNewtonLoop.State dl = new Dogleg().loop().withSolver(DampedSolvers.sparseCholesky())
                    .run(new SparseObjective(f.problem(n, false)), f.start(n));
            assertTrue(dl.cost() < 1e-16, f + " dogleg (grouped differences) cost " + dl.cost());
            if (f != ScalableMgh.DISCRETE_BOUNDARY_VALUE) { // JᵀJ ~ a squared discrete Laplacian: too slow for LSMR
                GaussNewtonLoop.State ls = new LevenbergMarquardt().loop().withSolver(DampedSolvers.lsmr())
                        .run(new SparseObjective(f.problem(n, true)), f.start(n));
                assertTrue(ls.cost() < 1e-16, f + " LM + LSMR cost " + ls.cost());
            }
        }
    }

    @Test
    void boundsHoldOnASparseProblem() {
        int n = 200;
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        for (int j = 0; j < n; j += 2) {
            hi[j] = 0.9;
        }
        ScalableMgh f = ScalableMgh.EXTENDED_ROSENBROCK;
        SparseLeastSquaresProblem p = SparseLeastSquaresProblem.builder(n, n).pattern(f.pattern(n))
                .residuals(f::residuals).jacobian(f::jacobian).bounds(lo, hi).build();
        GaussNewtonLoop.State st = new LevenbergMarquardt().loop().withSolver(DampedSolvers.sparseCholesky())
                .run(new SparseObjective(p), f.start(n));
        double[] x = st.x();
        for (int j = 0; j < n; j++) {
            assertTrue(x[j] <= hi[j], "x[" + j + "] = " + x[j]);
        }
        // the constrained minimum of each pair: x1 = 0.9, x2 = 0.81 (both residuals of the pair then 0 and 0.1)
        for (int j = 0; j < n; j += 2) {
            assertEquals(0.9, x[j], 1e-6, st.reason() + " after " + st.iterations() + " cost " + st.cost());
            assertEquals(0.81, x[j + 1], 1e-6, st.reason() + " after " + st.iterations() + " cost " + st.cost());
        }
        assertFalse(Double.isNaN(st.cost()));
    }
}
