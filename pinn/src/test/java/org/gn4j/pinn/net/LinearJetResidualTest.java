package org.gn4j.pinn.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LinearJetResidualTest {
    @Test
    void heatTypeResidualAndItsJacobianMatchFiniteDifferences() {
        // r = u_t − 0.3 u_xx + 0.5 u − f on (x, t): κ = (1, 0), a = −0.3, b = (0, 1), c = 0.5
        Mlp mlp = Mlp.tanh(2, 6, 6).withInputBox(new double[] {0, 0}, new double[] {1, 0.5});
        double[] theta = mlp.initialParameters(3);
        MlpEvaluator ev = mlp.evaluator();
        Random rnd = new Random(5);
        int count = 23;
        double[] x = new double[2 * count];
        double[] seeds = new double[4 * count];
        double[] f = new double[count];
        for (int p = 0; p < count; p++) {
            x[2 * p] = rnd.nextDouble();
            x[2 * p + 1] = 0.5 * rnd.nextDouble();
            LinearJetResidual.seed(-0.3, new double[] {0, 1}, 0.5, seeds, 4 * p);
            f[p] = Math.sin(p);
        }
        LinearJetResidual group = LinearJetResidual.of(2, x, seeds, f, new double[] {1, 0});
        double[] r = new double[count + 1];
        double[] jets = new double[4 * count];
        group.residuals(ev, theta, r, 1, jets);
        double h = 1e-4;
        for (int p = 0; p < count; p++) {
            double[] xp = {x[2 * p], x[2 * p + 1]};
            double u = mlp.value(theta, xp);
            double ut = (mlp.value(theta, new double[] {xp[0], xp[1] + h})
                    - mlp.value(theta, new double[] {xp[0], xp[1] - h})) / (2 * h);
            double uxx = (mlp.value(theta, new double[] {xp[0] + h, xp[1]}) - 2 * u
                    + mlp.value(theta, new double[] {xp[0] - h, xp[1]})) / (h * h);
            assertEquals(ut - 0.3 * uxx + 0.5 * u - f[p], r[1 + p], 1e-6);
        }
        int pc = mlp.parameterCount();
        double[] jac = new double[count * pc];
        group.jacobian(ev, theta, jac, 0, pc);
        double[] rp = new double[count];
        double[] rm = new double[count];
        double e = 1e-6;
        for (int j = 0; j < pc; j++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += e;
            tm[j] -= e;
            group.residuals(ev, tp, rp, 0, jets);
            group.residuals(ev, tm, rm, 0, jets);
            for (int p = 0; p < count; p++) {
                double fd = (rp[p] - rm[p]) / (2 * e);
                assertEquals(fd, jac[p * pc + j], 1e-7 * Math.max(1, Math.abs(fd)));
            }
        }
    }
}
