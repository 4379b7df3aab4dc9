package org.gn4j.gn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.ScalingRule;
import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ScalingRule#RESTARTED_MAX}, dogleg's scaling: from far starts where MINPACK's running maximum keeps the
 * start's column scales it reaches a published minimum on a path that differs from the running maximum's (so the
 * restart took place), and the restart keeps the run invariant to the units of the parameters.
 */
class ScalingRestartTest {

    /** Far-start runs whose running maximum is stretched by more than the restart spread. */
    static Stream<TestProblem> farStarts() {
        return Stream.of(MoreGarbowHillstrom.scaled(MoreGarbowHillstrom.kowalikOsborne(), 100),
                MoreGarbowHillstrom.scaled(MoreGarbowHillstrom.osborne1(), 100),
                MoreGarbowHillstrom.scaled(MoreGarbowHillstrom.biggsExp6(), 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("farStarts")
    void restartedScalingReachesAPublishedMinimum(TestProblem t) {
        Optimum restarted = new Dogleg().optimize(t.problem(), t.start());
        Optimum runningMax = new Dogleg().withScaling(ScalingRule.RUNNING_MAX).optimize(t.problem(), t.start());
        assertTrue(t.isAcceptable(restarted.cost()), t + ": cost " + restarted.cost() + ", acceptable "
                + Arrays.toString(t.acceptableCosts()) + " (" + restarted.message() + ")");
        assertTrue(restarted.converged(), t + ": " + restarted.reason() + " " + restarted.message());
        assertNotEquals(runningMax.iterations(), restarted.iterations(),
                t + ": the same path as the running maximum, so the restart did not take place");
    }

    /**
     * Parameters measured in other units, x = s∘y with powers of two s (exact in floating point): the run in y takes
     * the same steps, scaled, so it ends at x/s after the same number of iterations, restarts included (Osborne 1
     * from 100·x0, whose path the restart changes; runs whose QR meets a rank decision, such as Powell singular, are
     * not exactly invariant with either scaling).
     */
    @Test
    void restartKeepsTheRunInvariantToParameterUnits() {
        TestProblem t = MoreGarbowHillstrom.scaled(MoreGarbowHillstrom.osborne1(), 100);
        double[] s = {1024, 1.0 / 64, 8, 1.0 / 4096, 32};
        int n = t.n();
        int m = t.m();
        LeastSquaresProblem inY = LeastSquaresProblem.builder(n, m).residuals((y, f) -> {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = s[j] * y[j];
            }
            t.residuals().evaluate(x, f);
        }).jacobian((y, jac) -> {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = s[j] * y[j];
            }
            t.jacobian().evaluate(x, jac.data);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    jac.data[i * n + j] *= s[j];
                }
            }
        }).build();
        double[] y0 = t.start();
        for (int j = 0; j < n; j++) {
            y0[j] /= s[j];
        }
        Optimum a = new Dogleg().optimize(t.problem(), t.start());
        Optimum b = new Dogleg().optimize(inY, y0);
        assertEquals(a.iterations(), b.iterations(), "iterations in x and in y = x/s");
        double[] xa = a.parameters();
        double[] yb = b.parameters();
        for (int j = 0; j < n; j++) {
            assertEquals(xa[j], s[j] * yb[j], 1e-12 * Math.abs(xa[j]), "parameter " + j);
        }
        assertEquals(a.cost(), b.cost(), 1e-12 * a.cost());
    }
}
