package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.linalg.op.Operators;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;

/** Behaviour of the three solvers and the problem API on small problems with known answers. */
class LeastSquaresSolversTest {

    /** y = b1·exp(b2·x) + b3 sampled exactly at 30 points: a zero-residual problem with a known solution. */
    static final double[] TRUE = {2.5, -1.3, 0.7};
    static final int M = 30;
    static final double[] XS = new double[M];
    static final double[] YS = new double[M];

    static {
        for (int i = 0; i < M; i++) {
            XS[i] = 0.1 * i;
            YS[i] = TRUE[0] * Math.exp(TRUE[1] * XS[i]) + TRUE[2] + 0.01 * Math.sin(7 * i);
        }
    }

    static void residuals(double[] b, double[] r) {
        for (int i = 0; i < M; i++) {
            r[i] = b[0] * Math.exp(b[1] * XS[i]) + b[2] - YS[i];
        }
    }

    static void jacobian(double[] b, DMatrixRMaj j) {
        for (int i = 0; i < M; i++) {
            double e = Math.exp(b[1] * XS[i]);
            j.set(i, 0, e);
            j.set(i, 1, b[0] * XS[i] * e);
            j.set(i, 2, 1);
        }
    }

    static LeastSquaresProblem dense() {
        return LeastSquaresProblem.builder(3, M).residuals(LeastSquaresSolversTest::residuals)
                .jacobian(LeastSquaresSolversTest::jacobian).build();
    }

    /** The same Jacobian offered only as JVP / VJP products. */
    static LeastSquaresProblem matrixFree() {
        return LeastSquaresProblem.builder(3, M).residuals(LeastSquaresSolversTest::residuals).jacobianOperator(b -> {
            DMatrixRMaj j = new DMatrixRMaj(M, 3);
            jacobian(b, j);
            LinearOperator d = Operators.dense(j);
            return Operators.of(M, 3, d::apply, d::applyTranspose);
        }).build();
    }

    static final double[] START = {1, -0.5, 0};

