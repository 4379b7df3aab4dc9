package org.gn4j.pinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ShapeDistanceTest {
    /**
     * Gradient and weighted Laplacian against central differences at interior points with D above a margin (near the
     * curves where two operand boundaries meet, R0 has unbounded second derivatives and finite differences lose
     * accuracy).
     */
    @Test
    void jetMatchesFiniteDifferencesForEveryPrimitiveAndSetOperation() {
        for (Map.Entry<String, Shape> e : ShapeFixtures.all().entrySet()) {
            Shape s = e.getValue();
            int n = s.dimension();
            double size = ShapeFixtures.size(s);
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1);
            double[] uneven = new double[n];
            for (int i = 0; i < n; i++) {
                uneven[i] = 0.4 + 1.3 * i;
            }
            double[] x = s.sampleInterior(PointSampler.uniform(17), 60, 0);
            int checked = 0;
            for (int q = 0; q < 60; q++) {
                double[] p = ShapeFixtures.point(x, q, n);
                if (ShapeFixtures.distance(s, p) < 0.02 * size) {
                    continue;
                }
                checked++;
                for (double[] kappa : new double[][] {ones, uneven}) {
                    check(s, p, kappa, e.getKey() + " at " + java.util.Arrays.toString(p));
                }
            }
            assertTrue(checked >= 20, e.getKey() + " checked " + checked);
        }
    }

    private static void check(Shape s, double[] p, double[] kappa, String what) {
        int n = s.dimension();
        double h = 1e-5 * ShapeFixtures.size(s);
        double[] jet = new double[n + 2];
        double[] tmp = new double[n + 2];
        s.distanceJet(p, 0, kappa, jet, 0);
        double lap = 0;
        for (int i = 0; i < n; i++) {
            double[] a = p.clone();
            double[] b = p.clone();
            a[i] += h;
            b[i] -= h;
            s.distanceJet(a, 0, kappa, tmp, 0);
            double fa = tmp[0];
            s.distanceJet(b, 0, kappa, tmp, 0);
            double fb = tmp[0];
            assertEquals((fa - fb) / (2 * h), jet[1 + i], 1e-6 * Math.max(1, Math.abs(jet[1 + i])), what);
            lap += kappa[i] * (fa - 2 * jet[0] + fb) / (h * h);
        }
        assertEquals(lap, jet[n + 1], 2e-4 * Math.max(1, Math.abs(lap)), what);
    }

    @Test
    void distanceVanishesOnTheBoundaryAndIsPositiveInside() {
        Shape s = ShapeFixtures.pinnacle();
        BoundarySample b = s.sampleBoundary(PointSampler.sobol(), 400, 0);
        for (int q = 0; q < b.count(); q++) {
            assertEquals(0.0, ShapeFixtures.distance(s, ShapeFixtures.point(b.points(), q, 2)), 1e-15);
        }
        assertTrue(ShapeFixtures.distance(s, new double[] {0, 0}) > 0.1);
        assertTrue(ShapeFixtures.distance(s, new double[] {0.3, 0.3}) < 0); // a hole's center
        assertTrue(ShapeFixtures.distance(s, new double[] {0.7, 0}) < 0);
        // primitives are normalised: |∇D| = 1 on the boundary, and the disk's D is exact
        Ball d = ShapeFixtures.disk();
        double[] jet = new double[4];
        d.distanceJet(new double[] {0.2 + 0.7, -0.1}, 0, new double[] {2, 3}, jet, 0);
        assertEquals(0.0, jet[0], 0.0);
        assertEquals(-1.0, jet[1], 1e-15);
        assertEquals(-5 / 0.7, jet[3], 1e-13); // Σκ_i·(−1/r)
        Polygon t = ShapeFixtures.triangle();
        t.distanceJet(new double[] {1, 0}, 0, null, jet, 0);
        assertEquals(0.0, jet[0], 0.0);
        assertEquals(0.0, jet[1], 1e-15);
        assertEquals(1.0, jet[2], 1e-15);
        // the polygon field is the signed R-equivalence: close to the distance near an edge, negative outside
        t.distanceJet(new double[] {1, 1e-3}, 0, null, jet, 0);
        assertEquals(1e-3, jet[0], 1e-8);
        t.distanceJet(new double[] {1, -1e-3}, 0, null, jet, 0);
        assertEquals(-1e-3, jet[0], 1e-8);
    }

    @Test
    void polygonFieldIsSmoothAcrossItsEdges() {
        // second differences straddling the bottom edge of the triangle match the jet on either side
        Polygon t = ShapeFixtures.triangle();
        double[] kappa = {1, 1};
        for (double y : new double[] {3e-3, 1e-3, -1e-3, -3e-3}) {
            double[] p = {0.8, y};
            check(t, p, kappa, "triangle at y = " + y);
        }
    }
}
