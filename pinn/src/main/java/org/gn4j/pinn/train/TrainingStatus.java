package org.gn4j.pinn.train;

/** Why a training run ended. */
public enum TrainingStatus {
    /** The target relative L2 error was reached. */
    TARGET_REACHED,
    /** The optimizer's own convergence test fired (tiny step, gradient or cost change). */
    CONVERGED,
    /** The wall-clock budget ran out. */
    TIME_BUDGET,
    /** The iteration cap was reached. */
    MAX_ITERATIONS,
    /** No step decreased the loss (damping overflow, line search failure). */
    NO_PROGRESS,
    /** The loss, gradient or step became non-finite. */
    NON_FINITE
}
