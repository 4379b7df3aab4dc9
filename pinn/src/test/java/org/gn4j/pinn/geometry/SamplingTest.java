package org.gn4j.pinn.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplingTest {
    private final Box box = Box.of(new double[] {-1, 0, 2}, new double[] {1, 0.5, 3});

    @Test
    void interiorSamplesLieInTheBoxForEverySampler() {
        for (PointSampler s : new PointSampler[] {PointSampler.grid(), PointSampler.uniform(3), PointSampler.halton(),
            PointSampler.sobol()}) {
            double[] x = box.sampleInterior(s, 100, 0);
            assertTrue(x.length / 3 >= 100, s.name());
            double[] p = new double[3];
            for (int q = 0; q < x.length / 3; q++) {
                System.arraycopy(x, 3 * q, p, 0, 3);
                assertTrue(box.contains(p), s.name());
            }
            // a new round gives new points
            assertNotEquals(x[0] + x[1], box.sampleInterior(s, 100, 1)[0] + box.sampleInterior(s, 100, 1)[1],
                    s.name());
        }
        assertEquals(125, box.sampleInterior(PointSampler.grid(), 100, 0).length / 3);
    }

    @Test
    void boundarySamplesLieOnFacesWithOutwardNormals() {
        BoundarySample b = box.sampleBoundary(PointSampler.sobol(), 200, 0);
        assertTrue(b.count() >= 190 && b.count() <= 210, "count " + b.count());
        for (int q = 0; q < b.count(); q++) {
            int axis = -1;
            for (int i = 0; i < 3; i++) {
                if (b.normals()[3 * q + i] != 0) {
                    axis = i;
                }
            }
            double v = b.points()[3 * q + axis];
            double nrm = b.normals()[3 * q + axis];
            assertEquals(nrm < 0 ? box.lower(axis) : box.upper(axis), v, 0.0);
        }
        SpaceTime st = SpaceTime.of(Box.interval(0, 1), 0, 2);
        BoundarySample init = st.sampleInitial(PointSampler.uniform(1), 30, 0);
        for (int q = 0; q < init.count(); q++) {
            assertEquals(0.0, init.points()[2 * q + 1], 0.0);
        }
        BoundarySample lat = st.sampleLateral(PointSampler.uniform(1), 30, 0);
        for (int q = 0; q < lat.count(); q++) {
            double x = lat.points()[2 * q];
            assertTrue(x == 0 || x == 1);
        }
    }

    @Test
    void distanceJetMatchesFiniteDifferencesAndVanishesOnTheBoundary() {
        double[] kappa = {1, 0.5, 2};
        double[] x = {0.3, 0.1, 2.7};
        double[] jet = new double[5];
        box.distanceJet(x, 0, kappa, jet, 0);
        double h = 1e-4;
        double[] tmp = new double[5];
        double lap = 0;
        for (int i = 0; i < 3; i++) {
            double[] a = x.clone();
            double[] b = x.clone();
            a[i] += h;
            b[i] -= h;
            box.distanceJet(a, 0, kappa, tmp, 0);
            double fa = tmp[0];
            box.distanceJet(b, 0, kappa, tmp, 0);
            double fb = tmp[0];
            assertEquals((fa - fb) / (2 * h), jet[1 + i], 1e-7);
            lap += kappa[i] * (fa - 2 * jet[0] + fb) / (h * h);
        }
        assertEquals(lap, jet[4], 1e-5);
        box.distanceJet(new double[] {1, 0.2, 2.5}, 0, kappa, tmp, 0);
        assertEquals(0.0, tmp[0], 0.0);
    }

    @Test
    void badShapesThrow() {
        assertThrows(IllegalArgumentException.class, () -> Box.of(new double[] {0, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Box.interval(1, 0));
        assertThrows(IllegalArgumentException.class, () -> SpaceTime.of(Box.interval(0, 1), 1, 1));
    }
}
