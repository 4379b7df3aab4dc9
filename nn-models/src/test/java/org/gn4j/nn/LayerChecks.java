package org.gn4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.testkit.Tolerances;

/**
 * Derivative checks any {@link Layer} must pass, shared by the layer tests: the tangent pass against central finite
 * differences in a joint (parameter, input) direction, the adjoint identity {@code ⟨u, Jw⟩ = ⟨Jᵀu, w⟩}, and per-sample
 * rows summing to the batched parameter gradient.
 */
public final class LayerChecks {
    private LayerChecks() {
    }

    /** Random inputs of moderate size, away from 0 so ReLU kinks are not straddled by the difference step. */
    static double[] inputs(int n, Random r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0.2 + r.nextDouble();
            x[i] = r.nextBoolean() ? v : -v;
        }
        return x;
    }

    static double[] gaussian(int n, Random r, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * r.nextGaussian();
        }
        return x;
    }

    /** Runs all checks on {@code layer} with a batch of {@code batch} samples. */
    public static void checkAll(Layer layer, int batch, long seed) {
        Random r = new Random(seed);
        int in = layer.inputShape().size();
        int out = layer.outputShape().size();
        int p = layer.parameterCount();
        double[] theta = new double[p];
        layer.initialize(theta, 0, r);
        for (int i = 0; i < p; i++) {
            theta[i] += 0.1 * r.nextGaussian(); // non-zero biases too
        }
        double[] x = inputs(batch * in, r);
        double[] v = gaussian(p, r, 1);
        double[] xt = gaussian(batch * in, r, 1);
        LayerState st = layer.newState(batch);
        double[] y = new double[batch * out];
        layer.forward(theta, 0, batch, x, y, st);

        // tangent pass vs central differences of the forward pass along (v, xt)
        double[] yt = new double[batch * out];
        layer.jvp(theta, 0, p == 0 ? null : v, batch, xt, yt, st);
        double h = 1e-6;
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        for (int i = 0; i < p; i++) {
            tp[i] += h * v[i];
            tm[i] -= h * v[i];
        }
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int i = 0; i < x.length; i++) {
            xp[i] += h * xt[i];
            xm[i] -= h * xt[i];
        }
        double[] yp = new double[batch * out];
        double[] ym = new double[batch * out];
        LayerState sfd = layer.newState(batch);
        layer.forward(tp, 0, batch, xp, yp, sfd);
        layer.forward(tm, 0, batch, xm, ym, sfd);
        double[] fd = new double[batch * out];
        for (int i = 0; i < fd.length; i++) {
            fd[i] = (yp[i] - ym[i]) / (2 * h);
        }
        Tolerances.assertRelativeClose(fd, yt, 1e-6, layer.name() + " JVP vs central differences");

        // the forward pass above used another state: re-run on st so the adjoint sees the original point
        layer.forward(theta, 0, batch, x, y, st);
        layer.jvp(theta, 0, p == 0 ? null : v, batch, xt, yt, st);
        double[] u = gaussian(batch * out, r, 1);
        double[] grad = new double[p];
        double[] xb = new double[batch * in];
        layer.vjp(theta, 0, batch, u, grad, xb, st);
        double lhs = 0;
        for (int i = 0; i < u.length; i++) {
            lhs += u[i] * yt[i];
        }
        double rhs = 0;
        for (int i = 0; i < p; i++) {
            rhs += grad[i] * v[i];
        }
        for (int i = 0; i < xb.length; i++) {
            rhs += xb[i] * xt[i];
        }
        double scale = Math.max(1e-300, Math.abs(lhs) + Math.abs(rhs));
        assertTrue(Math.abs(lhs - rhs) <= 1e-10 * scale,
                String.format("%s adjoint identity: <u,Jw> = %.17g, <J'u,w> = %.17g", layer.name(), lhs, rhs));

        // per-sample rows sum to the batched gradient, and give the same input cotangent
        double[] rows = new double[batch * p];
        double[] xb2 = new double[batch * in];
        layer.vjpPerSample(theta, 0, batch, u, rows, 0, p, xb2, st);
        double[] summed = new double[p];
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < p; i++) {
                summed[i] += rows[s * p + i];
            }
        }
        if (p > 0) {
            Tolerances.assertRelativeClose(grad, summed, 1e-12, layer.name() + " per-sample rows sum to the gradient");
        }
        Tolerances.assertRelativeClose(xb, xb2, 1e-14, layer.name() + " per-sample input cotangent");
        // vjp accumulates into grad
        double[] twice = grad.clone();
        layer.vjp(theta, 0, batch, u, twice, null, st);
        for (int i = 0; i < p; i++) {
            assertTrue(Math.abs(twice[i] - 2 * grad[i]) <= 1e-12 * Math.max(1, Math.abs(grad[i])),
                    layer.name() + " vjp accumulates");
        }
    }
}
