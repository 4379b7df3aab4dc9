package org.gn4j.nn.train;

import java.util.List;

/**
 * The outcome of {@link Trainer#train} or {@link Trainer#resume}.
 *
 * @param status       why training stopped
 * @param epochs       epochs completed in total (across resumes)
 * @param steps        optimizer steps taken in total
 * @param samplesSeen  training samples processed in total
 * @param seconds      wall-clock seconds in total (across resumes)
 * @param trainLoss    mean mini-batch loss of the last (possibly partial) epoch; NaN if no step was taken
 * @param testLoss     mean test loss at the final parameters; NaN without a test set
 * @param testAccuracy test accuracy at the final parameters; NaN without labels
 * @param history      one row per completed epoch, across resumes
 */
public record TrainingResult(Status status, int epochs, long steps, long samplesSeen, double seconds,
        double trainLoss, double testLoss, double testAccuracy, List<EpochMetrics> history) {
    /** Why training stopped. */
    public enum Status {
        /** All configured epochs were run. */
        COMPLETED,
        /** The wall-clock budget ran out. */
        TIME_BUDGET,
        /** The step limit was reached. */
        STEP_LIMIT,
        /**
         * A mini-batch loss, gradient or step was not finite: θ holds the last parameters with a finite loss and
         * gradient, and no checkpoint was written after the failure.
         */
        NON_FINITE
    }

    public TrainingResult {
        history = List.copyOf(history);
    }
}
