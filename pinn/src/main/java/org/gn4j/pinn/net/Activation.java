package org.gn4j.pinn.net;

/**
 * Smooth activations of a PINN network with their first three derivatives: the forward Laplacian needs σ' and σ'',
 * its parameter Jacobian (reverse or forward mode through the forward-Laplacian graph) also σ'''.
 */
public enum Activation {
    /** {@code tanh z}: σ' = 1 − t², σ'' = −2tσ', σ''' = σ'(4t² − 2σ'). */
    TANH {
        @Override
        void derivatives(double z, double[] out, int off) {
            double t = Math.tanh(z);
            double d1 = 1 - t * t;
            out[off] = t;
            out[off + 1] = d1;
            out[off + 2] = -2 * t * d1;
            out[off + 3] = d1 * (4 * t * t - 2 * d1);
        }
    },
    /** {@code sin z}: σ' = cos z, σ'' = −sin z, σ''' = −cos z. */
    SIN {
        @Override
        void derivatives(double z, double[] out, int off) {
            double s = Math.sin(z);
            double c = Math.cos(z);
            out[off] = s;
            out[off + 1] = c;
            out[off + 2] = -s;
            out[off + 3] = -c;
        }
    };

    /** Writes σ(z), σ'(z), σ''(z), σ'''(z) into {@code out[off..off+3]}. */
    abstract void derivatives(double z, double[] out, int off);

    /** σ(z). */
    public double value(double z) {
        double[] d = new double[4];
        derivatives(z, d, 0);
        return d[0];
    }
}
