package org.gn4j.nn.train;

/**
 * Callbacks from a {@link Trainer} on its own thread (a progress bar, early logging by the application). Both
 * methods default to doing nothing; they should return quickly.
 */
public interface TrainingListener {
    /** After each OK optimizer step. */
    default void onStep(StepEvent event) {
    }

    /** After each epoch's evaluation, with the row that goes into the history and the metrics CSV. */
    default void onEpoch(EpochMetrics metrics) {
    }
}
