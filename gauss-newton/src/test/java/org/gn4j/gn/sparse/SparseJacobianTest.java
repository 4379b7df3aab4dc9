package org.gn4j.gn.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/** Sparse Jacobians from user code and from grouped finite differences against central differences / each other. */
class SparseJacobianTest {
    private static final int N = 14;

    /** Dense central-difference Jacobian of the residuals (row-major m×n). */
    static double[] centralDifferences(SparseLeastSquaresProblem p, double[] x) {
        int n = p.parameterCount();
        int m = p.residualCount();
        double[] d = new double[m * n];
        double[] rp = new double[m];
        double[] rm = new double[m];
        for (int j = 0; j < n; j++) {
            double h = 1e-5 * Math.max(1, Math.abs(x[j]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += h;
            xm[j] -= h;
            p.residuals(xp, rp);
            p.residuals(xm, rm);
            for (int i = 0; i < m; i++) {
                d[i * n + j] = (rp[i] - rm[i]) / (xp[j] - xm[j]);
            }
        }
        return d;
    }

    private static double[] randomPoint(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void analyticJacobiansAgreeWithCentralDifferences() {
        for (ScalableMgh f : ScalableMgh.values()) {
            SparseLeastSquaresProblem p = f.problem(N, true);
            double[] x = randomPoint(N, 7);
            CsrMatrix j = p.pattern().withPattern(new double[p.pattern().nonZeros()]);
            double[] r = new double[N];
            p.residuals(x, r);
            p.jacobian(x, r, j, null);
            double[] dense = j.toDenseRowMajor();
            double[] ref = centralDifferences(p, x);
            for (int k = 0; k < dense.length; k++) {
                assertEquals(ref[k], dense[k], 1e-6 * Math.max(1, Math.abs(ref[k])), f + " entry " + k);
            }
        }
    }

    @Test
    void groupedFiniteDifferencesAgreeAndCostAtMostGroupsPlusOne() {
        for (ScalableMgh f : ScalableMgh.values()) {
            AtomicInteger evaluations = new AtomicInteger();
            SparseLeastSquaresProblem exact = f.problem(200, true);
            SparseLeastSquaresProblem fd = SparseLeastSquaresProblem.builder(200, 200).pattern(f.pattern(200))
                    .residuals((x, out) -> {
                        evaluations.incrementAndGet();
                        f.residuals(x, out);
                    }).build();
            double[] x = randomPoint(200, 11);
            SparseObjective objective = new SparseObjective(fd);
            objective.start(x);
            evaluations.set(0);
            int before = objective.residualEvaluations();
            objective.linearize(x);
            int groups = fd.grouping().groups();
            // residuals at the point (already held by the objective) + one evaluation per group
            assertTrue(evaluations.get() + 1 <= groups + 1, f + ": " + evaluations.get() + " evaluations, "
                    + groups + " groups");
            assertEquals(groups, objective.residualEvaluations() - before);
            assertTrue(groups <= (f == ScalableMgh.BROYDEN_BANDED ? 7 : 3), f + " groups " + groups);
            CsrMatrix je = exact.pattern().withPattern(new double[exact.pattern().nonZeros()]);
            double[] r = new double[200];
            exact.residuals(x, r);
            exact.jacobian(x, r, je, null);
            CsrMatrix jf = objective.linearize(x).sparseJacobian();
            for (int k = 0; k < je.nonZeros(); k++) {
                double ref = je.values()[k];
                assertEquals(ref, jf.values()[k], 2e-6 * Math.max(1, Math.abs(ref)), f + " entry " + k);
            }
        }
    }

    @Test
    void columnGroupsAreStructurallyOrthogonal() {
        Random rnd = new Random(3);
        int m = 40;
        int n = 25;
        int[][] rows = new int[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = new int[] {rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n)};
        }
        CsrMatrix p = CsrMatrix.pattern(m, n, rows);
        ColumnGrouping g = new ColumnGrouping(p);
        for (int i = 0; i < m; i++) {
            for (int a = p.rowStart()[i]; a < p.rowStart()[i + 1]; a++) {
                for (int b = a + 1; b < p.rowStart()[i + 1]; b++) {
                    assertTrue(g.groupOf(p.colIndex()[a]) != g.groupOf(p.colIndex()[b]), "row " + i);
                }
            }
        }
    }

    @Test
    void residualBlocksBuildTheSameJacobianAsDenseDifferences() {
        // three points with 2 coordinates, two "cameras" with one offset each; residual x_p − c_k per observation
        ResidualBlocks blocks = new ResidualBlocks();
        int[] points = new int[3];
        for (int k = 0; k < 3; k++) {
            points[k] = blocks.addParameterBlock(2);
        }
        int c0 = blocks.addParameterBlock(1);
        int c1 = blocks.addParameterBlock(1);
        ResidualBlocks.CostFunction obs = (params, residuals, jacobians) -> {
            double[] p = params[0];
            double c = params[1][0];
            residuals[0] = p[0] * p[0] - c;
            residuals[1] = Math.sin(p[1]) * c;
            if (jacobians != null) {
                jacobians[0][0] = 2 * p[0];
                jacobians[0][1] = 0;
                jacobians[0][2] = 0;
                jacobians[0][3] = Math.cos(p[1]) * c;
                jacobians[1][0] = -1;
                jacobians[1][1] = Math.sin(p[1]);
            }
        };
        for (int k = 0; k < 3; k++) {
            blocks.addResidualBlock(obs, 2, points[k], k == 1 ? c1 : c0);
        }
        blocks.addResidualBlock(obs, 2, points[0], c1);
        SparseLeastSquaresProblem p = blocks.build();
        assertEquals(8, p.parameterCount());
        assertEquals(8, p.residualCount());
        double[] x = randomPoint(8, 5);
        CsrMatrix j = p.pattern().withPattern(new double[p.pattern().nonZeros()]);
        double[] r = new double[8];
        p.residuals(x, r);
        p.jacobian(x, r, j, null);
        double[] dense = j.toDenseRowMajor();
        double[] ref = centralDifferences(p, x);
        for (int k = 0; k < dense.length; k++) {
            assertEquals(ref[k], dense[k], 1e-7, "entry " + k);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blocks.addResidualBlock(obs, 2, points[0], 17));
        assertTrue(e.getMessage().contains("17"), e.getMessage());
    }

    @Test
    void shapeMismatchesNameFoundAndExpected() {
        CsrMatrix p = ScalableMgh.BROYDEN_TRIDIAGONAL.pattern(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseLeastSquaresProblem.builder(10, 12).pattern(p));
        assertTrue(e.getMessage().contains("10x10") && e.getMessage().contains("12x10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.apply(new double[9], new double[10]));
        assertTrue(e.getMessage().contains("9") && e.getMessage().contains("10"), e.getMessage());
        SparseLeastSquaresProblem prob = ScalableMgh.BROYDEN_TRIDIAGONAL.problem(10, true);
        CsrMatrix other = ScalableMgh.BROYDEN_BANDED.pattern(10);
        e = assertThrows(IllegalArgumentException.class,
                () -> prob.jacobian(new double[10], new double[10], other, null));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CsrMatrix(2, 3, new int[] {0, 2, 3},
                new int[] {1, 0, 2}, new double[3]));
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SparseLinearization(p, new double[7], 0));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("10"), e.getMessage());
    }
}
