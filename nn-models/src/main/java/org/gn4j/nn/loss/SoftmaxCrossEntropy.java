package org.gn4j.nn.loss;

/**
 * Softmax cross-entropy on logits f with target distribution y (one-hot for labels):
 * {@code ℓ = −Σ_k y_k log p_k}, {@code p = softmax(f)}; {@code g = p·Σy − y} ({@code p − y} for a distribution),
 * {@code Q = (Σy)(diag(p) − ppᵀ)}, and the factor {@code L = diag(√p) − p·√pᵀ} (scaled by {@code √Σy}), for which
 * {@code LLᵀ = diag(p) − ppᵀ} because {@code Σp = 1}. Softmax is computed with the max subtracted, so large logits do
 * not overflow.
 */
public final class SoftmaxCrossEntropy implements Loss {
    @Override
    public String name() {
        return "cross-entropy";
    }

    /** Writes softmax(f_s) into p (c entries at {@code off}) and returns log Σ exp(f_s). */
    private static double softmax(int c, double[] f, int off, double[] p, int pOff) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
            max = Math.max(max, f[off + k]);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
            double e = Math.exp(f[off + k] - max);
            p[pOff + k] = e;
            sum += e;
        }
        for (int k = 0; k < c; k++) {
            p[pOff + k] /= sum;
        }
        return max + Math.log(sum);
    }

    @Override
    public double value(int batch, int c, double[] f, double[] y) {
        double total = 0;
        double[] p = new double[c];
        for (int s = 0; s < batch; s++) {
            double lse = softmax(c, f, s * c, p, 0);
            for (int k = 0; k < c; k++) {
                double yk = y[s * c + k];
                if (yk != 0) {
                    total += yk * (lse - f[s * c + k]);
                }
            }
        }
        return total / batch;
    }

    @Override
    public void gradient(int batch, int c, double[] f, double[] y, double[] g) {
        for (int s = 0; s < batch; s++) {
            softmax(c, f, s * c, g, s * c);
            double ysum = 0;
            for (int k = 0; k < c; k++) {
                ysum += y[s * c + k];
            }
            for (int k = 0; k < c; k++) {
                g[s * c + k] = ysum * g[s * c + k] - y[s * c + k];
            }
        }
    }

    @Override
    public void hessianTimes(int batch, int c, double[] f, double[] y, double[] v, double[] out) {
        for (int s = 0; s < batch; s++) {
            int o = s * c;
            softmax(c, f, o, out, o);
            double ysum = 0;
            double pv = 0;
            for (int k = 0; k < c; k++) {
                ysum += y[o + k];
                pv += out[o + k] * v[o + k];
            }
            // (diag(p) − ppᵀ)v = p∘v − p(pᵀv)
            for (int k = 0; k < c; k++) {
                double pk = out[o + k];
                out[o + k] = ysum * (pk * v[o + k] - pk * pv);
            }
        }
    }

    @Override
    public void hessianFactor(int batch, int c, double[] f, double[] y, double[] factors) {
        double[] p = new double[c];
        for (int s = 0; s < batch; s++) {
            softmax(c, f, s * c, p, 0);
            double ysum = 0;
            for (int k = 0; k < c; k++) {
                ysum += y[s * c + k];
            }
            double scale = Math.sqrt(ysum);
            int base = s * c * c;
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < c; j++) {
                    double l = (i == j ? Math.sqrt(p[i]) : 0) - p[i] * Math.sqrt(p[j]);
                    factors[base + i * c + j] = scale * l;
                }
            }
        }
    }
}
