package org.gn4j.gn.stochastic;

/**
 * A mini-batch objective that also exposes its per-sample structure, what the exact low-rank step of {@link Egn}
 * needs. With b samples, c outputs per sample and d parameters, at the evaluated point:
 * <ul>
 *   <li>{@code J} ({@code bc × d}): row {@code s·c + k} is {@code ∂f_k(x_s)/∂θ};</li>
 *   <li>{@code g} ({@code b × c}): per-sample loss gradients {@code ∂ℓ/∂f}, <em>not</em> divided by b;</li>
 *   <li>{@code L_s} ({@code c × c}, row-major): per-sample factors of the output Hessian, {@code Q_s = L_sL_sᵀ}, not
 *       divided by b.</li>
 * </ul>
 * The scaling of {@link MiniBatchObjective} follows: {@code L = (1/b)Σℓ}, {@code ∇L = (1/b)Jᵀg},
 * {@code G = (1/b)JᵀQJ}.
 */
public interface PerSampleObjective extends MiniBatchObjective {
    /**
     * Number of samples b of the evaluated mini-batch.
     *
     * @return the mini-batch size b ≥ 1
     */
    int batchSize();

    /**
     * Number of outputs c per sample.
     *
     * @return the number of outputs c ≥ 1 per sample
     */
    int outputCount();

    /**
     * {@code out = J·v} ({@code b·c} entries) for v of length d.
     *
     * @param v the direction, length d (not modified)
     * @param out receives {@code J·v}; length {@code b·c}, overwritten
     */
    void jvp(double[] v, double[] out);

    /**
     * {@code out = Jᵀ·u} (length d, overwritten) for u of {@code b·c} entries.
     *
     * @param u the vector to multiply, length {@code b·c} (not modified)
     * @param out receives {@code Jᵀ·u}; length d, overwritten
     */
    void vjp(double[] u, double[] out);

    /**
     * The per-sample Jacobian J into {@code out} ({@code b·c·d} entries, row-major).
     *
     * @param out receives J, {@code (b·c) × d} row-major; length {@code b·c·d}, overwritten
     */
    void perSampleJacobian(double[] out);

    /**
     * The per-sample loss gradients g into {@code out} ({@code b·c} entries).
     *
     * @param out receives the gradients of the loss with respect to the outputs; length {@code b·c}, overwritten
     */
    void lossGradient(double[] out);

    /**
     * The per-sample Hessian factors {@code L_s} into {@code out} ({@code b·c·c} entries, sample s at {@code s·c²}).
     *
     * @param out receives the factors; length {@code b·c·c}, overwritten
     */
    void hessianFactors(double[] out);

    /**
     * The whitened Jacobian {@code U} into {@code out} ({@code b·c·d} entries): the rows of sample s are
     * {@code L_sᵀJ_s}, so that {@code UᵀU = JᵀQJ = b·G}. The default forms J and multiplies each sample's block by
     * {@code L_sᵀ} in place ({@code O(bc²d)}); an implementation with reverse mode can instead seed its c reverse
     * passes with the columns of {@code L_s} and get U for the price of J.
     *
     * @param factors the factors {@code L_s} as written by {@link #hessianFactors}
     * @param out receives U, {@code (b·c) × d} row-major; length {@code b·c·d}, overwritten
     */
    default void whitenedJacobian(double[] factors, double[] out) {
        int b = batchSize();
        int c = outputCount();
        int d = parameterCount();
        perSampleJacobian(out);
        double[] col = new double[c];
        for (int s = 0; s < b; s++) {
            int base = s * c * d;
            int lb = s * c * c;
            for (int j = 0; j < d; j++) {
                // column j of U_s = L_sᵀ · (column j of J_s)
                for (int k = 0; k < c; k++) {
                    double t = 0;
                    for (int i = 0; i < c; i++) {
                        t += factors[lb + i * c + k] * out[base + i * d + j];
                    }
                    col[k] = t;
                }
                for (int k = 0; k < c; k++) {
                    out[base + k * d + j] = col[k];
                }
            }
        }
    }
}
