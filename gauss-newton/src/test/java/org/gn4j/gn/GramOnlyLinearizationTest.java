package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.DenseGramLinearization;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.Linearization;
import org.gn4j.gn.core.Objective;
import org.gn4j.gn.fit.CurveFit;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.junit.jupiter.api.Test;

/**
 * A linearization held only as normal equations ({@link DenseGramLinearization}: {@code JᵀJ}, {@code Jᵀr}, cost,
 * {@code ‖r‖²}) drives the loop exactly as the dense Jacobian it was formed from, with the cached-Gram Cholesky:
 * same iterations, same termination, same point to round-off; with a robust loss and with bounds too.
 */
class GramOnlyLinearizationTest {

    /** Forwards to a {@link LeastSquaresObjective} and hands the loop only the normal equations of each Jacobian. */
    static final class GramOnly implements Objective {
        final LeastSquaresObjective inner;

        GramOnly(LeastSquaresObjective inner) {
            this.inner = inner;
        }

        @Override
        public int parameterCount() {
            return inner.parameterCount();
        }

        @Override
        public double start(double[] x) {
            return inner.start(x);
        }

        @Override
        public Linearization linearize(double[] x) {
            Linearization lin = inner.linearize(x);
            DMatrixRMaj j = lin.denseJacobian();
            int n = j.numCols;
            DMatrixRMaj g = new DMatrixRMaj(n, n);
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double s = 0;
                    for (int i = 0; i < j.numRows; i++) {
                        s += j.get(i, a) * j.get(i, b);
                    }
                    g.set(a, b, s);
                    g.set(b, a, s);
                }
            }
            double ss = 0;
            for (double v : lin.residuals()) {
                ss += v * v;
            }
            return new DenseGramLinearization(g, lin.gradient().clone(), lin.cost(), ss, j.numRows);
        }

        @Override
        public double trialCost(double[] x) {
            return inner.trialCost(x);
        }

        @Override
        public void keepTrial() {
            inner.keepTrial();
        }

        @Override
        public void acceptTrial() {
            inner.acceptTrial();
        }

        @Override
        public boolean plainLeastSquares() {
            return inner.plainLeastSquares();
        }

        @Override
        public double[] lowerBounds() {
            return inner.lowerBounds();
        }

        @Override
        public double[] upperBounds() {
            return inner.upperBounds();
        }

        @Override
        public int residualEvaluations() {
            return inner.residualEvaluations();
        }

        @Override
        public int jacobianEvaluations() {
            return inner.jacobianEvaluations();
        }
    }

    private static void assertSameRun(GaussNewtonLoop loop, LeastSquaresProblem p, double[] start) {
        GaussNewtonLoop.State dense = loop.withSolver(DampedSolvers.cholesky())
                .run(new LeastSquaresObjective(p, false), start);
        GaussNewtonLoop.State gram = loop.withSolver(DampedSolvers.cholesky())
                .run(new GramOnly(new LeastSquaresObjective(p, false)), start);
        assertEquals(dense.reason(), gram.reason(), gram.message());
        assertEquals(dense.iterations(), gram.iterations());
        assertEquals(dense.cost(), gram.cost(), 1e-12 * dense.cost());
        for (int j = 0; j < start.length; j++) {
            assertEquals(dense.x()[j], gram.x()[j], 1e-10 * Math.abs(dense.x()[j]),
                    () -> Arrays.toString(dense.x()) + " vs " + Arrays.toString(gram.x()));
        }
    }

    @Test
    void levenbergMarquardtAndDoglegOnNistProblemsAsTheDenseJacobian() {
        for (String name : List.of("Misra1a", "Chwirut2", "DanWood", "Lanczos3")) {
            NistProblem nist = NistDatasets.load(name);
            LeastSquaresProblem p = CurveFit.problem(nist);
            assertSameRun(new LevenbergMarquardt().withGeodesicAcceleration(false).loop(), p, nist.start2());
            assertSameRun(new Dogleg().loop(), p, nist.start2());
            assertTrue(new LevenbergMarquardt().withGeodesicAcceleration(false).loop()
                    .withSolver(DampedSolvers.cholesky()).run(new GramOnly(new LeastSquaresObjective(p, false)),
                            nist.start2()).reason().converged(), name);
        }
    }

    @Test
    void robustLossAndBoundsAsTheDenseJacobian() {
        NistProblem nist = NistDatasets.load("Misra1a");
        double[] lower = {-1e9, 1e-4};
        double[] upper = {235, 1e9}; // b1 ends on its bound (certified 238.9)
        LeastSquaresProblem p = CurveFit.problem(nist.compiledModel(), nist.x(), nist.targets(), null, lower, upper,
                RobustLoss.CAUCHY, 0.2);
        assertSameRun(new LevenbergMarquardt().withGeodesicAcceleration(false).loop(), p, new double[] {200, 5e-4});
    }
}
