package org.gn4j.gn.stochastic;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Stochastic gradient descent with optional heavy-ball or Nesterov momentum and L2 weight decay (the PyTorch
 * formulation). With {@code g = ∇L(θ) + λθ}, momentum μ and rate {@code η_t}:
 * <pre>
 *   v ← μv + g                      (v = 0 before the first step)
 *   θ ← θ − η_t·v                   heavy ball
 *   θ ← θ − η_t·(g + μv)            Nesterov
 * </pre>
 * With μ = 0 this is plain SGD. Configuration is immutable: each {@code with…} method returns a new optimizer with
 * fresh state.
 */
public final class Sgd extends FirstOrderOptimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    /**
     * Plain SGD with a constant learning rate.
     *
     * @param learningRate the constant learning rate η, finite and ≥ 0
     * @throws IllegalArgumentException if {@code learningRate} is negative, infinite or NaN
     */
    public Sgd(double learningRate) {
        this(LearningRateSchedule.constant(learningRate));
    }

    /**
     * Plain SGD with a learning-rate schedule.
     *
     * @param schedule the learning rate per step; not {@code null}
     */
    public Sgd(LearningRateSchedule schedule) {
        this(schedule, 0, false, 0);
    }

    private Sgd(LearningRateSchedule schedule, double momentum, boolean nesterov, double weightDecay) {
        super(schedule, momentum > 0 ? 1 : 0);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /**
     * The same method with momentum μ ∈ [0, 1).
     *
     * @param mu the momentum coefficient μ ∈ [0, 1) (0: none)
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if μ is outside [0, 1)
     */
    public Sgd withMomentum(double mu) {
        requireFraction("momentum", mu, true);
        return new Sgd(schedule, mu, nesterov, weightDecay);
    }

    /**
     * The same method with Nesterov's look-ahead momentum on or off (no effect while μ = 0).
     *
     * @param on {@code true} for Nesterov momentum, {@code false} for heavy-ball momentum
     * @return a new optimizer with fresh state
     */
    public Sgd withNesterov(boolean on) {
        return new Sgd(schedule, momentum, on, weightDecay);
    }

    /**
     * The same method with L2 weight decay λ ≥ 0 added to the gradient.
     *
     * @param lambda the L2 decay coefficient λ ≥ 0 (0: no decay)
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if λ is negative
     */
    public Sgd withWeightDecay(double lambda) {
        ArgumentChecks.requireNonNegative("weightDecay", lambda);
        return new Sgd(schedule, momentum, nesterov, lambda);
    }

    /**
     * The same method with another learning-rate schedule.
     *
     * @param s the new learning-rate schedule
     * @return a new optimizer with fresh state
     */
    public Sgd withSchedule(LearningRateSchedule s) {
        return new Sgd(s, momentum, nesterov, weightDecay);
    }

    /**
     * The same method with a constant learning rate.
     *
     * @param rate the constant learning rate η, finite and ≥ 0
     * @return a new optimizer with fresh state
     * @throws IllegalArgumentException if {@code rate} is negative, infinite or NaN
     */
    public Sgd withLearningRate(double rate) {
        return withSchedule(LearningRateSchedule.constant(rate));
    }

    /**
     * Momentum μ.
     *
     * @return the momentum coefficient μ ∈ [0, 1) (0: none)
     */
    public double momentum() {
        return momentum;
    }

    /**
     * Whether Nesterov momentum is used.
     *
     * @return {@code true} for Nesterov momentum, {@code false} for heavy-ball momentum
     */
    public boolean nesterov() {
        return nesterov;
    }

    /**
     * L2 weight decay λ.
     *
     * @return the weight decay λ ≥ 0 (0: none)
     */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public String name() {
        return momentum > 0 ? (nesterov ? "sgd-nesterov" : "sgd-momentum") : "sgd";
    }

    @Override
    void computeStep(double[] theta, double[] g, double rate, long t, double[] delta) {
        int d = theta.length;
        double[] v = momentum > 0 ? state[0] : null;
        for (int i = 0; i < d; i++) {
            double gi = weightDecay != 0 ? g[i] + weightDecay * theta[i] : g[i];
            double dir;
            if (v == null) {
                dir = gi;
            } else {
                v[i] = momentum * v[i] + gi;
                dir = nesterov ? gi + momentum * v[i] : v[i];
            }
            delta[i] = -(rate * dir);
        }
    }

    @Override
    public String toString() {
        return "Sgd[momentum=" + momentum + ", nesterov=" + nesterov + ", weightDecay=" + weightDecay + "]";
    }
}
