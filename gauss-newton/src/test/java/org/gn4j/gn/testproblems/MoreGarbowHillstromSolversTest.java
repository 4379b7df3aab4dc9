package org.gn4j.gn.testproblems;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.StoppingCriteria;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Moré-Garbow-Hillstrom set (31 runs incl. the 10·x0 starts) solved by Levenberg-Marquardt and by dogleg with
 * their default settings: the final cost must be one of the problem's published minima (global, or the documented
 * local one where MGH lists it), except the listed cases.
 */
class MoreGarbowHillstromSolversTest {

    /**
     * Runs of a solver that do not reach a published minimum, and why. Keys are "solver: problem".
     * <ul>
     *   <li>dogleg on Biggs EXP6: the iteration enters one of the degenerate valleys where two exponential rates merge
     *       and their coefficients cancel (x1 ≈ x2 with x3 ≈ x4 ≈ −500 on the current path; the published
     *       5.65565e-3 level of Σf² is such a valley, not an isolated minimum). Dogleg steps, bounded by the trust
     *       region, crawl along it: after 5000 iterations the cost is 6.4e-3 and still decreasing. Levenberg-Marquardt
     *       with geodesic acceleration follows the curvature of the valley and reaches 0.</li>
     * </ul>
     */
    static final Map<String, String> KNOWN_MISSES = Map.of(
            "dogleg: Biggs EXP6", "crawls along a degenerate valley of merging exponentials; see the comment");

    static Stream<TestProblem> problems() {
        return MoreGarbowHillstrom.all().stream();
    }

    static LeastSquaresProblem toProblem(TestProblem t) {
        return LeastSquaresProblem.builder(t.n(), t.m()).residuals((x, f) -> t.residuals().evaluate(x, f))
                .jacobian((x, j) -> t.jacobian().evaluate(x, j.data)).build();
    }

    private static void check(LeastSquaresOptimizer solver, TestProblem t) {
        Optimum o = solver.optimize(toProblem(t), t.start());
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
        check(new Dogleg().withStopping(StoppingCriteria.defaults().withMaxIterations(5000)), t);
    }
}
