package org.gn4j.nn.train;

import org.gn4j.gn.stochastic.StepResult;

/**
 * Progress after one optimizer step, for {@link TrainingListener#onStep}.
 *
 * @param epoch           the epoch in progress (1-based)
 * @param batch           batches done in this epoch (1-based index of the batch just processed)
 * @param batchesPerEpoch batches in one epoch
 * @param step            optimizer steps taken in total
 * @param samplesSeen     training samples processed in total
 * @param seconds         wall-clock seconds of training so far (across resumes)
 * @param result          the step's report
 */
public record StepEvent(int epoch, int batch, int batchesPerEpoch, long step, long samplesSeen, double seconds,
        StepResult result) {
}
