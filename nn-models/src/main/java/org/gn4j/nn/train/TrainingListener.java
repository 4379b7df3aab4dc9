package org.gn4j.nn.train;

import org.gn4j.gn.core.CallbackReturn;

/**
 * Callbacks from a {@link Trainer} on its own thread (a progress bar, early logging by the application). All
 * methods default to doing nothing; they should return quickly.
 */
public interface TrainingListener {
    /**
     * After each optimizer step that did not end the run (OK or refused).
     *
     * @param event the step's counters and outcome; valid during the call
     */
    default void onStep(StepEvent event) {
    }

    /**
     * After each optimizer step that did not end the run: {@link CallbackReturn#STOP} ends training with
     * {@link org.gn4j.gn.TerminationReason#USER_SUCCESS}, {@link CallbackReturn#ABORT} with
     * {@link org.gn4j.gn.TerminationReason#USER_ABORT} (both keep θ, the history so far and the final checkpoint).
     * The default calls {@link #onStep} and continues.
     *
     * @param event the step's counters and outcome; valid during the call
     * @return {@link CallbackReturn#CONTINUE} to go on, {@code STOP} or {@code ABORT} to end training
     */
    default CallbackReturn afterStep(StepEvent event) {
        onStep(event);
        return CallbackReturn.CONTINUE;
    }

    /**
     * After each epoch's evaluation, with the row that goes into the history and the metrics CSV.
     *
     * @param metrics the epoch's row
     */
    default void onEpoch(EpochMetrics metrics) {
    }

    /**
     * After a mid-epoch test evaluation ({@link Trainer#withEvaluationInterval}): {@code epoch} counts the epochs
     * completed, {@code trainLoss} is the mean mini-batch loss of the current epoch so far. The row is not part of the
     * history.
     *
     * @param metrics the evaluation's row (not added to the history)
     */
    default void onEvaluation(EpochMetrics metrics) {
    }
}
