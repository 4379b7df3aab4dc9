package org.gn4j.pinn.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ShapeInteriorTest {
    private static final PointSampler[] SAMPLERS = {PointSampler.uniform(7), PointSampler.halton(),
        PointSampler.sobol()};

    @Test
    void interiorPointsAreStrictlyInsideExactlyCountedAndReproducible() {
        for (Map.Entry<String, Shape> e : ShapeFixtures.all().entrySet()) {
            Shape s = e.getValue();
            int n = s.dimension();
            for (PointSampler sampler : SAMPLERS) {
                String what = e.getKey() + " " + sampler.name();
                double[] x = s.sampleInterior(sampler, 300, 2);
                assertEquals(300 * n, x.length, what);
                for (int q = 0; q < 300; q++) {
                    double[] p = ShapeFixtures.point(x, q, n);
                    assertTrue(s.contains(p), what + " point " + q);
                    assertTrue(ShapeFixtures.distance(s, p) > 0, what + " point " + q);
                }
                assertArrayEquals(x, s.sampleInterior(sampler, 300, 2), what);
                assertFalse(Arrays.equals(x, s.sampleInterior(sampler, 300, 3)), what);
            }
        }
    }

    @Test
    void aGridKeepsTheGridPointsInside() {
        Shape s = ShapeFixtures.pinnacle();
        double[] x = s.sampleInterior(PointSampler.grid(), 1000, 0);
        int m = x.length / 2;
        assertTrue(m > 850 && m < 1150, "count " + m);
        // the points are those of one k×k grid of cell midpoints over the bounding box that lie inside
        java.util.Set<Double> xs = new java.util.TreeSet<>();
        for (int q = 0; q < m; q++) {
            double[] p = ShapeFixtures.point(x, q, 2);
            assertTrue(ShapeFixtures.distance(s, p) > 0);
            xs.add(p[0]);
        }
        int k = xs.size();
        for (double v : xs) {
            double cell = (v + 0.5) * k - 0.5;
            assertEquals(Math.rint(cell), cell, 1e-9);
        }
        double expected = k * k * ShapeFixtures.PINNACLE_AREA;
        assertEquals(expected, m, 0.03 * expected);
    }

    @Test
    void higherDimensionalBallAndBoxKeepTheirSampling() {
        Ball b = Ball.of(new double[] {0, 0, 0, 0}, 1);
        double[] x = b.sampleInterior(PointSampler.sobol(), 200, 0);
        for (int q = 0; q < 200; q++) {
            double r2 = 0;
            for (int i = 0; i < 4; i++) {
                r2 += x[4 * q + i] * x[4 * q + i];
            }
            assertTrue(r2 < 1);
        }
        // a box maps the sampler onto itself without rejection: every point is used
        Box box = Box.rectangle(0, 2, 0, 1);
        double[] u = PointSampler.halton().sample(50, 2, 1);
        double[] y = box.sampleInterior(PointSampler.halton(), 50, 1);
        assertEquals(2 * u[0], y[0], 0.0);
        assertEquals(u[1], y[1], 0.0);
    }

    @Test
    void areaFromAcceptanceMatchesPinnacleClosedForm() {
        Shape s = ShapeFixtures.pinnacle();
        int m = 40000;
        double[] u = PointSampler.uniform(11).sample(m, 2, 0);
        int in = 0;
        for (int q = 0; q < m; q++) {
            if (s.contains(new double[] {u[2 * q] - 0.5, u[2 * q + 1] - 0.5})) {
                in++;
            }
        }
        double p = ShapeFixtures.PINNACLE_AREA;
        double se = Math.sqrt(p * (1 - p) / m);
        assertEquals(p, (double) in / m, 4 * se);
        assertEquals(p, s.volume(), 2e-3);
        assertEquals(ShapeFixtures.CUBE_MINUS_BALL_VOLUME, ShapeFixtures.cubeMinusBall().volume(), 3e-3);
        assertEquals(Math.PI * 0.49, ShapeFixtures.disk().volume(), 1e-15);
        assertEquals(4.0 / 3 * Math.PI * 0.512, ShapeFixtures.ball3().volume(), 1e-14);
        assertEquals(3.0, ShapeFixtures.lShape().volume(), 1e-15);
        assertEquals(1.5, ShapeFixtures.triangle().volume(), 1e-15);
    }
}
