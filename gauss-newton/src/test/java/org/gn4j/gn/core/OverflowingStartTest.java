package org.gn4j.gn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gn4j.gn.Dogleg;
import org.gn4j.gn.IterationListener;
import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;
import org.junit.jupiter.api.Test;

/**
 * A start whose residuals are finite but whose cost ½‖r‖² overflows (residuals above ~1e154): the objective scales
 * the residuals by a power of two ({@link Objective#rescaleStart}) and the run goes on with the scaled cost, reporting
 * the true one. Without the scaling such a start is refused with an {@link IllegalArgumentException}.
 */
class OverflowingStartTest {
    /** 2^600 ≈ 4·10^180: Rosenbrock's start residuals times this overflow ½‖r‖², the residuals stay finite. */
    private static final double BIG = Math.scalb(1.0, 600);

    /** Rosenbrock with every residual multiplied by a power of two; the same minimizer (1, 1). */
    private static LeastSquaresProblem scaledRosenbrock(double factor) {
        TestProblem t = MoreGarbowHillstrom.rosenbrock();
        int n = t.n();
        int m = t.m();
        return LeastSquaresProblem.builder(n, m).residuals((x, f) -> {
            t.residuals().evaluate(x, f);
            for (int i = 0; i < m; i++) {
                f[i] *= factor;
            }
        }).jacobian((x, jac) -> {
            t.jacobian().evaluate(x, jac.data);
            for (int i = 0; i < m * n; i++) {
                jac.data[i] *= factor;
            }
        }).build();
    }

    /** The iterates after each trial step, recorded by a listener. */
    private static List<double[]> path(Function<IterationListener, LeastSquaresOptimizer> solver,
            LeastSquaresProblem p, double[] x0, Optimum[] result) {
        List<double[]> xs = new ArrayList<>();
        IterationListener l = (rec, x) -> {
            double[] v = new double[x.size()];
            x.copyTo(v, 0);
            xs.add(v);
        };
        result[0] = solver.apply(l).optimize(p, x0);
        return xs;
    }

    private static void checkSamePath(Function<IterationListener, LeastSquaresOptimizer> solver) {
        double[] x0 = MoreGarbowHillstrom.rosenbrock().start();
        LeastSquaresProblem plain = scaledRosenbrock(1);
        LeastSquaresProblem huge = scaledRosenbrock(BIG);
        double r0 = Math.abs(BIG * 10 * (x0[1] - x0[0] * x0[0]));
        assertTrue(Double.isFinite(r0) && Double.isInfinite(0.5 * r0 * r0), "the start's cost must overflow");
        Optimum[] a = new Optimum[1];
        Optimum[] b = new Optimum[1];
        List<double[]> pa = path(solver, plain, x0, a);
        List<double[]> pb = path(solver, huge, x0, b);
        String who = b[0].solver();
        assertTrue(b[0].converged(), who + ": " + b[0].reason() + " " + b[0].message());
        assertEquals(1.0, b[0].parameter(0), 1e-8, who + " x1");
        assertEquals(1.0, b[0].parameter(1), 1e-8, who + " x2");
        assertEquals(Double.POSITIVE_INFINITY, b[0].initialCost(), who + ": the true start cost is reported");
        // residuals scaled by a power of two: the same steps, bit for bit, while neither run has ended
        int common = Math.min(pa.size(), pb.size()) - 1;
        assertTrue(common >= 5, who + ": " + common + " common trial steps");
        for (int k = 0; k < common; k++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(Double.doubleToLongBits(pa.get(k)[j]), Double.doubleToLongBits(pb.get(k)[j]),
                        who + " step " + k + " parameter " + j);
            }
        }
    }

    @Test
    void levenbergMarquardtFromAStartWhoseCostOverflowsTakesTheUnscaledRunsSteps() {
        checkSamePath(l -> new LevenbergMarquardt().withListener(l));
    }

    @Test
    void doglegFromAStartWhoseCostOverflowsTakesTheUnscaledRunsSteps() {
        checkSamePath(l -> new Dogleg().withListener(l));
    }

    /** A robust loss is not homogeneous in the residuals: its overflowing start is still refused, naming the cost. */
    @Test
    void aRobustLossWhoseStartCostOverflowsIsRefused() {
        double[] x0 = MoreGarbowHillstrom.rosenbrock().start();
        LeastSquaresProblem p = LeastSquaresProblem.builder(2, 2).residuals((x, f) -> {
            f[0] = BIG * 10 * (x[1] - x[0] * x[0]);
            f[1] = 1 - x[0];
        }).jacobian((x, jac) -> {
            jac.data[0] = -BIG * 20 * x[0];
            jac.data[1] = BIG * 10;
            jac.data[2] = -1;
            jac.data[3] = 0;
        }).robustLoss(RobustLoss.HUBER, 1).build();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LevenbergMarquardt().optimize(p, x0));
        assertTrue(e.getMessage().contains("the cost is Infinity at the start point"), e.getMessage());
    }
}
