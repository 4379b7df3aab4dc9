package org.gn4j.gn.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.gn4j.gn.core.CgIterations;
import org.gn4j.gn.core.StepOutcome;
import org.junit.jupiter.api.Test;

/**
 * SGN and EGN on a hand-written linear least-squares objective, where the Gauss-Newton model is exact: directions
 * against a dense solve, the damping rules, rejected and non-finite steps, and the state round trip.
 */
class StochasticGaussNewtonTest {
    private static double[] start(int d) {
        double[] t = new double[d];
        for (int i = 0; i < d; i++) {
            t[i] = 0.1 * (i % 5) - 0.2;
        }
        return t;
    }

    private static double relErr(double[] expected, double[] actual) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.length; i++) {
            num += (expected[i] - actual[i]) * (expected[i] - actual[i]);
            den += expected[i] * expected[i];
        }
        return Math.sqrt(num / den);
    }

    private static double[] stepTaken(Optimizer opt, LinearLeastSquares p, double[] theta) {
        double[] before = theta.clone();
        p.evaluate(theta);
        StepResult r = opt.step(theta, p);
        assertSame(StepOutcome.OK, r.status(), r.toString());
        double[] step = new double[theta.length];
        for (int i = 0; i < step.length; i++) {
            step[i] = theta[i] - before[i];
        }
        return step;
    }

    @Test
    void sgnWithConvergedCgTakesTheDenseLmStep() {
        LinearLeastSquares p = new LinearLeastSquares(6, 2, 15, 1); // bc = 12 < d: G is singular
        double rho = 1e-3;
        Sgn sgn = new Sgn().withDamping(Damping.fixed(rho)).withLineSearch(LineSearch.none())
                .withCgIterations(CgIterations.fixed(200, 1e-14));
        double[] theta = start(15);
        p.evaluate(theta);
        double[] expected = p.denseDirection(rho);
        double[] step = stepTaken(sgn, p, theta);
        assertTrue(relErr(expected, step) < 1e-8, "relative error " + relErr(expected, step));
    }

    @Test
    void egnTakesTheDenseLmStepAndItsGuardAgrees() {
        LinearLeastSquares p = new LinearLeastSquares(6, 2, 15, 2);
        double rho = 1e-3;
        double[] theta = start(15);
        p.evaluate(theta);
        double[] expected = p.denseDirection(rho);
        Egn egn = new Egn().withDamping(Damping.fixed(rho)).withLineSearch(LineSearch.none());
        double[] step = stepTaken(egn, p, theta.clone());
        assertTrue(relErr(expected, step) < 1e-8, "relative error " + relErr(expected, step));
        // small-space CG instead of the factorization (b·c = 12 > limit 4)
        Egn guarded = egn.withMaxFactorSize(4, 500);
        p.evaluate(theta);
        double[] viaCg = stepTaken(guarded, p, theta.clone());
        assertTrue(relErr(expected, viaCg) < 1e-5, "relative error " + relErr(expected, viaCg));
    }

    @Test
    void egnChoosesItsPathByEstimatedCostUnlessALimitIsGiven() {
        // MNIST MLP shape (d = 16,750, c = 10), CG cap 50: factor n²d + n³/3 against 50·4·n·d, crossover at n = 200
        int d = 16_750;
        Egn egn = new Egn();
        assertTrue(egn.factors(10, d), "b = 1");
        assertTrue(egn.factors(160, d), "b = 16");
        assertFalse(egn.factors(200, d), "b = 20");
        assertFalse(egn.factors(1280, d), "b = 128 (a fixed limit bc ≤ 2048 would factor it: 3.3 s against ms for CG)");
        assertTrue(Egn.factorIsCheaper(199, d, 50));
        assertFalse(Egn.factorIsCheaper(200, d, 50));
        // small networks with n > d: the n³/3 term enters (111² · 93 + 111³/3 ≈ 1.6e6 ≤ 50·4·111·93 ≈ 2.1e6)
        assertTrue(egn.factors(111, 93));
        assertFalse(egn.factors(200, 93));
        // the memory cap holds whatever the cost
        assertFalse(egn.withCostBasedPath(100, 50).factors(150, 1_000_000));
        // the explicit limit overrides the rule both ways
        assertTrue(egn.withMaxFactorSize(2048, 50).factors(1280, d));
        assertFalse(egn.withMaxFactorSize(4, 500).factors(12, 15));

        // and the step follows the choice: b·c = 12, d = 15; a CG cap of 2 makes CG cheaper (1440 < 2736 flops)
        LinearLeastSquares p = new LinearLeastSquares(6, 2, 15, 2);
        double[] theta = start(15);
        Egn fixed = new Egn().withDamping(Damping.fixed(1e-3)).withLineSearch(LineSearch.none());
        p.evaluate(theta);
        assertEquals(0, fixed.step(theta.clone(), p).cgIterations(), "factored");
        p.evaluate(theta);
        assertTrue(fixed.withCostBasedPath(2048, 2).step(theta.clone(), p).cgIterations() > 0, "small-space CG");
    }

    @Test
    void gainRatioRuleRaisesAfterARejectedStepAndLowersAfterAVerySuccessfulOne() {
        Damping rule = Damping.gainRatio(1e-2);
        assertEquals(1.5e-2, rule.next(1e-2, -0.3, 1), 1e-17);
        assertEquals(1.5e-2, rule.next(1e-2, 0.1, 1), 1e-17);
        assertEquals(1e-2, rule.next(1e-2, 0.5, 1), 0);
        assertEquals(1e-2 * 2 / 3, rule.next(1e-2, 0.9, 1), 1e-17);
        assertEquals(1e-8, rule.next(1.2e-8, 0.9, 1), 0, "floor");
        assertEquals(1e-1, rule.next(1e-2, Double.NaN, 1), 1e-16, "failure");
        assertEquals(0.5, Damping.fixed(0.5).next(0.5, 0.0, 3), 0);
        assertEquals(5.0, Damping.fixed(0.5).next(0.5, Double.NaN, 3), 1e-15);
        assertEquals(0.5, Damping.schedule(LearningRateSchedule.linearDecay(1, 0, 10)).next(7, 0.9, 5), 1e-15);

        // in the optimizer: a lying trial loss makes every Armijo try fail -> REJECTED, θ untouched, ρ × 3/2
        LinearLeastSquares p = new LinearLeastSquares(8, 1, 5, 3);
        double[] theta = start(5);
        double[] before = theta.clone();
        Sgn sgn = new Sgn().withInitialDamping(1e-2).withCgIterations(5);
        p.trialOffset = 1e3;
        p.evaluate(theta);
        StepResult r = sgn.step(theta, p);
        assertSame(StepOutcome.REJECTED, r.status());
        assertArrayEquals(before, theta, 0);
        assertEquals(10, p.lossAtCalls, "ten Armijo tries");
        assertEquals(1.5e-2, sgn.damping(), 1e-17);
        assertEquals(0, sgn.stepCount());
        // an honest quadratic: the model is exact, ratio 1 -> ρ × 2/3
        p.trialOffset = 0;
        p.evaluate(theta);
        r = sgn.step(theta, p);
        assertSame(StepOutcome.OK, r.status());
        assertEquals(1.0, r.gainRatio(), 1e-6);
        assertEquals(1.0, r.stepLength(), 0);
        assertEquals(1.5e-2 * 2 / 3, sgn.damping(), 1e-17);
        assertTrue(p.value(theta) < p.value(before));
    }

    @Test
    void oneStepOfEachDecreasesTheMiniBatchLoss() {
        for (Optimizer opt : new Optimizer[] {new Sgn(), new Egn(), new Sgn().withMomentum(0.5).withWarmStart(true)
                .withDiagonalPreconditioner(true, 1), new Egn().withMomentum(0.5)}) {
            LinearLeastSquares p = new LinearLeastSquares(10, 3, 12, 4);
            double[] theta = start(12);
            p.evaluate(theta);
            double l0 = p.loss();
            StepResult r = opt.step(theta, p);
            assertSame(StepOutcome.OK, r.status(), opt + ": " + r);
            assertTrue(p.value(theta) < l0, opt + ": " + p.value(theta) + " vs " + l0);
            assertTrue(r.seconds() >= 0 && r.damping() > 0, r.toString());
        }
    }

    @Test
    void nonFiniteTrialsRejectRaiseTheDampingAndPersistentFailureStops() {
        LinearLeastSquares p = new LinearLeastSquares(8, 1, 5, 5);
        double[] theta = start(5);
        double[] before = theta.clone();
        Sgn sgn = new Sgn().withInitialDamping(1e-3).withMaxConsecutiveFailures(4);
        p.nanTrial = true;
        double rho = 1e-3;
        for (int i = 1; i <= 4; i++) {
            p.evaluate(theta);
            StepResult r = sgn.step(theta, p);
            assertSame(i < 4 ? StepOutcome.REJECTED : StepOutcome.NON_FINITE, r.status(), "step " + i);
            rho *= Damping.FAILURE_FACTOR;
            assertEquals(rho, sgn.damping(), rho * 1e-12);
            assertArrayEquals(before, theta, 0);
        }
        // recovery resets the failure count
        p.nanTrial = false;
        p.evaluate(theta);
        assertTrue(sgn.step(theta, p).ok());
        assertEquals(0, sgn.consecutiveFailures());

        // a non-finite GGN product breaks the CG solve: REJECTED, θ untouched, damping raised
        p.nanProducts = true;
        double[] t2 = start(5);
        p.evaluate(t2);
        Sgn fresh = new Sgn().withInitialDamping(1e-3);
        StepResult r = fresh.step(t2, p);
        assertSame(StepOutcome.REJECTED, r.status());
        assertArrayEquals(before, t2, 0);
        assertEquals(1e-2, fresh.damping(), 1e-15);

        // a non-finite loss at θ itself: NON_FINITE at once
        LinearLeastSquares q = new LinearLeastSquares(4, 1, 3, 6);
        double[] bad = {Double.NaN, 0, 0};
        q.evaluate(bad);
        assertSame(StepOutcome.NON_FINITE, new Egn().step(bad, q).status());
    }

    @Test
    void stateRoundTripResumesBitForBit() {
        List<Supplier<Optimizer>> configs = List.of(
                () -> new Sgn().withMomentum(0.3).withWarmStart(true).withDiagonalPreconditioner(true, 9),
                () -> new Egn().withMomentum(0.3));
        for (Supplier<Optimizer> make : configs) {
            LinearLeastSquares[] batches = new LinearLeastSquares[6];
            for (int i = 0; i < 6; i++) {
                batches[i] = new LinearLeastSquares(5, 2, 9, 100 + i);
            }
            Optimizer a = make.get();
            assertEquals(0, a.stateVector().length);
            double[] ta = start(9);
            double[] state = null;
            long count = 0;
            double[] mid = null;
            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    state = a.stateVector();
                    count = a.stepCount();
                    mid = ta.clone();
                }
                batches[i].evaluate(ta);
                a.step(ta, batches[i]);
            }
            Optimizer b = make.get();
            b.restoreState(state, count);
            double[] tb = mid;
            for (int i = 3; i < 6; i++) {
                batches[i].evaluate(tb);
                b.step(tb, batches[i]);
            }
            assertArrayEquals(ta, tb, 0, a.name());
            assertArrayEquals(a.stateVector(), b.stateVector(), 0);
            assertThrows(IllegalArgumentException.class, () -> b.restoreState(new double[] {1, 2}, 0));
        }
    }

    @Test
    void adaptiveCgIterationRuleFollowsItsFourCases() {
        CgIterations rule = CgIterations.adaptive();
        org.gn4j.solvers.SolveResult capped = new org.gn4j.solvers.SolveResult(
                org.gn4j.solvers.SolveStatus.MAX_ITERATIONS, 6, 0.5, 1, "");
        org.gn4j.solvers.SolveResult early = new org.gn4j.solvers.SolveResult(
                org.gn4j.solvers.SolveStatus.CONVERGED, 4, 1e-4, 1, "");
        assertEquals(9, rule.next(6, capped, 0.9), "good step, residual above tolerance: grow by half");
        assertEquals(50, rule.next(40, capped, 0.9), "upper bound");
        assertEquals(4, rule.next(6, capped, 0.1), "poor step: shrink to 2k/3");
        assertEquals(2, rule.next(2, capped, Double.NaN), "failed step, lower bound");
        assertEquals(5, rule.next(10, early, 0.9), "converged after 4: k = 5");
        assertEquals(6, rule.next(6, capped, 0.5), "middling step: unchanged");
        assertEquals(7, CgIterations.fixed(7).next(7, capped, 0.0), "fixed never changes");
        assertEquals(1e-3, rule.tolerance(), 0);
    }
}
