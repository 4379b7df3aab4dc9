package org.gn4j.gn.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 27 NIST StRD nonlinear-regression problems from both certified starting points with the default solver
 * (Levenberg-Marquardt): every certified parameter to LRE ≥ 6 and every certified standard deviation to LRE ≥ 3,
 * except the runs listed in {@link #KNOWN_MISSES} with the reason.
 */
class NistSuiteTest {

    /**
     * Runs that do not reach LRE 6, and why: none with the default LM. MGH10 (Meyer) from start 1 and BoxBOD from
     * start 1 are the hard ones (Ceres 2.1 misses BoxBOD start 1, PEERS.md); the trust-region damping's modest first
     * radius and the curvature check of geodesic acceleration bring both home.
     */
    static final Map<String, String> KNOWN_MISSES = Map.of();

    /**
     * Standard errors that cannot reach LRE 3 in double precision, and why. Lanczos1 is an exact fit up to rounding:
     * its certified RSS 1.4e-25 is below what the residuals can carry (|y| up to 2.5, so each residual is known only to
     * about 1e-16, and 24 of them give an RSS uncertain at the 1e-26..1e-25 level). The standard errors scale with
     * √(RSS/(m − n)) and so carry only two to three digits; they are held to LRE ≥ 2.
     */
    static final Map<String, String> KNOWN_STDERR_LIMITS = Map.of(
            "Lanczos1/1", "RSS at the rounding floor", "Lanczos1/2", "RSS at the rounding floor");

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String name : NistDatasets.names()) {
            out.add(Arguments.of(name, 1));
            out.add(Arguments.of(name, 2));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} start {1}")
    @MethodSource("runs")
    void reachesCertifiedValues(String name, int start) {
        NistProblem nist = NistDatasets.load(name);
        NistRun run = NistRun.run(nist, start, new LevenbergMarquardt());
        String key = name + "/" + start;
        if (KNOWN_MISSES.containsKey(key)) {
            assertTrue(run.minLre() < 6, key + " is listed as a miss but now reaches LRE " + run.minLre()
                    + ": remove it from KNOWN_MISSES");
            return;
        }
        assertTrue(run.minLre() >= 6, String.format("%s: min parameter LRE %.2f < 6 (%s, %s)", key, run.minLre(),
                run.optimum(), run.optimum().message()));
        double seTarget = KNOWN_STDERR_LIMITS.containsKey(key) ? 2 : 3;
        assertTrue(run.minLreStdErr() >= seTarget, String.format("%s: min standard-error LRE %.2f < %.0f (%s)", key,
                run.minLreStdErr(), seTarget, run.optimum().covarianceNote()));
        // the certified residual sum of squares is reproduced too
        double rss = 2 * run.optimum().cost();
        assertTrue(CurveFit.logRelativeError(rss, nist.certifiedResidualSumOfSquares()) >= 6
                || nist.certifiedResidualSumOfSquares() < 1e-20, key + ": RSS " + rss);
    }

    @Test
    void onlyKnownMissesBelowLre4() {
        int misses = 0;
        for (String name : NistDatasets.names()) {
            NistProblem nist = NistDatasets.load(name);
            for (int s = 1; s <= 2; s++) {
                if (NistRun.run(nist, s, new LevenbergMarquardt()).minLre() < 4) {
                    misses++;
                }
            }
        }
        assertTrue(misses <= KNOWN_MISSES.size(), misses + " runs miss LRE 4");
        assertEquals(KNOWN_MISSES.size(), misses, "every run below LRE 4 is a listed miss");
    }

    /**
     * The same NIST problems with the Jacobian from the dense analytic source, as a matrix-free JVP/VJP operator (LM
     * with CG steps), and from central finite differences: all reach the same parameters to 1e-6 and the certified
     * values to LRE 6 (5 with finite differences). The matrix-free path cannot read column norms, so it damps with
     * D = I and solves the normal equations by CG, which squares the condition number: on Lanczos3 it lands 3e-7 from
     * the dense answer, well inside the certified accuracy but not at round-off.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Misra1a", "Thurber", "Lanczos3", "Gauss1", "Hahn1",
        "Chwirut2"})
    void denseMatrixFreeAndFiniteDifferenceJacobiansAgree(String name) {
        NistProblem nist = NistDatasets.load(name);
        org.gn4j.gn.LeastSquaresProblem dense = CurveFit.problem(nist);
        int n = dense.parameterCount();
        int m = dense.residualCount();
        org.gn4j.gn.LeastSquaresProblem operator = org.gn4j.gn.LeastSquaresProblem.builder(n, m)
                .residuals(dense::residuals).jacobianOperator(b -> {
                    org.ejml.data.DMatrixRMaj j = new org.ejml.data.DMatrixRMaj(m, n);
                    double[] r = new double[m];
                    dense.residuals(b, r);
                    dense.jacobian(b, r, j);
                    org.gn4j.linalg.op.LinearOperator d = org.gn4j.linalg.op.Operators.dense(j);
                    return org.gn4j.linalg.op.Operators.of(m, n, d::apply, d::applyTranspose);
                }).build();
        org.gn4j.gn.LeastSquaresProblem fd = org.gn4j.gn.LeastSquaresProblem.builder(n, m)
                .residuals(dense::residuals).finiteDifferences(org.gn4j.gn.FiniteDifferences.CENTRAL).build();
        double[] start = nist.start2();
        double[] ref = new LevenbergMarquardt().optimize(dense, start).parameters();
        double[] mf = new LevenbergMarquardt().withStepSolver(org.gn4j.gn.StepSolver.CG).optimize(operator, start)
                .parameters();
        double[] fdp = new LevenbergMarquardt().optimize(fd, start).parameters();
        org.gn4j.testkit.Tolerances.assertRelativeClose(ref, mf, 1e-6, name + " matrix-free vs dense");
        org.gn4j.testkit.Tolerances.assertRelativeClose(ref, fdp, 1e-6, name + " finite differences vs dense");
        double[] cert = nist.certifiedValues();
        for (int j = 0; j < n; j++) {
            assertTrue(CurveFit.logRelativeError(mf[j], cert[j]) >= 6, name + " matrix-free parameter " + j);
            assertTrue(CurveFit.logRelativeError(fdp[j], cert[j]) >= 5, name + " finite-difference parameter " + j);
        }
    }

    @Test
    void logRelativeErrorIsCappedAndHandlesZero() {
        assertEquals(11, CurveFit.logRelativeError(1.0, 1.0));
        assertEquals(3, CurveFit.logRelativeError(1.001, 1.0), 1e-9);
        assertEquals(0, CurveFit.logRelativeError(Double.NaN, 1.0));
        assertEquals(5, CurveFit.logRelativeError(1e-5, 0), 1e-9);
        assertEquals(0, CurveFit.logRelativeError(10, 1.0));
    }
}
