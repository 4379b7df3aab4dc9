package org.gn4j.bench.nlls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PerformanceProfileTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Four problems, three solvers (A, B, C); by hand: ratios
     * p0 (1, 2, 4), p1 (2, 1, ∞), p2 (1, ∞, 1.5), p3 (∞, ∞, ∞).
     */
    private static final double[][] COST = {{10, 20, 40}, {6, 3, INF}, {2, Double.NaN, 3}, {INF, INF, INF}};

    @Test
    void ratiosAndProfileValuesMatchTheHandComputation() {
        PerformanceProfile prof = new PerformanceProfile(COST);
        assertEquals(4, prof.problems());
        assertEquals(3, prof.solvers());
        double[][] ratios = {{1, 2, 4}, {2, 1, INF}, {1, INF, 1.5}, {INF, INF, INF}};
        for (int p = 0; p < 4; p++) {
            for (int s = 0; s < 3; s++) {
                assertEquals(ratios[p][s], prof.ratio(p, s), 0, "r[" + p + "][" + s + "]");
            }
        }
        // ρ_A: ratios 1, 2, 1, ∞
        assertEquals(0.5, prof.fraction(0, 1), 0);
        assertEquals(0.5, prof.fraction(0, 1.99), 0);
        assertEquals(0.75, prof.fraction(0, 2), 0);
        assertEquals(0.75, prof.fraction(0, 1e9), 0);
        // ρ_B: ratios 2, 1, ∞, ∞
        assertEquals(0.25, prof.fraction(1, 1), 0);
        assertEquals(0.5, prof.fraction(1, 2), 0);
        // ρ_C: ratios 4, ∞, 1.5, ∞
        assertEquals(0, prof.fraction(2, 1), 0);
        assertEquals(0.25, prof.fraction(2, 1.5), 0);
        assertEquals(0.25, prof.fraction(2, 3.9), 0);
        assertEquals(0.5, prof.fraction(2, 4), 0);
        assertEquals(4, prof.maxFiniteRatio(), 0);
    }

    @Test
    void staircaseStepsAtEachRatioOnALog2Axis() {
        PerformanceProfile prof = new PerformanceProfile(COST);
        double[][] c = prof.staircase(2, 8);
        // from (0, 0): up to 0.25 at log2 1.5, up to 0.5 at log2 4 = 2, flat to log2 8 = 3
        double l = Math.log(1.5) / Math.log(2);
        assertArrayEquals(new double[] {0, l, l, 2, 2, 3}, c[0], 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.25, 0.25, 0.5, 0.5}, c[1], 0);
    }

    @Test
    void badTablesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PerformanceProfile(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> new PerformanceProfile(new double[][] {{1, 2}, {1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PerformanceProfile(new double[][] {{1, 0}}));
        assertEquals("cost[0][1] is 0.0, expected > 0", e.getMessage());
    }
}
