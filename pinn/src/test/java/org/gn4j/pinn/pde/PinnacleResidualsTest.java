package org.gn4j.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gn4j.pinn.problems.ColeHopf;
import org.gn4j.pinn.problems.Pinnacle;
import org.junit.jupiter.api.Test;

/**
 * The PINNacle systems' residuals vanish on their exact solutions: every group is evaluated with jets of the exact
 * fields (value, central-difference gradient and weighted Laplacian), so a wrong sign, coefficient or source term in
 * a problem's definition fails here.
 */
class PinnacleResidualsTest {
    private static final double H = 1e-4;

    /** Jets of given fields at a point by central differences. */
    private static Jets exactJets(PdeSystem sys, Field[] fields, Collocation.Points pts, int q, double[] c) {
        int n = sys.dimension();
        double[] x = new double[n];
        System.arraycopy(pts.coordinates(), q * n, x, 0, n);
        return new Jets() {
            private double at(int f, int i, double s) {
                double[] y = x.clone();
                if (i >= 0) {
                    y[i] += s;
                }
                return fields[f].value(y);
            }

            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double x(int i) {
                return x[i];
            }

            @Override
            public double normal(int i) {
                return pts.normals() == null ? 0 : pts.normals()[q * n + i];
            }

            @Override
            public double data(int k) {
                return pts.data()[q * pts.columns() + k];
            }

            @Override
            public Dual u(int f) {
                return Dual.constant(at(f, -1, 0));
            }

            @Override
            public Dual d(int f, int i) {
                return Dual.constant((at(f, i, H) - at(f, i, -H)) / (2 * H));
            }

            @Override
            public Dual lap(int f) {
                double[] kappa = sys.fields().get(f).kappa();
                double s = 0;
                for (int i = 0; i < n; i++) {
                    if (kappa[i] != 0) {
                        s += kappa[i] * (at(f, i, H) - 2 * at(f, -1, 0) + at(f, i, -H)) / (H * H);
                    }
                }
                return Dual.constant(s);
            }

            @Override
            public Dual normalDerivative(int f) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += normal(i) * d(f, i).value();
                }
                return Dual.constant(s);
            }

            @Override
            public Dual coefficient(int k) {
                return Dual.constant(c[k]);
            }
        };
    }

    /** The largest |residual| / scale of every group except those named in {@code skip}. */
    private static void assertExact(Pinnacle.Setup setup, Field[] fields, double tolerance, List<String> skip) {
        PdeSystem sys = setup.system();
        for (int g = 0; g < sys.groups().size(); g++) {
            PdeSystem.GroupSpec group = sys.groups().get(g);
            if (skip.contains(group.name())) {
                continue;
            }
            Collocation.Points pts = group.points().points(0);
            double worst = 0;
            for (int q = 0; q < pts.count(); q += 7) {
                worst = Math.max(worst, Math.abs(group.residual().at(exactJets(sys, fields, pts, q, new double[0]))
                        .value()));
            }
            assertTrue(worst < tolerance, setup.name() + " group '" + group.name() + "': residual " + worst
                    + " on the exact solution");
        }
    }

    @Test
    void waveHeatAndPoissonInverseSolutionsSolveTheirSystems() {
        double pi = Math.PI;
        Field wave = x -> Math.sin(pi * x[0]) * Math.cos(2 * pi * x[1])
                + 0.5 * Math.sin(4 * pi * x[0]) * Math.cos(8 * pi * x[1]);
        // u_tt and 4u_xx are each up to 32π²·½ ≈ 160; second differences with h = 1e-4 are good to about 1e-4
        assertExact(Pinnacle.wave1d(new int[] {4}, 300), new Field[] {wave}, 1e-3, List.of());
        Field heat = x -> Math.sin(20 * pi * x[0]) * Math.sin(pi * x[1]) * Math.exp(-1.0016 * x[2]);
        assertExact(Pinnacle.heat2dMs(new int[] {4}, 300), new Field[] {heat}, 1e-5, List.of());
        Field u = x -> Math.sin(pi * x[0]) * Math.sin(pi * x[1]);
        Field a = x -> 1 / (1 + x[0] * x[0] + x[1] * x[1] + (x[0] - 1) * (x[0] - 1) + (x[1] - 1) * (x[1] - 1));
        // the observations carry noise of σ = 0.1; the equation and the boundary data are exact
        assertExact(Pinnacle.pinv(new int[] {4}, 300), new Field[] {u, a}, 1e-5, List.of("observations"));
        // without noise (pinv-exact) the observations are exact too
        assertExact(Pinnacle.pinv(new int[] {4}, 300, 0), new Field[] {u, a}, 1e-5, List.of());
    }

    @Test
    void coleHopfSolvesBurgers1dC() {
        ColeHopf exact = new ColeHopf(Pinnacle.BURGERS_NU);
        Field u = x -> exact.value(x[0], x[1]);
        Pinnacle.Setup s = Pinnacle.burgers1d(new int[] {4}, 200);
        // away from the shock at x = 0 for t > 0.3 the finite differences are accurate; skip the interior there
        PdeSystem sys = s.system();
        Collocation.Points pts = sys.groups().get(0).points().points(0);
        double worst = 0;
        for (int q = 0; q < pts.count(); q++) {
            double x = pts.coordinates()[2 * q];
            double t = pts.coordinates()[2 * q + 1];
            if (Math.abs(x) < 0.2 || t < 0.01) {
                continue;
            }
            worst = Math.max(worst, Math.abs(sys.groups().get(0).residual()
                    .at(exactJets(sys, new Field[] {u}, pts, q, new double[0])).value()));
        }
        assertTrue(worst < 1e-5, "Burgers residual of Cole–Hopf " + worst);
        assertExact(s, new Field[] {u}, 1e-3, List.of("pde"));
        assertEquals(256 * 101, s.evaluationPoints().length / 2);
    }
}
