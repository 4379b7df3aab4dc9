package org.gn4j.nn.train;

/**
 * Callbacks from a {@link Trainer} on its own thread (a progress bar, early logging by the application). All
 * methods default to doing nothing; they should return quickly.
 */
public interface TrainingListener {
    /** After each OK optimizer step. */
    default void onStep(StepEvent event) {
    }

    /** After each epoch's evaluation, with the row that goes into the history and the metrics CSV. */
    default void onEpoch(EpochMetrics metrics) {
    }

    /**
     * After a mid-epoch test evaluation ({@link Trainer#withEvaluationInterval}): {@code epoch} counts the epochs
     * completed, {@code trainLoss} is the mean mini-batch loss of the current epoch so far. The row is not part of the
     * history.
     */
    default void onEvaluation(EpochMetrics metrics) {
    }
}
