package org.gn4j.gn.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.Linearization;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/**
 * The sparse objective and the dense one share one objective logic: with the same residuals and robust loss they
 * give the same cost, scaled residuals, gradient and Jacobian, and the same minimum.
 */
class SparseObjectiveTest {
    private static final int N = 12;

    private static final int M = 2 * N - 1;

    /**
     * An overdetermined fit with an outlier: {@code r_i = x_i + 0.1x_i³ − a_i} (a_3 an outlier) and
     * {@code r_{N+k} = x_{k+1} − x_k − 0.5}.
     */
    private static void residuals(double[] x, double[] out) {
        for (int i = 0; i < N; i++) {
            out[i] = x[i] + 0.1 * x[i] * x[i] * x[i] - (i == 3 ? 40 : 0.5 * i);
        }
        for (int k = 0; k < N - 1; k++) {
            out[N + k] = x[k + 1] - x[k] - 0.5;
        }
    }

    /** The Jacobian values in the pattern's order. */
    private static void jacobian(double[] x, double[] v) {
        for (int i = 0; i < N; i++) {
            v[i] = 1 + 0.3 * x[i] * x[i];
        }
        for (int k = 0; k < N - 1; k++) {
            v[N + 2 * k] = -1;
            v[N + 2 * k + 1] = 1;
        }
    }

    private static SparseLeastSquaresProblem sparse() {
        int[][] rows = new int[M][];
        for (int i = 0; i < N; i++) {
            rows[i] = new int[] {i};
        }
        for (int k = 0; k < N - 1; k++) {
            rows[N + k] = new int[] {k, k + 1};
        }
        return SparseLeastSquaresProblem.builder(N, M).pattern(rows).residuals(SparseObjectiveTest::residuals)
                .jacobian(SparseObjectiveTest::jacobian).build();
    }

    private static LeastSquaresProblem dense(RobustLoss loss) {
        SparseLeastSquaresProblem s = sparse();
        return LeastSquaresProblem.builder(N, M).residuals(SparseObjectiveTest::residuals).jacobian((x, j) -> {
            CsrMatrix c = s.pattern().withPattern(new double[s.pattern().nonZeros()]);
            s.jacobian(x, null, c, null);
            System.arraycopy(c.toDenseRowMajor(), 0, j.data, 0, M * N);
        }).robustLoss(loss, 2.0).build();
    }

    @Test
    void robustLinearizationsAgreeWithTheDenseObjective() {
        double[] x = new double[N];
        java.util.Arrays.fill(x, 0.3);
        for (RobustLoss loss : RobustLoss.values()) {
            SparseObjective so = new SparseObjective(sparse(), loss, 2.0);
            LeastSquaresObjective d = new LeastSquaresObjective(dense(loss), false);
            assertEquals(d.start(x), so.start(x), 1e-12 * Math.abs(d.start(x)), loss + " cost");
            Linearization ls = so.linearize(x);
            Linearization ld = d.linearize(x);
            double[] jd = ld.denseJacobian().data;
            double[] js = ls.sparseJacobian().toDenseRowMajor();
            for (int k = 0; k < M * N; k++) {
                assertEquals(jd[k], js[k], 1e-12 * Math.max(1, Math.abs(jd[k])), loss + " J entry " + k);
            }
            for (int i = 0; i < M; i++) {
                assertEquals(ld.residuals()[i], ls.residuals()[i], 1e-12, loss + " scaled residual " + i);
            }
            for (int j = 0; j < N; j++) {
                assertEquals(ld.gradient()[j], ls.gradient()[j], 1e-10 * Math.max(1, Math.abs(ld.gradient()[j])),
                        loss + " gradient " + j);
            }
        }
    }

    @Test
    void robustSparseRunReachesTheDenseMinimum() {
        double[] x0 = new double[N];
        GaussNewtonLoop.State ds = new LevenbergMarquardt().loop().withSolver(DampedSolvers.qr())
                .run(new LeastSquaresObjective(dense(RobustLoss.CAUCHY), false), x0);
        GaussNewtonLoop.State ss = new LevenbergMarquardt().loop().withSolver(DampedSolvers.sparseCholesky())
                .run(new SparseObjective(sparse(), RobustLoss.CAUCHY, 2.0), x0);
        assertTrue(ds.reason().converged() && ss.reason().converged(), ds.reason() + " / " + ss.reason());
        assertTrue(ds.cost() > 1, "the outlier keeps the cost away from 0: " + ds.cost());
        assertEquals(ds.cost(), ss.cost(), 1e-10 * ds.cost());
        for (int j = 0; j < N; j++) {
            assertEquals(ds.x()[j], ss.x()[j], 1e-7, "parameter " + j);
        }
    }
}
