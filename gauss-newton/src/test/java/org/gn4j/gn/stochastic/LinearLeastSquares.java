package org.gn4j.gn.stochastic;

import java.util.Random;

/**
 * A hand-written mini-batch objective: b samples, c outputs {@code f_s = A_sθ} ({@code A} is {@code bc × d}), squared
 * error {@code ℓ_s = ‖f_s − y_s‖²}, so {@code L = (1/b)‖Aθ − y‖²}, {@code ∇L = (2/b)Aᵀ(Aθ − y)},
 * {@code G = (2/b)AᵀA} (exactly the Hessian: the Gauss-Newton model is exact and every gain ratio is 1). Hooks let
 * tests corrupt the trial loss or the products.
 */
class LinearLeastSquares implements PerSampleObjective {
    final int b;
    final int c;
    final int d;
    final double[] a;
    final double[] y;
    double[] theta;
    double lossValue;
    /** Added to every trial loss (a lying line search). */
    double trialOffset;
    /** When true, trial losses are NaN. */
    boolean nanTrial;
    /** When true, GGN products are NaN. */
    boolean nanProducts;
    int lossAtCalls;
    int ggnCalls;

    LinearLeastSquares(int b, int c, int d, long seed) {
        this.b = b;
        this.c = c;
        this.d = d;
        Random r = new Random(seed);
        a = new double[b * c * d];
        y = new double[b * c];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
    }

    void evaluate(double[] t) {
        theta = t;
        lossValue = value(t);
    }

    double value(double[] t) {
        double s = 0;
        for (int i = 0; i < b * c; i++) {
            double r = row(i, t) - y[i];
            s += r * r;
        }
        return s / b;
    }

    private double row(int i, double[] v) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += a[i * d + j] * v[j];
        }
        return s;
    }

    @Override
    public int parameterCount() {
        return d;
    }

    @Override
    public double loss() {
        return lossValue;
    }

    @Override
    public void gradient(double[] out) {
        double[] g = new double[b * c];
        lossGradient(g);
        vjp(g, out);
        for (int j = 0; j < d; j++) {
            out[j] /= b;
        }
    }

    @Override
    public void ggnTimes(double[] v, double[] out) {
        ggnCalls++;
        double[] jv = new double[b * c];
        jvp(v, jv);
        for (int i = 0; i < jv.length; i++) {
            jv[i] *= 2.0 / b;
        }
        vjp(jv, out);
        if (nanProducts) {
            out[0] = Double.NaN;
        }
    }

    @Override
    public double lossAt(double[] t) {
        lossAtCalls++;
        return nanTrial ? Double.NaN : value(t) + trialOffset;
    }

    @Override
    public int batchSize() {
        return b;
    }

    @Override
    public int outputCount() {
        return c;
    }

    @Override
    public void jvp(double[] v, double[] out) {
        for (int i = 0; i < b * c; i++) {
            out[i] = row(i, v);
        }
    }

    @Override
    public void vjp(double[] u, double[] out) {
        java.util.Arrays.fill(out, 0, d, 0.0);
        for (int i = 0; i < b * c; i++) {
            for (int j = 0; j < d; j++) {
                out[j] += a[i * d + j] * u[i];
            }
        }
    }

    @Override
    public void perSampleJacobian(double[] out) {
        System.arraycopy(a, 0, out, 0, a.length);
    }

    @Override
    public void lossGradient(double[] out) {
        for (int i = 0; i < b * c; i++) {
            out[i] = 2 * (row(i, theta) - y[i]);
        }
    }

    @Override
    public void hessianFactors(double[] out) {
        java.util.Arrays.fill(out, 0, b * c * c, 0.0);
        for (int s = 0; s < b; s++) {
            for (int k = 0; k < c; k++) {
                out[s * c * c + k * c + k] = Math.sqrt(2);
            }
        }
    }

    /** Dense {@code −(G + ρI)⁻¹∇L} by Gaussian elimination (test reference). */
    double[] denseDirection(double rho) {
        double[][] m = new double[d][d + 1];
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            boolean nan = nanProducts;
            nanProducts = false;
            ggnTimes(e, col);
            nanProducts = nan;
            for (int i = 0; i < d; i++) {
                m[i][j] = col[i] + (i == j ? rho : 0);
            }
        }
        double[] g = new double[d];
        gradient(g);
        for (int i = 0; i < d; i++) {
            m[i][d] = -g[i];
        }
        for (int p = 0; p < d; p++) {
            int best = p;
            for (int i = p + 1; i < d; i++) {
                if (Math.abs(m[i][p]) > Math.abs(m[best][p])) {
                    best = i;
                }
            }
            double[] t = m[p];
            m[p] = m[best];
            m[best] = t;
            for (int i = p + 1; i < d; i++) {
                double f = m[i][p] / m[p][p];
                for (int j = p; j <= d; j++) {
                    m[i][j] -= f * m[p][j];
                }
            }
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = m[i][d];
            for (int j = i + 1; j < d; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
