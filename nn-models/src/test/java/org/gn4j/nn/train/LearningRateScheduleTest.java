package org.gn4j.nn.train;

import org.gn4j.gn.stochastic.LearningRateSchedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Schedule values at given steps. */
class LearningRateScheduleTest {
    private static final double TOL = 1e-15;

    @Test
    void constant() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.1);
        assertEquals(0.1, s.rate(0));
        assertEquals(0.1, s.rate(1_000_000));
    }

    @Test
    void stepDecayHalvesEveryTenSteps() {
        LearningRateSchedule s = LearningRateSchedule.stepDecay(1.0, 0.5, 10);
        assertEquals(1.0, s.rate(0));
        assertEquals(1.0, s.rate(9));
        assertEquals(0.5, s.rate(10));
        assertEquals(0.25, s.rate(25));
    }

    @Test
    void linearDecayToAFloor() {
        LearningRateSchedule s = LearningRateSchedule.linearDecay(1.0, 0.1, 100);
        assertEquals(1.0, s.rate(0), TOL);
        assertEquals(0.55, s.rate(50), TOL);
        assertEquals(0.1, s.rate(100), TOL);
        assertEquals(0.1, s.rate(500), TOL);
    }

    @Test
    void cosineDecayOverAHorizon() {
        LearningRateSchedule s = LearningRateSchedule.cosineDecay(1.0, 0.0, 100);
        assertEquals(1.0, s.rate(0), TOL);
        assertEquals(0.5, s.rate(50), TOL);
        assertEquals(0.5 * (1 + Math.cos(Math.PI / 4)), s.rate(25), TOL);
        assertEquals(0.0, s.rate(100), TOL);
        assertEquals(0.0, s.rate(150), TOL);
        LearningRateSchedule f = LearningRateSchedule.cosineDecay(1.0, 0.2, 10);
        assertEquals(0.6, f.rate(5), TOL);
    }

    @Test
    void warmupRampsLinearlyThenStartsTheSchedule() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.1).withWarmup(4);
        assertEquals(0.025, s.rate(0), TOL);
        assertEquals(0.05, s.rate(1), TOL);
        assertEquals(0.1, s.rate(3), TOL);
        assertEquals(0.1, s.rate(4), TOL);
        LearningRateSchedule c = LearningRateSchedule.cosineDecay(1.0, 0.0, 10).withWarmup(5);
        assertEquals(0.2, c.rate(0), TOL);
        assertEquals(1.0, c.rate(5), TOL);
        assertEquals(0.5, c.rate(10), TOL);
        assertEquals(0.1, LearningRateSchedule.constant(0.1).withWarmup(0).rate(0));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-1));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosineDecay(1, 0, -3));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(1).withWarmup(-1));
    }
}
