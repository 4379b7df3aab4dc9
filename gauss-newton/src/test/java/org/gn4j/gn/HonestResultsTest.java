package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.TrustRadius;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;
import org.gn4j.gn.fit.CurveFit;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;
import org.gn4j.linalg.op.LinearOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A result is reported as converged only where a first-order test holds and its numbers are finite: the claims of
 * every deterministic solver are checked here against measures computed independently of the loop.
 */
class HonestResultsTest {
    private static final double[] T = {0, 0.5, 1, 1.5, 2, 2.5};
    private static final double[] Y = {2.51, 1.534091553522032, 1.055063586068025, 0.774548143173027,
        0.6585471564286678, 0.567548415663444};

    static Stream<LeastSquaresOptimizer> solvers() {
        return Stream.of(new LevenbergMarquardt(), new GaussNewton(), new Dogleg(),
                new LevenbergMarquardt().withRadiusRule(TrustRadius.Rule.LMDER), new Dogleg().withSubspace(true),
                new Dogleg().withRadiusRule(TrustRadius.Rule.LMDER));
    }

    private static LeastSquaresProblem decay(String model, RobustLoss loss, double scale) {
        CompiledModel f = ModelExpression.parse(model, List.of("t"), List.of("a", "k", "c"));
        double[][] x = new double[T.length][];
        for (int i = 0; i < T.length; i++) {
            x[i] = new double[] {T[i]};
        }
        return CurveFit.problem(f, x, Y, loss, scale);
    }

    /** {cosine, zero-Jacobian, residual norm, |J|_F}: MINPACK's gradient cosine computed here from the dense J. */
    private static double[] measures(LeastSquaresProblem p, double[] x) {
        int m = p.residualCount();
        int n = p.parameterCount();
        double[] r = new double[m];
        p.residuals(x, r);
        DMatrixRMaj j = new DMatrixRMaj(m, n);
        p.jacobian(x, r, j);
        double rn = 0;
        for (double v : r) {
            rn += v * v;
        }
        rn = Math.sqrt(rn);
        double cos = 0;
        double frob = 0;
        for (int c = 0; c < n; c++) {
            double g = 0;
            double cn = 0;
            for (int i = 0; i < m; i++) {
                g += j.get(i, c) * r[i];
                cn += j.get(i, c) * j.get(i, c);
            }
            frob += cn;
            if (cn > 0) {
                cos = Math.max(cos, Math.abs(g) / (Math.sqrt(cn) * rn));
            }
        }
        return new double[] {cos, frob == 0 ? 1 : 0, rn, Math.sqrt(frob)};
    }

    /** A converged claim: finite numbers, and the gradient cosine small or the residual vanished against F₀. */
    private static void assertHonest(String what, LeastSquaresProblem p, Optimum o) {
        if (!o.reason().success()) {
            return;
        }
        assertTrue(Double.isFinite(o.cost()), what + ": success with cost " + o.cost());
        for (double v : o.parameters()) {
            assertTrue(Double.isFinite(v), what + ": success with a non-finite parameter");
        }
        double[] mm = measures(p, o.parameters());
        boolean vanished = o.cost() <= 1e-15 * Math.max(o.initialCost(), 1e-300) || o.cost() == 0;
        assertTrue(vanished || (mm[0] <= GaussNewtonLoop.FIRST_ORDER_TOLERANCE && mm[1] == 0), String.format(
                "%s: %s claimed at cost %.6e (initial %.3e) with gradient cosine %.3e, zero Jacobian %s", what,
                o.reason(), o.cost(), o.initialCost(), mm[0], mm[1] == 1));
    }

