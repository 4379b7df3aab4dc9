package org.gn4j.pinn.dd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The space-time Heat2d-MS FBPINN's residuals are the PDE, initial and boundary data they claim to be: each residual
 * recomputed from the assembled solution {@code u = Σ w_j N_j} by central differences in x, y and t.
 */
class FbpinnHeatTest {
    private static final int NX = 6;
    private static final int NY = 3;
    private static final int NT = 4;
    private static final double END = 5;

    private static double u(FbpinnProblem p, double[] theta, double x, double y, double t) {
        double[] out = new double[1];
        p.solution(theta, new double[] {x, y, t}, 1, out);
        return out[0];
    }

    @Test
    void residualsAreTheHeatEquationItsInitialDataAndZeroSides() {
        FbpinnProblem p = FbpinnProblems.heat2dMs(2, 0.5, NX, NY, NT, 5, 5);
        double[] theta = p.initialParameters(3);
        double[] r = new double[p.residualCount()];
        p.residuals(theta, r);
        assertEquals(NX * NY * NT + NX * NY + 2 * NY * NT + 2 * NX * NT, r.length, "residual count");
        double pi = Math.PI;
        double kx = 1 / Math.pow(500 * pi, 2);
        double ky = 1 / (pi * pi);
        double sc = Math.sqrt(1.0 / (NX * NY * NT));
        double h = 1e-3;
        int q = 0;
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NY; j++) {
                for (int k = 0; k < NT; k++) {
                    double x = (i + 0.5) / NX;
                    double y = (j + 0.5) / NY;
                    double t = END * (k + 0.5) / NT;
                    double c = u(p, theta, x, y, t);
                    double ut = (u(p, theta, x, y, t + h) - u(p, theta, x, y, t - h)) / (2 * h);
                    double uxx = (u(p, theta, x + h, y, t) - 2 * c + u(p, theta, x - h, y, t)) / (h * h);
                    double uyy = (u(p, theta, x, y + h, t) - 2 * c + u(p, theta, x, y - h, t)) / (h * h);
                    double expected = sc * (ut - kx * uxx - ky * uyy);
                    assertEquals(expected, r[q], 1e-6 * Math.max(1, Math.abs(expected) / sc) * sc, "PDE at " + q);
                    q++;
                }
            }
        }
        double si = Math.sqrt(1.0 / (NX * NY));
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NY; j++) {
                double x = (i + 0.5) / NX;
                double y = (j + 0.5) / NY;
                double expected = si * (u(p, theta, x, y, 0) - Math.sin(20 * pi * x) * Math.sin(pi * y));
                assertEquals(expected, r[q++], 1e-12, "initial data");
            }
        }
        double sb = Math.sqrt(1.0 / (2 * NY * NT + 2 * NX * NT));
        for (int side = 0; side < 2; side++) {
            for (int j = 0; j < NY; j++) {
                for (int k = 0; k < NT; k++) {
                    assertEquals(sb * u(p, theta, side, (j + 0.5) / NY, END * (k + 0.5) / NT), r[q++], 1e-12,
                            "side x = " + side);
                }
            }
            for (int i = 0; i < NX; i++) {
                for (int k = 0; k < NT; k++) {
                    assertEquals(sb * u(p, theta, (i + 0.5) / NX, side, END * (k + 0.5) / NT), r[q++], 1e-12,
                            "side y = " + side);
                }
            }
        }
        assertEquals(r.length, q);
    }

    @Test
    void theExactSolutionIsTheProblemsReference() {
        FbpinnProblem p = FbpinnProblems.heat2dMs(2, 0.5, NX, NY, NT, 5, 5);
        double[] x = {0.3, 0.7, 1.5};
        assertEquals(Math.sin(6 * Math.PI) * Math.sin(0.7 * Math.PI) * Math.exp(-1.0016 * 1.5), p.exact().value(x),
                1e-15);
    }
}
