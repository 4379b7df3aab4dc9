package org.gn4j.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.gn4j.linalg.op.LinearOperator;
import org.gn4j.pinn.net.Mlp;
import org.gn4j.pinn.problems.Benchmarks;
import org.junit.jupiter.api.Test;

class PinnProblemTest {
    /** The PDE residual Jacobian against central differences of the residuals in θ. */
    private static void checkJacobian(PinnProblem p, double[] theta) {
        int m = p.residualCount();
        int pc = p.parameterCount();
        double[] jac = new double[m * pc];
        p.jacobian(theta, jac, 0, pc);
        double[] rp = new double[m];
        double[] rm = new double[m];
        double h = 1e-6;
        for (int j = 0; j < pc; j++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h;
            tm[j] -= h;
            p.residuals(tp, rp);
            p.residuals(tm, rm);
            for (int i = 0; i < m; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                assertEquals(fd, jac[i * pc + j], 2e-7 * Math.max(1, Math.abs(fd)), "row " + i + " col " + j);
            }
        }
        // matrix-free operator = dense rows
        LinearOperator op = p.jacobianOperator(theta);
        Random rnd = new Random(1);
        double[] v = new double[pc];
        for (int j = 0; j < pc; j++) {
            v[j] = rnd.nextGaussian();
        }
        double[] jv = new double[m];
        op.apply(v, jv);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = rnd.nextGaussian();
            double s = 0;
            for (int j = 0; j < pc; j++) {
                s += jac[i * pc + j] * v[j];
            }
            assertEquals(s, jv[i], 1e-10 * (1 + Math.abs(s)));
        }
        double[] jty = new double[pc];
        op.applyTranspose(y, jty);
        for (int j = 0; j < pc; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += jac[i * pc + j] * y[i];
            }
            assertEquals(s, jty[j], 1e-10 * (1 + Math.abs(s)));
        }
    }

    @Test
    void poissonResidualJacobianMatchesFiniteDifferences() {
        PdeSpec spec = Benchmarks.poisson2d(25, 12);
        Mlp net = Benchmarks.network(spec, 5, 4);
        PinnProblem p = PinnProblem.of(spec, net);
        assertEquals(25 + 12, p.residualCount(), 2);
        checkJacobian(p, net.initialParameters(2));
    }

    @Test
    void heatResidualThroughTheHardConstraintMatchesFiniteDifferences() {
        Benchmarks.Setup s = Benchmarks.setup("heat1d", new int[] {5, 4}, 16, 8, true);
        checkJacobian(s.problem(), s.problem().network().initialParameters(4));
        Benchmarks.Setup soft = Benchmarks.setup("poisson5d", new int[] {4}, 12, 10, false);
        checkJacobian(soft.problem(), soft.problem().network().initialParameters(4));
    }

    @Test
    void ansatzResidualEqualsTheOperatorAppliedToTheComposedSolution() {
        // interior residual of u = g + D·N, by finite differences of u in x, against the transformed seeds
        Benchmarks.Setup s = Benchmarks.setup("heat1d", new int[] {6}, 9, 4, true);
        PinnProblem p = s.problem();
        double[] theta = p.network().initialParameters(7);
        double[] r = new double[p.residualCount()];
        p.residuals(theta, r);
        ResidualGroup interior = p.groups().get(0);
        double[] x = interior.residual().points();
        int count = interior.residual().size();
        double scale = Math.sqrt(1.0 / count);
        double h = 1e-4;
        for (int q = 0; q < count; q++) {
            double x0 = x[2 * q];
            double t0 = x[2 * q + 1];
            double u = u(p, theta, x0, t0);
            double ut = (u(p, theta, x0, t0 + h) - u(p, theta, x0, t0 - h)) / (2 * h);
            double uxx = (u(p, theta, x0 + h, t0) - 2 * u + u(p, theta, x0 - h, t0)) / (h * h);
            double expected = scale * (ut - Benchmarks.HEAT_NU * uxx);
            assertEquals(expected, r[q], 1e-5);
        }
    }

    private static double u(PinnProblem p, double[] theta, double x, double t) {
        double[] out = new double[1];
        p.solution(theta, new double[] {x, t}, 1, out);
        return out[0];
    }

    @Test
    void errorMetricsAreZeroForTheExactValues() {
        ErrorMetrics e = ErrorMetrics.of(new double[] {1, 2}, new double[] {1, 2});
        assertEquals(0, e.relativeL2());
        ErrorMetrics f = ErrorMetrics.of(new double[] {1, 2}, new double[] {1, 1});
        assertEquals(Math.sqrt(0.5), f.relativeL2(), 1e-15);
        assertEquals(1, f.maxAbs());
    }
}
