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
}
