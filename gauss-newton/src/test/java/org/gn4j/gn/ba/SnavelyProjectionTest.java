package org.gn4j.gn.ba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Analytic derivatives of the BAL camera model against central finite differences. */
class SnavelyProjectionTest {

    private static void checkAgainstFd(double[] cam, double[] pt) {
        double[] res = new double[2];
        double[] jc = new double[18];
        double[] jp = new double[6];
        SnavelyProjection.evaluate(cam, 0, pt, 0, 3.0, -2.0, res, 0, jc, 0, jp, 0);
        double[] rp = new double[2];
        double[] rm = new double[2];
        for (int j = 0; j < 12; j++) {
            double[] c = cam.clone();
            double[] p = pt.clone();
            double[] v = j < 9 ? c : p;
            int i = j < 9 ? j : j - 9;
            double h = 1e-6 * Math.max(1, Math.abs(v[i]));
            v[i] += h;
            SnavelyProjection.evaluate(c, 0, p, 0, 3.0, -2.0, rp, 0, null, 0, null, 0);
            v[i] -= 2 * h;
            SnavelyProjection.evaluate(c, 0, p, 0, 3.0, -2.0, rm, 0, null, 0, null, 0);
            for (int row = 0; row < 2; row++) {
                double fd = (rp[row] - rm[row]) / (2 * h);
                double an = j < 9 ? jc[row * 9 + j] : jp[row * 3 + i];
                double scale = Math.max(1, Math.abs(fd));
                assertEquals(fd, an, 2e-6 * scale, "row " + row + ", column " + j);
            }
        }
    }

    @Test
    void derivativesMatchCentralDifferences() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] cam = new double[9];
            for (int i = 0; i < 3; i++) {
                cam[i] = rnd.nextDouble(-2, 2); // angles up to ~3.4 rad
                cam[3 + i] = rnd.nextDouble(-1, 1);
            }
            cam[5] -= 6; // the point lies in front (P_z < 0)
            cam[6] = rnd.nextDouble(300, 900);
            cam[7] = rnd.nextDouble(-0.1, 0.1);
            cam[8] = rnd.nextDouble(-0.05, 0.05);
            double[] pt = {rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1)};
            checkAgainstFd(cam, pt);
        }
    }

    @Test
    void derivativesNearZeroRotation() {
        // ‖w‖² below ε: the first-order rotation X + w × X and its derivative −[X]ₓ
        double[] cam = {1e-9, -2e-9, 5e-10, 0.1, -0.2, -5, 500, 0.05, 0.01};
        checkAgainstFd(cam, new double[] {0.3, -0.4, 0.2});
        // just above the switch
        double[] cam2 = {1e-4, -2e-4, 5e-5, 0.1, -0.2, -5, 500, 0.05, 0.01};
        checkAgainstFd(cam2, new double[] {0.3, -0.4, 0.2});
    }

    @Test
    void rotationOfAPointByAngleAxis() {
        // a quarter turn about z maps (1, 0, 0) to (0, 1, 0); with t = (0, 0, −4), f = 1, no distortion:
        // P = (0, 1, −4), p = (0, 0.25)
        double[] cam = {0, 0, Math.PI / 2, 0, 0, -4, 1, 0, 0};
        double[] res = new double[2];
        SnavelyProjection.evaluate(cam, 0, new double[] {1, 0, 0}, 0, 0, 0, res, 0, null, 0, null, 0);
        assertEquals(0, res[0], 1e-15);
        assertEquals(0.25, res[1], 1e-15);
        // distortion: r² = 1/16, d = 1 + 0.5/16 + 0.25/256
        cam[7] = 0.5;
        cam[8] = 0.25;
        SnavelyProjection.evaluate(cam, 0, new double[] {1, 0, 0}, 0, 0, 0, res, 0, null, 0, null, 0);
        assertEquals(0.25 * (1 + 0.5 / 16 + 0.25 / 256), res[1], 1e-15);
        assertTrue(Math.abs(res[0]) < 1e-15);
    }

    @Test
    void generatorRotationsRoundTripThroughAngleAxis() {
        BalGenerator gen = new BalGenerator(16, 10, 3);
        double[] x = gen.truth();
        // every camera sees the origin straight ahead: P = t, and t = (0, 0, −‖centre‖)
        for (int c = 0; c < 16; c++) {
            double[] res = new double[2];
            SnavelyProjection.evaluate(x, 9 * c, new double[3], 0, 0, 0, res, 0, null, 0, null, 0);
            assertEquals(0, res[0], 1e-9, "camera " + c);
            assertTrue(x[9 * c + 5] < -5.9, "camera " + c + " looks along −z");
        }
    }
}
