package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Box constraints {@code l ≤ β ≤ u} in every deterministic solver: the result is feasible, satisfies the KKT
 * conditions (checked here from the problem's own Jacobian), matches the reduced unconstrained problem where a
 * bound is active, and the unconstrained answer where none is.
 */
class BoundsTest {
    private static final double[] T = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5};

    static Stream<LeastSquaresOptimizer> solvers() {
        return Stream.of(new LevenbergMarquardt(), new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY),
                new LevenbergMarquardt().withStepSolver(StepSolver.CG),
                new LevenbergMarquardt().withDampingRule(DampingRule.TRUST_REGION), new GaussNewton(), new Dogleg());
    }

    /** y = a·exp(−k t) + c on exact data a = 2, k = 1.3, c = 0.5 plus a small fixed perturbation. */
    private static LeastSquaresProblem.Builder decay() {
        double[] y = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            y[i] = 2 * Math.exp(-1.3 * T[i]) + 0.5 + 0.01 * Math.sin(7 * i);
        }
        return LeastSquaresProblem.builder(3, T.length).residuals((b, r) -> {
            for (int i = 0; i < T.length; i++) {
                r[i] = b[0] * Math.exp(-b[1] * T[i]) + b[2] - y[i];
            }
        }).jacobian((b, j) -> {
            for (int i = 0; i < T.length; i++) {
                double e = Math.exp(-b[1] * T[i]);
                j.set(i, 0, e);
                j.set(i, 1, -b[0] * T[i] * e);
                j.set(i, 2, 1);
            }
        });
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    /** KKT of the box problem at x: feasible; |g_j| small where free, g_j of the sign that pushes outward on a bound. */
    static void assertKkt(LeastSquaresProblem p, double[] x, double tol) {
        double[] lo = p.lowerBounds();
        double[] hi = p.upperBounds();
        int m = p.residualCount();
        int n = p.parameterCount();
        double[] r = new double[m];
        p.residuals(x, r);
        DMatrixRMaj j = new DMatrixRMaj(m, n);
        p.jacobian(x, r, j);
        for (int c = 0; c < n; c++) {
            assertTrue(x[c] >= lo[c] && x[c] <= hi[c], "x[" + c + "] = " + x[c] + " outside bounds");
            double g = 0;
            double cn = 0;
            for (int i = 0; i < m; i++) {
                g += j.get(i, c) * r[i];
                cn += j.get(i, c) * j.get(i, c);
            }
            double scale = Math.max(Math.sqrt(cn), 1e-300);
            if (x[c] <= lo[c]) {
                assertTrue(g >= -tol * scale, "at its lower bound, g[" + c + "] = " + g + " must be >= 0");
            } else if (x[c] >= hi[c]) {
                assertTrue(g <= tol * scale, "at its upper bound, g[" + c + "] = " + g + " must be <= 0");
            } else {
                assertEquals(0, g / scale, tol, "free parameter " + c + ": projected gradient");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void anActiveBoundGivesTheReducedProblemsAnswerAtAKktPoint(LeastSquaresOptimizer s) {
        // k ≤ 1 cuts off the unconstrained k ≈ 1.3
        LeastSquaresProblem p = decay().bounds(new double[] {-INF, 0, -INF}, new double[] {INF, 1.0, INF}).build();
        Optimum o = s.optimize(p, new double[] {1, 0.5, 0});
        assertTrue(o.converged(), s.name() + ": " + o.reason() + " " + o.message());
        assertEquals(1.0, o.parameter(1), 0.0, "k on its upper bound");
        assertEquals(1, o.bound(1));
        assertEquals(0, o.bound(0));
        assertKkt(p, o.parameters(), 1e-8);
        // the reduced problem: k fixed at 1, a and c free (linear least squares in a and c)
        double[] y = new double[T.length];
        double[] r0 = new double[T.length];
        p.residuals(new double[] {0, 1, 0}, r0);
        double sxx = 0;
        double sx = 0;
        double sxy = 0;
        double sy = 0;
        for (int i = 0; i < T.length; i++) {
            y[i] = -r0[i];
            double e = Math.exp(-T[i]);
            sxx += e * e;
            sx += e;
            sxy += e * y[i];
            sy += y[i];
        }
        int m = T.length;
        double a = (m * sxy - sx * sy) / (m * sxx - sx * sx);
        double c = (sy - a * sx) / m;
        assertEquals(a, o.parameter(0), 1e-8 * Math.abs(a));
        assertEquals(c, o.parameter(2), 1e-8);
        // the parameter on its bound has no standard error; the others do
        if (o.hasCovariance()) {
            assertTrue(Double.isNaN(o.standardErrors()[1]));
            assertTrue(o.standardErrors()[0] > 0 && o.standardErrors()[2] > 0);
        }
        assertTrue(o.summary().contains("b2 at its upper bound"), o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void inactiveBoundsGiveTheUnconstrainedAnswer(LeastSquaresOptimizer s) {
        LeastSquaresProblem free = decay().build();
        LeastSquaresProblem boxed = decay().bounds(new double[] {0, 0, -1}, new double[] {10, 5, 2}).build();
        Optimum a = new LevenbergMarquardt().optimize(free, new double[] {1, 1, 0});
        Optimum b = s.optimize(boxed, new double[] {1, 1, 0});
        assertTrue(b.converged(), s.name() + ": " + b.reason() + " " + b.message());
        for (int j = 0; j < 3; j++) {
            assertEquals(a.parameter(j), b.parameter(j), 1e-7 * Math.max(1, Math.abs(a.parameter(j))));
            assertEquals(0, b.bound(j));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void rosenbrockWithItsMinimumCutOffEndsOnTheBound(LeastSquaresOptimizer s) {
        // min ½[(10(x2 − x1²))² + (1 − x1)²] with x1 ≤ 0.5: solution (0.5, 0.25), cost 0.125
        LeastSquaresProblem p = LeastSquaresProblem.builder(2, 2).residuals((x, r) -> {
            r[0] = 10 * (x[1] - x[0] * x[0]);
            r[1] = 1 - x[0];
        }).jacobian((x, j) -> {
            j.set(0, 0, -20 * x[0]);
            j.set(0, 1, 10);
            j.set(1, 0, -1);
            j.set(1, 1, 0);
        }).bounds(new double[] {-INF, -INF}, new double[] {0.5, INF}).build();
        Optimum o = s.optimize(p, new double[] {-1.2, 1});
        assertTrue(o.converged(), s.name() + ": " + o.reason() + " " + o.message());
        assertEquals(0.5, o.parameter(0), 0.0);
        assertEquals(0.25, o.parameter(1), 1e-9);
        assertEquals(0.125, o.cost(), 1e-12);
        assertKkt(p, o.parameters(), 1e-8);
    }

    @Test
    void aStartOutsideTheBoundsIsRefusedNamingTheParameter() {
        LeastSquaresProblem p = decay().bounds(new double[] {0, 0, 0}, new double[] {INF, 1, INF}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LevenbergMarquardt().optimize(p, new double[] {1, 2, 0}));
        assertTrue(e.getMessage().contains("start[1]"), e.getMessage());
    }

    @Test
    void invalidBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> decay().bounds(new double[] {0, 2, 0},
                new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> decay().bounds(new double[] {0, Double.NaN, 0},
                new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> decay().bounds(new double[] {0, 0},
                new double[] {1, 1, 1}));
        assertFalse(decay().bounds(new double[] {-INF, -INF, -INF}, new double[] {INF, INF, INF}).build()
                .bounded());
    }

    /** The damped solvers: a·√k is not identifiable (only the product is), and the undamped GN step is ~1e15. */
    static Stream<LeastSquaresOptimizer> dampedSolvers() {
        return solvers().filter(s -> !(s instanceof GaussNewton));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dampedSolvers")
    void aSquareRootModelBoundedAwayFromItsSingularityConvergesToAKktPoint(LeastSquaresOptimizer s) {
        double[] y = {2.51, 1.534091553522032, 1.055063586068025, 0.774548143173027, 0.6585471564286678,
            0.567548415663444};
        double[] t = {0, 0.5, 1, 1.5, 2, 2.5};
        var model = org.gn4j.gn.expr.ModelExpression.parse("a*sqrt(k)*t+c", List.of("t"), List.of("a", "k", "c"));
        double[][] x = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            x[i] = new double[] {t[i]};
        }
        LeastSquaresProblem base = org.gn4j.gn.fit.CurveFit.problem(model, x, y);
        LeastSquaresProblem p = LeastSquaresProblem.builder(3, t.length).residuals(base::residuals)
                .jacobian((b, j) -> base.jacobian(b, null, j))
                .bounds(new double[] {-INF, 1e-8, -INF}, new double[] {INF, INF, INF}).build();
        Optimum o = s.optimize(p, new double[] {1, 0.001, 0});
        assertTrue(o.converged(), s.name() + ": " + o.reason() + " " + o.message());
        assertTrue(o.parameter(1) >= 1e-8);
        assertKkt(p, o.parameters(), 1e-6);
    }
}
