package org.gn4j.nn.loss;

/** {@code ℓ(f, y) = ‖f − y‖²}: {@code g = 2(f − y)}, {@code Q = 2I}, {@code L = √2·I}. */
public final class SquaredError implements Loss {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double value(int batch, int c, double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < batch * c; i++) {
            double r = f[i] - y[i];
            s += r * r;
        }
        return s / batch;
    }

    @Override
    public void gradient(int batch, int c, double[] f, double[] y, double[] g) {
        for (int i = 0; i < batch * c; i++) {
            g[i] = 2 * (f[i] - y[i]);
        }
    }

    @Override
    public void hessianTimes(int batch, int c, double[] f, double[] y, double[] v, double[] out) {
        for (int i = 0; i < batch * c; i++) {
            out[i] = 2 * v[i];
        }
    }

    @Override
    public void hessianFactor(int batch, int c, double[] f, double[] y, double[] factors) {
        java.util.Arrays.fill(factors, 0, batch * c * c, 0.0);
        double r2 = Math.sqrt(2);
        for (int s = 0; s < batch; s++) {
            for (int k = 0; k < c; k++) {
                factors[s * c * c + k * c + k] = r2;
            }
        }
    }
}
