package org.gn4j.gn.stochastic;

/**
 * What a stochastic optimizer sees of one mini-batch, evaluated at the current parameters: the mean loss
 * {@code L = (1/b)Σℓ(f(x_s; θ), y_s)}, its gradient, and the generalized Gauss-Newton product
 * {@code G·v = (1/b)JᵀQJv}. The network layer ({@code org.gn4j.nn.MiniBatchObjective}) implements it, so first-order
 * baselines and the Gauss-Newton methods (SGN, EGN) live here, below the network code, behind one interface.
 */
public interface MiniBatchObjective {
    /** Number of parameters d. */
    int parameterCount();

    /** Mean loss at the evaluated point. */
    double loss();

    /** {@code out = ∇L} (length d). */
    void gradient(double[] out);

    /** {@code out = G·v}, the generalized Gauss-Newton product at the evaluated point. */
    void ggnTimes(double[] v, double[] out);
}
