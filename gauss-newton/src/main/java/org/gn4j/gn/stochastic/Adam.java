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

    /** Adam with a constant learning rate. */
    public Adam(double learningRate) {
        this(LearningRateSchedule.constant(learningRate));
    }

    /** Adam with a learning-rate schedule. */
    public Adam(LearningRateSchedule schedule) {
        this(schedule, 0.9, 0.999, 1e-8, 0, false);
    }

    /** AdamW: Adam with decoupled weight decay λ. */
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

    /** The same method with moment decay rates β₁ ∈ [0, 1), β₂ ∈ [0, 1). */
    public Adam withBetas(double b1, double b2) {
        requireFraction("beta1", b1, true);
        requireFraction("beta2", b2, true);
        return new Adam(schedule, b1, b2, epsilon, weightDecay, decoupled);
    }

    /** The same method with ε > 0 added to √v̂. */
    public Adam withEpsilon(double eps) {
        ArgumentChecks.requirePositive("epsilon", eps);
        return new Adam(schedule, beta1, beta2, eps, weightDecay, decoupled);
    }

    /** Adam with L2 weight decay λ added to the gradient (coupled: it passes through the moment estimates). */
    public Adam withWeightDecay(double lambda) {
        ArgumentChecks.requireNonNegative("weightDecay", lambda);
        return new Adam(schedule, beta1, beta2, epsilon, lambda, false);
    }

    /** AdamW: decoupled weight decay, {@code θ ← θ − ηλθ} applied beside the Adam step. */
    public Adam withDecoupledWeightDecay(double lambda) {
        ArgumentChecks.requireNonNegative("weightDecay", lambda);
        return new Adam(schedule, beta1, beta2, epsilon, lambda, true);
    }

    /** The same method with another learning-rate schedule. */
    public Adam withSchedule(LearningRateSchedule s) {
        return new Adam(s, beta1, beta2, epsilon, weightDecay, decoupled);
    }

    /** The same method with a constant learning rate. */
    public Adam withLearningRate(double rate) {
        return withSchedule(LearningRateSchedule.constant(rate));
    }

    /** β₁. */
    public double beta1() {
        return beta1;
    }

    /** β₂. */
    public double beta2() {
        return beta2;
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    /** Weight decay λ. */
    public double weightDecay() {
        return weightDecay;
    }

    /** Whether the weight decay is decoupled (AdamW). */
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
