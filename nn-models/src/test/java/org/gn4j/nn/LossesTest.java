package org.gn4j.nn;

import java.util.Random;

import org.gn4j.nn.loss.Loss;
import org.gn4j.nn.loss.SoftmaxCrossEntropy;
import org.gn4j.nn.loss.SquaredError;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loss gradients and Hessians against finite differences; Hessian factors against the Hessian. */
class LossesTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientHessianAndFactor(boolean crossEntropy) {
        Loss loss = crossEntropy ? new SoftmaxCrossEntropy() : new SquaredError();
        Random r = new Random(17);
        int c = 5;
        double[] f = new double[c];
        double[] y = new double[c];
        for (int k = 0; k < c; k++) {
            f[k] = 3 * r.nextGaussian();
            y[k] = crossEntropy ? 0 : r.nextGaussian();
        }
        if (crossEntropy) {
            y[2] = 1;
        }
        double[] g = new double[c];
        loss.gradient(1, c, f, y, g);
        double h = 1e-6;
        double[] fdg = new double[c];
        for (int k = 0; k < c; k++) {
            double[] fp = f.clone();
            double[] fm = f.clone();
            fp[k] += h;
            fm[k] -= h;
            fdg[k] = (loss.value(1, c, fp, y) - loss.value(1, c, fm, y)) / (2 * h);
        }
        Tolerances.assertRelativeClose(fdg, g, 1e-8, loss.name() + " gradient");
        // Q v against differences of the gradient
        double[] v = new double[c];
        for (int k = 0; k < c; k++) {
            v[k] = r.nextGaussian();
        }
        double[] qv = new double[c];
        loss.hessianTimes(1, c, f, y, v, qv);
        double[] gp = new double[c];
        double[] gm = new double[c];
        double[] fp = f.clone();
        double[] fm = f.clone();
        for (int k = 0; k < c; k++) {
            fp[k] += h * v[k];
            fm[k] -= h * v[k];
        }
        loss.gradient(1, c, fp, y, gp);
        loss.gradient(1, c, fm, y, gm);
        double[] fdq = new double[c];
        for (int k = 0; k < c; k++) {
            fdq[k] = (gp[k] - gm[k]) / (2 * h);
        }
        Tolerances.assertRelativeClose(fdq, qv, 1e-7, loss.name() + " Hessian-vector product");
        // L Lᵀ v = Q v
        double[] l = new double[c * c];
        loss.hessianFactor(1, c, f, y, l);
        double[] ltv = new double[c];
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < c; i++) {
                ltv[j] += l[i * c + j] * v[i];
            }
        }
        double[] lltv = new double[c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                lltv[i] += l[i * c + j] * ltv[j];
            }
        }
        Tolerances.assertRelativeClose(qv, lltv, 1e-13, loss.name() + " factor L Lᵀ = Q");
    }
}
