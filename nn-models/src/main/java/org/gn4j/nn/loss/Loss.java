package org.gn4j.nn.loss;

/**
 * A per-sample loss {@code ℓ(f, y)} on network outputs {@code f ∈ ℝᶜ}, with what Gauss-Newton methods need: the
 * gradient {@code g = ∂ℓ/∂f}, products with the output Hessian {@code Q = ∂²ℓ/∂f²} (PSD for the convex losses here)
 * and a factor {@code Q = LLᵀ}. Arrays are batch-major ({@code b × c}); the mini-batch objective is
 * {@code (1/b) Σ_s ℓ(f_s, y_s)}.
 */
public interface Loss {
    /** Short name. */
    String name();

    /** The mean loss over the batch. */
    double value(int batch, int c, double[] f, double[] y);

    /** {@code g_s = ∂ℓ/∂f(f_s, y_s)} per sample (not divided by b). */
    void gradient(int batch, int c, double[] f, double[] y, double[] g);

    /** {@code out_s = Q_s·v_s} per sample. */
    void hessianTimes(int batch, int c, double[] f, double[] y, double[] v, double[] out);

    /** Per-sample factors {@code L_s} (c × c, row-major, sample s at {@code s·c²}) with {@code Q_s = L_s·L_sᵀ}. */
    void hessianFactor(int batch, int c, double[] f, double[] y, double[] factors);
}
