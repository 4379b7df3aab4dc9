package org.gn4j.pinn.train;

/** Receives every history sample of a training run (the CLI draws its progress bar from these). */
@FunctionalInterface
public interface TrainingListener {
    /**
     * Called whenever the run records a sample.
     *
     * @param point the sample just recorded
     */
    void progress(HistoryPoint point);
}
