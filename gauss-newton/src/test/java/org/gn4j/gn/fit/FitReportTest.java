package org.gn4j.gn.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.RobustLoss;
import org.gn4j.gn.expr.CompiledModel;
import org.gn4j.gn.expr.ModelExpression;
import org.junit.jupiter.api.Test;

/**
 * {@link FitReport} on a weighted and an unweighted exponential decay, against scipy 1.17. The reference values come
 * from this script ({@code python3 ref.py}):
 *
 * <pre>{@code
 * import numpy as np
 * from scipy.optimize import curve_fit
 * t = np.arange(12) * 0.5
 * sig = 0.05 + 0.02 * (np.arange(12) % 3)
 * y = 3.0*np.exp(-0.7*t) + 0.5 + 0.04*np.sin(7*np.arange(12))
 * f = lambda t, a, k, c: a*np.exp(-k*t) + c
 * for absolute in (False, True):
 *     p, C = curve_fit(f, t, y, p0=[1,1,0], sigma=sig, absolute_sigma=absolute, xtol=1e-15, ftol=1e-15, gtol=1e-15)
 * # chi2 = sum(w r^2), R2w = 1 - chi2/sum(w (y - yw)^2) with yw the weighted mean,
 * # AIC = m ln(chi2/m) + 2n, BIC = m ln(chi2/m) + n ln m; the same unweighted with w = 1
 * }</pre>
 */
class FitReportTest {
    private static final int M = 12;
    private static final double[][] X = new double[M][1];
    private static final double[] Y = new double[M];
    private static final double[] SIGMA = new double[M];

    static {
        for (int i = 0; i < M; i++) {
            X[i][0] = 0.5 * i;
            SIGMA[i] = 0.05 + 0.02 * (i % 3);
            Y[i] = 3.0 * Math.exp(-0.7 * X[i][0]) + 0.5 + 0.04 * Math.sin(7 * i);
        }
    }

    private static final CompiledModel MODEL = ModelExpression.parse("a*exp(-k*t) + c", List.of("t"),
            List.of("a", "k", "c"));

    // scipy, sigma given, absolute_sigma=False / True
    private static final double[] P_WEIGHTED = {3.0201005060447086, 0.6907469642744553, 0.48967363883462095};
    private static final double[][] COV_RELATIVE = {
        {0.00076575690371325, -0.00015520123286339, -0.00038483565737606},
        {-0.00015520123286339, 0.00029904582303768, 0.00032188379738918},
        {-0.00038483565737606, 0.00032188379738918, 0.00049008402887742}};
    private static final double[][] COV_ABSOLUTE = {
        {0.00353673105222249, -0.0007168136740909, -0.00177740509141271},
        {-0.0007168136740909, 0.00138117546605997, 0.00148665511980796},
        {-0.00177740509141271, 0.00148665511980796, 0.00226350607447885}};
    // scipy, no sigma
    private static final double[] P_PLAIN = {3.020952415131863, 0.6970080758212343, 0.49765110328887846};
    private static final double[][] COV_PLAIN = {
        {9.1759835467871071e-04, -4.5404156752147742e-05, -2.9820862652550070e-04},
        {-4.5404156752147742e-05, 3.3961931095633164e-04, 3.2915890542452216e-04},
        {-2.9820862652550070e-04, 3.2915890542452216e-04, 4.7032360224193918e-04}};

    private static FitReport fit(double[] weights, boolean absolute) {
        LeastSquaresProblem p = CurveFit.problem(MODEL, X, Y, weights, null, null, RobustLoss.LINEAR, 1);
        Optimum o = new LevenbergMarquardt().optimize(p, new double[] {1, 1, 0});
        assertTrue(o.converged(), o.toString());
        return FitReport.of(o, p, MODEL, X, Y, weights, absolute);
    }

    private static void assertMatrix(double[][] expected, double[][] actual, double rel) {
        for (int a = 0; a < expected.length; a++) {
            for (int b = 0; b < expected.length; b++) {
                assertEquals(expected[a][b], actual[a][b], rel * Math.abs(expected[a][a]), a + "," + b);
            }
        }
    }

