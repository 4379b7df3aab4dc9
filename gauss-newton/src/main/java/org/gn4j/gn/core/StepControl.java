package org.gn4j.gn.core;

/**
 * How the loop's damping parameter moves from step to step: the Levenberg-Marquardt damping λ
 * ({@link NielsenDamping}, {@link MarquardtDamping}, {@link FixedDamping}, the stochastic rules of
 * {@link org.gn4j.gn.stochastic.Damping}) or the trust radius Δ of dogleg ({@link TrustRadius}).
 *
 * <p>A control is an immutable rule over a small state vector it creates and updates in place, so a checkpoint
 * holds the state and a resumed run continues bit for bit. The gain ratio it reads is {@link GainRatio#of}: finite
 * or {@code −∞} for a step that was evaluated, NaN for a failed one (a non-finite trial or an unsolvable system).
 */
public interface StepControl {
    /**
     * The state at the start; {@code scaledStartNorm = ‖Dx₀‖} (read by the trust radius only).
     *
     * @param scaledStartNorm ‖Dx₀‖, the scaled norm of the start point, ≥ 0
     * @return a new state vector (its length is the control's own)
     */
    double[] initialState(double scaledStartNorm);

    /**
     * The damping λ (or radius Δ) the next step uses.
     *
     * @param state the control's state
     * @return the damping λ ≥ 0, or the trust radius Δ &gt; 0 for a radius control
     */
    double damping(double[] state);

    /** The gain ratio above which the adaptive controls accept a step. */
    double ACCEPT = 1e-4;

    /**
     * The acceptance test of the adaptive controls: {@code ρ > 1e-4} and the cost went down.
     *
     * @param gainRatio the gain ratio of the step ({@link GainRatio#of})
     * @param actualReduction the actual reduction of the cost, {@code cost(x) − cost(x + δ)}
     * @return {@code true} if the step is acceptable
     */
    static boolean sufficientDecrease(double gainRatio, double actualReduction) {
        return gainRatio > ACCEPT && actualReduction > 0;
    }

    /**
     * Whether a trial with this gain ratio and actual reduction is taken (after its step length was found).
     *
     * @param gainRatio the gain ratio of the step ({@link GainRatio#of})
     * @param actualReduction the actual reduction of the cost, {@code cost(x) − cost(x + δ)}
     * @return {@code true} if the step is taken
     */
    boolean acceptable(double gainRatio, double actualReduction);

    /**
     * Updates the state after an accepted step.
     *
     * @param state the control's state from {@link #initialState}, updated in place
     * @param gainRatio the gain ratio of the step ({@link GainRatio#of})
     * @param stepNorm  the scaled norm ‖Dδ‖ of the step taken
     * @param nextStep  the number of accepted steps so far (what schedules read)
     */
    void accepted(double[] state, double gainRatio, double stepNorm, long nextStep);

    /**
     * Updates the state after a refused step (the gain ratio is finite or {@code −∞}, or NaN after a failure).
     *
     * @param state the control's state from {@link #initialState}, updated in place
     * @param gainRatio the gain ratio: finite, {@code −∞}, or NaN after a failure
     * @param stepNorm the scaled norm ‖Dδ‖ of the refused step
     * @param nextStep the number of accepted steps so far
     * @return false when the rule cannot make the next step any different (a fixed damping, or a damping past the
     *         ceiling): a deterministic solve then ends with no progress
     */
    boolean rejected(double[] state, double gainRatio, double stepNorm, long nextStep);

    /**
     * Updates the state after a failed step: a non-finite trial, direction or an unsolvable system. By default the
     * same as a refusal with gain ratio {@code −∞}.
     *
     * @param state the control's state from {@link #initialState}, updated in place
     * @param stepNorm the scaled norm ‖Dδ‖ of the failed step (may be NaN)
     * @param nextStep the number of accepted steps so far
     * @return false when the rule cannot make the next step any different
     */
    default boolean failed(double[] state, double stepNorm, long nextStep) {
        return rejected(state, Double.NEGATIVE_INFINITY, stepNorm, nextStep);
    }

    /**
     * Whether the damping is adapted from the gain ratio (the loop then evaluates the model's curvature).
     *
     * @return {@code true} if the rule reads the gain ratio
     */
    boolean usesGainRatio();

    /**
     * Whether the damping is a trust radius Δ (dogleg) rather than a damping λ.
     *
     * @return {@code true} for a trust radius Δ, {@code false} for a damping λ
     */
    default boolean isRadius() {
        return false;
    }
}
