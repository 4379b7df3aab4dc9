package org.gn4j.gn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.gn4j.gn.Dogleg;
import org.gn4j.gn.IterationRecord;
import org.gn4j.gn.LeastSquaresOptimizer;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MINPACK's cost test on a refused trial: once the model promises no decrease above {@code ftol·F} and the trial
 * shows none, the run ends there ({@link TerminationReason#COST_REDUCTION}) instead of halving the step some 20 to
 * 45 times down to the step tolerance, one residual evaluation per halving. Bard from x0 reaches its minimum with
 * accepted steps whose last reduction is just above ftol = 1e-14; without the test the 20 trials after it are refused
 * and the run ends on the step size.
 */
class RefusedStepCostTestTest {

    static Stream<Object[]> runs() {
        return Stream.of(new Object[] {new LevenbergMarquardt(), MoreGarbowHillstrom.bard()},
                new Object[] {new Dogleg(), MoreGarbowHillstrom.bard()});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void aRefusedTrialAtTheRoundingLevelEndsTheRun(LeastSquaresOptimizer solver, TestProblem t) {
        Optimum o = solver.optimize(t.problem(), t.start());
        String who = solver.name() + " " + t.name();
        assertEquals(TerminationReason.COST_REDUCTION, o.reason(), who + ": " + o.message());
        assertTrue(o.converged(), who + ": " + o.message());
        assertTrue(t.isAcceptable(o.cost()), who + ": cost " + o.cost());
        assertTrue(o.message().contains("refused step"), who + ": " + o.message());
        List<IterationRecord> trace = o.trace();
        int n = trace.size();
        assertFalse(trace.get(n - 1).accepted(), who + ": the last trial is the refused one");
        assertTrue(trace.get(n - 2).accepted(), who + ": one refused trial after the last accepted step, not a "
                + "run of halvings");
        assertEquals(trace.get(n - 2).cost(), o.cost(), who + ": the run ends at the last accepted point");
    }
}
