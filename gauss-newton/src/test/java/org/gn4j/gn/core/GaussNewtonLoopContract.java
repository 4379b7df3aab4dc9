package org.gn4j.gn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.TerminationReason;
import org.gn4j.linalg.VectorOps;
import org.junit.jupiter.api.Test;

/**
 * The contract every configuration of the {@link GaussNewtonLoop} meets (the shape of {@code LinearSolverContract}):
 * a known-answer fit, a non-finite trial refused, a callback that stops or aborts, each budget that stops, exact
 * evaluation counts, and a bit-exact resume from a checkpoint of the point, the control's and the solver's state
 * ({@link GaussNewtonLoop#checkpoint}). Subclasses name the configuration's loop and the known-answer
 * objective ({@link ContractProblems}: K exponential fits on exact data).
 */
public abstract class GaussNewtonLoopContract {
    /** Blocks of the known-answer problem. */
    protected static final int BLOCKS = 2;

    /** The configuration's loop (the tests set budgets and callbacks). */
    protected abstract GaussNewtonLoop loop();

    /**
     * The known-answer objective; {@code counter} must count every evaluation of the residuals or the loss that the
     * objective makes.
     */
    protected abstract Objective objective(AtomicInteger counter);

    /** Whether the point and {@link GaussNewtonLoop#checkpoint} are the whole state of a run. */
    protected boolean resumable() {
        return true;
    }

    /** Relative accuracy of the known answer. */
    protected double tolerance() {
        return 1e-8;
    }

    private static double[] start() {
        return ContractProblems.start(BLOCKS);
    }

    private void assertKnownAnswer(double[] x, String what) {
        double[] answer = ContractProblems.answer(BLOCKS);
        for (int j = 0; j < answer.length; j++) {
            assertEquals(answer[j], x[j], tolerance() * Math.abs(answer[j]), what + ": parameter " + j);
        }
    }

