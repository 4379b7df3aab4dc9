package org.gn4j.gn.stochastic;

/**
 * What a stochastic optimizer sees of one mini-batch, evaluated at the current parameters: the mean loss
 * {@code L = (1/b)Σℓ(f(x_s; θ), y_s)}, its gradient, and the generalized Gauss-Newton product
 * {@code G·v = (1/b)JᵀQJv}. The network layer ({@code org.gn4j.nn.MiniBatchObjective}) implements it, so first-order
 * baselines and the Gauss-Newton methods (SGN, EGN) live here, below the network code, behind one interface.
 */
public interface MiniBatchObjective {
    /**
     * Number of parameters d.
     *
     * @return the parameter count d, the length of θ and of the gradient
     */
    int parameterCount();

    /**
     * Mean loss at the evaluated point.
     *
     * @return the mean loss L over the mini-batch at the evaluated θ
     */
    double loss();

    /**
     * {@code out = ∇L} (length d).
     *
     * @param out receives the gradient; length d, overwritten
     */
    void gradient(double[] out);

    /**
     * {@code out = G·v}, the generalized Gauss-Newton product at the evaluated point.
     *
     * @param v the vector to multiply, length d (not modified)
     * @param out receives {@code G·v}; length d, overwritten
     */
    void ggnTimes(double[] v, double[] out);

    /**
     * The mean loss of the same mini-batch at a trial point θ' (a forward pass only), leaving the evaluated point,
     * its loss and every product untouched: the line searches and gain ratios of SGN and EGN compare
     * {@code L(θ + αδ)} with {@code L(θ)} on one batch. The default throws, for objectives that only serve
     * first-order methods.
     *
     * @param theta trial parameters, length d (not retained)
     * @return the mean loss at θ'; NaN or infinite values are returned as they are
     * @throws IllegalArgumentException      if θ' has the wrong length
     * @throws UnsupportedOperationException if this objective cannot evaluate trial points
     */
    default double lossAt(double[] theta) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot evaluate the mini-batch loss at a "
                + "trial point; SGN and EGN line searches and gain ratios need lossAt(theta)");
    }
    /**
     * This mini-batch with its GGN product taken over a subset of its samples ("curvature mini-batch", as in
     * Hessian-free training): {@link #ggnTimes} of the returned view is {@code G_S·v = (1/|S|)Σ_{s∈S}J_sᵀQ_sJ_s v}
     * over the first {@code |S| = max(1, ⌈fraction·b⌉)} samples of the batch, while its loss, gradient and trial
     * losses are those of the whole batch. The subset costs one forward pass on its samples after each evaluation of
     * the batch, and every GGN product then runs on {@code |S|} samples instead of b. The batch's samples are drawn
     * at random, so its first samples are a random subset of it. The view follows the batch: after the batch is
     * evaluated again, the view's products are those of the new evaluation. The default throws, for objectives that
     * cannot evaluate a part of their batch.
     *
     * @param fraction the share of the batch's samples the GGN product runs on, in (0, 1]; 1 returns this batch
     * @return a view of this batch with the sub-sampled GGN product
     * @throws IllegalArgumentException      if {@code fraction} is not in (0, 1]
     * @throws UnsupportedOperationException if this objective cannot sub-sample its curvature
     */
    default MiniBatchObjective curvatureSubset(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("curvature fraction is " + fraction + ", expected a value in (0, 1]");
        }
        if (fraction == 1) {
            return this;
        }
        throw new UnsupportedOperationException(getClass().getName() + " cannot take the GGN product over a subset "
                + "of its samples; use a curvature fraction of 1");
    }
}