    @Test
    void denseMatrixFreeAndFiniteDifferenceJacobiansGiveTheSameSolution() {
        Optimum ref = new LevenbergMarquardt().optimize(dense(), START);
        assertTrue(ref.converged(), ref.toString());
        List<Optimum> others = new ArrayList<>();
        others.add(new LevenbergMarquardt().withStepSolver(StepSolver.CG).optimize(matrixFree(), START));
        others.add(new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY).optimize(dense(), START));
        others.add(new LevenbergMarquardt().withStepSolver(StepSolver.CG).optimize(dense(), START));
        for (FiniteDifferences fd : FiniteDifferences.values()) {
            LeastSquaresProblem p = LeastSquaresProblem.builder(3, M).residuals(LeastSquaresSolversTest::residuals)
                    .finiteDifferences(fd).build();
            others.add(new LevenbergMarquardt().optimize(p, START));
        }
        others.add(new Dogleg().optimize(matrixFree(), START));
        others.add(new Dogleg().withStepSolver(StepSolver.CG).optimize(matrixFree(), START));
        others.add(new GaussNewton().optimize(dense(), START));
        for (Optimum o : others) {
            assertTrue(o.converged(), o.toString());
            Tolerances.assertRelativeClose(ref.parameters(), o.parameters(), 1e-7, o.solver());
            assertEquals(ref.cost(), o.cost(), 1e-10 * ref.cost(), o.solver());
        }
    }

    @Test
    void finiteDifferenceJacobianMatchesTheAnalyticOne() {
        double[] b = {2.0, -0.8, 0.3};
        DMatrixRMaj exact = new DMatrixRMaj(M, 3);
        jacobian(b, exact);
        double[] r = new double[M];
        for (FiniteDifferences fd : FiniteDifferences.values()) {
            LeastSquaresProblem p = LeastSquaresProblem.builder(3, M).residuals(LeastSquaresSolversTest::residuals)
                    .finiteDifferences(fd).build();
            p.residuals(b, r);
            DMatrixRMaj approx = new DMatrixRMaj(M, 3);
            int evals = p.jacobian(b, r, approx);
            assertEquals(fd.evaluationsPerJacobian(3), evals);
            Tolerances.assertRelativeClose(exact, approx, fd == FiniteDifferences.FORWARD ? 1e-6 : 1e-9,
                    fd + " differences");
        }
    }

    @Test
    void covarianceMatchesTheLinearRegressionFormula() {
        // a linear model y = b1 + b2·x: LM must reproduce the textbook OLS estimates and standard errors exactly
        int m = 12;
        double[] x = new double[m];
        double[] y = new double[m];
        Random rnd = new Random(3);
        for (int i = 0; i < m; i++) {
            x[i] = i;
            y[i] = 1.5 + 0.8 * i + rnd.nextGaussian();
        }
        LeastSquaresProblem p = LeastSquaresProblem.builder(2, m).residuals((b, r) -> {
            for (int i = 0; i < m; i++) {
                r[i] = b[0] + b[1] * x[i] - y[i];
            }
        }).jacobian((b, j) -> {
            for (int i = 0; i < m; i++) {
                j.set(i, 0, 1);
                j.set(i, 1, x[i]);
            }
        }).build();
        Optimum o = new LevenbergMarquardt().optimize(p, new double[] {0, 0});
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += x[i] / m;
            my += y[i] / m;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < m; i++) {
            double e = y[i] - intercept - slope * x[i];
            rss += e * e;
        }
        double s2 = rss / (m - 2);
        double seSlope = Math.sqrt(s2 / sxx);
        double seIntercept = Math.sqrt(s2 * (1.0 / m + mx * mx / sxx));
        assertEquals(slope, o.parameter(1), 1e-10 * Math.abs(slope));
        assertEquals(intercept, o.parameter(0), 1e-10 * Math.abs(intercept));
        assertEquals(seSlope, o.standardErrors()[1], 1e-10 * seSlope);
        assertEquals(seIntercept, o.standardErrors()[0], 1e-10 * seIntercept);
        // 95 % interval: t_{0.975, 10} = 2.2281388519649
        double[][] ci = o.confidenceIntervals(0.95);
        assertEquals(slope + 2.2281388519649 * seSlope, ci[1][1], 1e-9);
        assertEquals(slope - 2.2281388519649 * seSlope, ci[1][0], 1e-9);
    }

    @Test
    void cauchyLossRecoversTheSlopeDespiteGrossOutliers() {
        // y = 2x + 1 + small noise, 20 % of points replaced by gross outliers
        int m = 100;
        double[] x = new double[m];
        double[] y = new double[m];
        Random rnd = new Random(11);
        for (int i = 0; i < m; i++) {
            x[i] = i / 10.0;
            y[i] = 2 * x[i] + 1 + 0.05 * rnd.nextGaussian();
            if (i % 5 == 2) {
                // gross outliers on a line of the opposite slope: they drag a plain fit's slope down
                y[i] = 20 - 3 * x[i] + rnd.nextGaussian();
            }
        }
        LeastSquaresProblem.Builder b = LeastSquaresProblem.builder(2, m).residuals((p, r) -> {
            for (int i = 0; i < m; i++) {
                r[i] = p[0] * x[i] + p[1] - y[i];
            }
        }).jacobian((p, j) -> {
            for (int i = 0; i < m; i++) {
                j.set(i, 0, x[i]);
                j.set(i, 1, 1);
            }
        });
        double plain = new LevenbergMarquardt().optimize(b.build(), new double[] {0, 0}).parameter(0);
        Optimum robust = new LevenbergMarquardt().optimize(b.robustLoss(RobustLoss.CAUCHY, 0.1).build(),
                new double[] {0, 0});
        assertTrue(robust.converged(), robust.toString());
        assertTrue(Math.abs(robust.parameter(0) - 2) < 0.02, "Cauchy slope " + robust.parameter(0));
        assertFalse(Math.abs(plain - 2) < 0.02, "plain least squares is pulled away: slope " + plain);
    }

    @Test
    void weightsScaleResiduals() {
        double[] w = new double[M];
        java.util.Arrays.fill(w, 4.0);
        LeastSquaresProblem p = LeastSquaresProblem.builder(3, M).residuals(LeastSquaresSolversTest::residuals)
                .jacobian(LeastSquaresSolversTest::jacobian).weights(w).build();
        Optimum weighted = new LevenbergMarquardt().optimize(p, START);
        Optimum plain = new LevenbergMarquardt().optimize(dense(), START);
        Tolerances.assertRelativeClose(plain.parameters(), weighted.parameters(), 1e-9, "uniform weights");
        assertEquals(4 * plain.cost(), weighted.cost(), 1e-9 * weighted.cost());
    }

    @Test
    void marquardtDampingRuleAlsoConverges() {
        Optimum o = new LevenbergMarquardt().withDampingRule(DampingRule.MARQUARDT).optimize(dense(), START);
        Optimum ref = new LevenbergMarquardt().optimize(dense(), START);
        assertTrue(o.converged(), o.toString());
        Tolerances.assertRelativeClose(ref.parameters(), o.parameters(), 1e-8, "Marquardt vs Nielsen");
    }

    @Test
    void traceAndListenerSeeEveryIteration() {
        List<IterationRecord> seen = new ArrayList<>();
        Optimum o = new LevenbergMarquardt().withListener((rec, x) -> {
            seen.add(rec);
            assertEquals(3, x.size());
        }).optimize(dense(), START);
        assertEquals(o.iterations(), seen.size());
        assertEquals(o.trace(), seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).cost() <= seen.get(i - 1).cost(), "accepted costs never increase");
        }
        assertTrue(o.residualEvaluations() >= o.iterations());
        assertTrue(o.jacobianEvaluations() >= 1);
    }

    @Test
    void budgetsStopTheSolveWithTheirReason() {
        Optimum it = new LevenbergMarquardt().withRetryScaling(null)
                .withStopping(StoppingCriteria.defaults().withMaxIterations(2)).optimize(dense(), START);
        assertEquals(TerminationReason.MAX_ITERATIONS, it.reason());
        assertEquals(2, it.iterations());
        // with the default retry after a run without a certificate, each of the two runs has the cap
        Optimum twice = new LevenbergMarquardt().withStopping(StoppingCriteria.defaults().withMaxIterations(2))
                .optimize(dense(), START);
        assertEquals(TerminationReason.MAX_ITERATIONS, twice.reason());
        assertTrue(twice.iterations() <= 4, "iterations " + twice.iterations());
        assertTrue(twice.message().contains("retry"), twice.message());
        Optimum ev = new LevenbergMarquardt().withStopping(StoppingCriteria.defaults().withMaxEvaluations(3))
                .optimize(dense(), START);
        assertEquals(TerminationReason.MAX_EVALUATIONS, ev.reason());
        LeastSquaresProblem slow = LeastSquaresProblem.builder(3, M).residuals((b, r) -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            residuals(b, r);
        }).jacobian(LeastSquaresSolversTest::jacobian).build();
        Optimum time = new LevenbergMarquardt().withStopping(StoppingCriteria.defaults().withTimeBudget(
                Duration.ofMillis(20))).optimize(slow, START);
        assertEquals(TerminationReason.TIME_BUDGET, time.reason());
    }

    @Test
    void nonFiniteResidualsDuringTheRunAreRejectedNotPropagated() {
        // log(b1) is undefined for b1 <= 0: the first full step from b1 = 0.1 overshoots into b1 < 0
        int m = 5;
        double[] y = {1, 2, 3, 4, 5};
        LeastSquaresProblem p = LeastSquaresProblem.builder(1, m).residuals((b, r) -> {
            for (int i = 0; i < m; i++) {
                r[i] = Math.log(b[0]) * (i + 1) - y[i] * 2;
            }
        }).jacobian((b, j) -> {
            for (int i = 0; i < m; i++) {
                j.set(i, 0, (i + 1) / b[0]);
            }
        }).build();
        for (LeastSquaresOptimizer o : new LeastSquaresOptimizer[] {new LevenbergMarquardt(), new Dogleg(),
                new GaussNewton()}) {
            Optimum res = o.optimize(p, new double[] {0.1});
            assertTrue(res.converged(), o.name() + ": " + res);
            assertEquals(Math.exp(2), res.parameter(0), 1e-10, o.name());
        }
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        LeastSquaresProblem p = dense();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LevenbergMarquardt().optimize(p, new double[2]));
        assertTrue(e.getMessage().contains("start has length 2, expected 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LevenbergMarquardt().optimize(p, new double[] {1, Double.NaN, 0}));
        assertTrue(e.getMessage().contains("start[1]"), e.getMessage());
        LeastSquaresProblem bad = LeastSquaresProblem.builder(1, 2).residuals((b, r) -> {
            r[0] = 1 / b[0];
            r[1] = 0;
        }).build();
        e = assertThrows(IllegalArgumentException.class, () -> new Dogleg().optimize(bad, new double[] {0}));
        assertTrue(e.getMessage().contains("residual 0 is Infinity at the start"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LeastSquaresProblem.builder(2, 3).build());
        assertTrue(e.getMessage().contains("residual function"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LeastSquaresProblem.builder(1, 2).weights(1, -1));
        assertTrue(e.getMessage().contains("weights[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StoppingCriteria.defaults().withFunctionTolerance(-1));
        assertTrue(e.getMessage().contains("functionTolerance"), e.getMessage());
    }
}
