package org.gn4j.gn.stochastic;

/**
 * What one optimizer step did.
 *
 * @param status       {@link Status#OK}, or {@link Status#NON_FINITE} when the loss, the gradient or the step was
 *                     not finite (θ is then untouched)
 * @param loss         the mini-batch loss at θ before the step
 * @param gradientNorm Euclidean norm of the mini-batch loss gradient (without weight decay); NaN if not computed
 * @param stepNorm     Euclidean norm of the change of θ; 0 when no step was taken
 * @param learningRate the learning rate used (or that would have been used)
 */
public record StepResult(Status status, double loss, double gradientNorm, double stepNorm, double learningRate) {
    /** The outcome of a step. */
    public enum Status {
        /** θ was updated. */
        OK,
        /** A non-finite loss, gradient or step: θ was left untouched. */
        NON_FINITE
    }

    /** Whether θ was updated. */
    public boolean ok() {
        return status == Status.OK;
    }
}
