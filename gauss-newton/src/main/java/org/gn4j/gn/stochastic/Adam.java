package org.gn4j.gn.stochastic;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Adam (Kingma &amp; Ba) with bias correction, and AdamW (Loshchilov &amp; Hutter) with decoupled weight decay. At step
 * {@code t = 1, 2, …} with rate η and gradient {@code g = ∇L(θ)} (plus {@code λθ} for coupled L2 decay):
 * <pre>
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²
 *   m̂ = m/(1 − β₁ᵗ),       v̂ = v/(1 − β₂ᵗ)
 *   θ ← θ − η·m̂/(√v̂ + ε)  − ηλθ   (the last term only for decoupled decay, AdamW)
 * </pre>
 * Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no decay. Configuration is immutable: each {@code with…} method returns a
 * new optimizer with fresh state.
 */
public final class Adam extends FirstOrderOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;

    /**
     * Adam with a constant learning rate.
     *
     * @param learningRate the constant learning rate η, finite and ≥ 0
     * @throws IllegalArgumentException if {@code learningRate} is negative, infinite or NaN
     */
    public Adam(double learningRate) {
        this(LearningRateSchedule.constant(learningRate));
    }

    /**
     * Adam with a learning-rate schedule.
     *
     * @param schedule the learning rate per step; not {@code null}
     */
    public Adam(LearningRateSchedule schedule) {
        this(schedule, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * AdamW: Adam with decoupled weight decay λ.
     *
     * @param learningRate the constant learning rate η, finite and ≥ 0
     * @param weightDecay the decoupled weight decay λ ≥ 0 (0: plain Adam)
     * @return a new AdamW optimizer with default β₁, β₂, ε and fresh state
     * @throws IllegalArgumentException if a rate is negative or not finite, or λ is negative
     */
    public static Adam adamW(double learningRate, double weightDecay) {
        return new Adam(learningRate).withDecoupledWeightDecay(weightDecay);
    }

    private Adam(LearningRateSchedule schedule, double beta1, double beta2, double epsilon, double weightDecay,
            boolean decoupled) {
        super(schedule, 2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /**
     * The same method with moment decay rates β₁ ∈ [0, 1), β₂ ∈ [0, 1).
     *
     * @param b1 the first-moment decay rate β₁ ∈ [0, 1)
     * @param b2 the second-moment decay rate β₂ ∈ [0, 1)
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if β₁ or β₂ is outside [0, 1)
     */
    public Adam withBetas(double b1, double b2) {
        requireFraction("beta1", b1, true);
        requireFraction("beta2", b2, true);
        return new Adam(schedule, b1, b2, epsilon, weightDecay, decoupled);
    }

    /**
     * The same method with ε > 0 added to √v̂.
     *
     * @param eps the stabilizing term ε > 0 in the denominator
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if ε is not positive
     */
    public Adam withEpsilon(double eps) {
        ArgumentChecks.requirePositive("epsilon", eps);
        return new Adam(schedule, beta1, beta2, eps, weightDecay, decoupled);
    }

    /**
     * Adam with L2 weight decay λ added to the gradient (coupled: it passes through the moment estimates).
     *
     * @param lambda the L2 decay coefficient λ ≥ 0 (0: no decay)
     * @return a new (coupled-decay) optimizer with fresh state
     * @throws IllegalArgumentException if λ is negative
     */
    public Adam withWeightDecay(double lambda) {
        ArgumentChecks.requireNonNegative("weightDecay", lambda);
        return new Adam(schedule, beta1, beta2, epsilon, lambda, false);
    }

    /**
     * AdamW: decoupled weight decay, {@code θ ← θ − ηλθ} applied beside the Adam step.
     *
     * @param lambda the decoupled decay coefficient λ ≥ 0 (0: no decay)
     * @return a new AdamW optimizer with fresh state
     * @throws IllegalArgumentException if λ is negative
     */
    public Adam withDecoupledWeightDecay(double lambda) {
        ArgumentChecks.requireNonNegative("weightDecay", lambda);
        return new Adam(schedule, beta1, beta2, epsilon, lambda, true);
    }

    /**
     * The same method with another learning-rate schedule.
     *
     * @param s the new learning-rate schedule
     * @return a new optimizer with fresh state
     */
    public Adam withSchedule(LearningRateSchedule s) {
        return new Adam(s, beta1, beta2, epsilon, weightDecay, decoupled);
    }

    /**
     * The same method with a constant learning rate.
     *
     * @param rate the constant learning rate η, finite and ≥ 0
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code rate} is negative, infinite or NaN
     */
    public Adam withLearningRate(double rate) {
        return withSchedule(LearningRateSchedule.constant(rate));
    }

    /**
     * β₁.
     *
     * @return the first-moment decay rate β₁ ∈ [0, 1)
     */
    public double beta1() {
        return beta1;
    }

    /**
     * β₂.
     *
     * @return the second-moment decay rate β₂ ∈ [0, 1)
     */
    public double beta2() {
        return beta2;
    }

    /**
     * ε.
     *
     * @return the denominator term ε > 0
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Weight decay λ.
     *
     * @return the weight decay λ ≥ 0 (0: none)
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Whether the weight decay is decoupled (AdamW).
     *
     * @return {@code true} for decoupled decay (AdamW), {@code false} for L2 decay added to the gradient
     */
    public boolean decoupled() {
        return decoupled;
    }

    @Override
    public String name() {
        return decoupled ? "adamw" : "adam";
    }

    @Override
    void computeStep(double[] theta, double[] g, double rate, long t, double[] delta) {
        double[] m = state[0];
        double[] v = state[1];
        double step = t + 1;
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        double l2 = decoupled ? 0 : weightDecay;
        double shrink = decoupled ? rate * weightDecay : 0;
        for (int i = 0; i < theta.length; i++) {
            double gi = l2 != 0 ? g[i] + l2 * theta[i] : g[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            double mHat = m[i] / c1;
            double vHat = v[i] / c2;
            double di = -(rate * mHat / (Math.sqrt(vHat) + epsilon));
            delta[i] = shrink != 0 ? di - shrink * theta[i] : di;
        }
    }

    @Override
    public String toString() {
        return "Adam[beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ", weightDecay=" + weightDecay
                + ", decoupled=" + decoupled + "]";
    }
}
