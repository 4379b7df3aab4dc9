package org.gn4j.gn.core;

/** How one step of an optimizer ended: the one step vocabulary of the core loop and the stochastic optimizers. */
public enum StepOutcome {
    /** The parameters moved. */
    OK,
    /**
     * The step was refused (no decrease, or not enough, or a non-finite trial or direction): the parameters are
     * untouched and the damping raised; a run can go on.
     */
    REJECTED,
    /**
     * A non-finite loss, gradient or step at the current point, or persistent failure: the parameters are untouched
     * and a run should stop.
     */
    NON_FINITE
}
