package org.gn4j.gn.stochastic;



/**
 * One iterative training method (SGD, Adam, and the second-order SGN/EGN). An optimizer holds a fixed
 * configuration and a mutable state (momentum buffers, moment estimates, step counter); one optimizer trains one
 * parameter vector at a time.
 */
public interface Optimizer {
    /**
     * Short name, also stored in checkpoints to check that a state is restored into the right kind of optimizer.
     *
     * @return the optimizer's short name, e.g. {@code "adam"}; never {@code null}
     */
    String name();

    /**
     * One step on the current mini-batch: the caller has already called
     * {@code batch.evaluate(theta, …)} at this θ, so {@link MiniBatchObjective#loss()} and every product refer to it.
     * Updates θ in place.
     *
     * @param theta the parameters θ (length = the network's parameter count), updated in place
     * @param batch the mini-batch objective, already evaluated at {@code theta}
     * @return the step's report; with {@link org.gn4j.gn.core.StepOutcome#NON_FINITE} (a non-finite loss, gradient or step)
     *         θ is left untouched and the step counter does not advance
     * @throws IllegalArgumentException if θ's length differs from the network's parameter count
     */
    StepResult step(double[] theta, MiniBatchObjective batch);

    /** Forgets all state (buffers and step counter), as for a fresh run. */
    void reset();

    /**
     * Number of OK steps taken since the last reset (the step number the learning-rate schedule sees next).
     *
     * @return the number of OK steps since the last {@link #reset()}, ≥ 0
     */
    long stepCount();

    /**
     * A copy of the mutable state as one flat vector (layout private to the implementation; empty before the first
     * step), which {@link #restoreState} turns back into the identical state for an exact resume.
     *
     * @return a fresh copy of the state vector; length fixed by the configuration and parameter count, empty before the
     *         first step
     */
    double[] stateVector();

    /**
     * Restores a state produced by {@link #stateVector()} of an optimizer with the same name and configuration.
     *
     * @param state a vector from {@link #stateVector()}; copied, not kept
     * @param stepCount the step counter to resume at (≥ 0), as returned by {@link #stepCount()} at save time
     * @throws IllegalArgumentException if the vector's length does not fit this optimizer or stepCount is negative
     */
    void restoreState(double[] state, long stepCount);
}