    @Test
    void startCostOverflowFromARobustLossScaleIsRefusedNamingTheCost() {
        for (Object[] c : new Object[][] {{RobustLoss.CAUCHY, 1e300}, {RobustLoss.HUBER, 1e-160}}) {
            LeastSquaresProblem p = decay("a*exp(-k*t) + c", (RobustLoss) c[0], (Double) c[1]);
            solvers().forEach(s -> {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> s.optimize(p, new double[] {1, 1, 0}), c[0] + " " + c[1] + " " + s.name());
                assertTrue(e.getMessage().contains("cost is"), e.getMessage());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void residualsThatTurnNaNEndNonFiniteNotConverged(LeastSquaresOptimizer s) {
        AtomicInteger calls = new AtomicInteger();
        LeastSquaresProblem base = decay("a*exp(-k*t) + c", RobustLoss.LINEAR, 1);
        LeastSquaresProblem p = LeastSquaresProblem.builder(3, T.length).residuals((b, r) -> {
            base.residuals(b, r);
            if (calls.incrementAndGet() >= 3) {
                java.util.Arrays.fill(r, Double.NaN);
            }
        }).jacobian((b, j) -> base.jacobian(b, null, j)).build();
        Optimum o = s.optimize(p, new double[] {1, 1, 0});
        assertFalse(o.converged(), s.name() + ": " + o.reason() + " (" + o.message() + ")");
        assertFalse(o.reason().success(), o.reason().toString());
        assertEquals(TerminationReason.NON_FINITE, o.reason(), o.message());
        assertTrue(o.message().contains("residual 0 is NaN at (b1 = "), "names what overflowed: " + o.message());
        assertTrue(o.summary().contains("what to try: "), o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void squareRootModelFromNearZeroIsNotReportedConvergedAwayFromAFirstOrderPoint(LeastSquaresOptimizer s) {
        LeastSquaresProblem p = decay("a*sqrt(k)*t+c", RobustLoss.LINEAR, 1);
        Optimum o = s.optimize(p, new double[] {1, 0.001, 0});
        assertHonest(s.name(), p, o);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void exponentialDecayFromAPoorStartIsNotReportedConvergedAwayFromAFirstOrderPoint(LeastSquaresOptimizer s) {
        LeastSquaresProblem p = decay("a*exp(-k*t) + c", RobustLoss.LINEAR, 1);
        Optimum o = s.optimize(p, new double[] {1, -3, 0});
        assertHonest(s.name() + " from (1, -3, 0)", p, o);
    }

    @Test
    void gaussNewtonOnMgh10FromStartOneWithAZeroJacobianIsStalledNotGradient() {
        NistProblem nist = NistDatasets.load("MGH10");
        LeastSquaresProblem p = CurveFit.problem(nist);
        Optimum o = new GaussNewton().optimize(p, nist.start1());
        assertFalse(o.reason().success(), o.reason() + ": " + o.message());
        assertHonest("GN MGH10/1", p, o);
    }

    static Stream<String> nistNames() {
        return NistDatasets.names().stream();
    }

    /** Every converged claim on the NIST StRD suite (both starts, three solvers) passes the first-order test. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nistNames")
    void everyConvergedClaimOnNistHoldsAFirstOrderTest(String name) {
        NistProblem nist = NistDatasets.load(name);
        LeastSquaresProblem p = CurveFit.problem(nist);
        solvers().forEach(s -> {
            assertHonest(name + "/1 " + s.name(), p, s.optimize(p, nist.start1()));
            assertHonest(name + "/2 " + s.name(), p, s.optimize(p, nist.start2()));
        });
    }

    static Stream<TestProblem> mghStarts() {
        return MoreGarbowHillstrom.runs().stream();
    }

    /** Every converged claim on the Moré-Garbow-Hillstrom set from x₀, 10·x₀ and 100·x₀ passes the test. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mghStarts")
    void everyConvergedClaimOnMoreGarbowHillstromHoldsAFirstOrderTest(TestProblem t) {
        LeastSquaresProblem p = t.problem();
        solvers().forEach(s -> {
            Optimum o;
            try {
                o = s.optimize(p, t.start());
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("at the start point"), e.getMessage());
                return; // a start the loop refuses (non-finite residuals, or a robust cost that overflows): no claim
            }
            assertHonest(t.name() + " " + s.name(), p, o);
        });
    }

    @Test
    void aSuccessfulReasonWithANonFiniteNumberBecomesNonFinite() {
        assertEquals(TerminationReason.NON_FINITE, TerminationReason.GRADIENT.given(new double[] {1, Double.NaN}));
        assertEquals(TerminationReason.NON_FINITE, TerminationReason.COMPLETED.given(new double[] {
            Double.POSITIVE_INFINITY}));
        assertEquals(TerminationReason.GRADIENT, TerminationReason.GRADIENT.given(new double[] {1, 2}, null));
        assertEquals(TerminationReason.MAX_ITERATIONS, TerminationReason.MAX_ITERATIONS.given(new double[] {
            Double.NaN}));
    }

    /**
     * Two (and eight) threads solving the same curve-fitting problem object get the single-thread parameters bit for
     * bit: the problem is immutable, each thread evaluates the model on its own copy.
     */
    @Test
    void threadsSolvingOneCurveFitProblemGetTheSingleThreadAnswerBitForBit() throws Exception {
        LeastSquaresProblem shared = decay("a*exp(-k*t) + c", RobustLoss.LINEAR, 1);
        List<LeastSquaresOptimizer> all = List.of(new LevenbergMarquardt(), new GaussNewton(), new Dogleg(),
                new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY),
                new LevenbergMarquardt().withStepSolver(StepSolver.CG));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (LeastSquaresOptimizer s : all) {
                Optimum one = s.optimize(shared, new double[] {1, 1, 0});
                assertTrue(one.converged(), one.toString());
                List<Future<Optimum>> runs = new ArrayList<>();
                for (int t = 0; t < 60; t++) {
                    runs.add(pool.submit(() -> s.optimize(shared, new double[] {1, 1, 0})));
                }
                for (Future<Optimum> f : runs) {
                    Optimum o = f.get(2, TimeUnit.MINUTES);
                    assertEquals(one.reason(), o.reason());
                    for (int j = 0; j < 3; j++) {
                        assertEquals(Double.doubleToLongBits(one.parameter(j)), Double.doubleToLongBits(
                                o.parameter(j)), s.name() + " parameter " + j);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A Jacobian given only as an operator whose dense form exceeds {@link StepSolver#DENSE_LIMIT_BYTES} is never
     * made dense: the default (QR) configuration solves it matrix-free, and the covariance is reported unavailable
     * with the reason instead of being formed.
     */
    @Test
    void aLargeMatrixFreeJacobianIsNotMadeDenseByTheDefaultStepOrTheCovariance() {
        int n = 20;
        int m = (int) (StepSolver.DENSE_LIMIT_BYTES / 8 / n) + 1000;
        double[] truth = new double[n];
        for (int j = 0; j < n; j++) {
            truth[j] = 1 + 0.1 * j;
        }
        // r_i = w_i·(x_{i mod n} − truth_{i mod n}) with w_i = 1 + (i mod 7): J is sparse, used only as an operator
        LeastSquaresProblem p = LeastSquaresProblem.builder(n, m).residuals((x, r) -> {
            for (int i = 0; i < m; i++) {
                r[i] = (1 + i % 7) * (x[i % n] - truth[i % n]);
            }
        }).jacobianOperator(x -> new LinearOperator() {
            @Override
            public int rows() {
                return m;
            }

            @Override
            public int cols() {
                return n;
            }

            @Override
            public void apply(double[] v, double[] y) {
                for (int i = 0; i < m; i++) {
                    y[i] = (1 + i % 7) * v[i % n];
                }
            }

            @Override
            public void applyTranspose(double[] u, double[] y) {
                java.util.Arrays.fill(y, 0);
                for (int i = 0; i < m; i++) {
                    y[i % n] += (1 + i % 7) * u[i];
                }
            }
        }).build();
        assertTrue(StepSolver.QR.matrixFree(p));
        assertFalse(StepSolver.QR.matrixFree(LeastSquaresProblem.builder(n, 100).residuals((x, r) -> { })
                .jacobianOperator(x -> null).build()), "a small operator may be made dense");
        Optimum o = new LevenbergMarquardt().optimize(p, new double[n]);
        assertTrue(o.converged(), o.reason() + ": " + o.message());
        for (int j = 0; j < n; j++) {
            assertEquals(truth[j], o.parameter(j), 1e-8);
        }
        assertFalse(o.hasCovariance());
        assertTrue(o.covarianceNote().contains("matrix-free"), o.covarianceNote());
    }
}
