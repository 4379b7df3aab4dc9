package org.gn4j.gn.suites;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.gn4j.gn.DampingRule;
import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every run of the bounded suite ends at a feasible KKT point of the box problem (projected gradient within
 * {@link BoundedTestProblem#kktThreshold()}), and a run reported converged is one.
 */
class BoundedSuiteSolversTest {
    static Stream<BoundedTestProblem> problems() {
        return BoundedSuite.problems().stream();
    }

    private static void check(LeastSquaresOptimizer s, BoundedTestProblem b) {
        Optimum o = s.optimize(b.problem(), b.start());
        double[] x = o.parameters();
        assertTrue(b.isFeasible(x), s.name() + " " + b.name() + ": infeasible");
        String what = String.format("%s %s: %s (%s) cost %.10e best %.10e, projected gradient %.3e, threshold %.3e",
                s.name(), b.name(), o.reason(), o.message(), o.cost(), b.cost(b.bestKnownPoint()),
                b.projectedGradientNorm(x), b.kktThreshold());
        assertTrue(b.kktPoint(x), what);
        assertTrue(o.converged(), what);
    }

    @ParameterizedTest(name = "LM: {0}")
    @MethodSource("problems")
    void levenbergMarquardtEndsAtAKktPoint(BoundedTestProblem b) {
        check(new LevenbergMarquardt().withStopping(org.gn4j.gn.StoppingCriteria.defaults().withMaxIterations(5000)),
                b);
    }

    @ParameterizedTest(name = "LM trust region: {0}")
    @MethodSource("problems")
    void trustRegionLevenbergMarquardtEndsAtAKktPoint(BoundedTestProblem b) {
        check(new LevenbergMarquardt().withDampingRule(DampingRule.TRUST_REGION)
                .withStopping(org.gn4j.gn.StoppingCriteria.defaults().withMaxIterations(5000)), b);
    }

    @ParameterizedTest(name = "dogleg: {0}")
    @MethodSource("problems")
    void doglegEndsAtAKktPoint(BoundedTestProblem b) {
        check(new Dogleg().withStopping(org.gn4j.gn.StoppingCriteria.defaults().withMaxIterations(5000)), b);
    }
}