    private static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.abs(expected));
    }

    @Test
    void weightsFromSigmaAreInverseVariances() {
        assertArrayEquals(new double[] {400, 1 / (0.07 * 0.07)}, CurveFit.weightsFromSigma(new double[] {0.05, 0.07}),
                1e-12);
        String msg = assertThrows(IllegalArgumentException.class,
                () -> CurveFit.weightsFromSigma(new double[] {1, 0})).getMessage();
        assertTrue(msg.contains("row 2") && msg.contains("sigma is 0.0"), msg);
        assertThrows(IllegalArgumentException.class, () -> CurveFit.weightsFromSigma(new double[] {1e-200}));
    }

    @Test
    void relativeSigmaMatchesScipyCurveFit() {
        FitReport r = fit(CurveFit.weightsFromSigma(SIGMA), false);
        for (int j = 0; j < 3; j++) {
            assertRel(P_WEIGHTED[j], r.parameters()[j], 1e-8);
        }
        assertMatrix(COV_RELATIVE, r.covariance(), 1e-6);
        assertRel(1.9486390205125872, r.chiSquare(), 1e-9);
        assertRel(0.2165154467236208, r.reducedChiSquare(), 1e-9);
        assertRel(0.9993243380965003, r.rSquared(), 1e-12);
        assertTrue(r.rSquaredWeighted() && r.weighted() && !r.absoluteSigma());
        assertRel(-15.813305508999214, r.aic(), 1e-9);
        assertRel(-14.358585559635213, r.bic(), 1e-9);
    }

    @Test
    void absoluteSigmaMatchesScipyCurveFit() {
        FitReport r = fit(CurveFit.weightsFromSigma(SIGMA), true);
        assertMatrix(COV_ABSOLUTE, r.covariance(), 1e-6);
        // the absolute covariance is the relative one divided by the reduced chi-square
        FitReport rel = fit(CurveFit.weightsFromSigma(SIGMA), false);
        assertRel(rel.covariance()[1][2] / rel.reducedChiSquare(), r.covariance()[1][2], 1e-9);
        // a normal quantile: beta ± 1.959964 se
        double[][] ci = r.confidenceIntervals(0.95);
        double se = Math.sqrt(COV_ABSOLUTE[0][0]);
        assertEquals(P_WEIGHTED[0] + 1.959963984540054 * se, ci[0][1], 1e-6 * se);
    }

    @Test
    void unweightedFitMatchesScipyAndTheTextbookStatistics() {
        FitReport r = fit(null, false);
        for (int j = 0; j < 3; j++) {
            assertRel(P_PLAIN[j], r.parameters()[j], 1e-8);
        }
        assertMatrix(COV_PLAIN, r.covariance(), 1e-6);
        assertRel(0.008684488831108148, r.chiSquare(), 1e-8);
        assertRel(0.9991018794530332, r.rSquared(), 1e-12);
        assertFalse(r.rSquaredWeighted());
        assertRel(-80.77348064797181, r.aic(), 1e-9);
        assertRel(-79.3187606986078, r.bic(), 1e-9);
        for (double w : r.weights()) {
            assertEquals(1.0, w);
        }
        // a t quantile with 9 degrees of freedom: t_{0.975, 9} = 2.2621571627409915
        double[][] ci = r.confidenceIntervals(0.95);
        double se = r.standardErrors()[1];
        assertEquals(r.parameters()[1] - 2.2621571627409915 * se, ci[1][0], 1e-9 * se);
    }

    @Test
    void predictionsResidualsAndCorrelationAtTheSolution() {
        FitReport r = fit(CurveFit.weightsFromSigma(SIGMA), false);
        double[] b = r.parameters();
        double[] pred = r.predictions();
        double[] res = r.residuals();
        for (int i = 0; i < M; i++) {
            double f = b[0] * Math.exp(-b[1] * X[i][0]) + b[2];
            assertEquals(f, pred[i], 1e-14 * Math.abs(f));
            assertEquals(Y[i] - f, res[i], 1e-14);
        }
        double[][] rho = r.correlation();
        double expected = COV_RELATIVE[0][2] / Math.sqrt(COV_RELATIVE[0][0] * COV_RELATIVE[2][2]);
        assertEquals(expected, rho[0][2], 1e-6);
        assertEquals(rho[0][2], rho[2][0]);
        assertEquals(1.0, rho[1][1]);
    }

    @Test
    void aParameterOnItsBoundIsReportedActive() {
        LeastSquaresProblem free = CurveFit.problem(MODEL, X, Y);
        Optimum o = new LevenbergMarquardt().optimize(free, new double[] {1, 1, 0});
        double[] b = o.parameters();
        // the bounds put c's upper bound exactly at the optimum, and a's lower bound far below it
        double inf = Double.POSITIVE_INFINITY;
        double[] lower = {0, -inf, -inf};
        double[] upper = {inf, inf, b[2]};
        LeastSquaresProblem bounded = CurveFit.problem(MODEL, X, Y, null, lower, upper, RobustLoss.LINEAR, 1);
        assertTrue(bounded.bounded());
        assertArrayEquals(lower, bounded.lowerBounds());
        assertArrayEquals(upper, bounded.upperBounds());
        FitReport r = FitReport.of(o, bounded, MODEL, X, Y, null, false);
        assertArrayEquals(new FitReport.BoundState[] {FitReport.BoundState.FREE, FitReport.BoundState.FREE,
            FitReport.BoundState.AT_UPPER}, r.boundStates());
        assertTrue(r.anyAtBound());
        upper[2] = b[2] + 1e-6;
        FitReport off = FitReport.of(o, CurveFit.problem(MODEL, X, Y, null, lower, upper, RobustLoss.LINEAR, 1),
                MODEL, X, Y, null, false);
        assertFalse(off.anyAtBound());
    }

    @Test
    void inconsistentArgumentsAreRefused() {
        LeastSquaresProblem p = CurveFit.problem(MODEL, X, Y);
        Optimum o = new LevenbergMarquardt().optimize(p, new double[] {1, 1, 0});
        String msg = assertThrows(IllegalArgumentException.class,
                () -> FitReport.of(o, p, MODEL, X, Y, CurveFit.weightsFromSigma(SIGMA), false)).getMessage();
        assertTrue(msg.contains("unweighted"), msg);
        assertThrows(IllegalArgumentException.class, () -> FitReport.of(o, p, MODEL, X, new double[3], null, false));
        assertThrows(IllegalArgumentException.class,
                () -> CurveFit.problem(MODEL, X, Y, null, new double[3], null, RobustLoss.LINEAR, 1));
        assertThrows(IllegalArgumentException.class, () -> CurveFit.problem(MODEL, X, Y, new double[M], null, null,
                RobustLoss.LINEAR, 1));
    }
}
