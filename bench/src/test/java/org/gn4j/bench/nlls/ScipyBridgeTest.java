package org.gn4j.bench.nlls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SciPy bridge on Misra1a; skipped when python3 or SciPy is missing. */
class ScipyBridgeTest {
    private static ScipyBridge bridge;
    private static String unavailable;

    @BeforeAll
    static void start() {
        try {
            bridge = ScipyBridge.start("python3");
        } catch (ScipyBridge.Unavailable e) {
            unavailable = e.getMessage();
        }
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    private static NllsProblem misra1a() {
        return NllsSuites.select(NllsSuites.nist(), List.of("Misra1a start 1")).get(0);
    }

    @Test
    void scipySolutionAndCountsAgreeWithGn4j() {
        Assumptions.assumeTrue(bridge != null, () -> "python3 with SciPy: " + unavailable);
        NllsProblem p = misra1a();
        CountedProblem counted = new CountedProblem(p.problem());
        Optimum gn = new LevenbergMarquardt().optimize(p.problem(), p.x0());
        for (String method : List.of("lm", "trf")) {
            ScipyBridge.Result r = bridge.solve(counted, p.x0(), method, false);
            assertNull(r.error(), method);
            // SciPy's cost is gn4j's ½‖r‖² at SciPy's point, and its point is gn4j's minimizer to ~1e-6
            assertEquals(counted.cost(r.x()), r.cost(), 1e-12 * r.cost(), method);
            assertEquals(gn.cost(), r.cost(), 1e-9 * gn.cost(), method);
            for (int j = 0; j < 2; j++) {
                assertEquals(gn.parameter(j), r.x()[j], 1e-5 * Math.abs(gn.parameter(j)), method + " b" + (j + 1));
            }
            // every evaluation SciPy made came through gn4j: its counts are ours, less at most the one evaluation
            // least_squares makes at x0 before handing over to MINPACK
            assertTrue(r.nfev() > 3, method + " nfev " + r.nfev());
            int extraF = counted.residualEvaluations() - r.nfev();
            int extraJ = counted.jacobianEvaluations() - r.njev();
            assertTrue(extraF >= 0 && extraF <= (method.equals("lm") ? 1 : 0), method + " residuals: gn4j "
                    + counted.residualEvaluations() + ", SciPy nfev " + r.nfev());
            assertTrue(extraJ >= 0 && extraJ <= (method.equals("lm") ? 1 : 0), method + " Jacobians: gn4j "
                    + counted.jacobianEvaluations() + ", SciPy njev " + r.njev());
            assertTrue(r.seconds() > 0, method);
        }
    }

    @Test
    void solverRowsJudgeTheScipyResult() {
        Assumptions.assumeTrue(bridge != null, () -> "python3 with SciPy: " + unavailable);
        NllsProblem p = misra1a();
        CountedProblem counted = new CountedProblem(p.problem());
        RunResult r = NllsSolver.scipy("scipy-trf-jac", bridge).run(p, counted);
        assertTrue(r.solved(), r.toString());
        assertEquals(counted.residualEvaluations(), r.residualEvaluations());
        assertTrue(r.status().startsWith("status "), r.status());
    }
}