    /**
     * One loop shared by 8 threads, each on its own objective (the loop is immutable; objectives hold the run's
     * buffers and are one per run): every thread gets the single-thread answer, cost and trace length bit for bit.
     */
    @Test
    void eightThreadsOnOneLoopGetTheSingleThreadAnswerBitForBit() throws Exception {
        GaussNewtonLoop shared = loop();
        GaussNewtonLoop.State one = shared.run(objective(new AtomicInteger()), start());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<GaussNewtonLoop.State>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> shared.run(objective(new AtomicInteger()), start())));
            }
            for (java.util.concurrent.Future<GaussNewtonLoop.State> f : runs) {
                GaussNewtonLoop.State st = f.get(5, java.util.concurrent.TimeUnit.MINUTES);
                assertEquals(one.reason(), st.reason());
                assertEquals(Double.doubleToLongBits(one.cost()), Double.doubleToLongBits(st.cost()), "cost");
                for (int j = 0; j < one.x().length; j++) {
                    assertEquals(Double.doubleToLongBits(one.x()[j]), Double.doubleToLongBits(st.x()[j]),
                            "parameter " + j);
                }
                assertEquals(one.trace().size(), st.trace().size(), "iterations");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reachesTheKnownAnswer() {
        GaussNewtonLoop.State st = loop().run(objective(new AtomicInteger()), start());
        assertTrue(st.reason().success(), st.reason() + ": " + st.message());
        assertKnownAnswer(st.x(), loop().toString());
    }

    @Test
    void refusesANonFiniteTrial() {
        Objective poisoned = new PoisonFirstTrial(objective(new AtomicInteger()));
        GaussNewtonLoop loop = loop();
        GaussNewtonLoop.State st = loop.init(poisoned, start());
        double cost0 = st.cost();
        double damping0 = loop.control().damping(st.controlState());
        StepReport r = loop.step(st);
        assertTrue(VectorOps.allFinite(st.x()), "x stays finite");
        assertTrue(Double.isFinite(st.cost()) && st.cost() <= cost0, "cost " + st.cost() + " against " + cost0);
        if (r.outcome() == StepOutcome.OK) {
            assertTrue(r.stepLength() < 1, "the NaN unit step was taken: " + r);
        } else {
            assertArrayEquals(start(), st.x(), "a refused step leaves x untouched");
            if (loop.control().usesGainRatio() && st.reason() == null) {
                assertNotEquals(damping0, loop.control().damping(st.controlState()), "the damping moved");
            }
        }
        while (st.reason() == null) {
            loop.step(st);
        }
        if (r.outcome() == StepOutcome.OK || loop.control().usesGainRatio()) {
            assertTrue(st.reason().success(), st.reason() + ": " + st.message());
            assertKnownAnswer(st.x(), "after a refused trial");
        }
    }

    @Test
    void callbackStopsAndAborts() {
        for (CallbackReturn answer : new CallbackReturn[] {CallbackReturn.STOP, CallbackReturn.ABORT}) {
            AtomicInteger calls = new AtomicInteger();
            GaussNewtonLoop.State st = loop().withCallback((rec, x) -> calls.incrementAndGet() == 2 ? answer
                    : CallbackReturn.CONTINUE).run(objective(new AtomicInteger()), start());
            assertEquals(answer == CallbackReturn.STOP ? TerminationReason.USER_SUCCESS
                    : TerminationReason.USER_ABORT, st.reason(), st.message());
            assertEquals(2, calls.get());
            assertEquals(2, st.trace().size());
        }
    }

    @Test
    void eachBudgetStops() {
        GaussNewtonLoop.State st = loop().withRetryScaling(null).withBudget(Budget.unlimited().withMaxIterations(2))
                .run(objective(new AtomicInteger()), start());
        assertEquals(TerminationReason.MAX_ITERATIONS, st.reason());
        assertEquals(2, st.iterations());
        // a retry after the cap (withRetryScaling) has an iteration cap of its own: at most two runs of 2
        st = loop().withBudget(Budget.unlimited().withMaxIterations(2)).run(objective(new AtomicInteger()), start());
        assertEquals(TerminationReason.MAX_ITERATIONS, st.reason());
        assertTrue(st.iterations() <= (st.retried() ? 4 : 2), "iterations " + st.iterations());

        Objective o = objective(new AtomicInteger());
        st = loop().withBudget(Budget.unlimited().withMaxEvaluations(3)).run(o, start());
        assertEquals(TerminationReason.MAX_EVALUATIONS, st.reason());
        assertTrue(o.residualEvaluations() >= 3, "evaluations " + o.residualEvaluations());

        st = loop().withBudget(Budget.unlimited().withWallClock(Duration.ofNanos(1)))
                .run(objective(new AtomicInteger()), start());
        assertEquals(TerminationReason.TIME_BUDGET, st.reason());
        assertTrue(st.iterations() <= 1, "iterations " + st.iterations());

        GaussNewtonLoop.State first = loop().init(objective(new AtomicInteger()), start());
        double target = first.cost() * 1e-3;
        st = loop().withBudget(Budget.unlimited().withTargetCost(target)).run(objective(new AtomicInteger()),
                start());
        assertEquals(TerminationReason.TARGET_REACHED, st.reason());
        assertTrue(st.cost() <= target, st.cost() + " > " + target);
    }

    @Test
    void countsEveryEvaluation() {
        AtomicInteger counter = new AtomicInteger();
        Objective o = objective(counter);
        GaussNewtonLoop.State st = loop().run(o, start());
        assertTrue(st.reason().success(), st.reason() + ": " + st.message());
        assertEquals(counter.get(), o.residualEvaluations(), "reported against counted evaluations");
        assertTrue(o.jacobianEvaluations() >= 1 && o.jacobianEvaluations() <= st.iterations() + 1,
                "linearizations " + o.jacobianEvaluations() + " for " + st.iterations() + " iterations");
    }

    @Test
    void resumesBitForBit() {
        if (!resumable()) {
            return;
        }
        GaussNewtonLoop loop = loop();
        GaussNewtonLoop.State st = loop.init(objective(new AtomicInteger()), start());
        for (int i = 0; i < 3 && st.reason() == null; i++) {
            loop.step(st);
        }
        assertNull(st.reason(), "three steps did not finish the run");
        double[] x = st.x().clone();
        double[] checkpoint = loop.checkpoint(st);
        while (st.reason() == null) {
            loop.step(st);
        }
        GaussNewtonLoop.State again = loop.resume(objective(new AtomicInteger()), x, checkpoint);
        while (again.reason() == null) {
            loop.step(again);
        }
        assertEquals(st.reason(), again.reason());
        assertArrayEquals(st.x(), again.x(), 0.0, "resumed run ends at the same bits");
        assertEquals(st.cost(), again.cost(), 0.0);
        assertEquals(st.initialCost(), again.initialCost(), 0.0, "the start cost the zero-residual test reads");
    }

    /** An objective whose first trial cost is NaN (as if the residuals overflowed there). */
    static final class PoisonFirstTrial implements Objective {
        private final Objective inner;
        private boolean poisoned = true;

        PoisonFirstTrial(Objective inner) {
            this.inner = inner;
        }

        @Override
        public int parameterCount() {
            return inner.parameterCount();
        }

        @Override
        public double start(double[] x) {
            return inner.start(x);
        }

        @Override
        public Linearization linearize(double[] x) {
            return inner.linearize(x);
        }

        @Override
        public double trialCost(double[] x) {
            double c = inner.trialCost(x);
            if (poisoned) {
                poisoned = false;
                return Double.NaN;
            }
            return c;
        }

        @Override
        public void keepTrial() {
            inner.keepTrial();
        }

        @Override
        public void acceptTrial() {
            inner.acceptTrial();
        }

        @Override
        public boolean trialResiduals(double[] out) {
            return inner.trialResiduals(out);
        }

        @Override
        public boolean residualsAt(double[] x, double[] out) {
            return inner.residualsAt(x, out);
        }

        @Override
        public boolean plainLeastSquares() {
            return inner.plainLeastSquares();
        }

        @Override
        public int residualEvaluations() {
            return inner.residualEvaluations();
        }

        @Override
        public int jacobianEvaluations() {
            return inner.jacobianEvaluations();
        }
    }
}
