package org.gn4j.gn.testproblems;

import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.StoppingCriteria;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 36 Moré-Garbow-Hillstrom instances from their standard starts, solved by Levenberg-Marquardt and by dogleg
 * with their default settings: the final cost must be one of the problem's published minima (global, or the
 * documented local one where MGH lists it), except the listed cases. The runs from 10·x0 and 100·x0 may honestly end
 * at other stationary points; HonestResultsTest checks every claim made on them.
 */
class MoreGarbowHillstromSolversTest {

    /**
     * Runs of a solver that do not reach a published minimum, and why; keys are "solver: problem". Empty: with its
     * defaults (initial radius 10·‖Dβ₀‖, {@value org.gn4j.gn.Dogleg#DEFAULT_MAX_ITERATIONS} trials) dogleg also leaves
     * the degenerate Biggs EXP6 valley, after about 3,900 trials.
     */
    static final Map<String, String> KNOWN_MISSES = Map.of();

    static Stream<TestProblem> problems() {
        return MoreGarbowHillstrom.functions().stream();
    }


    private static void check(LeastSquaresOptimizer solver, TestProblem t) {
        Optimum o = solver.optimize(t.problem(), t.start());
        String key = solver.name() + ": " + t.name();
        boolean ok = t.isAcceptable(o.cost());
        if (KNOWN_MISSES.containsKey(key)) {
            assertTrue(!ok, key + " is listed as a miss but now succeeds: remove it");
            return;
        }
        assertTrue(ok, String.format("%s ended at cost %.10e, acceptable %s (%s, %s)", key, o.cost(),
                java.util.Arrays.toString(t.acceptableCosts()), o, o.message()));
    }

    @ParameterizedTest(name = "LM: {0}")
    @MethodSource("problems")
    void levenbergMarquardtReachesAPublishedMinimum(TestProblem t) {
        check(new LevenbergMarquardt().withStopping(StoppingCriteria.defaults().withMaxIterations(5000)), t);
    }

    @ParameterizedTest(name = "dogleg: {0}")
    @MethodSource("problems")
    void doglegReachesAPublishedMinimum(TestProblem t) {
        check(new Dogleg(), t);
    }
}
