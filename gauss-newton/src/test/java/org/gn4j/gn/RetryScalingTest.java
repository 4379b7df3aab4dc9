package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;

import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry with the other scaling after a run that ends without a first-order certificate: it turns an
 * unconverged run into a converged one, its result counts the evaluations of both runs, and a run that converges
 * is not retried.
 */
class RetryScalingTest {

    /** Each default solver with a function that switches its retry off or sets its scaling. */
    static Stream<Arguments> solvers() {
        Function<ScalingRule, LeastSquaresOptimizer> lmRetry = s -> new LevenbergMarquardt().withRetryScaling(s);
        Function<ScalingRule, LeastSquaresOptimizer> lmIdentity = s -> new LevenbergMarquardt()
                .withScaling(ScalingRule.IDENTITY).withRetryScaling(s);
        Function<ScalingRule, LeastSquaresOptimizer> dlRetry = s -> new Dogleg().withRetryScaling(s);
        Function<ScalingRule, LeastSquaresOptimizer> dlIdentity = s -> new Dogleg().withScaling(ScalingRule.IDENTITY)
                .withRetryScaling(s);
        return Stream.of(Arguments.of("lm", new LevenbergMarquardt(), lmRetry, lmIdentity),
                Arguments.of("dogleg", new Dogleg(), dlRetry, dlIdentity));
    }

    /**
     * Chebyquad n = 8 from 10·x0: the running-maximum scaling freezes the scale of the far start and the run ends at
     * its cap far from a minimum; the retry with D = I from that end point reaches a first-order point.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void retryConvergesWhereTheFirstRunDoesNotAndCountsBothRuns(String name, LeastSquaresOptimizer byDefault,
            Function<ScalingRule, LeastSquaresOptimizer> withRetry,
            Function<ScalingRule, LeastSquaresOptimizer> identityOnly) {
        TestProblem p = MoreGarbowHillstrom.scaled(MoreGarbowHillstrom.chebyquad(8), 10);
        LeastSquaresProblem problem = p.problem();

        Optimum first = withRetry.apply(null).optimize(problem, p.start());
        assertFalse(first.reason().success(), () -> name + " without the retry: " + first.reason());

        Optimum both = byDefault.optimize(problem, p.start());
        assertTrue(both.reason().converged(), () -> name + " with the retry: " + both.reason() + " " + both.message());
        assertTrue(p.isAcceptable(both.cost()), () -> name + " cost " + both.cost());
        assertTrue(both.message().contains("retry"), both::message);

        // the retry is the identity-scaled run from the first run's end point: the result is its point, and the
        // counts are the sums of the two runs
        Optimum second = identityOnly.apply(null).optimize(problem, first.parameters());
        assertArrayEquals(second.parameters(), both.parameters(), 0.0);
        assertEquals(first.residualEvaluations() + second.residualEvaluations(), both.residualEvaluations());
        assertEquals(first.jacobianEvaluations() + second.jacobianEvaluations(), both.jacobianEvaluations());
        assertEquals(first.iterations() + second.iterations(), both.iterations());
        assertEquals(first.trace().size() + second.trace().size(), both.trace().size());
        assertEquals(first.initialCost(), both.initialCost(), 0.0, "the result's start cost is the first run's");
    }

    /** A run that converges is not retried: same point, same counts as with the retry off. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void convergedRunIsNotRetried(String name, LeastSquaresOptimizer byDefault,
            Function<ScalingRule, LeastSquaresOptimizer> withRetry,
            Function<ScalingRule, LeastSquaresOptimizer> identityOnly) {
        TestProblem p = MoreGarbowHillstrom.rosenbrock();
        Optimum on = byDefault.optimize(p.problem(), p.start());
        Optimum off = withRetry.apply(null).optimize(p.problem(), p.start());
        assertTrue(on.reason().converged(), on::message);
        assertArrayEquals(off.parameters(), on.parameters(), 0.0);
        assertEquals(off.residualEvaluations(), on.residualEvaluations());
        assertEquals(off.jacobianEvaluations(), on.jacobianEvaluations());
        assertFalse(on.message().contains("retry"), on::message);
    }

    /** The loop's state records the retry, the first run's reason and the scaling of the kept point. */
    @Test
    void stateRecordsTheRestart() {
        TestProblem p = MoreGarbowHillstrom.scaled(MoreGarbowHillstrom.chebyquad(8), 10);
        LevenbergMarquardt lm = new LevenbergMarquardt();
        GaussNewtonLoop loop = lm.loop();
        assertSame(ScalingRule.IDENTITY, loop.retryScaling());
        GaussNewtonLoop.State st = loop.run(new LeastSquaresObjective(p.problem(), false), p.start());
        assertTrue(st.retried());
        assertFalse(st.firstReason().success());
        assertTrue(st.reason().converged(), st::message);
        assertSame(ScalingRule.IDENTITY, st.scaling());

        GaussNewtonLoop.State off = loop.withRetryScaling(null).run(new LeastSquaresObjective(p.problem(), false),
                p.start());
        assertFalse(off.retried());
        assertNull(off.firstReason());
        assertSame(ScalingRule.RUNNING_MAX, off.scaling());
    }
}
