package org.gn4j.pinn.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.nn.layers.Activation;
import org.junit.jupiter.api.Test;

class MlpEvaluatorTest {
    private static double[] randomPoints(Random rnd, int count, int n) {
        double[] x = new double[count * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    private static Mlp net(Activation.Function act, int n) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = -1 - 0.3 * i;
            hi[i] = 1 + 0.5 * i;
        }
        return Mlp.of(act, n, 7, 5).withInputBox(lo, hi);
    }

    @Test
    void valueGradientAndLaplacianMatchCentralDifferences() {
        for (Activation.Function act : new Activation.Function[] {Activation.Function.TANH, Activation.Function.SIN}) {
            for (int n : new int[] {1, 2, 3}) {
                Mlp mlp = net(act, n);
                double[] theta = mlp.initialParameters(11);
                for (int i = 0; i < theta.length; i++) {
                    theta[i] += 0.1 * Math.sin(i + 1.0); // non-zero biases
                }
                Random rnd = new Random(3);
                int count = 40;
                double[] x = randomPoints(rnd, count, n);
                double[] kappa = new double[n];
                for (int i = 0; i < n; i++) {
                    kappa[i] = 0.5 + i;
                }
                MlpEvaluator ev = mlp.evaluator();
                int jet = ev.jetSize();
                double[] jets = new double[count * jet];
                ev.evaluate(theta, x, count, kappa, jets);
                double h = 1e-4;
                for (int p = 0; p < count; p++) {
                    double[] xp = new double[n];
                    System.arraycopy(x, p * n, xp, 0, n);
                    double u0 = mlp.value(theta, xp);
                    assertEquals(u0, jets[p * jet], 1e-13);
                    double lap = 0;
                    for (int i = 0; i < n; i++) {
                        double[] a = xp.clone();
                        double[] b = xp.clone();
                        a[i] += h;
                        b[i] -= h;
                        double ua = mlp.value(theta, a);
                        double ub = mlp.value(theta, b);
                        assertEquals((ua - ub) / (2 * h), jets[p * jet + 1 + i], 1e-7, act + " n=" + n + " d" + i);
                        lap += kappa[i] * (ua - 2 * u0 + ub) / (h * h);
                    }
                    assertEquals(lap, jets[p * jet + n + 1], 2e-5 * Math.max(1, Math.abs(lap)), act + " n=" + n);
                }
            }
        }
    }

    @Test
    void parameterJacobianOfSeededJetsMatchesCentralDifferences() {
        for (Activation.Function act : new Activation.Function[] {Activation.Function.TANH, Activation.Function.SIN}) {
            int n = 2;
            Mlp mlp = net(act, n);
            double[] theta = mlp.initialParameters(5);
            MlpEvaluator ev = mlp.evaluator();
            int jet = ev.jetSize();
            int count = 37;
            double[] x = randomPoints(new Random(9), count, n);
            double[] kappa = {1.0, 0.25};
            double[] seeds = new double[count * jet];
            Random rnd = new Random(4);
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = rnd.nextGaussian();
            }
            int pc = mlp.parameterCount();
            int ld = pc + 3;
            double[] jac = new double[2 + count * ld];
            ev.jacobian(theta, x, count, kappa, seeds, jac, 2, ld);
            double[] jp = new double[count * jet];
            double[] jm = new double[count * jet];
            double h = 1e-6;
            for (int j = 0; j < pc; j++) {
                double[] tp = theta.clone();
                double[] tm = theta.clone();
                tp[j] += h;
                tm[j] -= h;
                ev.evaluate(tp, x, count, kappa, jp);
                ev.evaluate(tm, x, count, kappa, jm);
                for (int p = 0; p < count; p++) {
                    double fd = 0;
                    for (int t = 0; t < jet; t++) {
                        fd += seeds[p * jet + t] * (jp[p * jet + t] - jm[p * jet + t]) / (2 * h);
                    }
                    double an = jac[2 + p * ld + j];
                    assertEquals(fd, an, 1e-7 * Math.max(1, Math.abs(fd)), act + " p=" + p + " j=" + j);
                }
            }
        }
    }

    @Test
    void vjpAndJvpAgreeWithTheJacobian() {
        int n = 3;
        Mlp mlp = net(Activation.Function.TANH, n);
        double[] theta = mlp.initialParameters(8);
        MlpEvaluator ev = mlp.evaluator();
        int jet = ev.jetSize();
        int count = 101;
        int pc = mlp.parameterCount();
        double[] x = randomPoints(new Random(1), count, n);
        Random rnd = new Random(2);
        double[] seeds = new double[count * jet];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = rnd.nextGaussian();
        }
        double[] jac = new double[count * pc];
        ev.jacobian(theta, x, count, null, seeds, jac, 0, pc);
        double[] v = new double[pc];
        double[] y = new double[count];
        for (int j = 0; j < pc; j++) {
            v[j] = rnd.nextGaussian();
        }
        for (int p = 0; p < count; p++) {
            y[p] = rnd.nextGaussian();
        }
        double[] jv = new double[count];
        double[] jty = new double[pc];
        ev.jvp(theta, x, count, null, seeds, v, jv);
        ev.vjp(theta, x, count, null, seeds, y, jty);
        for (int p = 0; p < count; p++) {
            double s = 0;
            for (int j = 0; j < pc; j++) {
                s += jac[p * pc + j] * v[j];
            }
            assertEquals(s, jv[p], 1e-12 * (1 + Math.abs(s)));
        }
        for (int j = 0; j < pc; j++) {
            double s = 0;
            for (int p = 0; p < count; p++) {
                s += jac[p * pc + j] * y[p];
            }
            assertEquals(s, jty[j], 1e-11 * (1 + Math.abs(s)));
        }
    }

    @Test
    void shapesAreChecked() {
        Mlp mlp = Mlp.tanh(2, 4);
        MlpEvaluator ev = mlp.evaluator();
        double[] theta = mlp.initialParameters(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ev.evaluate(new double[3], new double[4], 2, null, new double[8]));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ev.evaluate(theta, new double[3], 2, null, new double[8]));
        assertThrows(IllegalArgumentException.class, () -> ev.evaluate(theta, new double[4], 2, new double[1],
                new double[8]));
        assertThrows(IllegalArgumentException.class, () -> Mlp.tanh(2));
        assertEquals(2 * 4 + 4 + 4 + 1, mlp.parameterCount());
    }
}
