package org.gn4j.gn.stochastic;

import org.gn4j.gn.core.StepOutcome;

/**
 * What one optimizer step did. First-order methods fill the first five components (the others are 0 or NaN); the
 * Gauss-Newton methods report their inner solve, damping and line search too.
 *
 * @param status       {@link StepOutcome#OK}; {@link StepOutcome#REJECTED} when the step was refused and θ left
 *                     untouched;
 *                     {@link StepOutcome#NON_FINITE} when the loss or gradient at θ was not finite, a first-order step
 *                     was not finite, or a Gauss-Newton method gave up after too many consecutive non-finite trials
 *                     (θ is then untouched)
 * @param loss         the mini-batch loss at θ before the step
 * @param gradientNorm Euclidean norm of the mini-batch loss gradient (without weight decay); NaN if not computed
 * @param stepNorm     Euclidean norm of the change of θ; 0 when no step was taken
 * @param learningRate the learning rate used (or that would have been used); for SGN and EGN the step length α
 * @param cgIterations conjugate-gradient iterations of the inner solve (0 for a direct solve or a first-order step)
 * @param cgResidual   final relative residual {@code ‖b − Ax‖/‖b‖} of the inner solve; NaN if there was none
 * @param damping      the damping ρ (SGN) or λ (EGN) the direction was computed with; NaN for first-order steps
 * @param stepLength   the line-search step length α (1 without a line search; 0 for a refused step); NaN for
 *                     first-order steps
 * @param gainRatio    actual over predicted reduction of the mini-batch loss, NaN where not computed
 * @param seconds      wall-clock seconds the step took, NaN where not measured
 */
public record StepResult(StepOutcome status, double loss, double gradientNorm, double stepNorm, double learningRate,
        int cgIterations, double cgResidual, double damping, double stepLength, double gainRatio, double seconds) {
    /**
     * A first-order step's report: no inner solve, damping, line search or timing.
     *
     * @param status the step's outcome
     * @param loss the mini-batch loss at θ before the step
     * @param gradientNorm Euclidean norm of the mini-batch loss gradient
     * @param stepNorm Euclidean norm of the change of θ, 0 when no step was taken
     * @param learningRate the learning rate used
     */
    public StepResult(StepOutcome status, double loss, double gradientNorm, double stepNorm, double learningRate) {
        this(status, loss, gradientNorm, stepNorm, learningRate, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    /**
     * Whether θ was updated.
     *
     * @return {@code true} if the status is {@link StepOutcome#OK}
     */
    public boolean ok() {
        return status == StepOutcome.OK;
    }
}
