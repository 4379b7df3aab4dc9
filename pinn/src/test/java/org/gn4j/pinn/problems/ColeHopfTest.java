package org.gn4j.pinn.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColeHopfTest {
    private static final double NU = 0.01 / Math.PI;

    @Test
    void solvesBurgersAwayFromTheShock() {
        ColeHopf u = new ColeHopf(NU);
        double h = 1e-4;
        double worst = 0;
        for (double t : new double[] {0.05, 0.3, 0.6, 0.95}) {
            for (double x : new double[] {-0.8, -0.5, -0.2, 0.3, 0.55, 0.9}) {
                double ut = (u.value(x, t + h) - u.value(x, t - h)) / (2 * h);
                double ux = (u.value(x + h, t) - u.value(x - h, t)) / (2 * h);
                double uxx = (u.value(x + h, t) - 2 * u.value(x, t) + u.value(x - h, t)) / (h * h);
                double r = ut + u.value(x, t) * ux - NU * uxx;
                worst = Math.max(worst, Math.abs(r) / (Math.abs(ut) + Math.abs(ux) + 1));
            }
        }
        assertTrue(worst < 1e-6, "largest relative PDE residual " + worst);
    }

    @Test
    void keepsTheInitialAndBoundaryDataAndTheShockIsSteep() {
        ColeHopf u = new ColeHopf(NU);
        for (double x : new double[] {-0.9, -0.3, 0.4, 0.7}) {
            assertEquals(-Math.sin(Math.PI * x), u.value(x, 1e-7), 1e-3);
        }
        for (double t : new double[] {0.1, 0.5, 1}) {
            assertEquals(0, u.value(-1, t), 1e-12);
            assertEquals(0, u.value(1, t), 1e-12);
            assertEquals(0, u.value(0, t), 1e-12); // odd in x
            assertEquals(-u.value(0.3, t), u.value(-0.3, t), 1e-12);
        }
        // at t = 1 the profile falls from about +0.8 to −0.8 within |x| < 0.02
        assertTrue(u.value(-0.02, 1) > 0.5 && u.value(0.02, 1) < -0.5, u.value(-0.02, 1) + " " + u.value(0.02, 1));
    }

    @Test
    void agreesWithItselfOnFinerPanels() {
        ColeHopf coarse = new ColeHopf(NU);
        ColeHopf fine = new ColeHopf(NU, 0.02);
        for (double t : new double[] {0.2, 1}) {
            for (double x = -1; x <= 1; x += 0.0625) {
                assertEquals(fine.value(x, t), coarse.value(x, t), 1e-13, "x " + x + " t " + t);
            }
        }
    }
}
