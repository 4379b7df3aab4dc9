package org.gn4j.gn.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;
import org.gn4j.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/**
 * A global fit posed through the expression fitter's models as residual blocks: three decay data sets sharing the
 * rate k, each with its own amplitude and offset. The sparse Jacobian against central differences and against the
 * dense Jacobian of the same model, and the sparse LM minimum against dense LM on the dense problem.
 */
class ExpressionResidualBlockTest {
    private static final int GROUPS = 3;
    private static final int ROWS = 12;
    private static final CompiledModel MODEL = ModelExpression.parse("a*exp(-k*t)+c", List.of("t"),
            List.of("a", "k", "c"));
    /** Parameters: k first, then (a_g, c_g) per data set. */
    private static final int N = 1 + 2 * GROUPS;
    private static final int M = GROUPS * ROWS;

    private static double[][] t = new double[GROUPS * ROWS][];
    private static double[] y = new double[GROUPS * ROWS];
    private static double[] sigma = new double[GROUPS * ROWS];

    static {
        Random rnd = new Random(3);
        double k = 0.7;
        for (int g = 0; g < GROUPS; g++) {
            double a = 2 + g;
            double c = 0.5 - 0.2 * g;
            for (int i = 0; i < ROWS; i++) {
                int row = g * ROWS + i;
                double ti = 0.25 * i;
                t[row] = new double[] {ti};
                sigma[row] = 0.05 * (1 + 0.1 * i);
                y[row] = a * Math.exp(-k * ti) + c + sigma[row] * rnd.nextGaussian();
            }
        }
    }

    private static double[] slice(double[] v, int g) {
        return java.util.Arrays.copyOfRange(v, g * ROWS, (g + 1) * ROWS);
    }

    private static SparseLeastSquaresProblem sparse() {
        ResidualBlocks blocks = new ResidualBlocks();
        int shared = blocks.addParameterBlock(1);
        for (int g = 0; g < GROUPS; g++) {
            int own = blocks.addParameterBlock(2);
            double[][] rows = java.util.Arrays.copyOfRange(t, g * ROWS, (g + 1) * ROWS);
            // model parameters a, k, c: a and c from the data set's own block (position 1), k from the shared one
            ExpressionResidualBlock f = new ExpressionResidualBlock(MODEL, rows, slice(y, g), slice(sigma, g),
                    new int[][] {{1, 0}, {0, 0}, {1, 1}});
            blocks.addResidualBlock(f, f.residualCount(), shared, own);
        }
        return blocks.build();
    }

    /** The same global fit as a dense problem, its Jacobian from the same expression's gradient. */
    private static LeastSquaresProblem dense() {
        return LeastSquaresProblem.builder(N, M).residuals((x, r) -> {
            for (int row = 0; row < M; row++) {
                int g = row / ROWS;
                r[row] = (MODEL.value(t[row], new double[] {x[1 + 2 * g], x[0], x[2 + 2 * g]}) - y[row]) / sigma[row];
            }
        }).jacobian((x, j) -> {
            double[] grad = new double[3];
            java.util.Arrays.fill(j.data, 0);
            for (int row = 0; row < M; row++) {
                int g = row / ROWS;
                MODEL.valueAndGradient(t[row], new double[] {x[1 + 2 * g], x[0], x[2 + 2 * g]}, grad);
                j.data[row * N + 1 + 2 * g] = grad[0] / sigma[row];
                j.data[row * N] = grad[1] / sigma[row];
                j.data[row * N + 2 + 2 * g] = grad[2] / sigma[row];
            }
        }).build();
    }

    private static double[] start() {
        double[] x = new double[N];
        x[0] = 0.3;
        for (int g = 0; g < GROUPS; g++) {
            x[1 + 2 * g] = 1;
            x[2 + 2 * g] = 0;
        }
        return x;
    }

    @Test
    void theSparseJacobianAgreesWithCentralDifferencesAndTheDenseOne() {
        SparseLeastSquaresProblem p = sparse();
        assertEquals(N, p.parameterCount());
        assertEquals(M, p.residualCount());
        assertEquals(3 * M, p.pattern().nonZeros(), "three non-zeros per row: k, a_g, c_g");
        double[] x = {0.6, 2.2, 0.4, 3.1, 0.2, 3.9, 0.1};
        CsrMatrix j = p.pattern().withPattern(new double[p.pattern().nonZeros()]);
        double[] r = new double[M];
        p.residuals(x, r);
        p.jacobian(x, r, j, null);
        double[] js = j.toDenseRowMajor();
        double[] ref = SparseJacobianTest.centralDifferences(p, x);
        LeastSquaresObjective d = new LeastSquaresObjective(dense(), false);
        d.start(x);
        double[] jd = d.linearize(x).denseJacobian().data;
        double[] rd = d.linearize(x).residuals();
        for (int k = 0; k < M * N; k++) {
            assertEquals(ref[k], js[k], 1e-6 * Math.max(1, Math.abs(ref[k])), "entry " + k + " against differences");
            assertEquals(jd[k], js[k], 1e-14 * Math.max(1, Math.abs(jd[k])), "entry " + k + " against dense");
        }
        for (int i = 0; i < M; i++) {
            assertEquals(rd[i], r[i], 1e-14 * Math.max(1, Math.abs(rd[i])), "residual " + i);
        }
    }

    @Test
    void sparseLmReachesTheDenseMinimum() {
        GaussNewtonLoop.State ds = new LevenbergMarquardt().loop().withSolver(DampedSolvers.qr())
                .run(new LeastSquaresObjective(dense(), false), start());
        GaussNewtonLoop.State ss = new LevenbergMarquardt().loop().withSolver(DampedSolvers.sparseCholesky())
                .run(new SparseObjective(sparse()), start());
        assertTrue(ds.reason().converged() && ss.reason().converged(), ds.reason() + " / " + ss.reason());
        assertEquals(ds.cost(), ss.cost(), 1e-10 * ds.cost());
        for (int j = 0; j < N; j++) {
            assertEquals(ds.x()[j], ss.x()[j], 1e-7 * Math.max(1, Math.abs(ds.x()[j])), "parameter " + j);
        }
        assertEquals(0.7, ss.x()[0], 0.05, "the shared rate");
    }

    @Test
    void badShapesAndSlotsNameWhatIsWrong() {
        double[][] rows = {{0.0}, {1.0}};
        int[][] slots = {{0, 0}, {0, 1}, {0, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionResidualBlock(MODEL, rows, new double[3], null, slots));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionResidualBlock(MODEL, rows, new double[2], null,
                        new int[][] {{0, 0}, {0, 0}, {0, 2}}));
        assertTrue(e.getMessage().contains("repeats"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionResidualBlock(MODEL, rows, new double[2], new double[] {1, 0}, new int[][] {{0, 0},
                    {0, 1}, {0, 2}}));
        assertTrue(e.getMessage().contains("sigma of row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionResidualBlock(MODEL, new double[][] {{0.0, 1.0}}, new double[1], null,
                        new int[][] {{0, 0}, {0, 1}, {0, 2}}));
        assertTrue(e.getMessage().contains("2 variables") && e.getMessage().contains("1"), e.getMessage());
    }
}
