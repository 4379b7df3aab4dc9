package org.gn4j.nn.train;

import java.util.List;

import org.gn4j.gn.TerminationReason;

/**
 * The outcome of {@link Trainer#train} or {@link Trainer#resume}.
 *
 * @param status       why training stopped: {@link TerminationReason#COMPLETED} (every epoch ran),
 *                     {@link TerminationReason#TIME_BUDGET}, {@link TerminationReason#MAX_ITERATIONS} (the step
 *                     limit) or {@link TerminationReason#NON_FINITE} (a mini-batch loss, gradient or step was not
 *                     finite: θ holds the last parameters with a finite loss and gradient, and no checkpoint was
 *                     written after the failure)
 * @param epochs       epochs completed in total (across resumes)
 * @param steps        optimizer steps taken in total
 * @param samplesSeen  training samples processed in total
 * @param seconds      wall-clock seconds in total (across resumes)
 * @param trainLoss    mean mini-batch loss of the last (possibly partial) epoch; NaN if no step was taken
 * @param testLoss     mean test loss at the final parameters; NaN without a test set
 * @param testAccuracy test accuracy at the final parameters; NaN without labels
 * @param history      one row per completed epoch, across resumes
 */
public record TrainingResult(TerminationReason status, int epochs, long steps, long samplesSeen, double seconds,
        double trainLoss, double testLoss, double testAccuracy, List<EpochMetrics> history) {
    /**
     * Copies the history; a successful status with a non-finite training loss (after a step), an infinite test loss
     * or accuracy becomes {@link TerminationReason#NON_FINITE} ({@link TerminationReason#given}).
     *
     * @param status why training stopped (see the class comment); not null
     * @param epochs epochs completed in total (across resumes)
     * @param steps optimizer steps taken in total
     * @param samplesSeen training samples processed in total
     * @param seconds wall-clock seconds in total (across resumes)
     * @param trainLoss mean mini-batch loss of the last (possibly partial) epoch; NaN if no step was taken
     * @param testLoss mean test loss at the final parameters; NaN without a test set
     * @param testAccuracy test accuracy at the final parameters, in {@code [0, 1]}; NaN without labels
     * @param history one row per completed epoch, across resumes; copied into an unmodifiable list
     */
    public TrainingResult {
        history = List.copyOf(history);
        status = status.given(steps > 0 ? new double[] {trainLoss} : null,
                new double[] {Double.isNaN(testLoss) ? 0 : testLoss, Double.isNaN(testAccuracy) ? 0 : testAccuracy});
    }
}
