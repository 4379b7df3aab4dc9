package org.gn4j.pinn.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Random;

import org.gn4j.nn.data.DataDirectory;
import org.gn4j.pinn.pde.JetField;
import org.gn4j.pinn.pde.PdeSystem;
import org.junit.jupiter.api.Test;

/**
 * NS2d-C's corner lift: its jets agree with central differences of its values, its velocity is divergence-free and
 * carries the cavity's boundary data near the corners, and without the cutoff it solves the Stokes equations.
 */
class CavityCornersTest {
    private static final double NU = 0.01;

    private static double[] jet(JetField f, double x, double y, double[] kappa) {
        double[] out = new double[4];
        f.jet(new double[] {x, y}, 0, kappa, out, 0);
        return out;
    }

    private static double value(JetField f, double x, double y) {
        return jet(f, x, y, new double[] {1, 1})[0];
    }

    /** The jet against central differences of the values (first differences) and of the gradients (Laplacian). */
    private static void assertJet(String name, JetField f, double x, double y) {
        double[] kappa = {0.7, 1.3};
        double[] j = jet(f, x, y, kappa);
        double h = 1e-6;
        double gx = (value(f, x + h, y) - value(f, x - h, y)) / (2 * h);
        double gy = (value(f, x, y + h) - value(f, x, y - h)) / (2 * h);
        double lap = kappa[0] * (jet(f, x + h, y, kappa)[1] - jet(f, x - h, y, kappa)[1]) / (2 * h)
                + kappa[1] * (jet(f, x, y + h, kappa)[2] - jet(f, x, y - h, kappa)[2]) / (2 * h);
        String at = name + " at (" + x + ", " + y + ")";
        assertEquals(gx, j[1], 1e-6 * (1 + Math.abs(gx)), "∂x of " + at);
        assertEquals(gy, j[2], 1e-6 * (1 + Math.abs(gy)), "∂y of " + at);
        assertEquals(lap, j[3], 1e-5 * (1 + Math.abs(lap)), "Laplacian of " + at);
    }

    @Test
    void jetsAgreeWithCentralDifferences() {
        Random r = new Random(11);
        CavityCorners c = new CavityCorners(0.5, NU);
        for (int k = 0; k < 300; k++) {
            // half the points near a top corner, where the lift changes fastest
            double x = k % 2 == 0 ? r.nextDouble() : (k % 4 == 1 ? 0.02 : 0.98) + 0.01 * (2 * r.nextDouble() - 1);
            double y = k % 2 == 0 ? r.nextDouble() : 0.97 + 0.02 * r.nextDouble();
            if (Math.abs(x - 0.5) < 1e-3 || Math.abs(y - 0.5) < 1e-3) {
                continue;
            }
            assertJet("u", c.u(), x, y);
            assertJet("v", c.v(), x, y);
            assertJet("p", c.p(), x, y);
        }
    }

    @Test
    void velocityIsDivergenceFreeAndCarriesTheBoundaryData() {
        Random r = new Random(12);
        double radius = 0.5;
        CavityCorners c = new CavityCorners(radius, NU);
        for (int k = 0; k < 200; k++) {
            double x = r.nextDouble();
            double y = r.nextDouble();
            double[] ones = {1, 1};
            double div = jet(c.u(), x, y, ones)[1] + jet(c.v(), x, y, ones)[2];
            assertEquals(0, div, 1e-12, "∇·u at (" + x + ", " + y + ")");
            for (JetField f : new JetField[] {c.u(), c.v()}) {
                assertEquals(0, value(f, 0, y), 1e-12, "on the left wall");
                assertEquals(0, value(f, 1, y), 1e-12, "on the right wall");
                assertEquals(0, value(f, x, 0), 1e-12, "on the bottom");
            }
            assertEquals(0, value(c.v(), x, 1), 1e-12, "v on the lid");
            double s = Math.min(x, 1 - x);
            double h = s < radius ? Math.pow(1 - s / radius, 4) : 0;
            assertEquals(4 * s * h, value(c.u(), x, 1), 1e-12, "u on the lid");
        }
    }

    @Test
    void withoutCutoffTheLiftSolvesStokes() {
        Random r = new Random(13);
        CavityCorners c = new CavityCorners(Double.POSITIVE_INFINITY, NU);
        double[] ones = {1, 1};
        for (int k = 0; k < 200; k++) {
            double x = r.nextDouble();
            double y = r.nextDouble();
            double[] u = jet(c.u(), x, y, ones);
            double[] v = jet(c.v(), x, y, ones);
            double[] p = jet(c.p(), x, y, ones);
            String at = " at (" + x + ", " + y + ")";
            // ν Δu = ∇p, scaled by the size of the terms (Δu grows like 1/r at the corners)
            assertEquals(NU * u[3], p[1], 1e-12 * (1 + Math.abs(p[1])), "x-momentum" + at);
            assertEquals(NU * v[3], p[2], 1e-12 * (1 + Math.abs(p[2])), "y-momentum" + at);
            assertEquals(0, u[1] + v[2], 1e-12, "∇·u" + at);
            // the lid moves at 4x near the left corner and 4(1 − x) near the right one: 4 in all without cutoff
            assertEquals(4, value(c.u(), x, 1), 1e-12, "u on the lid");
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CavityCorners(2, NU));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CavityCorners(0, NU));
    }

    @Test
    void theCornerSystemsFieldsAreTheLiftPlusTheNetworks() {
        Path data = DataDirectory.find().orElse(null);
        assumeTrue(data != null && data.resolve("pinnacle").resolve("lid_driven_a4.dat").toFile().isFile(),
                "PINNacle reference files not found");
        PdeSystem lifted = Pinnacle.ns2d(new int[] {5, 5}, 100, data, false, true, 0.3).system();
        PdeSystem plain = Pinnacle.ns2d(new int[] {5, 5}, 100, data, false, false, 0).system();
        assertEquals(plain.groupNames(), lifted.groupNames());
        double[] theta = plain.initialParameters(9);
        Random r = new Random(14);
        double[] pts = new double[2 * 50];
        for (int k = 0; k < pts.length; k++) {
            pts[k] = k % 2 == 0 ? r.nextDouble() : 1 - 0.2 * r.nextDouble();
        }
        CavityCorners c = new CavityCorners(Pinnacle.CORNER_CUTOFF, 0.01);
        JetField[] lifts = {c.u(), c.v(), c.p()};
        for (int f = 0; f < 3; f++) {
            double[] withLift = lifted.problem().values(theta, f, pts);
            double[] without = plain.problem().values(theta, f, pts);
            for (int q = 0; q < 50; q++) {
                assertEquals(value(lifts[f], pts[2 * q], pts[2 * q + 1]), withLift[q] - without[q], 1e-13,
                        lifted.fieldName(f) + " at point " + q);
            }
        }
    }
}
