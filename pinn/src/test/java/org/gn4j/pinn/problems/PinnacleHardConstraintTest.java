package org.gn4j.pinn.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Random;

import org.gn4j.nn.data.DataDirectory;
import org.gn4j.pinn.pde.JetField;
import org.gn4j.pinn.pde.PdeSystem;
import org.gn4j.pinn.pde.PdeSystemProblem;
import org.junit.jupiter.api.Test;

/**
 * The hard-constraint variants of Poisson2d-C and NS2d-C: their lifts' jets agree with central differences and carry
 * the boundary data, and the fields of the hard systems meet the data exactly for any parameters, so the systems
 * need no boundary residuals.
 */
class PinnacleHardConstraintTest {
    private static final double H = 1e-5;

    /** The jet [v, ∂x, ∂y, κ_x∂²x + κ_y∂²y] of a lift against central differences at the point. */
    private static void assertJet(JetField g, double x, double y, double[] kappa) {
        double[] out = new double[4];
        g.jet(new double[] {x, y}, 0, kappa, out, 0);
        double v = value(g, x, y);
        double gx = (value(g, x + H, y) - value(g, x - H, y)) / (2 * H);
        double gy = (value(g, x, y + H) - value(g, x, y - H)) / (2 * H);
        double lap = kappa[0] * (value(g, x + H, y) - 2 * v + value(g, x - H, y)) / (H * H)
                + kappa[1] * (value(g, x, y + H) - 2 * v + value(g, x, y - H)) / (H * H);
        String at = " at (" + x + ", " + y + ")";
        assertEquals(gx, out[1], 1e-5 * (1 + Math.abs(gx)), "∂x" + at);
        assertEquals(gy, out[2], 1e-5 * (1 + Math.abs(gy)), "∂y" + at);
        // second differences with h = 1e-5 are good to about 1e-4 relative here
        assertEquals(lap, out[3], 2e-3 * (1 + Math.abs(lap)), "Laplacian" + at);
    }

    private static double value(JetField g, double x, double y) {
        double[] out = new double[4];
        g.jet(new double[] {x, y}, 0, new double[] {1, 1}, out, 0);
        return out[0];
    }

    @Test
    void poisson2dCLiftHasConsistentJetAndCarriesTheBoundaryData() {
        Random r = new Random(1);
        JetField g = Pinnacle::poisson2dCLift;
        double[] kappa = {1.5, 0.5};
        for (int k = 0; k < 200; k++) {
            // points near the holes, where g changes fastest
            double[] c = {k % 2 == 0 ? 0.3 : -0.3, k % 4 < 2 ? 0.3 : -0.3};
            double rad = 0.101 + 0.088 * r.nextDouble();
            double phi = 2 * Math.PI * r.nextDouble();
            assertJet(g, c[0] + rad * Math.cos(phi), c[1] + rad * Math.sin(phi), kappa);
            assertEquals(0, value(g, c[0] + 0.1 * Math.cos(phi), c[1] + 0.1 * Math.sin(phi)), 1e-12);
            // and points anywhere in the domain (the square less the holes)
            double px = r.nextDouble() - 0.5;
            double py = r.nextDouble() - 0.5;
            if (Math.hypot(Math.abs(px) - 0.3, Math.abs(py) - 0.3) > 0.1) {
                assertJet(g, px, py, kappa);
            }
            double s = r.nextDouble() - 0.5;
            assertEquals(1, value(g, 0.5, s), 0);
            assertEquals(1, value(g, -0.5, s), 0);
            assertEquals(1, value(g, s, 0.5), 0);
            assertEquals(1, value(g, s, -0.5), 0);
        }
    }

    @Test
    void ns2dLidLiftHasConsistentJetAndCarriesTheBoundaryData() {
        Random r = new Random(2);
        JetField g = Pinnacle::ns2dLidLift;
        for (int k = 0; k < 100; k++) {
            double x = r.nextDouble();
            double y = r.nextDouble();
            assertJet(g, x, y, new double[] {0.01, 0.02});
            assertEquals(4 * x * (1 - x), value(g, x, 1), 1e-15);
            assertEquals(0, value(g, x, 0), 0);
            assertEquals(0, value(g, 0, y), 0);
            assertEquals(0, value(g, 1, y), 1e-15);
        }
    }

    @Test
    void hardSystemsMeetTheirBoundaryDataForAnyParameters() {
        Path data = DataDirectory.find().orElse(null);
        assumeTrue(data != null && data.resolve("pinnacle").resolve("lid_driven_a4.dat").toFile().isFile(),
                "PINNacle reference files not found");
        Random r = new Random(3);
        int m = 64;
        double[] side = new double[2 * m];
        double[] circle = new double[2 * m];
        double[] lid = new double[2 * m];
        double[] walls = new double[2 * m];
        for (int q = 0; q < m; q++) {
            double s = r.nextDouble();
            double phi = 2 * Math.PI * r.nextDouble();
            side[2 * q] = q % 2 == 0 ? s - 0.5 : 0.5;
            side[2 * q + 1] = q % 2 == 0 ? -0.5 : s - 0.5;
            circle[2 * q] = (q % 4 < 2 ? 0.3 : -0.3) + 0.1 * Math.cos(phi);
            circle[2 * q + 1] = (q % 2 == 0 ? 0.3 : -0.3) + 0.1 * Math.sin(phi);
            lid[2 * q] = s;
            lid[2 * q + 1] = 1;
            walls[2 * q] = q % 3 == 0 ? s : q % 3 == 1 ? 0 : 1;
            walls[2 * q + 1] = q % 3 == 0 ? 0 : s;
        }

        Pinnacle.Setup poisson = Pinnacle.poisson2dC(new int[] {6, 6}, 200, data, true);
        assertFalse(poisson.system().groupNames().contains("holes"));
        PdeSystemProblem pp = poisson.system().problem();
        double[] theta = poisson.system().initialParameters(5);
        double[] onSides = pp.values(theta, 0, side);
        double[] onCircles = pp.values(theta, 0, circle);
        for (int q = 0; q < m; q++) {
            assertEquals(1, onSides[q], 1e-12, "u on the square's side");
            assertEquals(0, onCircles[q], 1e-12, "u on a hole's circle");
        }

        Pinnacle.Setup ns = Pinnacle.ns2d(new int[] {6, 6}, 200, data, true);
        PdeSystem sys = ns.system();
        assertEquals(java.util.List.of("momentum x", "momentum y", "continuity", "pressure gauge"), sys.groupNames());
        PdeSystemProblem np = sys.problem();
        double[] t = sys.initialParameters(7);
        double[] uLid = np.values(t, 0, lid);
        double[] vLid = np.values(t, 1, lid);
        double[] uWalls = np.values(t, 0, walls);
        double[] vWalls = np.values(t, 1, walls);
        for (int q = 0; q < m; q++) {
            assertEquals(4 * lid[2 * q] * (1 - lid[2 * q]), uLid[q], 1e-12, "u on the lid");
            assertEquals(0, vLid[q], 1e-12, "v on the lid");
            assertEquals(0, uWalls[q], 1e-12, "u on a wall");
            assertEquals(0, vWalls[q], 1e-12, "v on a wall");
        }
    }
}
