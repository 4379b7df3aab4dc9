package org.gn4j.nn.loss;

/**
 * A per-sample loss {@code ℓ(f, y)} on network outputs {@code f ∈ ℝᶜ}, with what Gauss-Newton methods need: the
 * gradient {@code g = ∂ℓ/∂f}, products with the output Hessian {@code Q = ∂²ℓ/∂f²} (PSD for the convex losses here)
 * and a factor {@code Q = LLᵀ}. Arrays are batch-major ({@code b × c}); the mini-batch objective is
 * {@code (1/b) Σ_s ℓ(f_s, y_s)}.
 */
public interface Loss {
    /**
     * Short name.
     *
     * @return a short name for reports, e.g. {@code "mse"} or {@code "cross-entropy"}
     */
    String name();

    /**
     * The mean loss over the batch.
     *
     * @param batch number of samples b, {@code >= 1}
     * @param c number of outputs per sample, {@code >= 1}
     * @param f the network outputs, batch-major {@code b × c}; not modified
     * @param y the targets, batch-major {@code b × c} (one-hot rows for classification); not modified
     * @return {@code (1/b) Σ_s ℓ(f_s, y_s)}
     */
    double value(int batch, int c, double[] f, double[] y);

    /**
     * {@code g_s = ∂ℓ/∂f(f_s, y_s)} per sample (not divided by b).
     *
     * @param batch number of samples b, {@code >= 1}
     * @param c number of outputs per sample, {@code >= 1}
     * @param f the network outputs, batch-major {@code b × c}; not modified
     * @param y the targets, batch-major {@code b × c} (one-hot rows for classification); not modified
     * @param g receives the per-sample gradients, batch-major {@code b × c}; overwritten
     */
    void gradient(int batch, int c, double[] f, double[] y, double[] g);

    /**
     * {@code out_s = Q_s·v_s} per sample.
     *
     * @param batch number of samples b, {@code >= 1}
     * @param c number of outputs per sample, {@code >= 1}
     * @param f the network outputs, batch-major {@code b × c}; not modified
     * @param y the targets, batch-major {@code b × c} (one-hot rows for classification); not modified
     * @param v the vectors {@code v_s}, batch-major {@code b × c}; not modified
     * @param out receives {@code Q_s·v_s}, batch-major {@code b × c}; overwritten
     */
    void hessianTimes(int batch, int c, double[] f, double[] y, double[] v, double[] out);

    /**
     * Per-sample factors {@code L_s} (c × c, row-major, sample s at {@code s·c²}) with {@code Q_s = L_s·L_sᵀ}.
     *
     * @param batch number of samples b, {@code >= 1}
     * @param c number of outputs per sample, {@code >= 1}
     * @param f the network outputs, batch-major {@code b × c}; not modified
     * @param y the targets, batch-major {@code b × c} (one-hot rows for classification); not modified
     * @param factors receives the b factors, {@code b·c²} entries; overwritten
     */
    void hessianFactor(int batch, int c, double[] f, double[] y, double[] factors);
}
